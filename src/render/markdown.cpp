// Markdown: a report a person pastes into a document or $GITHUB_STEP_SUMMARY.
#include <algorithm>
#include <fmt/format.h>

#include "render/describe.hpp"
#include "render/formats.hpp"

namespace plancheck {
namespace {

// A table cell: pipes escaped, line breaks flattened.
std::string cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out.empty() ? " " : out;
}

std::string status_cell(Status s) {
  const std::string words(status_words(s));
  return s == Status::Missed || s == Status::OffTrack ? "**" + words + "**" : words;
}

std::string summary_line(const UnitResult& u) {
  std::vector<std::string> parts;
  for (Status s : kAllStatuses) parts.push_back(fmt::format("{} {}", u.counts[static_cast<std::size_t>(s)], status_words(s)));
  const std::size_t n = u.indicators.size();
  return fmt::format("**{} indicator{}:** {}", n, n == 1 ? "" : "s", fmt::join(parts, " · "));
}

std::string unit_section(const Report& report, const UnitResult& u) {
  std::string out = fmt::format("## {} (`{}`)\n\n{}  \nPlan: `{}`\n\n", cell(u.plan->unit.name), u.plan->unit.id,
                                summary_line(u), u.plan->file);
  std::vector<MilestoneRef> rows;
  for (const MilestoneRef& ref : all_milestones(report))
    if (ref.unit == &u) rows.push_back(ref);
  // Worst first, as in `gaps`; met milestones last.
  std::stable_sort(rows.begin(), rows.end(), [](const MilestoneRef& a, const MilestoneRef& b) {
    return severity(a.milestone->status) < severity(b.milestone->status);
  });
  if (rows.empty()) return out + "No milestones selected.\n\n";
  out += "| Status | Indicator | Year | Target | Latest | Gap | Projected | Pace needed |\n";
  out += "|---|---|---|---|---|---|---|---|\n";
  for (const MilestoneRef& ref : rows) {
    const IndicatorResult& r = *ref.indicator;
    const MilestoneResult& m = *ref.milestone;
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", status_cell(m.status), cell(r.indicator->name),
                       m.milestone->year_label, cell(m.milestone->target.text), cell(latest_text(report, r)),
                       cell(gap_text(r, m)), cell(optional_value(*r.indicator, m.projected)),
                       cell(pace_text(report, r, m)));
  }
  return out + "\n";
}

}  // namespace

std::string render_markdown(const Report& report) {
  std::string out = fmt::format("# plancheck report\n\n{} · {} · {} unit{}\n\n", as_of_words(report), method_words(report),
                                report.units.size(), report.units.size() == 1 ? "" : "s");
  for (const UnitResult& u : report.units) out += unit_section(report, u);
  return out;
}

}  // namespace plancheck
