#pragma once
// Roll-ups over several units (semantics.md "Per unit and roll-ups"): per
// indicator id, pooled Σnumerators/Σdenominators for ratios with counts, sums
// for counts, means weighted by `weight`, else the plain mean (flagged).
// Units are added one at a time; only per-indicator, per-year accumulators
// are kept, so memory does not grow with the number of units.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/evaluate.hpp"

namespace plancheck {

enum class Aggregation { Pooled, Sum, WeightedMean, Mean };
std::string_view aggregation_name(Aggregation a);  // "pooled", "sum", "weighted-mean", "mean"

// One indicator id rolled up: a synthesized indicator whose values are the
// aggregates, evaluated like any other.
struct RollupIndicator {
  std::unique_ptr<Indicator> indicator;
  IndicatorResult result;
  Aggregation aggregation = Aggregation::Mean;
  int units_count = 0;                 // units that have the indicator
  std::vector<std::string> missing;    // units of the roll-up that lack it
  std::vector<std::string> notes;      // e.g. targets that differ across units
  // The units' own statuses for it, by status. When the units' targets for
  // the roll-up's next target year differ, there is no common target to
  // judge the pooled series by: the roll-up's status is then the units'
  // (`status_from_units`), the most common of them, a tie going to the
  // worse, and reports say "3 of 5 on track".
  std::array<int, kAllStatuses.size()> unit_statuses{};
  bool status_from_units = false;
};

// "3 of 5 on track" (in `lang`'s words for the status): the share of units
// behind a roll-up status judged from the units.
struct RollupStatusCount {
  int units = 0;
  int total = 0;
};
RollupStatusCount rollup_status_count(const RollupIndicator& ri);

// Indicator definitions shared by the roll-ups of a summary: each keeps a
// pointer to the first unit's definition (without values, weight and
// targets, which are the units' own) instead of a copy, and units made from
// one template share one. Only the thread that adds units uses it.
class ShapePool {
 public:
  // The pooled definition equal to `ind` in all a roll-up shows or
  // evaluates (values, weight and targets aside), added when there is none.
  std::shared_ptr<const Indicator> intern(const Indicator& ind);

 private:
  std::map<std::string, std::vector<std::shared_ptr<const Indicator>>, std::less<>> by_id_;
};

class Rollup {
 public:
  explicit Rollup(std::shared_ptr<ShapePool> pool = std::make_shared<ShapePool>()) : pool_(std::move(pool)) {}
  void add(const Plan& plan, const UnitResult& result);

  // Aggregates and evaluates, for indicator ids present in more than one unit.
  std::vector<RollupIndicator> finish(std::optional<int> as_of, const EvaluationOptions& opts) const;

  int units() const { return static_cast<int>(id_offsets_.size()); }

 private:
  // Sums of one year's values over the units that have one.
  struct Year {
    int year = 0;
    int units = 0;
    bool counts_everywhere = true;  // every value came with numerator/denominator
    double value_sum = 0;
    double numerator_sum = 0, denominator_sum = 0;
    double weighted_sum = 0, weight_sum = 0;
  };
  // A target year: the first unit's milestone, or for a year the first
  // unit has no target for, the first one of a later unit (it never
  // agrees; only its label is shown). Kept without its file name.
  struct TargetYear {
    Milestone milestone;
    bool first = true;  // the first unit's
    bool agree = true;  // every unit has the same target text that year
  };
  // About 100 bytes plus 56 a year and 150 a target year (bench/results.md).
  struct Entry {
    std::shared_ptr<const Indicator> shape;  // the first unit's definition, pooled
    int units = 0;
    bool weights_everywhere = true;
    bool baselines_same_year = true;
    std::optional<int> baseline_year;
    std::vector<Year> years;           // point values, by year
    std::vector<TargetYear> targets;   // by year
    // Units lacking it, as ranges [first, last) of unit ordinals: a unit
    // added before the indicator first appeared lacks it too.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> missing;
    std::vector<std::string> notes;
    std::array<int, kAllStatuses.size()> unit_statuses{};
  };
  void add_points(Entry& e, const Indicator& ind, const IndicatorResult& r);
  void add_targets(Entry& e, const Indicator& ind, bool first);
  void note_missing(Entry& e, std::uint32_t ordinal);
  std::string unit_id(std::uint32_t ordinal) const;

  std::shared_ptr<ShapePool> pool_;
  // Unit ids by ordinal, packed: a few bytes per unit.
  std::string id_arena_;
  std::vector<std::uint32_t> id_offsets_;
  std::vector<Entry> entries_;  // in order of first appearance
  std::map<std::string, std::size_t> index_;
};

}  // namespace plancheck
