#pragma once
// `summary`: many units at once. Units stream by (core/stream.hpp) to a sink
// that writes each unit's row as it comes; roll-ups keep per-indicator
// accumulators only, and are finished and written one parent group at a
// time. Nothing per unit is kept beyond a few bytes.
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/reading/batch.hpp"
#include "core/rollup/stream.hpp"
#include "core/evaluation/report.hpp"
#include "core/rollup/rollup.hpp"

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

class SummaryBuilder;

struct SummaryTail {
  int units = 0;
  std::vector<RollupIndicator> rollup;  // over every unit
  std::vector<RankedUnit> ranking;      // furthest behind first
  // Per parent (by id), over its direct children: each group is finished
  // when `f` is called with it and dropped after, so only one group's
  // roll-up is held at a time.
  void each_group(const std::function<void(const RollupGroup&)>& f) const;
  std::vector<RollupGroup> groups() const;  // all at once (the HTML and XLSX documents)

  std::shared_ptr<const SummaryBuilder> builder;
  std::optional<int> as_of;
  EvaluationOptions eval;
};

// The tail of a summary, fed one unit at a time: the roll-up over all units,
// one per parent (`unit.parent`) over its direct children, and the units
// furthest behind. Keeps accumulators only, not the units.
class SummaryBuilder {
 public:
  explicit SummaryBuilder(std::size_t ranking_size = 10) : ranking_size_(ranking_size) {}
  void add(const Plan& plan, const UnitResult& unit);
  // The tail refers to the builder for its groups: it must be held by `self`.
  static SummaryTail finish(const std::shared_ptr<const SummaryBuilder>& self, std::optional<int> as_of,
                            const EvaluationOptions& eval);
  int units() const { return units_; }
  RollupGroup group(const std::string& id, std::optional<int> as_of, const EvaluationOptions& eval) const;
  std::vector<std::string> group_ids() const;  // the groups not yet finished early

  // Input grouped by parent (a district's communes one after another, as
  // directories give them): a parent's group is finished and handed to
  // `done` as soon as a unit of another parent comes, and dropped, so only
  // the open group's accumulators are held. If a finished parent turns up
  // again (a unit, or its own plan with its name), regrouped() says so: the
  // groups handed out are wrong and the input must be run again without this.
  void finish_groups_early(std::function<void(RollupGroup)> done, std::optional<int> as_of, const EvaluationOptions& eval);
  bool regrouped() const { return regrouped_; }

 private:
  void note_parent_name(const Plan& plan);
  void rank(const Plan& plan, const UnitResult& u);
  void close_group_before(const Plan& plan);

  std::size_t ranking_size_;
  int units_ = 0;
  std::shared_ptr<ShapePool> shapes_ = std::make_shared<ShapePool>();
  Rollup all_{shapes_};
  std::map<std::string, Rollup> groups_;
  std::map<std::string, std::string> parent_names_;
  std::vector<RankedUnit> ranking_;
  std::function<void(RollupGroup)> done_;  // set: finish groups early
  std::optional<int> early_as_of_;
  EvaluationOptions early_eval_;
  std::string open_parent_;
  std::set<std::string> closed_;  // parents whose group was finished early
  bool regrouped_ = false;
};

// The summary tail of results already evaluated (the XLSX and HTML reports):
// the same roll-ups as `summary`, from the same UnitResults.
SummaryTail summarize(const Report& report, const EvaluationOptions& eval, std::size_t ranking_size = 10);

// What `summary` writes: each unit's row as it comes, then the tail.
class SummarySink {
 public:
  virtual ~SummarySink() = default;
  virtual void begin(std::optional<int> as_of, Method method) = 0;
  // `unit` refers into `plan`; both live only for this call.
  virtual void unit(const Plan& plan, const UnitResult& unit) = 0;
  // A parent's roll-up, finished before the end (grouped input) or at the
  // end; groups are shown in id order after the roll-up over all units.
  virtual void group(const RollupGroup& g) = 0;
  // tail.each_group gives the groups not yet given to group().
  virtual void end(const SummaryTail& tail) = 0;
};

struct SummaryOptions {
  StreamOptions stream;  // its `check` and `prepare` are left empty
  std::size_t ranking_size = 10;
};

// Runs the summary: the stream of core/stream.hpp, each unit to a
// SummaryBuilder and to the sink `make_sink` gives for the pass.
StreamOutcome run_summary(const SummaryOptions& opts, const std::function<std::unique_ptr<SummarySink>()>& make_sink,
                          WalkDiagnostics& diags);

// How far behind a unit is, for ranking.
double behind_score(const UnitResult& unit);

}  // namespace plancheck
