#include "render/describe.hpp"


#include <array>
#include <cmath>
#include <fmt/format.h>

#include "core/model/format.hpp"
#include "core/model/recurrence.hpp"
#include "core/util/text.hpp"

namespace plancheck {

std::string method_words(const Report& r, Lang lang) {
  return std::string(tr(lang, r.method == Method::Linear ? "linear trend" : "compound growth (CAGR)"));
}

std::string as_of_words(const Report& r, Lang lang) {
  return r.as_of ? trf(lang, "as of {}", *r.as_of) : std::string(tr(lang, "no data"));
}

std::string norm_words(const Indicator& ind, Lang lang) {
  if (!ind.norm) return "";
  return ind.basis_ref.empty() ? fmt::format(" ({})", tr(lang, "norm")) : trf(lang, " (norm: {})", ind.basis_ref);
}

std::string indicator_name(const Indicator& ind, Lang lang) {
  return (lang == Lang::En && !ind.name_en.empty() ? ind.name_en : ind.name) + norm_words(ind, lang);
}

// Latest value, with its year when older than the as-of year.
std::string latest_text(const Report& report, const IndicatorResult& r, Lang lang) {
  if (!r.latest) return std::string(tr(lang, "no data"));
  std::string text = format_value(*r.indicator, r.latest->value, lang);
  if (report.as_of && r.latest->year < *report.as_of) text += fmt::format(" ({})", r.latest->year_label);
  return text;
}

namespace {

// "1 school", "2 schools": the singular of a plural English unit; Vietnamese
// nouns do not change with the number.
std::string noun(const std::string& plural, double n, Lang lang) {
  if (lang == Lang::Vi) return unit_words(plural, lang);
  if (std::fabs(n - 1) > 1e-9 || plural.size() < 2 || plural.back() != 's') return plural;
  const bool es = plural.size() > 4 && plural.ends_with("sses");
  return plural.substr(0, plural.size() - (es ? 2 : 1));
}

// "1 school", "3 schools" ("3 trường"): an amount of a count indicator.
std::string count_text(const Indicator& ind, double n, Lang lang) {
  return fmt::format("{} {}", format_value(ind, n, lang), noun(ind.unit, std::round(n), lang));
}

std::string counted_label(const Indicator& ind) {
  if (!ind.numerator_label.empty()) return ind.numerator_label;
  if (!ind.denominator_label.empty()) return ind.denominator_label;
  return "units";
}

// Whether the value must rise (a floor, or below a range) or fall.
bool wants_more(const MilestoneResult& m, double latest) {
  const NumericTarget& t = m.milestone->target.numeric;
  if (t.op == Op::AtLeast || t.op == Op::Above) return true;
  if (t.op == Op::AtMost || t.op == Op::Below) return false;
  return latest < t.low;
}

// "3.9 pp short (2 more schools)", "0.6 pp over", "1 stage to go".
std::string gap_phrase(const Indicator& ind, const MilestoneResult& m, const std::string& gap, double latest, Lang lang) {
  // A flag's gap, and "re-recognition due" / "lapsed", are words already.
  if (ind.kind == Kind::Flag || (m.gap && *m.gap == 0)) return gap;
  if (ind.kind == Kind::Milestone) return trf(lang, "{} to go", gap);
  const char* phrase = wants_more(m, latest) ? "{} short" : "{} over";
  const std::size_t paren = gap.find(" (");
  if (paren == std::string::npos) return trf(lang, phrase, gap);
  return trf(lang, phrase, gap.substr(0, paren)) + gap.substr(paren);
}

}  // namespace

// The gap in the indicator's unit (and in counted things for ratios).
std::string gap_text(const IndicatorResult& r, const MilestoneResult& m, Lang lang) {
  const Indicator& ind = *r.indicator;
  if (!m.gap) return "";
  if (m.met) return "—";
  // Not met with nothing to add: the value is there, but a recognition runs
  // out or a maintained target lapsed on the way.
  if (*m.gap == 0 && m.reason_phrase == reason::kRecognitionExpires) return std::string(tr(lang, "re-recognition due"));
  if (*m.gap == 0 && m.reason_phrase == reason::kNotMaintained) return std::string(tr(lang, "lapsed"));
  if (ind.kind == Kind::Flag) return std::string(tr(lang, "not done"));
  if (!std::isfinite(*m.gap)) return std::string(kNoNumber);
  if (ind.kind == Kind::Milestone) return format_delta(ind, *m.gap, lang).substr(1);
  std::string text = format_delta(ind, *m.gap, lang);
  if (!text.empty() && text.front() == '+') text.erase(0, 1);
  // A milestone not met never shows a gap of "0 pp": below what one decimal
  // shows, up to three ("0.04 pp").
  if (ind.is_percent() && std::fabs(*m.gap) < 0.05)
    text = format_plain(std::fabs(*m.gap), lang) + " " + std::string(tr(lang, "pp"));
  if (ind.is_count()) text = count_text(ind, *m.gap, lang);
  if (m.gap_units && *m.gap_units > 0) {
    const bool more = wants_more(m, r.latest->value);
    text += " (" +
            trf(lang, more ? "{} more {}" : "{} fewer {}", format_plain(*m.gap_units, lang),
                noun(counted_label(ind), *m.gap_units, lang)) +
            ")";
  }
  return text;
}

std::string share_text(const std::optional<double>& share, Lang lang) {
  return share && std::isfinite(*share) ? format_fixed(*share * 100, 1, lang) + "%" : "—";
}

std::string spent_share_text(const BudgetResult& budget, Lang lang) {
  const std::optional<double>& total = budget.budget->total;
  return total && *total > 0 ? share_text(budget.spent / *total, lang) : "—";
}

namespace {
std::string one_recurrence_words(const Recurrence& r, std::optional<int> first_year, Lang lang) {
  switch (r.every) {
    case Recurrence::Every::Quarter: return std::string(tr(lang, "quarterly"));
    case Recurrence::Every::HalfYear: return std::string(tr(lang, "half-yearly"));
    // English names the month, Vietnamese numbers it ("tháng 6").
    case Recurrence::Every::MonthOfYear:
      return trf(lang, "yearly in {}", lang == Lang::En ? std::string(month_name(r.month)) : std::to_string(r.month));
    case Recurrence::Every::Years: break;
  }
  if (r.years == 1) return std::string(tr(lang, "yearly"));
  // The first year fixes which years are due.
  return first_year ? trf(lang, "every {} years from {}", r.years, *first_year) : trf(lang, "every {} years", r.years);
}
}  // namespace

std::string recurrence_words(const TaskResult& t, Lang lang) {
  std::vector<std::string> words;
  for (const Recurrence& r : t.task->recurs) words.push_back(one_recurrence_words(r, t.first_year, lang));
  return fmt::format("{}", fmt::join(words, ", "));
}

std::string due_words(const TaskResult& t, Lang lang) {
  return t.task->recurring() ? recurrence_words(t, lang) : t.task->due ? t.task->due->text : "—";
}

std::string overdue_periods_words(const TaskResult& t, Lang lang) {
  if (t.overdue_periods.empty()) return "";
  return trf(lang, "overdue: {}", fmt::join(t.overdue_periods, ", "));
}

std::string units_words(std::size_t n, Lang lang) { return trf(lang, n == 1 ? "{} unit" : "{} units", n); }

std::string indicators_words(std::size_t n, Lang lang) {
  return trf(lang, n == 1 ? "{} indicator" : "{} indicators", n);
}

std::string norms_words(std::size_t n, Lang lang) { return trf(lang, n == 1 ? "{} norm" : "{} norms", n); }

std::string rollup_latest(const RollupIndicator& ri, Lang lang) {
  const IndicatorResult& r = ri.result;
  if (!r.latest) return "—";
  // A mean of flags is the share of units where it is done.
  const std::string value = ri.indicator->kind == Kind::Flag ? trf(lang, "{}% done", format_fixed(r.latest->value * 100, 0, lang))
                                                             : format_value(*ri.indicator, r.latest->value, lang);
  return fmt::format("{} ({})", value, r.latest->year_label);
}

std::string optional_value(const Indicator& ind, const std::optional<double>& v, Lang lang) {
  return v ? format_estimate(ind, *v, lang) : "—";
}

std::string growth_rate_text(double g, Lang lang) {
  if (!std::isfinite(g)) return std::string(kNoNumber);
  return trf(lang, "{}/yr", format_signed_fixed(g * 100, 1, lang) + "%");
}

// "needs +2.3 pp/yr (trend +0.4 pp/yr)" for a milestone not yet due.
std::string pace_text(const Report& report, const IndicatorResult& r, const MilestoneResult& m, Lang lang) {
  if (!m.required_pace) return "";
  const Indicator& ind = *r.indicator;
  if (report.method == Method::Cagr) {
    const double g = *m.required_pace;
    const std::string needed =
        std::isfinite(g) ? trf(lang, "{}%/yr growth", format_signed_fixed(g * 100, 1, lang)) : std::string(kNoNumber);
    return trf(lang, "needs {}", needed) + " (" + trf(lang, "observed {}", growth_rate_text(r.trend.value_or(0), lang)) + ")";
  }
  std::string text = trf(lang, "needs {}", format_pace(ind, *m.required_pace, lang));
  if (r.trend) text += " (" + trf(lang, "trend {}", format_pace(ind, *r.trend, lang)) + ")";
  return text;
}

std::string reason_text(const MilestoneResult& m, Lang lang) {
  if (m.reason_phrase.empty()) return m.reason;
  return trf_list(lang, m.reason_phrase, m.reason_args);
}

const MilestoneResult* next_milestone(const Report& report, const IndicatorResult& r) {
  for (const MilestoneResult& m : r.milestones)
    if (!report.as_of || m.milestone->year >= *report.as_of) return &m;
  return r.milestones.empty() ? nullptr : &r.milestones.back();
}

std::string describe_gap(const Report& report, const MilestoneRef& g, Lang lang) {
  const IndicatorResult& r = *g.indicator;
  const MilestoneResult& m = *g.milestone;
  const Indicator& ind = *r.indicator;
  if (!r.latest) return reason_text(m, lang);
  std::vector<std::string> parts;
  std::string now = trf(lang, "{} in {}", format_value(ind, r.latest->value, lang), r.latest->year_label);
  const std::string gap = gap_text(r, m, lang);
  if (!gap.empty() && gap != "—") now += ": " + gap_phrase(ind, m, gap, r.latest->value, lang);
  parts.push_back(now);
  if (const std::string pace = pace_text(report, r, m, lang); !pace.empty()) parts.push_back(pace);
  const bool numeric = ind.kind == Kind::Number || ind.kind == Kind::Ratio;
  if (numeric && m.schedule && format_delta(ind, *m.schedule, lang).front() == '-')
    parts.push_back(trf(lang, "{} behind the plan's path",
                        ind.is_count() ? count_text(ind, -*m.schedule, lang) : format_delta(ind, -*m.schedule, lang).substr(1)));
  if (!m.reason.empty()) parts.push_back(reason_text(m, lang));
  return fmt::format("{}", fmt::join(parts, "; "));
}

namespace {

// Titles of kStageNames, in the same order.
constexpr std::array<std::pair<std::string_view, std::string_view>, kStageNames.size()> kStageTitles{{
    {"preschool", "Preschool"},
    {"primary", "Primary"},
    {"lower-secondary", "Lower secondary"},
    {"upper-secondary", "Upper secondary"},
    {"general", "General education"},
    {"continuing", "Continuing education"},
    {"vocational", "Vocational"},
    {"all", "All levels"},
}};

}  // namespace

std::string stage_title(std::string_view stage, Lang lang) {
  for (const auto& [key, title] : kStageTitles)
    if (key == stage) return std::string(tr(lang, title));
  return std::string(tr(lang, "Other"));
}

std::vector<StageGroup> stage_groups(const UnitResult& u, Lang lang) {
  std::vector<StageGroup> groups;
  std::vector<std::string_view> order(kStageNames.begin(), kStageNames.end());
  order.emplace_back("");
  for (std::string_view stage : order) {
    StageGroup g{stage_title(stage, lang), {}};
    for (const IndicatorResult& r : u.indicators)
      if (r.indicator->stage == stage) g.members.push_back(&r);
    if (!g.members.empty()) groups.push_back(std::move(g));
  }
  return groups;
}

std::string roman_numeral(int n) {
  static constexpr std::array<std::pair<int, std::string_view>, 13> kNumerals{{{1000, "M"}, {900, "CM"}, {500, "D"},
      {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}};
  std::string out;
  for (const auto& [value, numeral] : kNumerals)
    for (; n >= value; n -= value) out += numeral;
  return out;
}

std::string_view status_colour_hex(Status s) {
  switch (s) {
    case Status::Met: return "C6EFCE";
    case Status::OnTrack: return "DDEBF7";
    case Status::AtRisk: return "FFEB9C";
    case Status::OffTrack: return "F8CBAD";
    case Status::Missed: return "FF9999";
    case Status::Unknown: return "E7E6E6";
  }
  return "FFFFFF";
}

std::size_t status_words_width(Lang lang) {
  std::size_t widest = 0;
  for (Status s : kAllStatuses) widest = std::max(widest, display_width(status_words(s, lang)));
  return widest;
}

std::string_view change_words(Change c, Lang lang) {
  switch (c) {
    case Change::Improved: return tr(lang, "improved");
    case Change::Worsened: return tr(lang, "worsened");
    case Change::NewlyMet: return tr(lang, "newly met");
    case Change::NewlyMissed: return tr(lang, "newly missed");
    case Change::Unchanged: return tr(lang, "unchanged");
  }
  return tr(lang, "unchanged");
}

std::string since_words(const MilestoneResult& m, Lang lang) {
  return m.status_since ? std::string(status_words(*m.status_since, lang)) : "—";
}

std::string change_counts_words(const UnitResult& u, int since, Lang lang) {
  const auto counts = change_counts(u);
  std::vector<std::string> parts;
  for (Change c : kAllChanges)
    if (c != Change::Unchanged && counts[static_cast<std::size_t>(c)] > 0)
      parts.push_back(fmt::format("{} {}", counts[static_cast<std::size_t>(c)], change_words(c, lang)));
  const std::string what = parts.empty() ? std::string(tr(lang, "no change")) : fmt::format("{}", fmt::join(parts, ", "));
  return trf(lang, "Changes since {}: {}", since, what);
}

std::string change_line(const MilestoneRef& ref, Lang lang) {
  const MilestoneResult& m = *ref.milestone;
  return fmt::format("{} {}: {} → {} ({})", indicator_name(*ref.indicator->indicator, lang), m.milestone->year_label,
                     since_words(m, lang), status_words(m.status, lang), m.change ? change_words(*m.change, lang) : "");
}

std::string rollup_status_words(const RollupIndicator& ri, Lang lang) {
  if (!ri.status_from_units) return std::string(status_words(ri.result.status, lang));
  const RollupStatusCount c = rollup_status_count(ri);
  return trf(lang, "{} of {} {}", c.units, c.total, status_words(ri.result.status, lang));
}

std::size_t rollup_status_width(Lang lang) {
  return display_width(trf(lang, "{} of {} {}", 9999, 9999, "")) + status_words_width(lang);
}

std::string_view status_words(Status s, Lang lang) {
  switch (s) {
    case Status::Met: return tr(lang, "met");
    case Status::OnTrack: return tr(lang, "on track");
    case Status::AtRisk: return tr(lang, "at risk");
    case Status::OffTrack: return tr(lang, "off track");
    case Status::Missed: return tr(lang, "missed");
    case Status::Unknown: return tr(lang, "unknown");
  }
  return "?";
}

}  // namespace plancheck
