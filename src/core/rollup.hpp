#pragma once
// Roll-ups over several units (semantics.md "Per unit and roll-ups"): per
// indicator id, pooled Σnumerators/Σdenominators for ratios with counts, sums
// for counts, means weighted by `weight`, else the plain mean (flagged).
// Units are added one at a time; only per-indicator, per-year accumulators
// are kept, so memory does not grow with the number of units.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/evaluate.hpp"

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
};

class Rollup {
 public:
  void add(const Plan& plan, const UnitResult& result);

  // Aggregates and evaluates, for indicator ids present in more than one unit.
  std::vector<RollupIndicator> finish(std::optional<int> as_of, const EvaluationOptions& opts) const;

  int units() const { return static_cast<int>(id_offsets_.size()); }

 private:
  struct Year {
    int units = 0;
    double value_sum = 0;
    double numerator_sum = 0, denominator_sum = 0;
    bool counts_everywhere = true;  // every value came with numerator/denominator
    double weighted_sum = 0, weight_sum = 0;
  };
  struct Entry {
    Indicator shape;  // id, name, kind, unit, better, stages: from the first unit
    int units = 0;
    bool weights_everywhere = true;
    bool baselines_same_year = true;
    std::optional<int> baseline_year;
    std::map<int, Year> years;             // point values by year
    std::map<int, Milestone> targets;      // the first unit's target for a year
    std::map<int, bool> targets_agree;     // every unit has the same target text that year
    // Units lacking it, as ranges [first, last) of unit ordinals: a unit
    // added before the indicator first appeared lacks it too.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> missing;
    std::vector<std::string> notes;
  };
  void add_points(Entry& e, const Indicator& ind, const IndicatorResult& r);
  void add_targets(Entry& e, const Indicator& ind, bool first);
  void note_missing(Entry& e, std::uint32_t ordinal);
  std::string unit_id(std::uint32_t ordinal) const;

  // Unit ids by ordinal, packed: a few bytes per unit.
  std::string id_arena_;
  std::vector<std::uint32_t> id_offsets_;
  std::vector<Entry> entries_;  // in order of first appearance
  std::map<std::string, std::size_t> index_;
};

}  // namespace plancheck
