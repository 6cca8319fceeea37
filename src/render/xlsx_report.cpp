// The spreadsheet report. libxlsxwriter 1.1.4 (Debian 12) writes workbooks
// to a file only, so the workbook goes through a private temporary file that
// is read back and removed, whatever happens.
#include "render/xlsx_report.hpp"

#include "render/xml_escape.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "core/model/format.hpp"
#include "core/util/text.hpp"
#include "render/describe.hpp"

namespace plancheck {
namespace {

constexpr std::size_t kMaxSheetName = 31;  // Excel's limit, in characters

// Continuation bytes of UTF-8 do not start a character.
bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// The first `n` characters of UTF-8 text.
std::string utf8_prefix(std::string_view s, std::size_t n) {
  std::size_t end = 0;
  for (std::size_t chars = 0; end < s.size(); ++end)
    if (starts_character(s[end]) && chars++ == n) break;
  return std::string(s.substr(0, end));
}

// Excel compares sheet names without case, and reserves "History".
bool name_taken(const std::string& name, const std::vector<std::string>& taken) {
  const std::string lower = fold_case(name);
  if (lower == "history") return true;
  return std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return fold_case(t) == lower; });
}

std::string trim_apostrophes(std::string s) {
  while (!s.empty() && s.back() == '\'') s.pop_back();
  const std::size_t first = s.find_first_not_of('\'');
  return first == std::string::npos ? "" : s.substr(first);
}

}  // namespace

std::string unique_sheet_name(std::string_view wanted, std::vector<std::string>& taken) {
  std::string base;
  for (char c : wanted) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  base = trim_apostrophes(std::move(base));
  if (base.empty()) base.push_back('_');
  std::string name = trim_apostrophes(utf8_prefix(base, kMaxSheetName));
  for (int n = 2; name_taken(name, taken); ++n) {
    const std::string suffix = fmt::format("~{}", n);
    name = utf8_prefix(base, kMaxSheetName - suffix.size()) + suffix;
  }
  taken.push_back(name);
  return name;
}

namespace {

void check(lxw_error error, std::string_view doing) { check_xlsx(error, "spreadsheet", doing); }

lxw_color_t colour(std::string_view hex) { return static_cast<lxw_color_t>(std::stoul(std::string(hex), nullptr, 16)); }

// The cell formats of the report. Every table cell has a thin border and
// sits at the top of its row, as in the plans' appendix tables.
struct Styles {
  explicit Styles(lxw_workbook* wb) : wb_(wb) {
    title = add(false);
    format_set_bold(title);
    format_set_font_size(title, 13);
    header = add();
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    fill(header, "D9D9D9");
    group = add();
    format_set_bold(group);
    fill(group, "F2F2F2");
    text = add();
    format_set_text_wrap(text);
    percent = add();
    format_set_num_format(percent, "0.0");
    count = add();
    format_set_num_format(count, "0");
    plain = add();
    format_set_num_format(plain, "General");
    for (Status s : kAllStatuses) {
      lxw_format* f = add();
      format_set_text_wrap(f);
      fill(f, status_colour_hex(s));
      status[static_cast<std::size_t>(s)] = f;
    }
  }

  // The number format of an indicator's values: "0.0" for percentages (52.1
  // means 52.1%), "0" for counted things, else as Excel shows numbers.
  lxw_format* number(const Indicator& ind) const { return ind.is_percent() ? percent : ind.is_count() ? count : plain; }
  // A projection of a count keeps its tenths (9.5 schools is not 10).
  lxw_format* estimate(const Indicator& ind, double v) const {
    return ind.is_count() && std::fabs(v - std::round(v)) >= 1e-9 ? percent : number(ind);
  }
  lxw_format* of(Status s) const { return status[static_cast<std::size_t>(s)]; }

  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* group = nullptr;
  lxw_format* text = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* count = nullptr;
  lxw_format* plain = nullptr;
  std::array<lxw_format*, kAllStatuses.size()> status{};

 private:
  lxw_format* add(bool bordered = true) {
    lxw_format* f = workbook_add_format(wb_);
    if (!f) throw XlsxError("cannot write the spreadsheet: out of memory for a cell format");
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (bordered) format_set_border(f, LXW_BORDER_THIN);
    return f;
  }
  static void fill(lxw_format* f, std::string_view hex) {
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, colour(hex));
  }
  lxw_workbook* wb_;
};

