#pragma once
// The one walk every command that reads plans makes (validate, evaluate,
// gaps, project, summary): data files are loaded first; plan files are then
// loaded, checked and evaluated in parallel and handed, one unit at a time in
// input order, to a sink that writes what it needs and lets the unit go. No
// plan is kept beyond its call, so memory stays flat as units grow
// (docs/reliability.md "Flat memory").
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/reading/batch.hpp"
#include "core/evaluation/report.hpp"
#include "core/rollup/walk_diagnostics.hpp"

namespace plancheck {

class UnitSink {
 public:
  virtual ~UnitSink() = default;
  // Before any unit; as_of is the year the pass evaluates with.
  virtual void begin(std::optional<int> as_of, Method method) = 0;
  // A selected unit. `result` refers into `plan`; both live only for this call.
  virtual void unit(const Plan& plan, const UnitResult& result) = 0;
  // A sink that keeps units (the HTML and XLSX documents) overrides this to
  // take them over; by default they are shown and dropped.
  virtual void take(std::unique_ptr<Plan> plan, UnitResult result) { unit(*plan, result); }
  // Every plan of the input, before selection, with the warnings its checks
  // found (validate lists them).
  virtual void checked(const Plan& /*plan*/, std::size_t /*warnings*/) {}
  // After the last unit: true when the sink could not write this input in
  // one pass (summary's groups finished early, then a parent came again):
  // the pass is run again with a new sink.
  virtual bool needs_another_pass() { return false; }
  // After the last unit, when the run is good (no error, something selected).
  virtual void end() = 0;
};

struct StreamOptions {
  BatchInput input;
  EvaluationOptions eval;
  Selection selection;
  std::vector<Status> fail_on;
  bool evaluate = true;  // false: validate (no as-of year, no results, no unit())
  // The checks of each plan once loaded (on worker threads); empty = check_data.
  std::function<void(const Plan&, Diagnostics&)> check;
  // After selection, on the one-unit report (e.g. keep_gaps_only); may be empty.
  std::function<void(Report&)> prepare;
  std::function<void(std::size_t units_done)> progress;  // may be empty
};

struct StreamOutcome {
  bool fail_on_matched = false;  // some milestone has a --fail-on status
  std::optional<int> as_of;
  // No plan, or an input filter that matches nothing (selection_check.hpp):
  // known only once every unit has streamed by; the sink is then not ended.
  std::vector<Message> nothing_selected;
};

// Runs the walk. `make_sink` is called once per pass: when the as-of year is
// not given and the input's default (evaluate.hpp default_as_of) differs from
// the year assumed from the data files and the first plan, or when a data
// file is found only when parsed, the whole pass is run again (the sink's
// output must then start afresh). `diags` gets the last pass's diagnostics,
// reported as a whole-batch load would (walk_diagnostics.hpp): the checks of
// plans only when nothing failed to load.
StreamOutcome run_stream(const StreamOptions& opts, const std::function<std::unique_ptr<UnitSink>()>& make_sink,
                         WalkDiagnostics& diags);

}  // namespace plancheck
