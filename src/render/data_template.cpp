// The data-entry template. Its columns are computed once (template_table)
// and written as a workbook or a CSV file, so both read back the same way.
#include "render/data_template.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/reading/workbook.hpp"
#include "render/xlsx_report.hpp"

namespace plancheck {
namespace {

// Headings in the two languages; the reader knows both (core/reading/table.cpp).
struct Words {
  std::string_view en, vi;
  std::string_view in(Lang lang) const { return lang == Lang::Vi ? vi : en; }
};
constexpr Words kStt{"No.", "STT"};
constexpr Words kUnit{"Unit", "Mã đơn vị"};
constexpr Words kId{"Id", "Mã chỉ tiêu"};
constexpr Words kName{"Name", "Tên chỉ tiêu"};
constexpr Words kMeasure{"Unit of measure", "Đơn vị tính"};
constexpr Words kKind{"Kind", "Loại"};
constexpr Words kTargets{"Targets (for reference)", "Mục tiêu (chỉ để xem)"};
constexpr Words kNumerator{"numerator", "tử số"};
constexpr Words kDenominator{"denominator", "mẫu số"};
constexpr Words kTitle{"Data entry: {} ({})", "Nhập số liệu: {} ({})"};
constexpr Words kHelp{
    "Type each year's figure in the white cells of its column: percentages as numbers from 0 to 100 (79.3), "
    "stages and met/not met from the list; for a ratio, the numerator and denominator instead if you have them. "
    "plancheck reads the unit, the id and the year columns; the targets are for reference.",
    "Nhập số liệu từng năm vào các ô trắng của cột năm đó: tỷ lệ % ghi số từ 0 đến 100 (79,3), giai đoạn và "
    "đạt/chưa đạt chọn trong danh sách; chỉ tiêu tỷ lệ có thể ghi tử số và mẫu số. plancheck đọc cột Mã đơn vị, "
    "Mã chỉ tiêu và các cột năm; cột Mục tiêu chỉ để xem."};

std::string kind_word(Kind k, Lang lang) {
  if (lang == Lang::En) return std::string(kind_name(k));
  switch (k) {
    case Kind::Number: return "số";
    case Kind::Ratio: return "tỷ lệ";
    case Kind::Milestone: return "giai đoạn";
    case Kind::Flag: return "đạt/chưa đạt";
  }
  return "";
}

std::string flag_word(bool done, Lang lang) {
  if (lang == Lang::En) return done ? "true" : "false";
  return done ? "đạt" : "chưa đạt";
}

std::string school_year(int year) { return fmt::format("{}-{}", year - 1, year); }
bool is_school_year(const std::string& label) { return label.find('-') != std::string::npos; }

// The years a plan's table covers, and how they are written: as school
// years only when every year in the plan is one.
struct Years {
  int first = 0, last = -1;
  bool school = false;
  std::string label(int year) const { return school ? school_year(year) : std::to_string(year); }
};

Years plan_years(const std::vector<const Plan*>& plans) {
  Years y;
  std::vector<std::pair<int, const std::string*>> seen;
  for (const Plan* plan : plans)
  for (const Indicator& ind : plan->indicators) {
    if (ind.baseline) seen.emplace_back(ind.baseline->year, &ind.baseline->year_label);
    for (const Milestone& m : ind.milestones) seen.emplace_back(m.year, &m.year_label);
    for (const Observation& o : ind.actuals) seen.emplace_back(o.year, &o.year_label);
  }
  if (seen.empty()) return y;
  y.first = std::min_element(seen.begin(), seen.end())->first;
  y.last = std::max_element(seen.begin(), seen.end())->first;
  for (const Plan* plan : plans) {
    if (plan->info.baseline_year) y.first = std::min(y.first, *plan->info.baseline_year);
    if (plan->info.horizon) y.last = std::max(y.last, *plan->info.horizon);
  }
  y.school = std::all_of(seen.begin(), seen.end(), [](auto& s) { return is_school_year(*s.second); });
  return y;
}

bool has_ratio(const std::vector<const Plan*>& plans) {
  return std::any_of(plans.begin(), plans.end(), [](const Plan* p) {
    return std::any_of(p->indicators.begin(), p->indicators.end(),
                       [](const Indicator& i) { return i.kind == Kind::Ratio && !i.derivation; });
  });
}

// A cell of the template: text, a number, or nothing.
struct Cell {
  std::string text;
  std::optional<double> number;
  bool empty() const { return text.empty() && !number; }
};

enum class Part { Value, Numerator, Denominator };

struct YearColumn {
  int year;
  Part part;
};

// The known value of one year, as it goes in the column of `part`.
Cell known_value(const Indicator& ind, const Observation& o, Part part, Lang lang) {
  if (part != Part::Value) {
    const auto& v = part == Part::Numerator ? o.numerator : o.denominator;
    return v ? Cell{{}, *v} : Cell{};
  }
  if (o.numerator) return {};
  switch (ind.kind) {
    case Kind::Milestone: {
      const auto i = static_cast<std::size_t>(o.value);
      return i < ind.stages.size() ? Cell{ind.stages[i], {}} : Cell{};
    }
    case Kind::Flag: return {flag_word(o.value != 0, lang), {}};
    default: return {{}, o.value};
  }
}

// The value already known for `year` (an actual, else the baseline), when
// its year is written as the column is.
Cell prefill(const Indicator& ind, const Years& years, const YearColumn& c, Lang lang) {
  const std::string label = years.label(c.year);
  for (const Observation& o : ind.actuals)
    if (o.year == c.year) return o.year_label == label ? known_value(ind, o, c.part, lang) : Cell{};
  if (ind.baseline && ind.baseline->year == c.year && ind.baseline->year_label == label)
    return known_value(ind, *ind.baseline, c.part, lang);
  return {};
}

std::string targets_text(const Indicator& ind) {
  std::string out;
  for (const Milestone& m : ind.milestones) out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", m.year_label, m.target.text);
  return out;
}

// The table of some plans (a sheet's one, or all of a CSV file's), as both
// formats write it.
struct Table {
  Years years;
  std::vector<std::string> header;
  std::vector<YearColumn> year_columns;  // from column kFirstYear on
  std::vector<std::pair<const Plan*, const Indicator*>> rows;
};

constexpr std::size_t kFirstYear = 6;  // STT, unit, id, name, unit of measure, kind

Table template_table(const std::vector<const Plan*>& plans, Lang lang) {
  Table t{plan_years(plans), {}, {}, {}};
  for (const Words* w : {&kStt, &kUnit, &kId, &kName, &kMeasure, &kKind}) t.header.emplace_back(w->in(lang));
  const bool ratios = has_ratio(plans);
  for (int y = t.years.first; y <= t.years.last; ++y) {
    t.year_columns.push_back({y, Part::Value});
    t.header.push_back(t.years.label(y));
    if (!ratios) continue;
    for (Part p : {Part::Numerator, Part::Denominator}) {
      t.year_columns.push_back({y, p});
      t.header.push_back(fmt::format("{} {}", t.years.label(y), (p == Part::Numerator ? kNumerator : kDenominator).in(lang)));
    }
  }
  t.header.emplace_back(kTargets.in(lang));
  for (const Plan* plan : plans)
    for (const Indicator& ind : plan->indicators)
      if (!ind.derivation) t.rows.emplace_back(plan, &ind);  // derived values are computed, never typed
  return t;
}

std::string display_name(const Indicator& ind, Lang lang) {
  return lang == Lang::En && !ind.name_en.empty() ? ind.name_en : ind.name;
}

// The cells left of the years: STT, unit, id, name, unit of measure, kind.
std::vector<std::string> row_heading(const Table& t, std::size_t i, Lang lang) {
  const auto& [plan, ind] = t.rows[i];
  return {std::to_string(i + 1), plan->unit.id, ind->id, display_name(*ind, lang), ind->unit, kind_word(ind->kind, lang)};
}

bool takes(const Indicator& ind, Part part) { return part == Part::Value || ind.kind == Kind::Ratio; }

// ---- CSV ----

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += csv_field(fields[i]);
  }
  return line + "\r\n";
}

