#pragma once
// The evaluation engine (semantics.md): per milestone met, gap, progress,
// expected path, schedule, trend, projection, required pace, pace ratio,
// attainment year and status; per indicator and per unit.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/evaluation/budget_tasks.hpp"
#include "core/model/model.hpp"

namespace plancheck {

enum class Status { Met, OnTrack, AtRisk, OffTrack, Missed, Unknown };
inline constexpr std::array kAllStatuses{Status::Met, Status::OnTrack, Status::AtRisk,
                                         Status::OffTrack, Status::Missed, Status::Unknown};

std::string_view status_name(Status s);  // "met", "on-track", …
std::optional<Status> parse_status(std::string_view s);
// Worst first: missed, off-track, at-risk, unknown, on-track, met.
int severity(Status s);

enum class Method { Linear, Cagr };
std::string_view method_name(Method m);

struct EvaluationOptions {
  std::optional<int> as_of;    // --as-of; default from the data (see default_as_of)
  Method method = Method::Linear;
  std::optional<int> window;   // --window N: trend over [yL - N, yL]
  std::optional<int> since;    // --since YEAR: each milestone's status then, beside now
};

// How a milestone's status moved between --since YEAR and the as-of year.
// Newly met / newly missed take precedence over improved / worsened; a side
// that is unknown gives no change to report (nullopt).
enum class Change { Improved, Worsened, NewlyMet, NewlyMissed, Unchanged };
std::string_view change_name(Change c);  // "improved", "worsened", "newly-met", "newly-missed", "unchanged"

struct Point {
  int year = 0;
  std::string year_label;
  double value = 0;
  std::optional<double> numerator;
  std::optional<double> denominator;
};

// Why a status is unknown or a ratio is absent, why a maintained target is
// missed, why a recognition puts a milestone at risk (MilestoneResult::reason):
// fixed English phrases, so that renderers can show them in the report's
// language (core/lang.cpp has each one's Vietnamese wording).
namespace reason {
inline constexpr std::string_view kNoValue = "no value up to the as-of year";
inline constexpr std::string_view kNoTrend = "needs at least two values in distinct years for a trend";
inline constexpr std::string_view kNoStageBaseline = "no baseline stage for the plan's schedule";
inline constexpr std::string_view kFlagNoPath = "a yes/no target has no path";
// Reasons with years in them: format strings, each {} one year or list.
inline constexpr std::string_view kNotMaintained = "not maintained in {}";
inline constexpr std::string_view kRecognitionExpires = "recognition of {} expires after {}; re-recognition due by {}";
inline constexpr std::string_view kRecognitionExpired = "recognition of {} expired after {}; not renewed";
inline constexpr std::string_view kBaseTooLate = "needs a base point at least one year before the latest value";
inline constexpr std::string_view kBaseZero = "the base value is zero: growth rates cannot be computed";
inline constexpr std::string_view kSignChange = "the values change sign: growth rates cannot be computed";
inline constexpr std::string_view kTargetZero = "the target is zero: the required growth rate cannot be computed";
inline constexpr std::string_view kTargetSign = "the target and the base value differ in sign: growth rates cannot be computed";
inline constexpr std::string_view kMilestoneNotAfterBase = "the milestone is not after the base year";
inline constexpr std::string_view kNoGrowthRequired =
    "the target equals the base value: no growth is required, so the ratio is undefined";
inline constexpr std::array kAll{kNoValue,       kNoTrend,          kNoStageBaseline,    kFlagNoPath,
                                 kNotMaintained, kRecognitionExpires, kRecognitionExpired, kBaseTooLate,
                                 kBaseZero,      kSignChange,       kTargetZero,         kTargetSign,
                                 kMilestoneNotAfterBase, kNoGrowthRequired};
}  // namespace reason

struct MilestoneResult {
  const Milestone* milestone = nullptr;
  Status status = Status::Unknown;
  bool met = false;
  std::optional<double> gap;
  std::optional<double> gap_units;
  std::optional<double> progress;
  std::optional<double> expected;
  std::optional<double> schedule;
  std::optional<double> projected;
  std::optional<double> required_pace;
  std::optional<double> pace_ratio;
  std::optional<int> attainment_year;
  std::optional<Status> status_since;  // with --since: the status as of that year
  std::optional<Change> change;        // with --since: how it moved since
  std::string reason;               // in English, with its years filled in
  std::string_view reason_phrase;   // the reason:: phrase it was made from
  std::vector<std::string> reason_args;  // the phrase's {} values

