#pragma once
// The small chart on each indicator card of the HTML report: the plan's path
// from the baseline through each milestone's target, the actual values, the
// trend projected from the latest value to each milestone, and the band of
// acceptable values at each milestone year. The geometry (ticks, scales,
// bands, what is drawn) is pure and tested on its own; svg_chart() draws it.
#include <string>
#include <string_view>
#include <vector>

#include "core/util/lang.hpp"
#include "core/evaluation/report.hpp"

namespace plancheck {

struct ValueRange {
  double low = 0;
  double high = 0;
};

// "Nice" values a step of 1, 2 or 5 × 10^k apart, from the last one <= low
// to the first one >= high, at most max_ticks steps. A range of one value is
// widened around it (not below zero when it is not negative). Bounds beyond
// ±kAxisLimit are clamped to it, NaN counts as 0.
inline constexpr double kAxisLimit = 1e15;
std::vector<double> nice_ticks(double low, double high, int max_ticks = 5);

// The years from `first` to `last` that are multiples of a step of 1, 2, 5,
// 10, 20, 25 or 50 years, the smallest step giving at most max_ticks steps.
std::vector<int> year_ticks(int first, int last, int max_ticks = 6);

// A linear map of the domain onto a pixel range (reversed for y, where
// pixels grow downwards).
struct LinearScale {
  double domain_low = 0, domain_high = 1;
  double range_low = 0, range_high = 1;
  double operator()(double v) const;
};

// The values a target accepts, within the axis: from the threshold up to the
// top of the axis (>=, >) or down to its bottom (<=, <), the band of a range
// or approximate target; clipped to the axis.
ValueRange target_band(const NumericTarget& t, ValueRange axis);

struct YearValue {
  int year = 0;
  double value = 0;
};

struct TargetMark {
  int year = 0;
  NumericTarget target;
  Status status = Status::Unknown;
};

// What a chart shows, in data coordinates: only finite values (an overflowed
// projection is left out, as it is from the JSON).
struct ChartData {
  std::vector<YearValue> plan_path;  // the baseline, then each milestone's target
  std::vector<YearValue> actual;     // values up to the as-of year
  std::vector<std::pair<YearValue, YearValue>> projections;  // latest → projected at a later milestone
  std::vector<TargetMark> targets;   // one per milestone
};

ChartData chart_data(const IndicatorResult& r);

// A chart only when there is a value to draw: without one, plan and targets
// alone say no more than the card's table.
bool has_chart(const IndicatorResult& r);

// The value axis: nice ticks over everything drawn; percentages kept within
// 0–100, milestones and flags on their whole stage numbers; never beyond
// ±kAxisLimit (values past it are drawn at the edge).
std::vector<double> value_ticks(const Indicator& ind, const ChartData& d);

// The whole <svg class="chart" data-indicator="…"> element, with a <title>
// and aria-label describing it; tick labels in `lang`.
std::string svg_chart(const Report& report, const IndicatorResult& r, Lang lang);

// The style sheet the charts' classes need (the report's <style> holds it).
std::string_view svg_chart_css();

}  // namespace plancheck
