// The HTML report: what the terminal table says, for people who open a file
// or print it, with a chart per indicator. Everything is inline (CSS, SVG),
// so the one file can be mailed, archived and opened without a network.
#include "render/html_report.hpp"

#include <array>
#include <fmt/format.h>

#include "core/model/format.hpp"
#include "render/describe.hpp"
#include "render/svg_chart.hpp"
#include "render/xml_escape.hpp"

namespace plancheck {
namespace {

// Widths in % and mm only, so nothing is cut off on A4; print keeps the
// status colours (print-color-adjust) and never splits a card.
constexpr std::string_view kStyle =
    "*{box-sizing:border-box}"
    "body{font-family:\"DejaVu Sans\",\"Noto Sans\",Arial,sans-serif;color:#1f2933;background:#fff;margin:0 auto;"
    "max-width:1200px;padding:16px;font-size:14px;line-height:1.4;-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 4px;border-bottom:2px solid #1f2933}"
    "h3{font-size:15px;margin:18px 0 8px}h4{font-size:14px;margin:0 0 2px}h2,h3,h4{break-after:avoid}"
    ".meta{color:#5f6b7a;margin:2px 0}code{font-size:90%}"
    "table{border-collapse:collapse;width:100%;margin:6px 0 10px}"
    "th,td{border:1px solid #d5dbe3;padding:2px 5px;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f1f4f7}"
    ".num{text-align:right;white-space:nowrap}.right{text-align:right}tr{break-inside:avoid}"
    ".badge{display:inline-block;padding:0 6px;border-radius:3px;border:1px solid rgba(0,0,0,.15);white-space:nowrap}"
    ".counts .badge{margin:0 4px 4px 0}"
    ".bar{display:flex;height:12px;width:100%;border:1px solid #d5dbe3;margin:4px 0 10px}.bar span{display:block;height:100%}"
    ".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:10px}"
    ".card{border:1px solid #d5dbe3;border-radius:4px;padding:8px;min-width:0;overflow-wrap:anywhere;"
    "break-inside:avoid;page-break-inside:avoid}"
    ".card table{font-size:12px}.card dl{margin:4px 0;display:grid;grid-template-columns:auto 1fr;gap:0 8px}"
    ".card dt{color:#5f6b7a}.card dd{margin:0}.nodata{color:#5f6b7a;font-style:italic}"
    ".legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 16px;color:#5f6b7a}"
    ".legend .key{width:24px;height:10px;vertical-align:middle;margin-right:4px}"
    "@page{size:A4;margin:12mm}"
    "@media print{body{max-width:none;padding:0;font-size:9pt}.cards{grid-template-columns:repeat(2,1fr);gap:3mm}"
    ".card{padding:2mm}}";

std::string esc(std::string_view s) { return html_escape(s); }

std::string badge(Status s, std::string_view text) {
  return fmt::format(R"(<span class="badge" data-status="{}" style="background:#{}">{}</span>)", status_name(s),
                     status_colour_hex(s), esc(text));
}

// A key per chart element, drawn as in the charts (same classes).
std::string legend(Lang lang) {
  const std::array<std::pair<const char*, const char*>, 4> keys{{
      {R"(<polyline class="plan" points="1,8 23,2"/>)", "Plan path"},
      {R"(<circle class="actual" cx="12" cy="5" r="3"/>)", "Actual values"},
      {R"(<line class="trend" x1="1" y1="5" x2="23" y2="5"/>)", "Trend projection"},
      {R"(<rect class="band" x="7" y="0" width="10" height="10" fill="#C6EFCE"/>)", "Target band"},
  }};
  std::string out = R"(<ul class="legend">)";
  for (const auto& [shape, words] : keys)
    out += fmt::format(R"(<li><svg class="key" viewBox="0 0 24 10" aria-hidden="true">{}</svg>{}</li>)", shape,
                       esc(tr(lang, words)));
  return out + "</ul>";
}

std::string page_header(const Report& report, Lang lang) {
  return fmt::format("<header><h1>{}</h1><p class=\"meta\">{} · {} · {}</p>{}</header>\n", esc(tr(lang, "plancheck report")),
                     esc(as_of_words(report, lang)), esc(method_words(report, lang)),
                     esc(units_words(report.units.size(), lang)), legend(lang));
}

std::string head_cells(std::initializer_list<const char*> english, Lang lang) {
  std::string out;
  for (const char* h : english) out += fmt::format("<th>{}</th>", esc(tr(lang, h)));
  return out;
}

std::string units_table(const Report& report, Lang lang) {
  std::string out = "<table><thead><tr>" + head_cells({"Unit", "Name"}, lang);
  for (Status s : kAllStatuses) out += fmt::format(R"(<th class="num">{}</th>)", badge(s, status_words(s, lang)));
  out += fmt::format(R"(<th class="num">{}</th></tr></thead><tbody>)", esc(tr(lang, "Behind")));
  for (const UnitResult& u : report.units) {
    out += fmt::format("<tr><td><code>{}</code></td><td>{}</td>", esc(u.plan->unit.id), esc(u.plan->unit.name));
    for (Status s : kAllStatuses) out += fmt::format(R"(<td class="num">{}</td>)", u.counts[static_cast<std::size_t>(s)]);
    out += fmt::format(R"(<td class="num">{}%</td></tr>)", format_fixed(behind_score(u) * 100, 0, lang));
  }
  return out + "</tbody></table>\n";
}

std::string rollup_table(const std::vector<RollupIndicator>& rollup, Lang lang) {
  if (rollup.empty()) return fmt::format("<p class=\"nodata\">{}</p>\n", esc(tr(lang, "(no indicator is shared by two units)")));
  std::string out = "<table><thead><tr>" + head_cells({"Indicator", "Units", "Aggregation", "Latest", "Status"}, lang) +
                    "</tr></thead><tbody>";
  for (const RollupIndicator& ri : rollup)
    out += fmt::format(R"(<tr><td>{} <code>{}</code></td><td class="num">{}</td><td>{}</td><td class="num">{}</td><td>{}</td></tr>)",
                       esc(indicator_name(*ri.indicator, lang)), esc(ri.indicator->id), ri.units_count,
                       esc(tr(lang, aggregation_name(ri.aggregation))), esc(rollup_latest(ri, lang)),
                       badge(ri.result.status, status_words(ri.result.status, lang)));
  return out + "</tbody></table>\n";
}

// Several units: how each stands, and the roll-up over all of them.
std::string overview(const Report& report, const SummaryTail& tail, Lang lang) {
  if (report.units.size() < 2) return "";
  return fmt::format("<section class=\"overview\"><h2>{}</h2>{}<h3>{}</h3>{}</section>\n", esc(tr(lang, "Overview")),
                     units_table(report, lang), esc(tr(lang, "Roll-up over all units")), rollup_table(tail.rollup, lang));
}

// Counts per status as badges, and the same counts as a stacked bar.
std::string status_overview(const UnitResult& u, Lang lang) {
  const std::size_t total = u.indicators.size();
  std::string badges, bar;
  for (Status s : kAllStatuses) {
    const int n = u.counts[static_cast<std::size_t>(s)];
    const std::string words = fmt::format("{} {}", n, status_words(s, lang));
    badges += badge(s, words);
    if (n > 0 && total > 0)
      bar += fmt::format(R"(<span style="width:{:.2f}%;background:#{}" title="{}"></span>)", 100.0 * n / static_cast<double>(total),
                         status_colour_hex(s), esc(words));
  }
  return fmt::format(R"(<p class="counts">{}: {}</p><div class="bar" role="img" aria-label="{}">{}</div>)",
                     esc(indicators_words(total, lang)), badges,
                     esc(tr(lang, "Indicators by status")), bar);
}

std::string milestone_table(const Report& report, const IndicatorResult& r, Lang lang) {
  std::string out = "<table><thead><tr>" + head_cells({"Year", "Target", "Projected", "Gap", "Status"}, lang);
  if (report.since) out += fmt::format("<th>{}</th>", esc(trf(lang, "Since {}", *report.since)));
  out += "</tr></thead><tbody>";
  for (const MilestoneResult& m : r.milestones) {
    out += fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="right">{}</td><td>{}</td>)",
                       esc(m.milestone->year_label), esc(m.milestone->target.text),
                       esc(optional_value(*r.indicator, m.projected, lang)), esc(gap_text(r, m, lang)),
                       badge(m.status, status_words(m.status, lang)));
    if (report.since)
      out += fmt::format("<td>{}</td>", m.status_since ? badge(*m.status_since, since_words(m, lang)) : esc("—"));
    out += "</tr>";
  }
  return out + "</tbody></table>";
}

// --since: the unit's changed milestones under a line of counts.
std::string changes_section(const Report& report, const UnitResult& u, Lang lang) {
  if (!report.since) return "";
  std::string out = fmt::format("<p class=\"changes\">{}</p>", esc(change_counts_words(u, *report.since, lang)));
  const std::vector<MilestoneRef> changed = changed_milestones(u);
  if (changed.empty()) return out + "\n";
  out += "<ul class=\"changes\">";
  for (const MilestoneRef& ref : changed) out += fmt::format("<li>{}</li>", esc(change_line(ref, lang)));
  return out + "</ul>\n";
}

// The story of the first milestone not met, "—" when all are.
std::string gap_story(const Report& report, const UnitResult& u, const IndicatorResult& r, Lang lang) {
  for (const MilestoneResult& m : r.milestones)
    if (!m.met) return describe_gap(report, MilestoneRef{&u, &r, &m}, lang);
  return "—";
}

std::string card(const Report& report, const UnitResult& u, const IndicatorResult& r, Lang lang) {
  const Indicator& ind = *r.indicator;
  const std::string chart = has_chart(r) ? svg_chart(report, r, lang)
                                         : fmt::format(R"(<p class="nodata">{}</p>)", esc(tr(lang, "no data")));
  return fmt::format(R"(<article class="card" data-card="{}"><h4>{}</h4><p class="meta"><code>{}</code></p>)"
                     "<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>{}{}</article>\n",
                     esc(ind.id), esc(indicator_name(ind, lang)), esc(ind.id), esc(tr(lang, "Latest")),
                     esc(latest_text(report, r, lang)), esc(tr(lang, "Gap")), esc(gap_story(report, u, r, lang)),
                     milestone_table(report, r, lang), chart);
}

std::string budget_section(const Report& report, const UnitResult& u, Lang lang) {
  if (!u.budget) return "";
  const Budget& b = *u.budget->budget;
  const auto money = [lang](double v) { return format_plain(v, lang); };
  std::string rows;
  for (const BudgetLineResult& line : u.budget->lines)
    rows += fmt::format(R"(<tr><td>{}</td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>)",
                        esc(line.entry->id), esc(line.entry->name), line.planned ? money(*line.planned) : "—",
                        money(line.spent), share_text(line.share, lang));
  rows += fmt::format(R"(<tr><th></th><th>{}</th><th class="num">{}</th><th class="num">{}</th><th class="num">{}</th></tr>)",
                      esc(tr(lang, "Total (as stated)")), b.total ? money(*b.total) : "—", money(u.budget->spent),
                      spent_share_text(*u.budget, lang));
  return fmt::format("<h3>{}</h3><p class=\"meta\">{}, {}</p><table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>\n",
                     esc(tr(lang, "Budget")), esc(b.currency.empty() ? std::string(tr(lang, "amounts as stated")) : b.currency),
                     esc(trf(lang, "spending up to {}", report.as_of ? std::to_string(*report.as_of) : "—")),
                     head_cells({"Line", "Budget line", "Planned", "Spent", "Spent %"}, lang), rows);
}

std::string_view task_status_words(TaskStatus s, Lang lang) {
  switch (s) {
    case TaskStatus::Done: return tr(lang, "done");
    case TaskStatus::DoneLate: return tr(lang, "done late");
    case TaskStatus::Overdue: return tr(lang, "overdue");
    case TaskStatus::Pending: return tr(lang, "pending");
  }
  return "?";
}

// The status, with the periods overdue of a recurring task.
std::string task_status_text(const TaskResult& t, Lang lang) {
  return t.overdue_periods.empty() ? std::string(task_status_words(t.status, lang)) : overdue_periods_words(t, lang);
}

std::string tasks_section(const Report& report, const UnitResult& u, Lang lang) {
  if (u.tasks.empty()) return "";
  std::string rows;
  for (const TaskResult& t : u.tasks)
    rows += fmt::format(R"(<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td data-task-status="{}">{}</td></tr>)",
                        esc(t.task->id), esc(t.task->name), esc(t.task->lead),
                        esc(due_words(t, lang)), task_status_name(t.status), esc(task_status_text(t, lang)));
  return fmt::format("<h3>{}</h3><p class=\"meta\">{}</p><table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>\n",
                     esc(tr(lang, "Tasks")), esc(as_of_words(report, lang)),
                     head_cells({"Task", "Name", "Lead", "Due", "Status"}, lang), rows);
}

std::string unit_section(const Report& report, const UnitResult& u, Lang lang) {
  std::string out = fmt::format(
      "<section class=\"unit\" data-unit=\"{}\"><h2>{} <code>({})</code></h2><p class=\"meta\">{}: <code>{}</code></p>{}\n",
      esc(u.plan->unit.id), esc(u.plan->unit.name), esc(u.plan->unit.id), esc(tr(lang, "Plan")), esc(u.plan->file),
      status_overview(u, lang));
  out += changes_section(report, u, lang);
  int number = 0;
  for (const StageGroup& g : stage_groups(u, lang)) {
    out += fmt::format("<h3>{}. {}</h3><div class=\"cards\">\n", roman_numeral(++number), esc(g.title));
    for (const IndicatorResult* r : g.members) out += card(report, u, *r, lang);
    out += "</div>\n";
  }
  return out + budget_section(report, u, lang) + tasks_section(report, u, lang) + "</section>\n";
}

}  // namespace

std::string render_html(const Report& report, const SummaryTail& tail, Lang lang) {
  const std::string title = fmt::format("{} · {}", tr(lang, "plancheck report"), as_of_words(report, lang));
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}{}</style>\n"
      "</head>\n<body>\n<main>\n{}{}",
      lang_code(lang), esc(title), kStyle, svg_chart_css(), page_header(report, lang), overview(report, tail, lang));
  for (const UnitResult& u : report.units) out += unit_section(report, u, lang);
  if (report.units.empty()) out += fmt::format("<p>{}</p>\n", esc(tr(lang, "No plans selected.")));
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace plancheck
