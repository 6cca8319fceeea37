#include "core/evaluation/evaluate.hpp"

#include "core/util/lang.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace plancheck {
namespace {

constexpr double kEps = 1e-9;
constexpr int kLastAttainmentYear = 2045;

bool has_trend_kind(const Indicator& ind) { return ind.kind == Kind::Number || ind.kind == Kind::Ratio; }

// Milestones and flags are met at or beyond the target stage; numbers by
// their target expression.
bool satisfies_target(const Indicator& ind, const Target& t, double v) {
  if (has_trend_kind(ind)) return satisfies(t.numeric, v);
  return v >= t.numeric.value - kEps;
}

// Which way is ahead for this target seen from v: +1 up, −1 down. A size
// with no direction (better: neither) moves towards its band; inside the
// band there is no direction (nullopt).
std::optional<double> direction(const Indicator& ind, const NumericTarget& t, double v) {
  if (ind.better == Better::Higher || !has_trend_kind(ind)) return 1.0;
  if (ind.better == Better::Lower) return -1.0;
  if (satisfies(t, v)) return std::nullopt;
  return v < reference_bound(t, v) ? 1.0 : -1.0;
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

// The years up to `until` whose reported value (the baseline does not count)
// broke a maintained ("duy trì") target.
std::vector<int> lapses(const Indicator& ind, const Target& t, int until) {
  std::vector<int> years;
  if (!t.maintain) return years;
  for (const Observation& o : ind.actuals)
    if (o.year <= until && !satisfies_target(ind, t, o.value)) years.push_back(o.year);
  return years;
}

// A recognition (school standard, accreditation) decided in `year`; what it
// grants holds for valid_for years, after which nothing is recognised.
struct Recognition {
  int year = 0;
  double value = 0;  // what holds: the stage or flag, 0 once expired
  bool expired = false;
  int last_year(int valid_for) const { return year + valid_for - 1; }
};

// What holds in `year`: the latest decision up to then, if still valid.
std::optional<Recognition> recognition_at(const std::vector<Point>& points, int year, int valid_for) {
  const Point* latest = nullptr;
  for (const Point& p : points)
    if (p.year <= year) latest = &p;
  if (!latest) return std::nullopt;
  const bool expired = latest->year < year - valid_for + 1;
  return Recognition{latest->year, expired ? 0.0 : latest->value, expired};
}

double numeric_gap(const NumericTarget& t, double v) {
  switch (t.op) {
    case Op::AtLeast:
    case Op::Above: return std::max(0.0, t.value - v);
    case Op::AtMost:
    case Op::Below: return std::max(0.0, v - t.value);
    case Op::Between:
    case Op::About: {
      if (satisfies(t, v)) return 0.0;
      return std::fabs(reference_bound(t, v) - v);
    }
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

std::optional<double> gap_units(const Indicator& ind, const NumericTarget& t, const Point& latest) {
  if (ind.kind != Kind::Ratio || !latest.numerator || !latest.denominator) return std::nullopt;
  if (satisfies(t, latest.value)) return 0.0;
  const double n = *latest.numerator, d = *latest.denominator;
  double units = 0;
  if (t.op == Op::Between || t.op == Op::About) {
    const double bound = reference_bound(t, latest.value);
    units = units_to_bound(latest.value < bound ? Op::AtLeast : Op::AtMost, bound, n, d, ind.is_percent());
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
  std::string_view reason;         // when ratio is absent: a reason:: phrase
};

// Compound annual growth from `base` to `latest` (CAGR_obs), or why not.
std::optional<double> observed_growth(const Point& base, const Point& latest, std::string_view& reason) {
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

// The Statistics Canada / Open SDG progress measure from base point `base`
// towards the bound `target`, ahead being direction `d` (nullopt: inside the
// band of a size, no ratio). Zero or sign-changing values give no ratio and
// a reason; Open SDG would replace a zero by 0.001, plancheck does not
// invent data.
Cagr cagr(const Point& base, const Point& latest, double target, int target_year, std::optional<double> d) {
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
  if (d) c.ratio = s * *d * *c.observed / std::fabs(*c.required);
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

// Linear method: projection, the pace needed from the latest value (defined
// with or without a trend) and, with a trend, the pace ratio.
void fill_linear(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  const Point& L = ctx.points.back();
  if (m.year > L.year && !r.met) r.required_pace = (reference_bound(m.target.numeric, L.value) - L.value) / (m.year - L.year);
  if (!ctx.slope) return;
  const double b = *ctx.slope;
  if (m.year > L.year) r.projected = extrapolate(ctx.ind, L, b, m.year, Method::Linear);
  if (r.required_pace && std::fabs(*r.required_pace) > 1e-15) r.pace_ratio = b / *r.required_pace;
  r.attainment_year = attainment_year(ctx.ind, m.target, L, b, Method::Linear);
}

void linear_status(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  if (!ctx.slope) {
    r.status = Status::Unknown;
    r.set_reason(reason::kNoTrend);
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
  const NumericTarget& t = m.target.numeric;
  const Cagr c = cagr(base, L, reference_bound(t, L.value), m.year, direction(ctx.ind, t, L.value));
  if (c.observed && m.year > L.year) r.projected = extrapolate(ctx.ind, L, *c.observed, m.year, Method::Cagr);
  r.required_pace = c.required;
  r.pace_ratio = c.ratio;
  if (c.observed) r.attainment_year = attainment_year(ctx.ind, m.target, L, *c.observed, Method::Cagr);
  if (r.met || r.status == Status::Missed) return;
  if (!c.ratio) {
    r.status = Status::Unknown;
    r.set_reason(c.reason);
    return;
  }
  r.status = status_from_ratio(*c.ratio, 0.95, 0.6);
}

// The value a stage or flag is judged on in `year`: the latest, or for
// recognitions that expire what still holds then.
double held_value(const Context& ctx, int year) {
  if (!ctx.ind.valid_for) return ctx.points.back().value;
  const auto held = recognition_at(ctx.points, year, *ctx.ind.valid_for);
  return held ? held->value : 0.0;
}

// A milestone is judged at its year, or at the as-of year if earlier.
double judged_value(const Context& ctx, const Milestone& m) { return held_value(ctx, std::min(m.year, ctx.as_of)); }

bool is_met(const Context& ctx, const Milestone& m) {
  const Indicator& ind = ctx.ind;
  if (!ind.valid_for) return satisfies_target(ind, m.target, ctx.points.back().value);
  if (!satisfies_target(ind, m.target, judged_value(ctx, m))) return false;
  // Still ahead: the recognition must last until the milestone year.
  if (m.year <= ctx.as_of) return true;
  const auto held = recognition_at(ctx.points, ctx.as_of, *ind.valid_for);
  return held->last_year(*ind.valid_for) >= m.year;
}

// The stage the plan's schedule expects at the latest point's year: its
// path starts at the baseline stage (else the earliest value) before then
// and runs through the milestones' stages, rounded down to a whole stage.
std::optional<double> expected_stage(const Context& ctx, int year) {
  std::optional<Point> start;
  if (ctx.baseline && ctx.baseline->year < year)
    start = ctx.baseline;
  else if (ctx.points.front().year < year)
    start = ctx.points.front();
  if (!start) return std::nullopt;
  return std::floor(*expected_at(ctx.ind, *start, year) + kEps);
}

// Where the plan's path says the indicator should be at the latest point,
// and how far ahead of it the value is (semantics 1.0 §4, 1.1 §2-3). A
// yes/no target has no path: a flag has neither.
void fill_schedule(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  const Point& L = ctx.points.back();
  if (ctx.ind.kind == Kind::Flag) return;
  if (ctx.ind.kind == Kind::Milestone) {
    r.expected = expected_stage(ctx, L.year);
    const double current = held_value(ctx, ctx.as_of);
    if (r.expected) r.schedule = current - *r.expected;
    return;
  }
  if (!ctx.baseline) return;
  r.expected = expected_at(ctx.ind, *ctx.baseline, L.year);
  if (const auto d = direction(ctx.ind, m.target.numeric, L.value)) r.schedule = (L.value - *r.expected) * *d;
}

// Stages and flags not yet met before their deadline: expiring recognitions
// first (1.1 §4), then the plan's schedule for stages (1.1 §2).
void stage_status(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  const Indicator& ind = ctx.ind;
  if (ind.valid_for) {
    const int n = *ind.valid_for;
    const auto held = recognition_at(ctx.points, ctx.as_of, n);
    const auto year = [](int y) { return std::to_string(y); };
    if (held && !held->expired && satisfies_target(ind, m.target, held->value)) {
      r.status = Status::AtRisk;
      r.set_reason(reason::kRecognitionExpires, {year(held->year), year(held->last_year(n)), year(held->last_year(n) + 1)});
      return;
    }
    if (held && held->expired) {
      r.status = Status::OffTrack;
      r.set_reason(reason::kRecognitionExpired, {year(held->year), year(held->last_year(n))});
      return;
    }
  }
  if (ind.kind == Kind::Flag) {
    r.set_reason(reason::kFlagNoPath);
    return;
  }
  if (!r.schedule) {
    r.set_reason(reason::kNoStageBaseline);
    return;
  }
  const double lag = -*r.schedule;
  r.status = lag <= kEps ? Status::OnTrack : lag <= 1 + kEps ? Status::AtRisk : Status::OffTrack;
}

std::string year_list(const std::vector<int>& years) {
  std::vector<std::string> texts;
  for (int y : years) texts.push_back(std::to_string(y));
  return fmt::format("{}", fmt::join(texts, ", "));
}

// Met, gap and progress: how far the value is from the target.
void fill_gap(const Context& ctx, const Milestone& m, MilestoneResult& r) {
  const Point& L = ctx.points.back();
  const NumericTarget& t = m.target.numeric;
  if (has_trend_kind(ctx.ind)) {
    r.gap = numeric_gap(t, L.value);
    r.gap_units = gap_units(ctx.ind, t, L);
  } else {
    const double v = judged_value(ctx, m);
    r.gap = ctx.ind.kind == Kind::Milestone ? std::max(0.0, t.value - v)  // stages still to go
                                            : (v >= t.value - kEps ? 0.0 : 1.0);
  }
  if (r.met) r.gap = 0.0;
  if (r.met && r.gap_units) r.gap_units = 0.0;
  if (!ctx.baseline) return;
  const double v0 = ctx.baseline->value;
  const double tv = has_trend_kind(ctx.ind) ? reference_bound(t, v0) : t.value;
  if (std::fabs(tv - v0) > 1e-12) r.progress = (L.value - v0) / (tv - v0);
}

MilestoneResult evaluate_milestone(const Context& ctx, const Milestone& m) {
  MilestoneResult r;
  r.milestone = &m;
  if (ctx.points.empty()) {
    r.set_reason(reason::kNoValue);
    return r;
  }
  const std::vector<int> lapsed = lapses(ctx.ind, m.target, std::min(m.year, ctx.as_of));
  r.met = lapsed.empty() && is_met(ctx, m);
  fill_gap(ctx, m, r);
  fill_schedule(ctx, m, r);
  if (r.met)
    r.status = Status::Met;
  else if (m.year <= ctx.as_of || !lapsed.empty())
    r.status = Status::Missed;
  if (!lapsed.empty()) r.set_reason(reason::kNotMaintained, {year_list(lapsed)});
  if (!has_trend_kind(ctx.ind)) {
    if (!r.met && m.year > ctx.as_of && lapsed.empty()) stage_status(ctx, m, r);
    return r;
  }
  if (ctx.method == Method::Cagr)
    cagr_status(ctx, m, r);
  else
    fill_linear(ctx, m, r);
  if (!lapsed.empty()) {
    // A lapse is final: no pace can repair a year already lost.
    r.required_pace.reset();
    r.pace_ratio.reset();
    return r;
  }
  if (ctx.method == Method::Linear && !r.met && m.year > ctx.as_of) linear_status(ctx, m, r);
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
  unit.norm_counts.fill(0);
  for (const IndicatorResult& r : unit.indicators)
    ++(r.indicator->norm ? unit.norm_counts : unit.counts)[static_cast<std::size_t>(r.status)];
}

int total(const std::array<int, kAllStatuses.size()>& counts) {
  int n = 0;
  for (int c : counts) n += c;
  return n;
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
  if (t.better == Better::Higher) return t.low;
  if (t.better == Better::Lower) return t.high;
  return std::fabs(v - t.low) <= std::fabs(v - t.high) ? t.low : t.high;
}

void MilestoneResult::set_reason(std::string_view phrase, std::vector<std::string> args) {
  reason = trf_list(Lang::En, phrase, args);  // JSON, CSV and JUnit carry the English
  reason_phrase = phrase;
  reason_args = std::move(args);
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
    if (!p.info.baseline_year && ind.baseline) seen.baseline = std::max(seen.baseline.value_or(ind.baseline->year), ind.baseline->year);
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
      std::string_view unused;
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

std::string_view change_name(Change c) {
  switch (c) {
    case Change::Improved: return "improved";
    case Change::Worsened: return "worsened";
    case Change::NewlyMet: return "newly-met";
    case Change::NewlyMissed: return "newly-missed";
    case Change::Unchanged: return "unchanged";
  }
  return "unchanged";
}

std::optional<Change> change_between(Status then, Status now) {
  if (now == Status::Met && then != Status::Met) return Change::NewlyMet;
  if (now == Status::Missed && then != Status::Missed) return Change::NewlyMissed;
  if (then == Status::Unknown || now == Status::Unknown) return std::nullopt;
  if (severity(now) > severity(then)) return Change::Improved;
  if (severity(now) < severity(then)) return Change::Worsened;
  return Change::Unchanged;
}

std::array<int, kAllChanges.size()> change_counts(const UnitResult& u) {
  std::array<int, kAllChanges.size()> counts{};
  for (const IndicatorResult& r : u.indicators)
    for (const MilestoneResult& m : r.milestones)
      if (m.change) ++counts[static_cast<std::size_t>(*m.change)];
  return counts;
}

namespace {

// The same plan evaluated twice: indicators and milestones line up.
void compare_since(UnitResult& now, const UnitResult& then) {
  for (std::size_t i = 0; i < now.indicators.size(); ++i) {
    auto& milestones = now.indicators[i].milestones;
    const auto& before = then.indicators[i].milestones;
    for (std::size_t j = 0; j < milestones.size() && j < before.size(); ++j) {
      milestones[j].status_since = before[j].status;
      milestones[j].change = change_between(before[j].status, milestones[j].status);
    }
  }
}

}  // namespace

UnitResult evaluate_plan(const Plan& plan, std::optional<int> as_of, const EvaluationOptions& opts) {
  if (opts.since) {
    EvaluationOptions once = opts;
    once.since.reset();
    UnitResult now = evaluate_plan(plan, as_of, once);
    compare_since(now, evaluate_plan(plan, opts.since, once));
    return now;
  }
  UnitResult u;
  u.plan = &plan;
  for (const Indicator& ind : plan.indicators) u.indicators.push_back(evaluate_indicator(ind, as_of, opts));
  if (plan.budget) u.budget = evaluate_budget(*plan.budget, as_of);
  for (const Task& t : plan.tasks) u.tasks.push_back(evaluate_task(t, as_of, plan_start_year(plan.info)));
  recount(u);
  return u;
}

}  // namespace plancheck
