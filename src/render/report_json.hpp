#pragma once
// The JSON contract of cli.md for evaluate, gaps and project.
#include <functional>
#include <ostream>
#include <string>

#include "core/evaluation/report.hpp"
#include "render/json_writer.hpp"

namespace plancheck {

// Version of the JSON output (the "plancheck" key); docs/plancheck-output.schema.json
// describes it.
inline constexpr int kJsonVersion = 1;

std::string render_json(const Report& report, JsonStyle style = JsonStyle::Pretty);

// The document of render_json written one unit at a time into `out`:
// pretty or compact, one document; lines, one unit object per line and
// nothing else (docs/output-formats.md).
class JsonUnitStream {
 public:
  JsonUnitStream(std::ostream& out, JsonStyle style) : out_(out), style_(style) {}
  // {"plancheck": 1, "as_of": …, "method": …, "units": [
  void begin(const Report& ctx);
  void unit(const Report& ctx, const UnitResult& u);
  // Closes "units"; keys may follow (summary).
  void close_units();
  // Closes the document.
  void end();
  bool compact() const { return style_ != JsonStyle::Pretty; }
  JsonStyle style() const { return style_; }

 private:
  std::ostream& out_;
  JsonStyle style_;
  bool first_ = true;
};

// Pieces of the document, for outputs that stream it (summary).
void write_unit_json(JsonWriter& w, const Report& report, const UnitResult& u);
// {"met": 3, "on-track": 4, …}, every status present.
void write_counts(JsonWriter& w, const std::array<int, kAllStatuses.size()>& counts);
// An indicator object; `extra` adds keys before "milestones".
void write_indicator_json(JsonWriter& w, const Report& report, const IndicatorResult& r,
                          const std::function<void(JsonWriter&)>& extra = {});

}  // namespace plancheck