// ---- xlsx ----

void check(lxw_error error, std::string_view doing) { check_xlsx(error, "template", doing); }

struct Formats {
  explicit Formats(lxw_workbook* wb) {
    title = format(wb);
    format_set_bold(title);
    format_set_font_size(title, 13);
    help = format(wb);
    format_set_text_wrap(help);
    format_set_align(help, LXW_ALIGN_VERTICAL_TOP);
    header = format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_border(header, LXW_BORDER_THIN);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
    grey(header, 0xD9D9D9);
    fixed = format(wb);
    format_set_border(fixed, LXW_BORDER_THIN);
    format_set_text_wrap(fixed);
    format_set_align(fixed, LXW_ALIGN_VERTICAL_TOP);
    grey(fixed, 0xF2F2F2);
    input = format(wb);
    format_set_border(input, LXW_BORDER_THIN);
    format_set_unlocked(input);
    closed = format(wb);
    format_set_border(closed, LXW_BORDER_THIN);
    grey(closed, 0xBFBFBF);
  }
  static lxw_format* format(lxw_workbook* wb) {
    lxw_format* f = workbook_add_format(wb);
    if (!f) throw XlsxError("cannot write the template: out of memory for a cell format");
    return f;
  }
  static void grey(lxw_format* f, lxw_color_t c) {
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, c);
  }
  lxw_format *title, *help, *header, *fixed, *input, *closed;
};

