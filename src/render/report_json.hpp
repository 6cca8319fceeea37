#pragma once
// The JSON contract of cli.md for evaluate, gaps and project.
#include <functional>
#include <string>

#include "core/report.hpp"
#include "render/json_writer.hpp"

namespace plancheck {

// Version of the JSON output (the "plancheck" key); docs/plancheck-output.schema.json
// describes it.
inline constexpr int kJsonVersion = 1;

std::string render_json(const Report& report);

// Pieces of the document, for outputs that stream it (summary).
void write_unit_json(JsonWriter& w, const Report& report, const UnitResult& u);
// {"met": 3, "on-track": 4, …}, every status present.
void write_counts(JsonWriter& w, const std::array<int, kAllStatuses.size()>& counts);
// An indicator object; `extra` adds keys before "milestones".
void write_indicator_json(JsonWriter& w, const Report& report, const IndicatorResult& r,
                          const std::function<void(JsonWriter&)>& extra = {});

}  // namespace plancheck
