#include "core/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace plancheck {
namespace {

constexpr double kEps = 1e-9;
constexpr int kLastAttainmentYear = 2045;

bool has_trend_kind(const Indicator& ind) { return ind.kind == Kind::Number || ind.kind == Kind::Ratio; }

double direction(const Indicator& ind) { return ind.better == Better::Higher ? 1.0 : -1.0; }

// Milestones and flags are met at or beyond the target stage; numbers by
// their target expression.
bool satisfies_target(const Indicator& ind, const Target& t, double v) {
  if (has_trend_kind(ind)) return satisfies(t.numeric, v);
  return v >= t.numeric.value - kEps;
}

// The point of the plan's own path a target stands for: its threshold, the
// midpoint of a range, the stage index of a milestone.
double path_value(const Target& t) { return t.numeric.value; }

std::vector<const Milestone*> by_year(const Indicator& ind) {
  std::vector<const Milestone*> ms;
  for (const Milestone& m : ind.milestones) ms.push_back(&m);
  std::stable_sort(ms.begin(), ms.end(), [](auto* a, auto* b) { return a->year < b->year; });
  return ms;
}

Point to_point(const Observation& o) { return {o.year, o.year_label, o.value, o.numerator, o.denominator}; }

// Baseline plus actuals up to the as-of year; an actual wins over a baseline
// of the same year.
std::vector<Point> build_points(const Indicator& ind, int as_of) {
  std::vector<Point> points;
  for (const Observation& o : ind.actuals)
    if (o.year <= as_of) points.push_back(to_point(o));
  if (ind.baseline && ind.baseline->year <= as_of &&
      std::none_of(points.begin(), points.end(), [&](const Point& p) { return p.year == ind.baseline->year; }))
    points.push_back(to_point(*ind.baseline));
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.year < b.year; });
  return points;
}

// A maintained flag must have held in every reported year from the start of
// the record to the milestone (or the as-of year, if earlier).
bool maintained(const std::vector<Point>& points, int until) {
  return std::all_of(points.begin(), points.end(), [&](const Point& p) { return p.year > until || p.value >= 1 - kEps; });
}

bool is_met(const Indicator& ind, const Milestone& m, const std::vector<Point>& points, int as_of) {
  const double vL = points.back().value;
  if (ind.kind == Kind::Flag && m.target.maintain) return vL >= 1 - kEps && maintained(points, std::min(m.year, as_of));
  return satisfies_target(ind, m.target, vL);
}

double numeric_gap(const NumericTarget& t, double v) {
  switch (t.op) {
    case Op::AtLeast:
    case Op::Above: return std::max(0.0, t.value - v);
    case Op::AtMost:
    case Op::Below: return std::max(0.0, v - t.value);
    case Op::Between:
    case Op::About: return v < t.low ? t.low - v : v > t.high ? v - t.high : 0.0;
  }
  return 0;
}

// Whole counted things to add (or remove, for ceilings) so that n/d meets
// the bound: ceil(t·d − n) for ">=", floor(t·d) + 1 − n for ">".
double units_to_bound(Op op, double bound, double n, double d, bool percent) {
  const double c = (percent ? bound / 100.0 : bound) * d;
  switch (op) {
    case Op::AtLeast: return std::ceil(c - n - kEps);
    case Op::Above: return std::floor(c + kEps) + 1 - n;
    case Op::AtMost: return n - std::floor(c + kEps);
    case Op::Below: return n - (std::ceil(c - kEps) - 1);
    default: return 0;
  }
}

std::optional<double> gap_units(const Indicator& ind, const NumericTarget& t, const Point& latest, bool met) {
  if (ind.kind != Kind::Ratio || !latest.numerator || !latest.denominator) return std::nullopt;
  if (met) return 0.0;
  const double n = *latest.numerator, d = *latest.denominator;
  double units = 0;
  if (t.op == Op::Between || t.op == Op::About) {
    if (latest.value < t.low) units = units_to_bound(Op::AtLeast, t.low, n, d, ind.is_percent());
    if (latest.value > t.high) units = units_to_bound(Op::AtMost, t.high, n, d, ind.is_percent());
  } else {
    units = units_to_bound(t.op, t.value, n, d, ind.is_percent());
  }
  return std::max(0.0, units);
}