// Data validation where the kind allows it: the stages or met/not met from a
// list, 0-100 for percentages, no negative counts or ratio parts. Excel
// limits a written list to 255 characters without commas; a longer one is
// left unchecked.
void validate(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Indicator& ind, Part part, Lang lang) {
  lxw_data_validation v{};
  std::vector<std::string> list;
  if (part == Part::Value && ind.kind == Kind::Milestone) list = ind.stages;
  if (part == Part::Value && ind.kind == Kind::Flag) list = {flag_word(true, lang), flag_word(false, lang)};
  std::vector<char*> items;
  if (!list.empty()) {
    std::size_t length = 0;
    for (std::string& s : list) {
      if (s.find(',') != std::string::npos) return;
      length += s.size() + 1;
      items.push_back(s.data());
    }
    if (length > 255) return;
    items.push_back(nullptr);
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = items.data();
  } else if (part == Part::Value && ind.is_percent()) {
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 0;
    v.maximum_number = 100;
  } else if (part != Part::Value || ind.is_count()) {
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    v.value_number = 0;
  } else {
    return;
  }
  check(worksheet_data_validation_cell(ws, row, col, &v), "data validation");
}

void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& c, lxw_format* f) {
  if (c.number) check(worksheet_write_number(ws, row, col, *c.number, f), "a number");
  else if (!c.text.empty()) check(worksheet_write_string(ws, row, col, c.text.c_str(), f), "a text");
  else check(worksheet_write_blank(ws, row, col, f), "a blank cell");
}

constexpr lxw_row_t kHeaderRow = 2;  // below the title and the help text