// One worksheet; every write is checked. Missing values are blank cells.
class Sheet {
 public:
  Sheet(lxw_workbook* wb, const std::string& name) : name_(name) {
    check(workbook_validate_sheet_name(wb, name.c_str()), fmt::format("sheet name \"{}\"", name));
    ws_ = workbook_add_worksheet(wb, name.c_str());
    if (!ws_) throw XlsxError(fmt::format("cannot write the spreadsheet: cannot add the sheet \"{}\"", name));
  }

  void text(lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* f) {
    if (s.empty()) return blank(row, col, f);
    // libxlsxwriter escapes markup, not characters XML forbids (U+FFFE).
    check(worksheet_write_string(ws_, row, col, xml_safe_text(s).c_str(), f), where(row, col));
  }
  void number(lxw_row_t row, lxw_col_t col, std::optional<double> v, lxw_format* f) {
    if (!v || !std::isfinite(*v)) return blank(row, col, f);
    check(worksheet_write_number(ws_, row, col, *v, f), where(row, col));
  }
  void blank(lxw_row_t row, lxw_col_t col, lxw_format* f) {
    check(worksheet_write_blank(ws_, row, col, f), where(row, col));
  }
  void width(lxw_col_t first, lxw_col_t last, double chars) {
    check(worksheet_set_column(ws_, first, last, chars, nullptr), fmt::format("sheet \"{}\" column widths", name_));
  }
  void height(lxw_row_t row, double points) {
    check(worksheet_set_row(ws_, row, points, nullptr), fmt::format("sheet \"{}\" row {}", name_, row + 1));
  }
  // Rows up to `header_row` stay in view and are printed on every page;
  // landscape A4, one page wide.
  void layout(lxw_row_t header_row, lxw_col_t frozen_cols) {
    worksheet_freeze_panes(ws_, header_row + 1, frozen_cols);
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);  // A4
    worksheet_fit_to_pages(ws_, 1, 0);
    check(worksheet_repeat_rows(ws_, 0, header_row), fmt::format("sheet \"{}\" print titles", name_));
  }

 private:
  std::string where(lxw_row_t row, lxw_col_t col) const {
    char cell[16];
    lxw_rowcol_to_cell(cell, row, col);
    return fmt::format("sheet \"{}\" cell {}", name_, cell);
  }

  std::string name_;
  lxw_worksheet* ws_ = nullptr;
};

// The columns of a unit's sheet: fixed ones, then target, projection and
// status per milestone year of the unit, then the latest value and the
// indicator's next milestone.
struct UnitColumns {
  static constexpr lxw_col_t kNumber = 0, kIndicator = 1, kUnit = 2, kBaseline = 3, kBaselineYear = 4;
  static constexpr lxw_col_t kFirstMilestone = 5;
  // With --since, each milestone year also has the status then and the change.
  UnitColumns(const UnitResult& u, bool since) : per_milestone(since ? 5 : 3) {
    for (const IndicatorResult& r : u.indicators)
      for (const MilestoneResult& m : r.milestones) years.emplace(m.milestone->year, m.milestone->year_label);
    lxw_col_t next = kFirstMilestone;
    for (const auto& [year, label] : years) {
      milestone[year] = next;
      next += per_milestone;
    }
    latest = next;
    latest_year = next + 1;
    next_milestone = next + 2;
    gap = next + 3;
    gap_units = next + 4;
    status = next + 5;
    notes = next + 6;
  }
  std::map<int, std::string> years;  // milestone year → its label (first seen)
  lxw_col_t per_milestone;
  std::map<int, lxw_col_t> milestone;  // first of its target, projected, status[, status then, change]
  lxw_col_t latest, latest_year, next_milestone, gap, gap_units, status, notes;
};

class Writer {
 public:
  Writer(XlsxTempFile& file, const Report& report, Lang lang) : report_(report), lang_(lang) {
    lxw_workbook_options options{};
    options.tmpdir = file.dir().data();
    wb_.reset(workbook_new_opt(file.path().c_str(), &options));
    if (!wb_) throw XlsxError(fmt::format("cannot write the spreadsheet: cannot start a workbook in {}", file.path()));
    styles_ = std::make_unique<Styles>(wb_.get());
  }

  void close() { check(workbook_close(wb_.release()), "closing the workbook"); }

