#pragma once
// `summary`: many units at once. Plan files are loaded and evaluated in
// parallel and handed, in input order, to a sink that writes each unit's row
// as it comes; roll-ups keep per-indicator accumulators only. Nothing per
// unit is kept beyond a few bytes, so memory stays flat as units grow.
#include <array>
#include <functional>
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