std::optional<double> expected_at(const Indicator& ind, const Point& base, int year) {
  std::vector<std::pair<int, double>> path{{base.year, base.value}};
  for (const Milestone* m : by_year(ind))
    if (m->year > path.back().first) path.emplace_back(m->year, path_value(m->target));
  if (year <= path.front().first) return path.front().second;
  for (std::size_t i = 1; i < path.size(); ++i)
    if (year <= path[i].first) {
      const auto [y0, v0] = path[i - 1];
      const auto [y1, v1] = path[i];
      return v0 + (v1 - v0) * (year - y0) / static_cast<double>(y1 - y0);
    }
  return path.back().second;  // flat after the last milestone
}

std::optional<int> attainment_year(const Indicator& ind, const Target& t, const Point& latest, double slope,
                                   Method method) {
  for (int y = latest.year; y <= kLastAttainmentYear; ++y)
    if (satisfies_target(ind, t, extrapolate(ind, latest, slope, y, method))) return y;
  return std::nullopt;
}

struct Cagr {
  std::optional<double> observed;  // CAGR_obs
  std::optional<double> required;  // CAGR_req
  std::optional<double> ratio;     // R
  std::string reason;              // when ratio is absent
};

// Compound annual growth from `base` to `latest` (CAGR_obs), or why not.
std::optional<double> observed_growth(const Point& base, const Point& latest, std::string& reason) {
  const double v0 = base.value, vL = latest.value;
  if (latest.year - base.year < 1) {
    reason = reason::kBaseTooLate;
    return std::nullopt;
  }
  if (v0 == 0) {
    reason = reason::kBaseZero;
    return std::nullopt;
  }
  if ((v0 > 0 && vL < 0) || (v0 < 0 && vL > 0)) {
    reason = reason::kSignChange;
    return std::nullopt;
  }
  return std::pow(vL / v0, 1.0 / (latest.year - base.year)) - 1;
}

// The Statistics Canada / Open SDG progress measure from base point `base`.
// Zero or sign-changing values give no ratio and a reason; Open SDG would
// replace a zero by 0.001, plancheck does not invent data.
Cagr cagr(const Indicator& ind, const Point& base, const Point& latest, double target, int target_year) {
  Cagr c;
  c.observed = observed_growth(base, latest, c.reason);
  if (!c.observed) return c;
  const double v0 = base.value;
  if (target == 0 || (target > 0) != (v0 > 0)) {
    c.reason = target == 0 ? reason::kTargetZero : reason::kTargetSign;
    return c;
  }
  if (target_year - base.year < 1) {
    c.reason = reason::kMilestoneNotAfterBase;
    return c;
  }
  c.required = std::pow(target / v0, 1.0 / (target_year - base.year)) - 1;
  if (std::fabs(*c.required) < 1e-15) {
    c.reason = reason::kNoGrowthRequired;
    return c;
  }
  const double s = v0 < 0 ? -1 : 1;
  c.ratio = s * direction(ind) * *c.observed / std::fabs(*c.required);
  return c;
}

Status status_from_ratio(double ratio, double on_track, double at_risk) {
  if (ratio >= on_track - kEps) return Status::OnTrack;
  if (ratio >= at_risk - kEps) return Status::AtRisk;
  return Status::OffTrack;
}

struct Context {
  const Indicator& ind;
  const std::vector<Point>& points;
  const std::optional<Point>& baseline;
  std::optional<double> slope;  // linear: OLS slope
  int as_of;
  Method method;
};

void fill_linear(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  const Point& L = ctx.points.back();
  if (!ctx.slope) return;
  const double b = *ctx.slope;
  if (m.year > L.year) r.projected = extrapolate(ctx.ind, L, b, m.year, Method::Linear);
  if (m.year > L.year && !r.met) {
    r.required_pace = (reference_bound(m.target.numeric, L.value) - L.value) / (m.year - L.year);
    if (std::fabs(*r.required_pace) > 1e-15) r.pace_ratio = b / *r.required_pace;
  }
  r.attainment_year = attainment_year(ctx.ind, m.target, L, b, Method::Linear);
}

void linear_status(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  if (!ctx.slope) {
    r.status = Status::Unknown;
    r.reason = reason::kNoTrend;
    return;
  }
  if (r.projected && satisfies_target(ctx.ind, m.target, *r.projected))
    r.status = Status::OnTrack;
  else if (r.pace_ratio && *r.pace_ratio >= 0.6 - kEps)
    r.status = Status::AtRisk;
  else
    r.status = Status::OffTrack;
}