  void summary_sheet(const SummaryTail& tail) {
    Sheet s = add_sheet(std::string(tr(lang_, "Summary")));
    const std::size_t n = report_.units.size();
    s.text(0, 0, fmt::format("{} · {} · {} · {}", tr(lang_, "plancheck summary"), as_of_words(report_, lang_),
                             method_words(report_, lang_), units_words(n, lang_)),
           styles_->title);
    summary_header(s, 1);
    lxw_row_t row = 2;
    for (const UnitResult& u : report_.units)
      summary_row(s, row++, u.plan->unit.id, u.plan->unit.name, u.counts, u.indicators.size(), behind_score(u));
    if (!tail.ranking.empty()) {
      s.text(++row, 0, tr(lang_, "Furthest behind"), styles_->title);
      summary_header(s, ++row);
      for (const RankedUnit& r : tail.ranking)
        summary_row(s, ++row, r.id, r.name, r.counts, static_cast<std::size_t>(r.indicators), r.behind);
    }
    s.width(0, 0, 18);
    s.width(1, 1, 36);
    s.width(2, 9, 11);
    s.layout(1, 2);
  }

  void rollup_sheet(const SummaryTail& tail) {
    Sheet s = add_sheet(std::string(tr(lang_, "Roll-up")));
    s.text(0, 0, fmt::format("{} · {} · {}", tr(lang_, "Roll-up over all units"), as_of_words(report_, lang_),
                             method_words(report_, lang_)),
           styles_->title);
    lxw_row_t row = rollup_table(s, 1, tail.rollup);
    for (const RollupGroup& g : tail.groups()) {
      const std::string parent = g.name.empty() ? g.id : fmt::format("{} ({})", g.name, g.id);
      row += 2;  // a blank row between tables
      s.text(row, 0, trf(lang_, "Roll-up of {} ({})", parent, units_words(static_cast<std::size_t>(g.units), lang_)),
             styles_->title);
      row = rollup_table(s, row + 1, g.indicators);
    }
    s.width(0, 0, 24);
    s.width(1, 1, 44);
    s.width(2, 7, 11);
    s.width(8, 8, 16);
    s.width(9, 10, 13);
    s.width(11, 11, 30);
    s.layout(1, 2);
  }

  void unit_sheet(const UnitResult& u) {
    Sheet s = add_sheet(u.plan->unit.id);
    const UnitColumns cols(u, report_.since.has_value());
    s.text(0, 0, fmt::format("{} ({}) · {} · {}", u.plan->unit.name, u.plan->unit.id, as_of_words(report_, lang_),
                             method_words(report_, lang_)),
           styles_->title);
    unit_header(s, cols);
    lxw_row_t row = 2;
    int number = 0;
    int group_number = 0;
    for (const StageGroup& g : stage_groups(u, lang_)) {
      for (lxw_col_t c = 0; c <= cols.notes; ++c) s.blank(row, c, styles_->group);
      s.text(row++, UnitColumns::kIndicator, fmt::format("{}. {}", roman_numeral(++group_number), g.title), styles_->group);
      for (const IndicatorResult* r : g.members) indicator_row(s, cols, row++, ++number, *r);
    }
    s.width(UnitColumns::kNumber, UnitColumns::kNumber, 5);
    s.width(UnitColumns::kIndicator, UnitColumns::kIndicator, 50);
    s.width(UnitColumns::kUnit, UnitColumns::kBaselineYear, 10);
    for (const auto& [year, col] : cols.milestone) {
      s.width(col, col + 1, 11);
      s.width(col + 2, col + 2, 13);
    }
    s.width(cols.latest, cols.gap_units, 10);
    s.width(cols.status, cols.status, 13);
    s.width(cols.notes, cols.notes, 42);
    s.layout(1, 2);
  }

 private:
  Sheet add_sheet(const std::string& wanted) { return Sheet(wb_.get(), unique_sheet_name(wanted, sheet_names_)); }

  void header(Sheet& s, lxw_row_t row, lxw_col_t col, std::string_view words) { s.text(row, col, words, styles_->header); }

  void unit_header(Sheet& s, const UnitColumns& cols) {
    header(s, 1, UnitColumns::kNumber, tr(lang_, "No."));
    header(s, 1, UnitColumns::kIndicator, tr(lang_, "Indicator"));
    header(s, 1, UnitColumns::kUnit, tr(lang_, "Unit of measure"));
    header(s, 1, UnitColumns::kBaseline, tr(lang_, "Baseline"));
    header(s, 1, UnitColumns::kBaselineYear, tr(lang_, "Baseline year"));
    for (const auto& [year, col] : cols.milestone) {
      const std::string& label = cols.years.at(year);
      header(s, 1, col, trf(lang_, "Target {}", label));
      header(s, 1, col + 1, trf(lang_, "Projected {}", label));
      header(s, 1, col + 2, trf(lang_, "Status {}", label));
      if (report_.since) {
        header(s, 1, col + 3, trf(lang_, "Status {} in {}", label, *report_.since));
        header(s, 1, col + 4, trf(lang_, "Change {}", label));
      }
    }
    header(s, 1, cols.latest, tr(lang_, "Actual"));
    header(s, 1, cols.latest_year, tr(lang_, "Actual year"));
    header(s, 1, cols.next_milestone, tr(lang_, "Next milestone"));
    header(s, 1, cols.gap, tr(lang_, "Gap"));
    header(s, 1, cols.gap_units, tr(lang_, "Gap (count)"));
    header(s, 1, cols.status, tr(lang_, "Status"));
    header(s, 1, cols.notes, tr(lang_, "Notes"));
    s.height(1, 32);
  }

