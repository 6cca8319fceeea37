// Markdown: a report a person pastes into a document or $GITHUB_STEP_SUMMARY.
#include <algorithm>
#include <fmt/format.h>

#include "core/util/text.hpp"
#include "render/describe.hpp"
#include "render/formats.hpp"
#include "render/projection.hpp"

namespace plancheck {
namespace {

// A table cell; an empty one keeps a space so the row stays a table row.
std::string cell(std::string_view s) {
  const std::string out = markdown_escape(s);
  return out.empty() ? " " : out;
}

std::string status_cell(Status s, Lang lang) {
  const std::string words(status_words(s, lang));
  return s == Status::Missed || s == Status::OffTrack ? "**" + words + "**" : words;
}

std::string status_counts(const std::array<int, kAllStatuses.size()>& counts, Lang lang) {
  std::vector<std::string> parts;
  for (Status s : kAllStatuses) parts.push_back(fmt::format("{} {}", counts[static_cast<std::size_t>(s)], status_words(s, lang)));
  return fmt::format("{}", fmt::join(parts, " · "));
}

// Plan targets, then (when there are any) norms, counted apart.
std::string summary_line(const UnitResult& u, Lang lang) {
  std::string line = fmt::format("**{}:** {}", indicators_words(static_cast<std::size_t>(total(u.counts)), lang),
                                 status_counts(u.counts, lang));
  if (const int norms = total(u.norm_counts); norms > 0)
    line += fmt::format("  \n**{}:** {}", norms_words(static_cast<std::size_t>(norms), lang), status_counts(u.norm_counts, lang));
  return line;
}

}  // namespace

std::string markdown_unit(const Report& report, const UnitResult& u, Lang lang) {
  std::string out = fmt::format("## {} ({})\n\n{}  \n{}: {}\n\n", cell(u.plan->unit.name), markdown_code(u.plan->unit.id),
                                summary_line(u, lang), tr(lang, "Plan"), markdown_code(u.plan->file));
  std::vector<MilestoneRef> rows = unit_milestones(u);
  // Worst first, as in `gaps`; met milestones last.
  std::stable_sort(rows.begin(), rows.end(), [](const MilestoneRef& a, const MilestoneRef& b) {
    return severity(a.milestone->status) < severity(b.milestone->status);
  });
  if (rows.empty()) return out + std::string(tr(lang, "No milestones selected.")) + "\n\n";
  std::string header = "|";
  for (const char* h : {"Status", "Indicator", "Year", "Target", "Latest", "Gap", "Projected", "Pace needed"})
    header += fmt::format(" {} |", tr(lang, h));
  if (report.since) header += fmt::format(" {} |", trf(lang, "Since {}", *report.since));
  out += header + "\n";
  out += report.since ? "|---|---|---|---|---|---|---|---|---|\n" : "|---|---|---|---|---|---|---|---|\n";
  for (const MilestoneRef& ref : rows) {
    const IndicatorResult& r = *ref.indicator;
    const MilestoneResult& m = *ref.milestone;
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |", status_cell(m.status, lang),
                       cell(indicator_name(*r.indicator, lang)), m.milestone->year_label, cell(m.milestone->target.text),
                       cell(latest_text(report, r, lang)), cell(gap_text(r, m, lang)),
                       cell(optional_value(*r.indicator, m.projected, lang)), cell(pace_text(report, r, m, lang)));
    out += report.since ? fmt::format(" {} |\n", cell(since_words(m, lang))) : "\n";
  }
  if (report.since) {
    out += fmt::format("\n{}\n\n", cell(change_counts_words(u, *report.since, lang)));
    for (const MilestoneRef& ref : changed_milestones(u)) out += fmt::format("- {}\n", cell(change_line(ref, lang)));
  }
  return out + "\n";
}

namespace {

// A unit's heading and plan line, as in the evaluate report.
std::string unit_heading(const UnitResult& u, Lang lang) {
  return fmt::format("## {} ({})\n\n{}: {}\n\n", cell(u.plan->unit.name), markdown_code(u.plan->unit.id), tr(lang, "Plan"),
                     markdown_code(u.plan->file));
}

}  // namespace

std::string projection_markdown_head(const Report& report, std::size_t units, Lang lang) {
  const std::string to = report.project_to ? std::to_string(*report.project_to) : std::string(tr(lang, "each milestone"));
  return fmt::format("# {}\n\n{} · {} · {}\n\n", tr(lang, "plancheck projections"),
                     trf(lang, "Projections to {} from data {}", to, as_of_words(report, lang)), method_words(report, lang),
                     units_words(units, lang));
}

// The columns of the terminal's projection table: with --to, whether the
// projection meets that year's target; else each milestone's status.
std::string projection_markdown_unit(const Report& report, const UnitResult& u, Lang lang) {
  std::string out = unit_heading(u, lang);
  std::string rows;
  for (const IndicatorResult& r : u.indicators)
    for (const ProjectionRow& p : projection_rows(report, r)) {
      const std::string verdict = !report.project_to ? status_cell(p.milestone->status, lang)
                                  : p.meets          ? std::string(tr(lang, *p.meets ? "yes" : "no"))
                                                     : "—";
      rows += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", cell(indicator_name(*r.indicator, lang)),
                          cell(latest_text(report, r, lang)), cell(trend_words(report, r, lang)), p.year_label,
                          cell(p.milestone ? p.milestone->milestone->target.text : "—"),
                          cell(optional_value(*r.indicator, p.projected, lang)), verdict);
    }
  if (rows.empty()) return out + std::string(tr(lang, "No milestones selected.")) + "\n\n";
  out += "|";
  for (const char* h : {"Indicator", "Latest", "Trend", "Year", "Target", "Projected"}) out += fmt::format(" {} |", tr(lang, h));
  out += fmt::format(" {} |\n|---|--:|--:|---|---|--:|---|\n", tr(lang, report.project_to ? "Meets target" : "Status"));
  return out + rows + "\n";
}

std::string markdown_escape(std::string_view s) {
  std::string flat(s);
  std::replace_if(flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  std::string out;
  for (char c : display_text(flat)) {
    switch (c) {
      // Raw HTML and entities, images and links, code spans, and the
      // backslash that would escape plancheck's own "\|": a backslash before
      // ASCII punctuation shows it literally (CommonMark). ">" needs none:
      // without "<" it starts no markup, and a cell never starts a line.
      case '<':
      case '&':
      case '\\':
      case '|':
      case '[':
      case ']':
      case '`': out += '\\', out += c; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_code(std::string_view s) {
  const std::string text = display_text(s);
  std::size_t longest = 0, run = 0;
  for (char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
  const std::string fence(longest + 1, '`');
  const std::string pad = !text.empty() && (text.front() == '`' || text.back() == '`') ? " " : "";
  return fence + pad + text + pad + fence;
}

std::string markdown_head(const Report& report, std::size_t units, Lang lang) {
  return fmt::format("# {}\n\n{} · {} · {}\n\n", tr(lang, "plancheck report"), as_of_words(report, lang),
                     method_words(report, lang), units_words(units, lang));
}

std::string render_markdown(const Report& report, Lang lang) {
  std::string out = markdown_head(report, report.units.size(), lang);
  for (const UnitResult& u : report.units) out += markdown_unit(report, u, lang);
  return out;
}

}  // namespace plancheck
