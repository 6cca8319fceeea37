#pragma once
// `summary`: many units at once. Plan files are loaded and evaluated in
// parallel and handed, in input order, to a sink that writes each unit's row
// as it comes; roll-ups keep per-indicator accumulators only. Nothing per
// unit is kept beyond a few bytes, so memory stays flat as units grow.
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/batch.hpp"
#include "core/report.hpp"
#include "core/rollup.hpp"

namespace plancheck {

struct RankedUnit {
  std::string id;
  std::string name;
  std::string file;
  std::array<int, kAllStatuses.size()> counts{};
  int indicators = 0;
  double behind = 0;  // share of indicators missed or off track, at risk counting half
};

struct RollupGroup {
  std::string id;    // the parent unit id
  std::string name;  // its name when its plan is in the batch, else empty
  int units = 0;     // direct children in the batch
  std::vector<RollupIndicator> indicators;
};

struct SummaryTail {
  int units = 0;
  std::vector<RollupIndicator> rollup;  // over every unit
  std::vector<RollupGroup> groups;      // per parent, over its direct children
  std::vector<RankedUnit> ranking;      // furthest behind first
};

// The tail of a summary, fed one unit at a time: the roll-up over all units,
// one per parent (`unit.parent`) over its direct children, and the units
// furthest behind. Keeps accumulators only, not the units.
class SummaryBuilder {
 public:
  explicit SummaryBuilder(std::size_t ranking_size = 10) : ranking_size_(ranking_size) {}
  void add(const Plan& plan, const UnitResult& unit);
  SummaryTail finish(std::optional<int> as_of, const EvaluationOptions& eval) const;
  int units() const { return units_; }

 private:
  void note_parent_name(const Plan& plan);
  void rank(const Plan& plan, const UnitResult& u);

  std::size_t ranking_size_;
  int units_ = 0;
  Rollup all_;
  std::map<std::string, Rollup> groups_;
  std::map<std::string, std::string> parent_names_;
  std::vector<RankedUnit> ranking_;
};

// The summary tail of results already evaluated (the XLSX and HTML reports):
// the same roll-ups as `summary`, from the same UnitResults.
SummaryTail summarize(const Report& report, const EvaluationOptions& eval, std::size_t ranking_size = 10);

class SummarySink {
 public:
  virtual ~SummarySink() = default;
  virtual void begin(std::optional<int> as_of, Method method) = 0;
  // `unit` refers into `plan`; both live only for this call.
  virtual void unit(const Plan& plan, const UnitResult& unit) = 0;
  virtual void end(const SummaryTail& tail) = 0;
};

struct SummaryOptions {
  BatchInput input;
  EvaluationOptions eval;
  Selection selection;
  std::vector<Status> fail_on;
  std::size_t ranking_size = 10;
  std::function<void(std::size_t units_done)> progress;  // may be empty
};

struct SummaryOutcome {
  bool fail_on_matched = false;  // some milestone has a --fail-on status
  std::optional<int> as_of;
  // No plan, or an input filter that matches nothing (selection_check.hpp):
  // known only once every unit has streamed by; the sink is then not ended.
  std::vector<std::string> nothing_selected;
};

// Runs the summary. `make_sink` is called once per pass: when the as-of year
// is not given and a later year turns up than the one assumed from the first
// files, the whole pass is run again with the right year (a sink must then
// start afresh).
SummaryOutcome run_summary(const SummaryOptions& opts, const std::function<std::unique_ptr<SummarySink>()>& make_sink,
                           Diagnostics& diags);

// How far behind a unit is, for ranking.
double behind_score(const UnitResult& unit);

}  // namespace plancheck
