// CSV: one row per (unit, indicator, milestone); for `project`, one per
// (unit, indicator, year projected to).
#include <algorithm>
#include <array>
#include <charconv>
#include <span>
#include <system_error>
#include <fmt/format.h>

#include "core/model/format.hpp"
#include "render/formats.hpp"
#include "render/projection.hpp"

namespace plancheck {
namespace {

constexpr std::array kHeader{
    "unit",          "unit_name",       "file",         "indicator",   "indicator_name",    "kind",
    "indicator_unit", "better",         "stage",        "group",       "indicator_status",  "baseline_year",
    "baseline_value", "latest_year",    "latest_value", "latest_numerator", "latest_denominator", "trend",
    "year",          "year_label",      "target",       "op",          "value",             "low",
    "high",          "maintain",        "line",         "status",      "met",               "gap",
    "gap_units",     "progress",        "expected",     "schedule",    "projected",         "required_pace",
    "pace_ratio",    "attainment_year", "reason",       "basis",       "basis_ref"};

// A number as plancheck writes one ("-0.3", "1e-07"), which a spreadsheet
// must read as a number, not as text.
bool is_number(std::string_view s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size() && s.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
}

// Text a spreadsheet would run as a formula (OWASP, "CSV injection"): a
// cell starting with = + - @, a tab or a carriage return gets a leading '.
std::string defused(std::string_view s) {
  if (s.empty() || std::string_view("=+-@\t\r").find(s.front()) == std::string_view::npos || is_number(s))
    return std::string(s);
  // Built by appending: GCC 12's -Wrestrict misfires on "'" + string at -O2.
  std::string out;
  out.reserve(s.size() + 1);
  out += '\'';
  out += s;
  return out;
}

// The columns holding text from the files (names, a target as written,
// stage names, reasons quoting them); the others hold plancheck's own words
// and numbers ("=" in `op` is an operator, not a formula).
constexpr std::array kTextFromFiles{"unit_name", "file",   "indicator_name", "indicator_unit", "stage",  "group",
                                    "baseline_value", "latest_value", "year_label", "target", "value", "reason",
                                    "basis_ref"};

bool from_files(std::string_view column) {
  return std::find(kTextFromFiles.begin(), kTextFromFiles.end(), column) != kTextFromFiles.end();
}

// RFC 4180: quote when the field holds a comma, quote or line break.
std::string field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string num(const std::optional<double>& v) { return v ? exact_number(*v) : ""; }
std::string num(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

// Milestone values are stage names, flags true/false, numbers unrounded.
std::string value_text(const Indicator& ind, double v) {
  if (ind.kind == Kind::Milestone && static_cast<std::size_t>(v) < ind.stages.size())
    return ind.stages[static_cast<std::size_t>(v)];
  if (ind.kind == Kind::Flag) return v >= 0.5 ? "true" : "false";
  return exact_number(v);
}

std::vector<std::string> target_cells(const Indicator& ind, const NumericTarget& t) {
  if (ind.kind == Kind::Milestone || ind.kind == Kind::Flag)
    return {ind.kind == Kind::Flag ? "=" : ">=", value_text(ind, t.value), "", ""};
  const bool band = t.op == Op::Between || t.op == Op::About;
  return {std::string(op_symbol(t.op)), t.op == Op::Between ? "" : exact_number(t.value), band ? exact_number(t.low) : "",
          band ? exact_number(t.high) : ""};
}

std::vector<std::string> row(const MilestoneRef& ref, bool since) {
  const Plan& plan = *ref.unit->plan;
  const IndicatorResult& r = *ref.indicator;
  const Indicator& ind = *r.indicator;
  const MilestoneResult& m = *ref.milestone;
  const Milestone& ms = *m.milestone;
  std::vector<std::string> cells{plan.unit.id, plan.unit.name, plan.file, ind.id, ind.name, std::string(kind_name(ind.kind)),
                                 ind.unit, std::string(better_name(ind.better)), ind.stage, ind.group,
                                 std::string(status_name(r.status))};
  cells.push_back(r.baseline ? std::to_string(r.baseline->year) : "");
  cells.push_back(r.baseline ? value_text(ind, r.baseline->value) : "");
  cells.push_back(r.latest ? std::to_string(r.latest->year) : "");
  cells.push_back(r.latest ? value_text(ind, r.latest->value) : "");
  cells.push_back(r.latest ? num(r.latest->numerator) : "");
  cells.push_back(r.latest ? num(r.latest->denominator) : "");
  cells.push_back(num(r.trend));
  cells.push_back(std::to_string(ms.year));
  cells.push_back(ms.year_label);
  cells.push_back(ms.target.text);
  for (std::string& c : target_cells(ind, ms.target.numeric)) cells.push_back(std::move(c));
  cells.push_back(ms.target.maintain ? "true" : "false");
  cells.push_back(std::to_string(ms.where.line));
  cells.push_back(std::string(status_name(m.status)));
  cells.push_back(m.met ? "true" : "false");
  for (const auto& v : {m.gap, m.gap_units, m.progress, m.expected, m.schedule, m.projected, m.required_pace, m.pace_ratio})
    cells.push_back(num(v));
  cells.push_back(num(m.attainment_year));
  cells.push_back(m.reason);
  cells.push_back(ind.norm ? "norm" : "plan");
  cells.push_back(ind.basis_ref);
  if (since) {
    cells.push_back(m.status_since ? std::string(status_name(*m.status_since)) : "");
    cells.push_back(m.change ? std::string(change_name(*m.change)) : "");
  }
  return cells;
}

// A data row of a table with these `columns`: text from the files defused.
void append_line(std::string& out, const std::vector<std::string>& cells, std::span<const char* const> columns) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += field(i < columns.size() && from_files(columns[i]) ? defused(cells[i]) : cells[i]);
  }
  out += "\r\n";  // RFC 4180 line ends
}

std::string header_line(std::span<const char* const> columns) {
  std::string out;
  append_line(out, std::vector<std::string>(columns.begin(), columns.end()), {});
  return out;
}

// `project`: a row per indicator and year projected to (docs/output-formats.md).
constexpr std::array kProjectionHeader{
    "unit",        "unit_name",    "file",   "indicator",     "indicator_name", "kind",   "indicator_unit",
    "better",      "stage",        "group",  "latest_year",   "latest_value",   "trend",  "method",
    "year",        "year_label",   "target", "op",            "value",          "low",    "high",
    "line",        "projected",    "meets_target", "status"};

std::vector<std::string> projection_cells(const Report& report, const UnitResult& u, const IndicatorResult& r,
                                          const ProjectionRow& p) {
  const Plan& plan = *u.plan;
  const Indicator& ind = *r.indicator;
  std::vector<std::string> cells{plan.unit.id, plan.unit.name, plan.file, ind.id, ind.name, std::string(kind_name(ind.kind)),
                                 ind.unit, std::string(better_name(ind.better)), ind.stage, ind.group};
  cells.push_back(r.latest ? std::to_string(r.latest->year) : "");
  cells.push_back(r.latest ? value_text(ind, r.latest->value) : "");
  cells.push_back(num(r.trend));
  cells.emplace_back(method_name(report.method));
  cells.push_back(std::to_string(p.year));
  cells.push_back(p.year_label);
  const Milestone* m = p.milestone ? p.milestone->milestone : nullptr;
  cells.push_back(m ? m->target.text : "");
  for (std::string& c : m ? target_cells(ind, m->target.numeric) : std::vector<std::string>(4)) cells.push_back(std::move(c));
  cells.push_back(m ? std::to_string(m->where.line) : "");
  cells.push_back(num(p.projected));
  cells.push_back(p.meets ? (*p.meets ? "true" : "false") : "");
  cells.push_back(p.milestone ? std::string(status_name(p.milestone->status)) : "");
  return cells;
}

}  // namespace

std::string csv_header(bool since) {
  std::vector<std::string> names(kHeader.begin(), kHeader.end());
  if (since) names.insert(names.end(), {"status_since", "change"});
  std::string out;
  append_line(out, names, {});
  return out;
}

std::string csv_unit_rows(const UnitResult& u, bool since) {
  std::string out;
  for (const MilestoneRef& ref : unit_milestones(u)) append_line(out, row(ref, since), kHeader);
  return out;
}

std::string projection_csv_header() { return header_line(kProjectionHeader); }

std::string projection_csv_rows(const Report& report, const UnitResult& u) {
  std::string out;
  for (const IndicatorResult& r : u.indicators)
    for (const ProjectionRow& p : projection_rows(report, r)) append_line(out, projection_cells(report, u, r, p), kProjectionHeader);
  return out;
}

std::string render_csv(const Report& report) {
  std::string out = csv_header(report.since.has_value());
  for (const UnitResult& u : report.units) out += csv_unit_rows(u, report.since.has_value());
  return out;
}

}  // namespace plancheck