  // Sets reason, reason_phrase and reason_args together.
  void set_reason(std::string_view phrase, std::vector<std::string> args = {});
};

struct IndicatorResult {
  const Indicator* indicator = nullptr;
  std::optional<Point> baseline;  // the baseline, when its year is <= as-of
  std::optional<Point> latest;
  std::vector<Point> points;      // baseline + actuals up to as-of, by year
  std::optional<double> trend;    // OLS slope (linear) or CAGR_obs (cagr)
  Status status = Status::Unknown;  // the status of the next milestone
  std::vector<MilestoneResult> milestones;  // by year
};

struct UnitResult {
  const Plan* plan = nullptr;
  // By indicator status: the plan's own targets, and apart from them the
  // indicators whose targets restate a national norm (`basis: norm`).
  std::array<int, kAllStatuses.size()> counts{};
  std::array<int, kAllStatuses.size()> norm_counts{};
  std::vector<IndicatorResult> indicators;
  std::optional<BudgetResult> budget;
  std::vector<TaskResult> tasks;
};

// The as-of year when none is given: the latest year with an actual value
// anywhere in the batch; with no actuals at all, the latest plan baseline
// year (plan.baseline_year, else its latest indicator baseline).
std::optional<int> default_as_of(const std::vector<Plan>& plans);

// What default_as_of looks at, for one plan: its latest actual year
// (indicators and budget spending) and its baseline year.
struct YearsSeen {
  std::optional<int> latest_actual;
  std::optional<int> baseline;
};
YearsSeen years_seen(const Plan& plan);

IndicatorResult evaluate_indicator(const Indicator& ind, std::optional<int> as_of, const EvaluationOptions& opts);
// With opts.since, also evaluated as of that year, each milestone's
// status_since and change filled in.
UnitResult evaluate_plan(const Plan& plan, std::optional<int> as_of, const EvaluationOptions& opts);

std::optional<Change> change_between(Status then, Status now);

// Every Change in the order reports list them: bad news first.
inline constexpr std::array kAllChanges{Change::NewlyMissed, Change::Worsened, Change::NewlyMet, Change::Improved,
                                        Change::Unchanged};
// Milestones of a unit by change (indexed by the enum's value).
std::array<int, kAllChanges.size()> change_counts(const UnitResult& u);

// Counts by indicator status (the status of each indicator's next milestone),
// plan targets in `counts`, norms in `norm_counts`.
void recount(UnitResult& unit);
int total(const std::array<int, kAllStatuses.size()>& counts);

// Projections cannot leave the range a value can take: [0, 100] for
// percentages, >= 0 for counts.
double clamp_projection(const Indicator& ind, double v);

// The trend carried from the latest point to `year`: a straight line
// (linear) or compound growth (cagr), clamped as projections are.
double extrapolate(const Indicator& ind, const Point& latest, double trend, int year, Method method);

// The bound a value must move towards: the threshold; for a range or an
// approximate target the lower bound (higher-is-better), the upper bound
// (lower-is-better), or the bound nearer to v (better: neither).
double reference_bound(const NumericTarget& t, double v);

// Ordinary least-squares slope of value on year; nullopt with fewer than
// two distinct years.
std::optional<double> ols_slope(const std::vector<Point>& points);

}  // namespace plancheck
