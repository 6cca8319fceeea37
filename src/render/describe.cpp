#include "render/describe.hpp"

#include <cmath>
#include <fmt/format.h>

#include "core/format.hpp"

namespace plancheck {

std::string method_words(const Report& r) {
  return r.method == Method::Linear ? "linear trend" : "compound growth (CAGR)";
}

std::string as_of_words(const Report& r) {
  return r.as_of ? fmt::format("as of {}", *r.as_of) : std::string("no data");
}

// Latest value, with its year when older than the as-of year.
std::string latest_text(const Report& report, const IndicatorResult& r) {
  if (!r.latest) return "no data";
  std::string text = format_value(*r.indicator, r.latest->value);
  if (report.as_of && r.latest->year < *report.as_of) text += fmt::format(" ({})", r.latest->year_label);
  return text;
}

namespace {

// "1 school", "2 schools": the singular of a plural English unit.
std::string noun(const std::string& plural, double n) {
  if (std::fabs(n - 1) > 1e-9 || plural.size() < 2 || plural.back() != 's') return plural;
  const bool es = plural.size() > 4 && plural.ends_with("sses");
  return plural.substr(0, plural.size() - (es ? 2 : 1));
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
std::string gap_phrase(const Indicator& ind, const MilestoneResult& m, const std::string& gap, double latest) {
  if (ind.kind == Kind::Flag) return gap;
  if (ind.kind == Kind::Milestone) return gap + " to go";
  const std::string word = wants_more(m, latest) ? " short" : " over";
  const std::size_t paren = gap.find(" (");
  if (paren == std::string::npos) return gap + word;
  return gap.substr(0, paren) + word + gap.substr(paren);
}

}  // namespace

// The gap in the indicator's unit (and in counted things for ratios).
std::string gap_text(const IndicatorResult& r, const MilestoneResult& m) {
  const Indicator& ind = *r.indicator;
  if (!m.gap) return "";
  if (m.met) return "—";
  if (ind.kind == Kind::Flag) return "not done";
  if (ind.kind == Kind::Milestone) return format_delta(ind, *m.gap).substr(1);
  std::string text = format_delta(ind, *m.gap);
  if (!text.empty() && text.front() == '+') text.erase(0, 1);
  if (ind.is_count()) text = fmt::format("{} {}", format_value(ind, *m.gap), noun(ind.unit, std::round(*m.gap)));
  if (m.gap_units && *m.gap_units > 0) {
    const bool more = wants_more(m, r.latest->value);
    text += fmt::format(" ({} {} {})", format_plain(*m.gap_units), more ? "more" : "fewer",
                        noun(counted_label(ind), *m.gap_units));
  }
  return text;
}

std::string optional_value(const Indicator& ind, const std::optional<double>& v) {
  return v ? format_value(ind, *v) : "—";
}

// "needs +2.3 pp/yr (trend +0.4 pp/yr)" for a milestone not yet due.
std::string pace_text(const Report& report, const IndicatorResult& r, const MilestoneResult& m) {
  if (!m.required_pace) return "";
  const Indicator& ind = *r.indicator;
  if (report.method == Method::Cagr)
    return fmt::format("needs {:+.1f}%/yr growth (observed {:+.1f}%/yr)", *m.required_pace * 100, r.trend.value_or(0) * 100);
  std::string text = fmt::format("needs {}", format_pace(ind, *m.required_pace));
  if (r.trend) text += fmt::format(" (trend {})", format_pace(ind, *r.trend));
  return text;
}

std::string describe_gap(const Report& report, const MilestoneRef& g) {
  const IndicatorResult& r = *g.indicator;
  const MilestoneResult& m = *g.milestone;
  const Indicator& ind = *r.indicator;
  if (!r.latest) return m.reason;
  std::vector<std::string> parts;
  std::string now = fmt::format("{} in {}", format_value(ind, r.latest->value), r.latest->year_label);
  const std::string gap = gap_text(r, m);
  if (!gap.empty() && gap != "—") now += ": " + gap_phrase(ind, m, gap, r.latest->value);
  parts.push_back(now);
  if (const std::string pace = pace_text(report, r, m); !pace.empty()) parts.push_back(pace);
  const bool numeric = ind.kind == Kind::Number || ind.kind == Kind::Ratio;
  if (numeric && m.schedule && format_delta(ind, *m.schedule).front() == '-')
    parts.push_back(format_delta(ind, -*m.schedule).substr(1) + " behind the plan's path");
  if (m.status == Status::Unknown && !m.reason.empty()) parts.push_back(m.reason);
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string_view status_words(Status s) {
  switch (s) {
    case Status::Met: return "met";
    case Status::OnTrack: return "on track";
    case Status::AtRisk: return "at risk";
    case Status::OffTrack: return "off track";
    case Status::Missed: return "missed";
    case Status::Unknown: return "unknown";
  }
  return "?";
}

}  // namespace plancheck
