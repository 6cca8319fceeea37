#pragma once
// What the result commands share after evaluation: selecting indicators
// (--unit, --stage, --group, --indicator, --status), ordering gaps worst
// first, projecting to a year.
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/evaluate.hpp"

namespace plancheck {

struct Selection {
  std::vector<std::string> units;        // unit ids; empty = all
  std::string stage;                     // empty = all
  std::string group;                     // empty = all
  std::string indicator_glob;            // shell glob on indicator ids; empty = all
  std::vector<Status> statuses;          // milestone statuses to keep; empty = all
};

// The batch's results as the renderers see them.
struct Report {
  std::optional<int> as_of;
  Method method = Method::Linear;
  std::optional<int> project_to;  // `project --to YEAR`
  std::optional<int> since;       // --since YEAR: milestones carry status_since and change
  std::vector<UnitResult> units;
};

bool glob_match(std::string_view pattern, std::string_view text);

// The input filters (--unit; --stage, --group, --indicator) alone.
bool unit_selected(const Unit& unit, const Selection& sel);
bool indicator_selected(const Indicator& ind, const Selection& sel);

// Drops units, indicators and milestones that are not selected, and
// recounts statuses over what is left.
void apply_selection(Report& report, const Selection& sel);

// One milestone with the indicator and unit it belongs to: a row of the
// flat formats (CSV, JUnit, GitHub annotations, gaps).
struct MilestoneRef {
  const UnitResult* unit;
  const IndicatorResult* indicator;
  const MilestoneResult* milestone;
};

// Every milestone in report order (unit, indicator, year).
std::vector<MilestoneRef> all_milestones(const Report& report);
// The milestones of one unit, in report order.
std::vector<MilestoneRef> unit_milestones(const UnitResult& u);

// The milestones of a unit whose status changed since --since (not
// unchanged, not unknown on either side), bad news first: newly missed,
// worsened, newly met, improved; in report order within each.
std::vector<MilestoneRef> changed_milestones(const UnitResult& u);

// True when any milestone has one of `statuses` (for --fail-on).
bool any_status(const Report& report, const std::vector<Status>& statuses);

// Worst first: by status severity, then furthest behind the plan's path.
bool worse(const MilestoneResult& a, const MilestoneResult& b);

// Every milestone not met, worst first: missed, off-track, at-risk, unknown,
// on-track; within a status, furthest behind the plan's path first.
std::vector<MilestoneRef> gaps_worst_first(const Report& report);

// For `gaps`: keeps only milestones not met, and orders each unit's
// indicators worst first.
void keep_gaps_only(Report& report);

// The trend carried forward to `year` (clamped as projections are), or
// nullopt without a trend or latest value.
std::optional<double> project_value(const IndicatorResult& r, int year, Method method);

}  // namespace plancheck
