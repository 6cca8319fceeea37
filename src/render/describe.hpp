#pragma once
// Sentences and cells that describe results for people, shared by every
// human-facing renderer (terminal, Markdown, JUnit and GitHub messages).
#include <optional>
#include <string>
#include <string_view>

#include "core/report.hpp"

namespace plancheck {

std::string method_words(const Report& r);   // "linear trend"
std::string as_of_words(const Report& r);    // "as of 2026"
// Latest value, with its year when older than the as-of year.
std::string latest_text(const Report& report, const IndicatorResult& r);
// The gap in the indicator's unit, and in counted things for ratios:
// "17.5 pp (2 more schools)"; "—" when met, "" when unknown.
std::string gap_text(const IndicatorResult& r, const MilestoneResult& m);
// A projected or other optional value, "—" when absent.
std::string optional_value(const Indicator& ind, const std::optional<double>& v);
// "needs +2.3 pp/yr (trend +0.4 pp/yr)", or "" when no pace applies.
std::string pace_text(const Report& report, const IndicatorResult& r, const MilestoneResult& m);
// The whole story of a milestone not met: "62.5% in 2026: 17.5 pp short
// (2 more schools); needs +4.4 pp/yr (trend +6.2 pp/yr)".
std::string describe_gap(const Report& report, const MilestoneRef& g);
// "on track", "off track", … as shown to people.
std::string_view status_words(Status s);

}  // namespace plancheck
