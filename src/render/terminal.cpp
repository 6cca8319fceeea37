#include "render/terminal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "core/model/format.hpp"
#include "core/util/text.hpp"
#include "render/describe.hpp"
#include "render/projection.hpp"
#include "render/text_table.hpp"

namespace plancheck {
namespace {

std::string_view status_colour(Status s) {
  switch (s) {
    case Status::Met: return "\x1b[32m";
    case Status::OnTrack: return "\x1b[36m";
    case Status::AtRisk: return "\x1b[33m";
    case Status::OffTrack: return "\x1b[31m";
    case Status::Missed: return "\x1b[1;31m";
    case Status::Unknown: return "\x1b[2m";
  }
  return "";
}

std::string paint(const TerminalStyle& style, Status s, std::string_view text) {
  if (!style.color) return std::string(text);
  return fmt::format("{}{}\x1b[0m", status_colour(s), text);
}

// Every text from a file goes through display_text before plancheck's own
// colour codes are added: a name cannot carry escape sequences or line breaks.
std::string unit_heading(const UnitResult& u) {
  return display_text(fmt::format("{} ({}) · {}", u.plan->unit.name, u.plan->unit.id, u.plan->file));
}

std::string status_counts(const std::array<int, kAllStatuses.size()>& counts, const TerminalStyle& style) {
  std::vector<std::string> parts;
  for (Status s : kAllStatuses) {
    const int n = counts[static_cast<std::size_t>(s)];
    const std::string text = fmt::format("{} {}", n, status_words(s, style.lang));
    parts.push_back(n > 0 ? paint(style, s, text) : text);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

// Plan targets, then (when there are any) norms, counted apart.
std::string counts_line(const UnitResult& u, const TerminalStyle& style) {
  std::string line = fmt::format("{}: {}", indicators_words(static_cast<std::size_t>(total(u.counts)), style.lang),
                                 status_counts(u.counts, style));
  if (const int norms = total(u.norm_counts); norms > 0)
    line += fmt::format("; {}: {}", norms_words(static_cast<std::size_t>(norms), style.lang), status_counts(u.norm_counts, style));
  return line;
}

// Why milestones have their status (unknown, a lapsed "duy trì", a
// recognition running out), once per status and reason, with the
// indicators they apply to.
std::string reason_notes(const UnitResult& u, Lang lang, std::size_t width) {
  struct Note {
    Status status;
    std::string text;
    std::vector<std::string> ids;
  };
  std::vector<Note> notes;
  for (const IndicatorResult& r : u.indicators)
    for (const MilestoneResult& m : r.milestones) {
      if (m.reason.empty()) continue;
      const std::string text = display_text(reason_text(m, lang));
      auto it = std::find_if(notes.begin(), notes.end(), [&](auto& n) { return n.status == m.status && n.text == text; });
      if (it == notes.end()) it = notes.insert(notes.end(), {m.status, text, {}});
      if (std::find(it->ids.begin(), it->ids.end(), r.indicator->id) == it->ids.end()) it->ids.push_back(r.indicator->id);
    }
  std::string out;
  for (const Note& n : notes)
    out += wrap(fmt::format("{}: {} ({})", status_words(n.status, lang), n.text, fmt::join(n.ids, ", ")), width, "  ");
  return out;
}

std::string bold(const TerminalStyle& style, const std::string& text) {
  return style.color ? "\x1b[1m" + text + "\x1b[0m" : text;
}

// Spent / planned per budget line, as of the as-of year.
std::string budget_section(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  if (!u.budget) return "";
  const Budget& b = *u.budget->budget;
  const Lang lang = style.lang;
  const auto money = [lang](double v) { return format_plain(v, lang); };
  TextTable table({{std::string(tr(lang, "Line")), Align::Left, 6},
                   {std::string(tr(lang, "Budget line")), Align::Left, 60, true},
                   {std::string(tr(lang, "Planned")), Align::Right, 12},
                   {std::string(tr(lang, "Spent")), Align::Right, 12},
                   {std::string(tr(lang, "Spent %")), Align::Right, 8}});
  for (const BudgetLineResult& line : u.budget->lines)
    table.add_row({display_text(line.entry->id), display_text(line.entry->name), line.planned ? money(*line.planned) : "—", money(line.spent),
                   share_text(line.share, lang)});
  const std::string total = b.total ? money(*b.total) : "—";
  table.add_row({"", std::string(tr(lang, "Total (as stated)")), total, money(u.budget->spent),
                 spent_share_text(*u.budget, lang)});
  return fmt::format("\n  {} ({}), {}\n{}", bold(style, std::string(tr(lang, "Budget"))),
                     b.currency.empty() ? std::string(tr(lang, "amounts as stated")) : display_text(b.currency),
                     trf(lang, "spending up to {}", report.as_of ? std::to_string(*report.as_of) : "—"),
                     table.render(style.width, "  "));
}

// What the line of an overdue task says after its name: when it is due,
// the periods overdue, who leads it.
std::vector<std::string> task_notes(const TaskResult& t, Lang lang) {
  std::vector<std::string> notes{trf(lang, "due {}", due_words(t, lang))};
  if (!t.overdue_periods.empty()) notes.push_back(overdue_periods_words(t, lang));
  if (!t.task->lead.empty()) notes.push_back(trf(lang, "lead: {}", t.task->lead));
  return notes;
}

// Counts of tasks by status, and the overdue ones by name.
std::string tasks_section(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  if (u.tasks.empty()) return "";
  std::array<int, 4> n{};
  for (const TaskResult& t : u.tasks) ++n[static_cast<std::size_t>(t.status)];
  const Lang lang = style.lang;
  std::string out = "\n  " +
                    trf(lang, "Tasks as of {}: {} overdue, {} done, {} done late, {} pending",
                        report.as_of ? std::to_string(*report.as_of) : "—", n[2], n[0], n[1], n[3]) +
                    "\n";
  for (const TaskResult& t : u.tasks)
    if (t.status == TaskStatus::Overdue)
      out += wrap(display_text(fmt::format("{}  {} {} ({})", tr(lang, "overdue"), t.task->id, t.task->name,
                                           fmt::join(task_notes(t, lang), "; "))),
                  style.width, "    ");
  return out;
}

}  // namespace

// One heading row per indicator (names are long), then a row per milestone.
namespace {

// --since: the changed milestones of a unit, under a line of counts.
std::string changes_section(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  if (!report.since) return "";
  std::string out = fmt::format("\n{}\n", bold(style, change_counts_words(u, *report.since, style.lang)));
  for (const MilestoneRef& ref : changed_milestones(u))
    out += wrap("  " + display_text(change_line(ref, style.lang)), style.width);
  return out;
}

}  // namespace

std::string render_evaluate_unit(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  const Lang lang = style.lang;
  std::vector<Column> columns{{std::string(tr(lang, "Indicator, year")), Align::Left, 15},
                              {std::string(tr(lang, "Target")), Align::Left, 20, true},
                              {std::string(tr(lang, "Latest")), Align::Right, 20},
                              {std::string(tr(lang, "Gap")), Align::Right, 26},
                              {std::string(tr(lang, "Projected")), Align::Right, 10},
                              {std::string(tr(lang, "Status")), Align::Left, status_words_width(lang)}};
  if (report.since) columns.push_back({trf(lang, "Since {}", *report.since), Align::Left, status_words_width(lang)});
  TextTable table(std::move(columns));
  for (const auto& [title, members] : stage_groups(u, lang)) {
    table.add_section(bold(style, display_text(title)));
    for (const IndicatorResult* r : members) {
      table.add_section("  " + display_text(indicator_name(*r->indicator, lang)));
      bool first = true;
      for (const MilestoneResult& m : r->milestones) {
        std::vector<std::string> cells{"    " + m.milestone->year_label, display_text(m.milestone->target.text),
                                       first ? display_text(latest_text(report, *r, lang)) : "",
                                       display_text(gap_text(*r, m, lang)),
                                       display_text(optional_value(*r->indicator, m.projected, lang)),
                                       paint(style, m.status, status_words(m.status, lang))};
        if (report.since) cells.push_back(m.status_since ? paint(style, *m.status_since, since_words(m, lang)) : "—");
        table.add_row(std::move(cells));
        first = false;
      }
    }
  }
  return fmt::format("{}{} · {}\n{}\n\n{}{}{}{}{}", wrap(bold(style, unit_heading(u)), style.width), as_of_words(report, lang),
                     method_words(report, lang), counts_line(u, style), table.render(style.width, "  "),
                     reason_notes(u, lang, style.width), changes_section(report, u, style),
                     budget_section(report, u, style), tasks_section(report, u, style));
}

namespace {

std::string gaps_summary(const GapCounts& n, const TerminalStyle& style) {
  std::vector<Status> order(kAllStatuses.begin(), kAllStatuses.end());
  std::sort(order.begin(), order.end(), [](Status a, Status b) { return severity(a) < severity(b); });
  std::vector<std::string> parts;
  for (Status s : order)
    if (s != Status::Met)
      parts.push_back(paint(style, s, fmt::format("{} {}", n.by_status[static_cast<std::size_t>(s)], status_words(s, style.lang))));
  return fmt::format("{}: {}", trf(style.lang, n.total == 1 ? "{} milestone not met" : "{} milestones not met", n.total),
                     fmt::join(parts, ", "));
}

}  // namespace

std::string no_plans_selected(const TerminalStyle& style) { return std::string(tr(style.lang, "No plans selected.")) + "\n"; }

std::string render_evaluate_table(const Report& report, const TerminalStyle& style) {
  std::string out;
  for (const UnitResult& u : report.units) {
    if (!out.empty()) out += '\n';
    out += render_evaluate_unit(report, u, style);
  }
  if (report.units.empty()) out = no_plans_selected(style);
  return out;
}

void GapCounts::add(const MilestoneResult& m) {
  ++by_status[static_cast<std::size_t>(m.status)];
  ++total;
}

std::string gaps_head(const Report& report, const GapCounts& counts, const TerminalStyle& style) {
  const Lang lang = style.lang;
  return trf(lang, "Gaps {} ({})", as_of_words(report, lang), method_words(report, lang)) + " · " +
         gaps_summary(counts, style) + "\n";
}

std::string gaps_row(const Report& report, const MilestoneRef& g, const TerminalStyle& style) {
  const Lang lang = style.lang;
  const std::size_t status_width = status_words_width(lang) + 2;
  const Milestone& m = *g.milestone->milestone;
  // Both lines wrap under the name, clear of the status; the unit and
  // `2030 target "…"` are not broken (a short target neither).
  const std::string target = fmt::format("\"{}\"", display_text(m.target.text));
  const std::string where = fmt::format("· {} · {} {}", display_text(g.unit->plan->unit.id), m.year_label, tr(lang, "target"));
  const std::string what = fmt::format(
      "{}{} {}", pad_right(paint(style, g.milestone->status, status_words(g.milestone->status, lang)), status_width),
      display_text(indicator_name(*g.indicator->indicator, lang)),
      display_width(target) <= 30 ? unbreakable(where + " " + target) : unbreakable(where) + " " + target);
  std::string out = fmt::format(
      "\n{}{}", wrap_hanging(what, style.width, status_width),
      wrap_hanging(std::string(status_width, ' ') + display_text(describe_gap(report, g, lang)), style.width, status_width));
  // --since: where it stood then, on a line of its own.
  if (report.since && g.milestone->change)
    out += wrap_hanging(std::string(status_width, ' ') +
                            fmt::format("{}: {} ({})", trf(lang, "Since {}", *report.since), since_words(*g.milestone, lang),
                                        change_words(*g.milestone->change, lang)),
                        style.width, status_width);
  return out;
}

std::string render_gaps_text(const Report& report, const TerminalStyle& style) {
  const std::vector<MilestoneRef> gaps = gaps_worst_first(report);
  GapCounts counts;
  for (const MilestoneRef& g : gaps) counts.add(*g.milestone);
  std::string out = gaps_head(report, counts, style);
  for (const MilestoneRef& g : gaps) out += gaps_row(report, g, style);
  return out;
}

std::string render_project_unit(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  const Lang lang = style.lang;
  const std::string to = report.project_to ? fmt::format("{}", *report.project_to) : std::string(tr(lang, "each milestone"));
  TextTable table({{std::string(tr(lang, "Indicator")), Align::Left, 44, true},
                   {std::string(tr(lang, "Latest")), Align::Right, 16},
                   {std::string(tr(lang, "Trend")), Align::Right, 16},
                   {std::string(tr(lang, "Year")), Align::Left, 9},
                   {std::string(tr(lang, "Target")), Align::Left, 16},
                   {std::string(tr(lang, "Projected")), Align::Right, 10},
                   {std::string(tr(lang, report.project_to ? "Meets target" : "Status")), Align::Left,
                    std::max<std::size_t>(12, status_words_width(lang))}});
  for (const IndicatorResult& r : u.indicators) {
    const Indicator& ind = *r.indicator;
    bool first = true;
    for (const ProjectionRow& p : projection_rows(report, r)) {
      // With --to: whether the projection meets that year's target; else the milestone's status.
      std::string verdict = !report.project_to ? paint(style, p.milestone->status, status_words(p.milestone->status, lang))
                            : p.meets          ? std::string(tr(lang, *p.meets ? "yes" : "no"))
                                               : "—";
      table.add_row({first ? display_text(indicator_name(ind, lang)) : "", first ? display_text(latest_text(report, r, lang)) : "",
                     first ? display_text(trend_words(report, r, lang)) : "", p.year_label,
                     display_text(p.milestone ? p.milestone->milestone->target.text : "—"),
                     display_text(optional_value(ind, p.projected, lang)), std::move(verdict)});
      first = false;
    }
  }
  return fmt::format("{}{} · {}\n\n{}", wrap(unit_heading(u), style.width),
                     trf(lang, "Projections to {} from data {}", to, as_of_words(report, lang)), method_words(report, lang),
                     table.render(style.width, "  "));
}

std::string render_project_table(const Report& report, const TerminalStyle& style) {
  std::string out;
  for (const UnitResult& u : report.units) {
    if (!out.empty()) out += '\n';
    out += render_project_unit(report, u, style);
  }
  return report.units.empty() ? no_plans_selected(style) : out;
}

}  // namespace plancheck