  // A value of the indicator: a number in its format; stage names and flags
  // as the words people read.
  void value(Sheet& s, lxw_row_t row, lxw_col_t col, const Indicator& ind, std::optional<double> v) {
    if (v && (ind.kind == Kind::Milestone || ind.kind == Kind::Flag))
      return s.text(row, col, format_value(ind, *v, lang_), styles_->text);
    s.number(row, col, v, styles_->number(ind));
  }

  void status(Sheet& s, lxw_row_t row, lxw_col_t col, Status st) {
    s.text(row, col, status_words(st, lang_), styles_->of(st));
  }

  void indicator_row(Sheet& s, const UnitColumns& cols, lxw_row_t row, int number, const IndicatorResult& r) {
    const Indicator& ind = *r.indicator;
    s.number(row, UnitColumns::kNumber, number, styles_->count);
    s.text(row, UnitColumns::kIndicator, indicator_name(ind, lang_), styles_->text);
    s.text(row, UnitColumns::kUnit, unit_words(ind.unit, lang_), styles_->text);
    value(s, row, UnitColumns::kBaseline, ind, ind.baseline ? std::optional(ind.baseline->value) : std::nullopt);
    s.number(row, UnitColumns::kBaselineYear, ind.baseline ? std::optional<double>(ind.baseline->year) : std::nullopt,
             styles_->count);
    for (const auto& [milestone_year, col] : cols.milestone) {
      const int year = milestone_year;  // clang 14 cannot capture a structured binding
      const auto m = std::find_if(r.milestones.begin(), r.milestones.end(),
                                  [&](const MilestoneResult& x) { return x.milestone->year == year; });
      if (m == r.milestones.end()) {
        for (lxw_col_t c = col; c < col + cols.per_milestone; ++c) s.blank(row, c, styles_->text);
        continue;
      }
      s.text(row, col, m->milestone->target.text, styles_->text);
      if (m->projected && ind.kind != Kind::Milestone && ind.kind != Kind::Flag)
        s.number(row, col + 1, m->projected, styles_->estimate(ind, *m->projected));
      else
        value(s, row, col + 1, ind, m->projected);
      status(s, row, col + 2, m->status);
      if (report_.since) {
        if (m->status_since) status(s, row, col + 3, *m->status_since);
        else s.blank(row, col + 3, styles_->text);
        if (m->change) s.text(row, col + 4, change_words(*m->change, lang_), styles_->text);
        else s.blank(row, col + 4, styles_->text);
      }
    }
    value(s, row, cols.latest, ind, r.latest ? std::optional(r.latest->value) : std::nullopt);
    s.number(row, cols.latest_year, r.latest ? std::optional<double>(r.latest->year) : std::nullopt, styles_->count);
    const MilestoneResult* next = next_milestone(report_, r);
    s.text(row, cols.next_milestone, next ? next->milestone->year_label : "", styles_->text);
    gap(s, row, cols.gap, r, next);
    s.number(row, cols.gap_units, next ? next->gap_units : std::nullopt, styles_->count);
    if (next)
      status(s, row, cols.status, next->status);
    else
      s.blank(row, cols.status, styles_->text);
    s.text(row, cols.notes, notes(r, next), styles_->text);
  }

  // The gap in the indicator's unit (stages for milestones); a flag's gap is
  // "not done".
  void gap(Sheet& s, lxw_row_t row, lxw_col_t col, const IndicatorResult& r, const MilestoneResult* next) {
    const Indicator& ind = *r.indicator;
    if (!next || !next->gap) return s.blank(row, col, styles_->text);
    if (ind.kind == Kind::Flag) return s.text(row, col, gap_text(r, *next, lang_), styles_->text);
    s.number(row, col, next->gap, ind.kind == Kind::Milestone ? styles_->count : styles_->number(ind));
  }