void cagr_status(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  const Point& L = ctx.points.back();
  const Point& base = ctx.baseline ? *ctx.baseline : ctx.points.front();
  const Cagr c = cagr(ctx.ind, base, L, reference_bound(m.target.numeric, L.value), m.year);
  if (c.observed && m.year > L.year) r.projected = extrapolate(ctx.ind, L, *c.observed, m.year, Method::Cagr);
  r.required_pace = c.required;
  r.pace_ratio = c.ratio;
  if (c.observed) r.attainment_year = attainment_year(ctx.ind, m.target, L, *c.observed, Method::Cagr);
  if (r.met || r.status == Status::Missed) return;
  if (!c.ratio) {
    r.status = Status::Unknown;
    r.reason = c.reason;
    return;
  }
  r.status = status_from_ratio(*c.ratio, 0.95, 0.6);
}

MilestoneResult evaluate_milestone(const Context& ctx, const Milestone& m) {
  MilestoneResult r;
  r.milestone = &m;
  if (ctx.points.empty()) {
    r.reason = reason::kNoValue;
    return r;
  }
  const Point& L = ctx.points.back();
  const NumericTarget& t = m.target.numeric;
  r.met = is_met(ctx.ind, m, ctx.points, ctx.as_of);
  if (has_trend_kind(ctx.ind)) {
    r.gap = r.met ? 0.0 : numeric_gap(t, L.value);
    r.gap_units = gap_units(ctx.ind, t, L, r.met);
  } else if (ctx.ind.kind == Kind::Milestone) {
    r.gap = r.met ? 0.0 : std::max(0.0, t.value - L.value);  // stages still to go
  } else {
    r.gap = r.met ? 0.0 : 1.0;  // a flag is done or not
  }
  if (ctx.baseline) {
    const double v0 = ctx.baseline->value;
    const double tv = has_trend_kind(ctx.ind) ? reference_bound(t, v0) : t.value;
    if (std::fabs(tv - v0) > 1e-12) r.progress = (L.value - v0) / (tv - v0);
    r.expected = expected_at(ctx.ind, *ctx.baseline, L.year);
    r.schedule = (L.value - *r.expected) * direction(ctx.ind);
  }
  if (r.met)
    r.status = Status::Met;
  else if (m.year <= ctx.as_of)
    r.status = Status::Missed;
  if (!has_trend_kind(ctx.ind)) {
    if (!r.met && m.year > ctx.as_of) r.reason = reason::kNoTrendKind;
    return r;
  }
  if (ctx.method == Method::Cagr) {
    cagr_status(ctx, m, r);
    return r;
  }
  fill_linear(ctx, m, r);
  if (!r.met && m.year > ctx.as_of) linear_status(ctx, m, r);
  return r;
}

std::vector<Point> in_window(const std::vector<Point>& points, std::optional<int> window) {
  if (!window || points.empty()) return points;
  const int from = points.back().year - *window;
  std::vector<Point> kept;
  std::copy_if(points.begin(), points.end(), std::back_inserter(kept), [&](const Point& p) { return p.year >= from; });
  return kept;
}

}  // namespace

double clamp_projection(const Indicator& ind, double v) {
  if (ind.is_percent()) return std::clamp(v, 0.0, 100.0);
  if (ind.is_count()) return std::max(v, 0.0);
  return v;
}

double extrapolate(const Indicator& ind, const Point& latest, double trend, int year, Method method) {
  const double dy = year - latest.year;
  const double v = method == Method::Linear ? latest.value + trend * dy : latest.value * std::pow(1 + trend, dy);
  return clamp_projection(ind, v);
}

void recount(UnitResult& unit) {
  unit.counts.fill(0);
  for (const IndicatorResult& r : unit.indicators) ++unit.counts[static_cast<std::size_t>(r.status)];
}

std::string_view status_name(Status s) {
  switch (s) {
    case Status::Met: return "met";
    case Status::OnTrack: return "on-track";
    case Status::AtRisk: return "at-risk";
    case Status::OffTrack: return "off-track";
    case Status::Missed: return "missed";
    case Status::Unknown: return "unknown";
  }
  return "?";
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : kAllStatuses)
    if (status_name(st) == s) return st;
  return std::nullopt;
}