void write_sheet(lxw_workbook* wb, const Formats& fm, const Plan& plan, const std::string& name, Lang lang) {
  const Table t = template_table({&plan}, lang);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw XlsxError(fmt::format("cannot write the template: cannot add the sheet \"{}\"", name));
  const auto last = static_cast<lxw_col_t>(t.header.size() - 1);
  const std::string title = fmt::format(fmt::runtime(kTitle.in(lang)), plan.unit.name, plan.unit.id);
  check(worksheet_merge_range(ws, 0, 0, 0, last, title.c_str(), fm.title), "the title");
  check(worksheet_merge_range(ws, 1, 0, 1, last, std::string(kHelp.in(lang)).c_str(), fm.help), "the help text");
  check(worksheet_set_row(ws, 1, 48, nullptr), "the help row");
  for (std::size_t c = 0; c < t.header.size(); ++c)
    check(worksheet_write_string(ws, kHeaderRow, static_cast<lxw_col_t>(c), t.header[c].c_str(), fm.header), "the header");
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const Indicator& ind = *t.rows[i].second;
    const auto row = static_cast<lxw_row_t>(kHeaderRow + 1 + i);
    const auto heading = row_heading(t, i, lang);
    for (std::size_t c = 0; c < heading.size(); ++c)
      write_cell(ws, row, static_cast<lxw_col_t>(c), c == 0 ? Cell{{}, double(i + 1)} : Cell{heading[c], {}}, fm.fixed);
    for (std::size_t k = 0; k < t.year_columns.size(); ++k) {
      const YearColumn& yc = t.year_columns[k];
      const auto col = static_cast<lxw_col_t>(kFirstYear + k);
      if (!takes(ind, yc.part)) {
        write_cell(ws, row, col, {}, fm.closed);
        continue;
      }
      write_cell(ws, row, col, prefill(ind, t.years, yc, lang), fm.input);
      validate(ws, row, col, ind, yc.part, lang);
    }
    write_cell(ws, row, last, {targets_text(ind), {}}, fm.fixed);
  }
  check(worksheet_set_column(ws, 0, 0, 5, nullptr), "column widths");
  check(worksheet_set_column(ws, 1, 2, 16, nullptr), "column widths");
  check(worksheet_set_column(ws, 3, 3, 36, nullptr), "column widths");
  check(worksheet_set_column(ws, 4, 5, 10, nullptr), "column widths");
  check(worksheet_set_column(ws, static_cast<lxw_col_t>(kFirstYear), last - 1, 11, nullptr), "column widths");
  check(worksheet_set_column(ws, last, last, 36, nullptr), "column widths");
  worksheet_freeze_panes(ws, kHeaderRow + 1, static_cast<lxw_col_t>(kFirstYear));
  // Only the year cells can be typed in; no password: the protection
  // guards against slips, not people. Columns and rows may still be resized.
  lxw_protection protection{};
  protection.format_columns = 1;
  protection.format_rows = 1;
  worksheet_protect(ws, nullptr, &protection);
}

}  // namespace

std::string render_template_csv(const std::vector<Plan>& plans, Lang lang) {
  std::vector<const Plan*> all;
  for (const Plan& p : plans) all.push_back(&p);
  const Table t = template_table(all, lang);
  std::string out = "\xEF\xBB\xBF" + csv_line(t.header);  // Excel reads UTF-8 only with a BOM
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const Indicator& ind = *t.rows[i].second;
    std::vector<std::string> fields = row_heading(t, i, lang);
    for (const YearColumn& yc : t.year_columns) {
      const Cell c = takes(ind, yc.part) ? prefill(ind, t.years, yc, lang) : Cell{};
      fields.push_back(c.number ? number_text(*c.number) : c.text);
    }
    fields.push_back(targets_text(ind));
    out += csv_line(fields);
  }
  return out;
}

std::string render_template_xlsx(const std::vector<Plan>& plans, Lang lang) {
  XlsxTempFile file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = file.dir().data();
  WorkbookPtr wb(workbook_new_opt(file.path().c_str(), &options));
  if (!wb) throw XlsxError("cannot write the template: libxlsxwriter could not start a workbook");
  const Formats fm(wb.get());
  std::vector<std::string> taken;
  for (const Plan& plan : plans) {
    const std::string name = unique_sheet_name(plan.unit.name.empty() ? plan.unit.id : plan.unit.name, taken);
    write_sheet(wb.get(), fm, plan, name, lang);
  }
  check(workbook_close(wb.release()), "closing the workbook");
  return file.read("template");
}

}  // namespace plancheck
