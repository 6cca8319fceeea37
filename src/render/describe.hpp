#pragma once
// Sentences and cells that describe results for people, shared by every
// human-facing renderer (terminal, Markdown, JUnit and GitHub messages).
#include <optional>
#include <string>
#include <string_view>

#include "core/util/lang.hpp"
#include "core/evaluation/report.hpp"
#include "core/rollup/rollup.hpp"

namespace plancheck {

// Every function takes the language of the text; the machine formats' messages
// (JUnit, GitHub) are always English.
std::string method_words(const Report& r, Lang lang);   // "linear trend"
std::string as_of_words(const Report& r, Lang lang);    // "as of 2026"
// " (norm: Thông tư 28/2020/TT-BGDĐT)" for targets taken from a national
// norm (`basis: norm`), "" for the plan's own targets.
std::string norm_words(const Indicator& ind, Lang lang);
// The indicator's name: the plan's own wording in Vietnamese, `name_en` (when
// given) in English; norms say so.
std::string indicator_name(const Indicator& ind, Lang lang);
// Latest value, with its year when older than the as-of year.
std::string latest_text(const Report& report, const IndicatorResult& r, Lang lang);
// The gap in the indicator's unit, and in counted things for ratios:
// "17.5 pp (2 more schools)"; "—" when met, "" when unknown.
std::string gap_text(const IndicatorResult& r, const MilestoneResult& m, Lang lang);
// A projected value (see format_estimate), "—" when absent.
std::string optional_value(const Indicator& ind, const std::optional<double>& v, Lang lang);
// A compound growth rate (0.018) per year: "+1.8%/yr" ("+1,8%/năm"), "—"
// when it overflowed.
std::string growth_rate_text(double g, Lang lang);
// "needs +2.3 pp/yr (trend +0.4 pp/yr)", or "" when no pace applies.
std::string pace_text(const Report& report, const IndicatorResult& r, const MilestoneResult& m, Lang lang);
// The whole story of a milestone not met: "62.5% in 2026: 17.5 pp short
// (2 more schools); needs +4.4 pp/yr (trend +6.2 pp/yr)".
std::string describe_gap(const Report& report, const MilestoneRef& g, Lang lang);
// Why a milestone has its status ("not maintained in 2026"), in `lang`;
// "" when no reason applies.
std::string reason_text(const MilestoneResult& m, Lang lang);
// A share as a percentage with one decimal ("52.1%"), "—" when absent or
// not finite (spending of 1e308 + 1e308).
std::string share_text(const std::optional<double>& share, Lang lang);
// What a budget has spent as a share of its stated total, "—" without a
// positive total.
std::string spent_share_text(const BudgetResult& budget, Lang lang);
// How a recurring task recurs ("quarterly, yearly", "every 2 years from
// 2024", "tháng 6 hằng năm"); "" for a dated task.
std::string recurrence_words(const TaskResult& t, Lang lang);
// When a task is due: its date as written, or how it recurs.
std::string due_words(const TaskResult& t, Lang lang);
// "overdue: 2025-Q3, 2025-Q4" ("quá hạn: …"); "" when no period is overdue.
std::string overdue_periods_words(const TaskResult& t, Lang lang);
// "1 unit", "3 units" ("3 đơn vị"); "1 indicator", "6 indicators".
std::string units_words(std::size_t n, Lang lang);
std::string indicators_words(std::size_t n, Lang lang);
// "1 norm", "2 norms": indicators whose targets restate a national norm.
std::string norms_words(std::size_t n, Lang lang);
// The latest value of a roll-up with its year; for flags the share of units
// where it is done ("60% done (2025)"); "—" without values.
std::string rollup_latest(const RollupIndicator& ri, Lang lang);
// The indicator's next milestone, the one its status comes from: the first
// not yet past the as-of year, else the last; null without milestones.
const MilestoneResult* next_milestone(const Report& report, const IndicatorResult& r);
// "on track", "off track", … as shown to people.
std::string_view status_words(Status s, Lang lang);
// The display width of the longest status words in `lang`: the width of a
// status column that never cuts one off.
std::size_t status_words_width(Lang lang);
// --since: a change in words ("improved", "newly met") in `lang`.
std::string_view change_words(Change c, Lang lang);
// The status as of --since in words, "—" when the milestone has none.
std::string since_words(const MilestoneResult& m, Lang lang);
// "Changes since 2025: 1 newly missed, 2 improved" (only the non-zero
// counts; "no change" when none).
std::string change_counts_words(const UnitResult& u, int since, Lang lang);
// One changed milestone: "Crèche enrolment 2030: at risk → on track (improved)".
std::string change_line(const MilestoneRef& ref, Lang lang);

// A roll-up's status in words: the pooled series' status, or when judged
// from the units "3 of 5 on track".
std::string rollup_status_words(const RollupIndicator& ri, Lang lang);
// The widest rollup_status_words can be (for up to 9,999 units).
std::size_t rollup_status_width(Lang lang);

// The title of a stage (kStageNames) as the plans' appendices write it:
// "Mầm non", "Preschool"; "Other" ("Chỉ tiêu khác") for any other value.
std::string stage_title(std::string_view stage, Lang lang);

// A unit's indicators grouped by stage, in stage order (preschool … all,
// then indicators without a stage), plan order within a stage, each group
// with its title ("Mầm non", "Preschool"). The plans' appendices group so.
struct StageGroup {
  std::string title;
  std::vector<const IndicatorResult*> members;
};
std::vector<StageGroup> stage_groups(const UnitResult& u, Lang lang);

// "I", "II", … "XIV": the group numbers of the plans' appendix tables.
std::string roman_numeral(int n);

// The colour of a status in documents (spreadsheet fills, HTML), as
// "RRGGBB": green met, teal on track, amber at risk, red off track, dark
// red missed, grey unknown.
std::string_view status_colour_hex(Status s);

}  // namespace plancheck