int severity(Status s) {
  switch (s) {
    case Status::Missed: return 0;
    case Status::OffTrack: return 1;
    case Status::AtRisk: return 2;
    case Status::Unknown: return 3;
    case Status::OnTrack: return 4;
    case Status::Met: return 5;
  }
  return 6;
}

std::string_view method_name(Method m) { return m == Method::Linear ? "linear" : "cagr"; }

double reference_bound(const NumericTarget& t, double v) {
  if (t.op != Op::Between && t.op != Op::About) return t.value;
  return std::fabs(v - t.low) <= std::fabs(v - t.high) ? t.low : t.high;
}

std::optional<double> ols_slope(const std::vector<Point>& points) {
  if (points.size() < 2) return std::nullopt;
  double mx = 0, my = 0;
  for (const Point& p : points) {
    mx += p.year;
    my += p.value;
  }
  mx /= static_cast<double>(points.size());
  my /= static_cast<double>(points.size());
  double sxy = 0, sxx = 0;
  for (const Point& p : points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) * (p.year - mx);
  }
  if (sxx == 0) return std::nullopt;
  return sxy / sxx;
}

YearsSeen years_seen(const Plan& p) {
  YearsSeen seen;
  const auto see = [&](const std::vector<Observation>& series) {
    for (const Observation& o : series) seen.latest_actual = std::max(seen.latest_actual.value_or(o.year), o.year);
  };
  for (const Indicator& ind : p.indicators)
    if (!ind.derivation) see(ind.actuals);  // derived values repeat their inputs' years
  if (p.budget)
    for (const BudgetLine& line : p.budget->lines) {
      see(line.spending);
      for (const BudgetEntry& item : line.items) see(item.spending);
    }
  seen.baseline = p.info.baseline_year;
  for (const Indicator& ind : p.indicators)
    if (!seen.baseline && ind.baseline) seen.baseline = ind.baseline->year;
  return seen;
}

std::optional<int> default_as_of(const std::vector<Plan>& plans) {
  std::optional<int> latest, baseline;
  for (const Plan& p : plans) {
    const YearsSeen seen = years_seen(p);
    if (seen.latest_actual) latest = std::max(latest.value_or(*seen.latest_actual), *seen.latest_actual);
    if (seen.baseline) baseline = std::max(baseline.value_or(*seen.baseline), *seen.baseline);
  }
  return latest ? latest : baseline;
}

IndicatorResult evaluate_indicator(const Indicator& ind, std::optional<int> as_of, const EvaluationOptions& opts) {
  IndicatorResult r;
  r.indicator = &ind;
  const int A = as_of.value_or(0);
  if (as_of) r.points = build_points(ind, A);
  if (!r.points.empty()) r.latest = r.points.back();
  if (ind.baseline && as_of && ind.baseline->year <= A) r.baseline = to_point(*ind.baseline);
  std::optional<double> slope;
  if (has_trend_kind(ind) && !r.points.empty()) {
    slope = ols_slope(in_window(r.points, opts.window));
    if (opts.method == Method::Linear) {
      r.trend = slope;
    } else {
      std::string unused;
      r.trend = observed_growth(r.baseline ? *r.baseline : r.points.front(), r.points.back(), unused);
    }
  }
  const Context ctx{ind, r.points, r.baseline, slope, A, opts.method};
  for (const Milestone* m : by_year(ind)) r.milestones.push_back(evaluate_milestone(ctx, *m));
  // The indicator's status is that of its next milestone (the first not yet
  // past), or of the last one when all are past.
  const auto next = std::find_if(r.milestones.begin(), r.milestones.end(),
                                 [&](const MilestoneResult& m) { return m.milestone->year >= A; });
  if (!r.milestones.empty()) r.status = (next != r.milestones.end() ? *next : r.milestones.back()).status;
  return r;
}

UnitResult evaluate_plan(const Plan& plan, std::optional<int> as_of, const EvaluationOptions& opts) {
  UnitResult u;
  u.plan = &plan;
  for (const Indicator& ind : plan.indicators) u.indicators.push_back(evaluate_indicator(ind, as_of, opts));
  if (plan.budget) u.budget = evaluate_budget(*plan.budget, as_of);
  for (const Task& t : plan.tasks) u.tasks.push_back(evaluate_task(t, as_of, plan_start_year(plan.info)));
  recount(u);
  return u;
}

}  // namespace plancheck
