#include "core/evaluation/data_checks.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <string>

#include "core/model/format.hpp"

namespace plancheck {
namespace {

constexpr double kEps = 1e-9;
// A percentage typed as a fraction is at most 1 (100 %); a series whose other
// values are all at most 5 % may really be that small.
constexpr double kFractionMax = 1;
constexpr double kPercentBeside = 5;
constexpr double kPercentPointsPerYear = 25;
constexpr double kCountPerYear = 5;
constexpr double kCountShare = 0.5;

bool numeric(const Indicator& ind) { return ind.kind == Kind::Number || ind.kind == Kind::Ratio; }

// Typed: written as a number, not computed from a numerator and denominator.
bool typed(const Observation& o) { return !o.numerator; }

// Baseline and actuals in year order, one per year: an actual replaces a
// baseline of the same year (as points do in semantics.md).
std::vector<const Observation*> data_points(const Indicator& ind) {
  std::vector<const Observation*> points;
  for (const Observation& o : ind.actuals) points.push_back(&o);
  if (ind.baseline && std::none_of(points.begin(), points.end(), [&](auto* o) { return o->year == ind.baseline->year; }))
    points.insert(points.begin(), &*ind.baseline);
  std::stable_sort(points.begin(), points.end(), [](auto* a, auto* b) { return a->year < b->year; });
  return points;
}

// Every number of the indicator: its values and its targets' bounds.
std::vector<std::pair<const Observation*, double>> all_numbers(const Indicator& ind) {
  std::vector<std::pair<const Observation*, double>> numbers;
  if (ind.baseline) numbers.emplace_back(&*ind.baseline, ind.baseline->value);
  for (const Observation& o : ind.actuals) numbers.emplace_back(&o, o.value);
  for (const Milestone& m : ind.milestones) {
    const NumericTarget& t = m.target.numeric;
    if (t.op == Op::Between) {
      numbers.emplace_back(nullptr, t.low);
      numbers.emplace_back(nullptr, t.high);
    } else {
      numbers.emplace_back(nullptr, t.value);
    }
  }
  return numbers;
}

bool looks_like_fraction(const Indicator& ind, const Observation& o) {
  if (!ind.is_percent() || !numeric(ind) || !typed(o) || o.value <= 0 || o.value > kFractionMax + kEps) return false;
  const auto numbers = all_numbers(ind);
  return std::any_of(numbers.begin(), numbers.end(),
                     [&](const auto& n) { return n.first != &o && n.second > kPercentBeside + kEps; });
}

// The plausible change from `a` to `b` a year, exceeded (semantics.md 1.1 §7).
bool implausible_change(const Indicator& ind, const Observation& a, const Observation& b) {
  const double per_year = std::fabs(b.value - a.value) / (b.year - a.year);
  if (ind.is_percent()) return per_year > kPercentPointsPerYear + kEps;
  return per_year > kCountShare * std::fabs(a.value) + kEps && per_year > kCountPerYear + kEps;
}

Message jump_limit(const Indicator& ind, const Observation& earlier) {
  if (ind.is_percent()) return msg("more than {} pp/yr", format_plain(kPercentPointsPerYear, Lang::En));
  return msg("more than half of {} and more than {} a year",
             Message::per_lang([&](Lang l) { return format_value(ind, earlier.value, l); }),
             format_plain(kCountPerYear, Lang::En));
}

// "2026", or "2025-2026" when the year was written as a school year.
std::string year_like(const Observation& o, int year) {
  if (o.year_label == std::to_string(o.year)) return std::to_string(year);
  return fmt::format("{}-{}", year - 1, year);
}

// Years one typing slip away from `typed`: neighbouring digits swapped, or
// one digit changed.
std::vector<int> swapped_digits(int typed) {
  std::vector<int> out;
  const std::string s = std::to_string(typed);
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    std::string t = s;
    std::swap(t[i], t[i + 1]);
    if (t[0] != '0' && t != s) out.push_back(std::stoi(t));
  }
  return out;
}

std::vector<int> one_digit_changed(int typed) {
  std::vector<int> out;
  const std::string s = std::to_string(typed);
  for (std::size_t i = 0; i < s.size(); ++i)
    for (char d = '0'; d <= '9'; ++d) {
      std::string t = s;
      t[i] = d;
      if (t[0] != '0' && t != s) out.push_back(std::stoi(t));
    }
  return out;
}

}  // namespace