  // Why the status is what it is (unknown, a lapse, an expiring
  // recognition), else the pace the next milestone needs; then the plan's
  // own note.
  std::string notes(const IndicatorResult& r, const MilestoneResult* next) const {
    std::vector<std::string> parts;
    if (next && !next->reason.empty())
      parts.push_back(reason_text(*next, lang_));
    else if (next)
      parts.push_back(pace_text(report_, r, *next, lang_));
    if (!r.indicator->note.empty()) parts.push_back(r.indicator->note);
    std::erase(parts, std::string());
    return fmt::format("{}", fmt::join(parts, "; "));
  }

  void summary_header(Sheet& s, lxw_row_t row) {
    header(s, row, 0, tr(lang_, "Unit"));
    header(s, row, 1, tr(lang_, "Name"));
    lxw_col_t col = 2;
    for (const char* words : {"Met", "On track", "At risk", "Off track", "Missed", "Unknown"}) header(s, row, col++, tr(lang_, words));
    header(s, row, 8, tr(lang_, "Indicators"));
    header(s, row, 9, tr(lang_, "Behind (%)"));
  }

  void summary_row(Sheet& s, lxw_row_t row, const std::string& id, const std::string& name,
                   const std::array<int, kAllStatuses.size()>& counts, std::size_t indicators, double behind) {
    s.text(row, 0, id, styles_->text);
    s.text(row, 1, name, styles_->text);
    for (Status st : kAllStatuses) {
      const int n = counts[static_cast<std::size_t>(st)];
      s.number(row, static_cast<lxw_col_t>(2 + static_cast<int>(st)), n, n > 0 ? styles_->of(st) : styles_->count);
    }
    s.number(row, 8, static_cast<double>(indicators), styles_->count);
    s.number(row, 9, behind * 100, styles_->percent);
  }

  // A roll-up table from `row` on (header, then one row per indicator);
  // returns the last row written.
  lxw_row_t rollup_table(Sheet& s, lxw_row_t row, const std::vector<RollupIndicator>& rollup) {
    lxw_col_t col = 0;
    for (const char* words : {"Indicator id", "Indicator", "Unit of measure", "Units", "Aggregation", "Latest", "Year",
                              "Next milestone", "Next target", "Status", "Missing", "Missing units"})
      header(s, row, col++, tr(lang_, words));
    if (rollup.empty()) {
      s.text(++row, 0, tr(lang_, "(no indicator is shared by two units)"), styles_->text);
      return row;
    }
    for (const RollupIndicator& ri : rollup) rollup_row(s, ++row, ri);
    return row;
  }

  void rollup_row(Sheet& s, lxw_row_t row, const RollupIndicator& ri) {
    const Indicator& ind = *ri.indicator;
    const IndicatorResult& r = ri.result;
    s.text(row, 0, ind.id, styles_->text);
    s.text(row, 1, indicator_name(ind, lang_), styles_->text);
    s.number(row, 3, ri.units_count, styles_->count);
    s.text(row, 4, tr(lang_, aggregation_name(ri.aggregation)), styles_->text);
    if (ind.kind == Kind::Flag && r.latest) {
      // A mean of flags is the share of units where it is done.
      s.text(row, 2, "%", styles_->text);
      s.number(row, 5, r.latest->value * 100, styles_->percent);
    } else {
      s.text(row, 2, unit_words(ind.unit, lang_), styles_->text);
      value(s, row, 5, ind, r.latest ? std::optional(r.latest->value) : std::nullopt);
    }
    s.number(row, 6, r.latest ? std::optional<double>(r.latest->year) : std::nullopt, styles_->count);
    const MilestoneResult* next = next_milestone(report_, r);
    s.text(row, 7, next ? next->milestone->year_label : "", styles_->text);
    s.text(row, 8, next ? next->milestone->target.text : "", styles_->text);
    status(s, row, 9, r.status);
    s.number(row, 10, static_cast<double>(ri.missing.size()), styles_->count);
    s.text(row, 11, fmt::format("{}", fmt::join(ri.missing, ", ")), styles_->text);
  }

  const Report& report_;
  Lang lang_;
  WorkbookPtr wb_;
  std::unique_ptr<Styles> styles_;
  std::vector<std::string> sheet_names_;
};

}  // namespace

std::string render_xlsx(const Report& report, const SummaryTail& tail, Lang lang) {
  XlsxTempFile file;
  {
    Writer w(file, report, lang);
    w.summary_sheet(tail);
    w.rollup_sheet(tail);
    for (const UnitResult& u : report.units) w.unit_sheet(u);
    w.close();
  }
  return file.read("spreadsheet");
}

}  // namespace plancheck
