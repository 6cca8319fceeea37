#include "render/terminal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <map>

#include "core/format.hpp"
#include "core/text.hpp"
#include "render/describe.hpp"
#include "render/text_table.hpp"

namespace plancheck {
namespace {

// Titles of kStageNames, in the same order.
constexpr std::array<std::pair<std::string_view, std::string_view>, kStageNames.size()> kStageTitles{{
    {"preschool", "Preschool"},
    {"primary", "Primary"},
    {"lower-secondary", "Lower secondary"},
    {"upper-secondary", "Upper secondary"},
    {"continuing", "Continuing education"},
    {"vocational", "Vocational"},
    {"all", "All levels"},
}};

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

std::string unit_heading(const UnitResult& u) {
  return fmt::format("{} ({}) · {}", u.plan->unit.name, u.plan->unit.id, u.plan->file);
}

std::string counts_line(const UnitResult& u, const TerminalStyle& style) {
  std::vector<std::string> parts;
  for (Status s : kAllStatuses) {
    const int n = u.counts[static_cast<std::size_t>(s)];
    const std::string text = fmt::format("{} {}", n, status_words(s));
    parts.push_back(n > 0 ? paint(style, s, text) : text);
  }
  const std::size_t total = u.indicators.size();
  return fmt::format("{} indicator{}: {}", total, total == 1 ? "" : "s", fmt::join(parts, ", "));
}

std::string stage_title(const std::string& stage) {
  for (const auto& [key, title] : kStageTitles)
    if (key == stage) return std::string(title);
  return "Other";
}

// Indicators in stage order (preschool … all, then none), keeping plan order.
std::vector<std::pair<std::string, std::vector<const IndicatorResult*>>> by_stage(const UnitResult& u) {
  std::vector<std::pair<std::string, std::vector<const IndicatorResult*>>> groups;
  std::vector<std::string> order;
  for (std::string_view key : kStageNames) order.emplace_back(key);
  order.emplace_back("");
  for (const std::string& stage : order) {
    std::vector<const IndicatorResult*> members;
    for (const IndicatorResult& r : u.indicators)
      if (r.indicator->stage == stage) members.push_back(&r);
    if (!members.empty()) groups.emplace_back(stage_title(stage), std::move(members));
  }
  return groups;
}

// Reasons for unknown statuses, once each, with the indicators they apply to.
std::string unknown_notes(const UnitResult& u) {
  std::vector<std::pair<std::string, std::vector<std::string>>> notes;
  for (const IndicatorResult& r : u.indicators)
    for (const MilestoneResult& m : r.milestones) {
      if (m.status != Status::Unknown || m.reason.empty()) continue;
      auto it = std::find_if(notes.begin(), notes.end(), [&](auto& n) { return n.first == m.reason; });
      if (it == notes.end()) it = notes.insert(notes.end(), {m.reason, {}});
      if (std::find(it->second.begin(), it->second.end(), r.indicator->id) == it->second.end())
        it->second.push_back(r.indicator->id);
    }
  std::string out;
  for (const auto& [reason, ids] : notes) out += fmt::format("  unknown: {} ({})\n", reason, fmt::join(ids, ", "));
  return out;
}

std::string bold(const TerminalStyle& style, const std::string& text) {
  return style.color ? "\x1b[1m" + text + "\x1b[0m" : text;
}

std::string money(double v) { return format_plain(v); }

std::string share_text(const std::optional<double>& share) {
  return share ? fmt::format("{:.1f}%", *share * 100) : "—";
}

// Spent / planned per budget line, as of the as-of year.
std::string budget_section(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  if (!u.budget) return "";
  const Budget& b = *u.budget->budget;
  TextTable table({{"Line", Align::Left, 6},
                   {"Budget line", Align::Left, 60, true},
                   {"Planned", Align::Right, 12},
                   {"Spent", Align::Right, 12},
                   {"Spent %", Align::Right, 8}});
  for (const BudgetLineResult& line : u.budget->lines)
    table.add_row({line.entry->id, line.entry->name, line.planned ? money(*line.planned) : "—", money(line.spent),
                   share_text(line.share)});
  const std::string total = b.total ? money(*b.total) : "—";
  table.add_row({"", "Total (as stated)", total, money(u.budget->spent),
                 b.total && *b.total > 0 ? share_text(u.budget->spent / *b.total) : "—"});
  return fmt::format("\n  {} ({}), spending up to {}\n{}", bold(style, "Budget"),
                     b.currency.empty() ? "amounts as stated" : b.currency,
                     report.as_of ? std::to_string(*report.as_of) : "—", table.render(style.width, "  "));
}

// Counts of tasks by status, and the overdue ones by name.
std::string tasks_section(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  if (u.tasks.empty()) return "";
  std::array<int, 4> n{};
  for (const TaskResult& t : u.tasks) ++n[static_cast<std::size_t>(t.status)];
  std::string out = fmt::format("\n  Tasks as of {}: {} overdue, {} done, {} done late, {} pending\n",
                                report.as_of ? std::to_string(*report.as_of) : "—", n[2], n[0], n[1], n[3]);
  for (const TaskResult& t : u.tasks)
    if (t.status == TaskStatus::Overdue)
      out += wrap(fmt::format("overdue  {} {} (due {}{})", t.task->id, t.task->name,
                              t.task->yearly ? "yearly" : t.task->due->text,
                              t.task->lead.empty() ? "" : "; lead: " + t.task->lead),
                  style.width, "    ");
  return out;
}

// One heading row per indicator (names are long), then a row per milestone.
std::string evaluate_unit(const Report& report, const UnitResult& u, const TerminalStyle& style) {
  TextTable table({{"Indicator, year", Align::Left, 15},
                   {"Target", Align::Left, 20, true},
                   {"Latest", Align::Right, 20},
                   {"Gap", Align::Right, 26},
                   {"Projected", Align::Right, 10},
                   {"Status", Align::Left, 9}});
  for (const auto& [title, members] : by_stage(u)) {
    table.add_section(bold(style, title));
    for (const IndicatorResult* r : members) {
      table.add_section("  " + r->indicator->name);
      bool first = true;
      for (const MilestoneResult& m : r->milestones) {
        table.add_row({"    " + m.milestone->year_label, m.milestone->target.text,
                       first ? latest_text(report, *r) : "", gap_text(*r, m), optional_value(*r->indicator, m.projected),
                       paint(style, m.status, status_words(m.status))});
        first = false;
      }
    }
  }
  return fmt::format("{}\n{} · {}\n{}\n\n{}{}{}{}", bold(style, unit_heading(u)), as_of_words(report),
                     method_words(report), counts_line(u, style), table.render(style.width, "  "), unknown_notes(u),
                     budget_section(report, u, style), tasks_section(report, u, style));
}

std::string gaps_summary(const std::vector<MilestoneRef>& gaps, const TerminalStyle& style) {
  std::map<Status, int> n;
  for (const MilestoneRef& g : gaps) ++n[g.milestone->status];
  std::vector<Status> order(kAllStatuses.begin(), kAllStatuses.end());
  std::sort(order.begin(), order.end(), [](Status a, Status b) { return severity(a) < severity(b); });
  std::vector<std::string> parts;
  for (Status s : order)
    if (s != Status::Met) parts.push_back(paint(style, s, fmt::format("{} {}", n[s], status_words(s))));
  return fmt::format("{} milestone{} not met: {}", gaps.size(), gaps.size() == 1 ? "" : "s", fmt::join(parts, ", "));
}

}  // namespace

std::string render_evaluate_table(const Report& report, const TerminalStyle& style) {
  std::string out;
  for (const UnitResult& u : report.units) out += (out.empty() ? "" : "\n") + evaluate_unit(report, u, style);
  if (report.units.empty()) out = "No plans selected.\n";
  return out;
}

std::string render_gaps_text(const Report& report, const TerminalStyle& style) {
  const std::vector<MilestoneRef> gaps = gaps_worst_first(report);
  std::string out = fmt::format("Gaps {} ({}) · {}\n", as_of_words(report), method_words(report), gaps_summary(gaps, style));
  for (const MilestoneRef& g : gaps) {
    const Milestone& m = *g.milestone->milestone;
    out += fmt::format("\n{}{} · {} · {} target \"{}\"\n{}{}\n",
                       pad_right(paint(style, g.milestone->status, status_words(g.milestone->status)), 11),
                       g.indicator->indicator->name, g.unit->plan->unit.id, m.year_label, m.target.text,
                       std::string(11, ' '), describe_gap(report, g));
  }
  return out;
}

std::string render_project_table(const Report& report, const TerminalStyle& style) {
  std::string out;
  for (const UnitResult& u : report.units) {
    const std::string to = report.project_to ? fmt::format("{}", *report.project_to) : "each milestone";
    TextTable table({{"Indicator", Align::Left, 44, true},
                     {"Latest", Align::Right, 16},
                     {"Trend", Align::Right, 16},
                     {"Year", Align::Left, 9},
                     {"Target", Align::Left, 16},
                     {"Projected", Align::Right, 10},
                     {report.project_to ? "Meets target" : "Status", Align::Left, 12}});
    for (const IndicatorResult& r : u.indicators) {
      const Indicator& ind = *r.indicator;
      const std::string trend = !r.trend ? "—"
                                : report.method == Method::Cagr ? fmt::format("{:+.1f}%/yr", *r.trend * 100)
                                                                : format_pace(ind, *r.trend);
      bool first = true;
      const auto row = [&](std::string year, std::string target, std::optional<double> projected, std::string status) {
        table.add_row({first ? ind.name : "", first ? latest_text(report, r) : "", first ? trend : "", std::move(year),
                       std::move(target), optional_value(ind, projected), std::move(status)});
        first = false;
      };
      if (report.project_to) {
        const auto m = std::find_if(r.milestones.begin(), r.milestones.end(),
                                    [&](auto& x) { return x.milestone->year == *report.project_to; });
        const auto projected = project_value(r, *report.project_to, report.method);
        std::string verdict = "—";
        if (m != r.milestones.end() && projected)
          verdict = satisfies(m->milestone->target.numeric, *projected) ? "yes" : "no";
        row(std::to_string(*report.project_to), m != r.milestones.end() ? m->milestone->target.text : "—", projected,
            verdict);
        continue;
      }
      for (const MilestoneResult& m : r.milestones)
        row(m.milestone->year_label, m.milestone->target.text, m.projected, paint(style, m.status, status_words(m.status)));
    }
    out += fmt::format("{}{}\nProjections to {} from data {} · {}\n\n{}", out.empty() ? "" : "\n", unit_heading(u), to,
                       as_of_words(report), method_words(report), table.render(style.width, "  "));
  }
  return out.empty() ? "No plans selected.\n" : out;
}

}  // namespace plancheck