std::optional<int> likely_year(int typed, int first, int last, const std::vector<int>& taken) {
  for (const std::vector<int>& candidates : {swapped_digits(typed), one_digit_changed(typed)}) {
    std::optional<int> best;
    for (int y : candidates) {
      if (y < first || y > last || std::find(taken.begin(), taken.end(), y) != taken.end()) continue;
      if (!best || std::abs(typed - y) < std::abs(typed - *best)) best = y;
    }
    if (best) return best;
  }
  return std::nullopt;
}

void flag_fractions(const Indicator& ind, Diagnostics& diags) {
  const auto flag = [&](const Observation& o) {
    if (!looks_like_fraction(ind, o)) return;
    diags.warning(o.where, msg("{} in {}: {} looks like a fraction; did you mean {}%?", ind.id, o.year_label,
                               Message::per_lang([&](Lang l) { return format_plain(o.value, l); }),
                               Message::per_lang([&](Lang l) { return format_plain(o.value * 100, l); })));
  };
  if (ind.baseline) flag(*ind.baseline);
  for (const Observation& o : ind.actuals) flag(o);
}

std::optional<PlanPeriod> plan_period(const Plan& plan) {
  PlanPeriod p;
  if (plan.info.horizon) {
    p.last = *plan.info.horizon;
    p.horizon = true;
  } else {
    for (const Indicator& ind : plan.indicators)
      for (const Milestone& m : ind.milestones) p.last = std::max(p.last, m.year);
    if (p.last == 0) return std::nullopt;
  }
  std::optional<int> first = plan.info.baseline_year;
  for (const Indicator& ind : plan.indicators)
    if (!plan.info.baseline_year && ind.baseline) first = std::min(first.value_or(ind.baseline->year), ind.baseline->year);
  // Plans of this kind run five to ten years.
  p.first = first.value_or(p.last - 10);
  return p;
}

void flag_late_years(const std::string& what, const std::vector<const Observation*>& series, const PlanPeriod& period,
                     Diagnostics& diags) {
  std::vector<int> taken;
  for (const Observation* o : series) taken.push_back(o->year);
  for (const Observation* o : series) {
    if (o->year <= period.last) continue;
    Message message = period.horizon ? msg("{}: year {} is after the plan's horizon {}", what, o->year_label, period.last)
                                     : msg("{}: year {} is after the plan's last milestone year {}", what, o->year_label,
                                           period.last);
    if (const auto meant = likely_year(o->year, period.first, period.last, taken))
      message = msg("{}; did you mean {}?", std::move(message), year_like(*o, *meant));
    diags.warning(o->where, std::move(message));
  }
}

void flag_jumps(const Indicator& ind, Diagnostics& diags) {
  if (!numeric(ind) || !(ind.is_percent() || ind.is_count())) return;
  const std::vector<const Observation*> points = data_points(ind);
  for (std::size_t i = 1; i < points.size(); ++i) {
    const Observation& a = *points[i - 1];
    const Observation& b = *points[i];
    // A fraction typed for a percentage is one mistake, said once.
    if (looks_like_fraction(ind, a) || looks_like_fraction(ind, b) || !implausible_change(ind, a, b)) continue;
    diags.warning(b.where, msg("{}: {} in {}, then {} in {}: a change of {}, {}; check both values", ind.id,
                               Message::per_lang([&](Lang l) { return format_value(ind, a.value, l); }), a.year_label,
                               Message::per_lang([&](Lang l) { return format_value(ind, b.value, l); }), b.year_label,
                               Message::per_lang([&](Lang l) {
                                 return format_pace(ind, (b.value - a.value) / (b.year - a.year), l);
                               }),
                               jump_limit(ind, a)));
  }
}

void check_data(const Plan& plan, Diagnostics& diags) {
  const std::optional<PlanPeriod> period = plan_period(plan);
  for (const Indicator& ind : plan.indicators) {
    if (ind.derivation) continue;
    flag_fractions(ind, diags);
    flag_jumps(ind, diags);
    if (period) flag_late_years(ind.id, data_points(ind), *period, diags);
  }
  if (!plan.budget || !period) return;
  const auto spending = [&](const BudgetEntry& e) {
    std::vector<const Observation*> series;
    for (const Observation& o : e.spending) series.push_back(&o);
    flag_late_years("budget." + e.id, series, *period, diags);
  };
  for (const BudgetLine& line : plan.budget->lines) {
    spending(line);
    for (const BudgetEntry& item : line.items) spending(item);
  }
}

}  // namespace plancheck
