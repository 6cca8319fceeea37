#include "core/reading/table.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/model/target.hpp"
#include "core/reading/hints.hpp"
#include "core/util/text.hpp"

namespace plancheck {

Message expected_headers() {
  return msg("expected a header row: the long layout unit,indicator,year,value,numerator,denominator,source, or the wide "
             "layout with the columns unit (mã đơn vị), id (mã chỉ tiêu) and one per year (2025 or 2024-2025); see "
             "docs/spreadsheets.md");
}

namespace {

using namespace std::string_view_literals;

constexpr std::array<std::string_view, 7> kLongColumns{"unit",      "indicator",   "year",  "value",
                                                       "numerator", "denominator", "source"};
enum LongColumn { kUnit, kIndicator, kYear, kValue, kNumerator, kDenominator, kSource };
constexpr std::string_view kLongHeader = "unit,indicator,year,value,numerator,denominator,source";

Message wide_columns() {
  return msg("a wide data table has the columns unit (mã đơn vị), id (mã chỉ tiêu) and one per year (2025 or "
             "2024-2025, and \"2025 tử số\"/\"2025 mẫu số\" or \"2025 numerator\"/\"2025 denominator\" for ratios); "
             "STT, name (tên chỉ tiêu), unit of measure (đơn vị tính), kind (loại), notes (ghi chú), source (nguồn) and "
             "targets (mục tiêu) may stand beside them");
}

// Header text as compared: lower case, without a parenthesised gloss
// ("Mã chỉ tiêu (id)"), single spaces, no trailing ':' or '*'.
std::string header_key(std::string_view text) {
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') ++depth;
    else if (c == ')') depth = std::max(0, depth - 1);
    else if (depth == 0) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  std::string key = fold_case(trim(out));
  key.erase(std::unique(key.begin(), key.end(), [](char a, char b) { return a == ' ' && b == ' '; }), key.end());
  while (!key.empty() && (key.back() == ':' || key.back() == '*' || key.back() == ' ')) key.pop_back();
  return key;
}

template <std::size_t N>
bool is_one_of(std::string_view key, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

constexpr std::array kIgnoredWide{"stt"sv, "tt"sv, "no."sv, "no"sv, "#"sv, "name"sv, "indicator name"sv,
                                  "tên chỉ tiêu"sv, "chỉ tiêu"sv, "tên"sv, "unit of measure"sv, "measure"sv,
                                  "đơn vị tính"sv, "đvt"sv, "kind"sv, "loại"sv, "note"sv, "notes"sv, "ghi chú"sv,
                                  "source"sv, "nguồn"sv, "nguồn số liệu"sv, "group"sv, "nhóm"sv, "stage"sv, "cấp học"sv};
constexpr std::array kUnitWide{"unit"sv, "unit id"sv, "mã đơn vị"sv, "đơn vị"sv};
constexpr std::array kIdWide{"id"sv, "indicator id"sv, "mã chỉ tiêu"sv, "mã"sv};
constexpr std::array kTargetPrefixes{"target"sv, "mục tiêu"sv};
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kParts{
    {{" tử số", "numerator"}, {" mẫu số", "denominator"}, {" numerator", "numerator"}, {" denominator", "denominator"}}};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Cells of a row by column number, up to `width`.
std::vector<const TableCell*> by_column(const TableRow& r, std::size_t width) {
  std::vector<const TableCell*> cells(width + 1, nullptr);
  for (const TableCell& c : r.cells)
    if (c.column > 0 && static_cast<std::size_t>(c.column) <= width) cells[static_cast<std::size_t>(c.column)] = &c;
  return cells;
}

bool blank(const TableRow& r) {
  return std::all_of(r.cells.begin(), r.cells.end(), [](const TableCell& c) { return trim(c.text).empty(); });
}

std::string text_at(const std::vector<const TableCell*>& cells, int column) {
  return column > 0 && cells[static_cast<std::size_t>(column)] ? std::string(trim(cells[static_cast<std::size_t>(column)]->text))
                                                               : std::string();
}

std::size_t last_column(const TableRow& r) {
  int last = 0;
  for (const TableCell& c : r.cells)
    if (!trim(c.text).empty()) last = std::max(last, c.column);
  return static_cast<std::size_t>(last);
}

}  // namespace

WideColumn wide_column(std::string_view text, std::string* label, std::string* part) {
  std::string key = header_key(text);
  if (key.empty() || is_one_of(key, kIgnoredWide)) return WideColumn::Ignored;
  if (std::any_of(kTargetPrefixes.begin(), kTargetPrefixes.end(), [&](auto p) { return key.rfind(p, 0) == 0; }))
    return WideColumn::Ignored;
  if (is_one_of(key, kUnitWide)) return WideColumn::Unit;
  if (is_one_of(key, kIdWide)) return WideColumn::Id;
  std::string which;
  for (const auto& [suffix, name] : kParts)
    if (ends_with(key, suffix)) {
      key.resize(key.size() - suffix.size());
      which = name;
      break;
    }
  for (std::string_view prefix : {"năm "sv, "year "sv})
    if (key.rfind(prefix, 0) == 0) key.erase(0, prefix.size());
  const auto year = parse_target_year(key);
  if (!year) return WideColumn::Unknown;
  if (label) *label = year->label;
  if (part) *part = which;
  return WideColumn::Year;
}

TableReader::TableReader(Message noun, bool dense, DataFile& data, Diagnostics& diags)
    : noun_(std::move(noun)), dense_(dense), data_(data), diags_(diags) {}

bool TableReader::row(const TableRow& r) {
  if (state_ == State::Stopped) return false;
  if (blank(r)) return true;
  saw_content_ = true;
  switch (state_) {
    case State::Searching: return header(r);
    case State::Long: long_row(r); return true;
    case State::Wide: wide_row(r); return true;
    case State::Stopped: break;
  }
  return false;
}

void TableReader::finish(const Location& start) {
  if (state_ == State::Searching && saw_content_)
    diags_.error(start, msg("no header row in the first {} rows; {}", kMaxRowsBeforeHeader, expected_headers()));
}

// Rows above the header are titles; the header is the first row naming
// "indicator" or "year" (long) or an id column (wide).
bool TableReader::header(const TableRow& r) {
  bool is_long = false, is_wide = false;
  for (const TableCell& c : r.cells) {
    const std::string key = fold_case(trim(c.text));
    is_long = is_long || key == "indicator" || key == "year";
    is_wide = is_wide || wide_column(c.text) == WideColumn::Id;
  }
  if (is_long || is_wide) {
    width_ = dense_ ? r.cells.size() : last_column(r);
    const bool ok = is_long ? long_header(r) : wide_header(r);
    state_ = !ok ? State::Stopped : is_long ? State::Long : State::Wide;
    return ok;
  }
  if (++rows_before_header_ < kMaxRowsBeforeHeader) return true;
  diags_.error(r.start, msg("no header row in the first {} rows; {}", kMaxRowsBeforeHeader, expected_headers()));
  state_ = State::Stopped;
  return false;
}

bool names_long_header(const std::vector<std::string_view>& names) {
  const auto has = [&](std::string_view column) {
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return fold_case(trim(n)) == column; });
  };
  return has("unit") && has("indicator") && has("year");
}

bool TableReader::long_header(const TableRow& r) {
  long_.fill(0);
  bool ok = true;
  for (const TableCell& c : r.cells) {
    const std::string name = fold_case(trim(c.text));
    if (name.empty() && !dense_) continue;
    const auto it = std::find(kLongColumns.begin(), kLongColumns.end(), name);
    if (it == kLongColumns.end()) {
      diags_.error(c.where, msg("unknown column \"{}\"; {} has the header {}", c.text, noun_, kLongHeader));
      ok = false;
      continue;
    }
    int& at = long_[static_cast<std::size_t>(it - kLongColumns.begin())];
    // Two columns of one name: one of them would be dropped unseen.
    if (at != 0) {
      diags_.error(c.where, msg("column \"{}\" appears twice in the header, as column {} and column {}; keep one", *it,
                                at, c.column));
      ok = false;
      continue;
    }
    at = c.column;
  }
  for (LongColumn c : {kUnit, kIndicator, kYear})
    if (long_[c] == 0) {
      diags_.error(r.start, msg("the header has no \"{}\" column; {} has the header {}", kLongColumns[c], noun_, kLongHeader));
      ok = false;
    }
  if (ok && long_[kValue] == 0 && (long_[kNumerator] == 0 || long_[kDenominator] == 0)) {
    diags_.error(r.start, msg("the header needs a \"value\" column or both \"numerator\" and \"denominator\""));
    ok = false;
  }
  return ok;
}

void TableReader::long_row(const TableRow& r) {
  if (dense_ && r.cells.size() != width_) {
    if (!decimal_comma_cut(r, {long_[kValue], long_[kNumerator], long_[kDenominator]}))
      diags_.error(r.start, msg("row has {} fields; the header has {}", r.cells.size(), width_));
    return;
  }
  const auto cells = by_column(r, std::max(width_, last_column(r)));
  const auto at = [&](LongColumn c) {
    const int col = long_[c];
    return col > 0 && cells[static_cast<std::size_t>(col)] ? cells[static_cast<std::size_t>(col)]->where : r.start;
  };
  RawValue raw;
  raw.indicator = text_at(cells, long_[kIndicator]);
  raw.year_text = text_at(cells, long_[kYear]);
  raw.text = text_at(cells, long_[kValue]);
  raw.indicator_where = at(kIndicator);
  const std::string unit = text_at(cells, long_[kUnit]);
  const std::string num = text_at(cells, long_[kNumerator]);
  const std::string den = text_at(cells, long_[kDenominator]);
  if (unit.empty() || raw.indicator.empty() || raw.year_text.empty()) {
    diags_.error(r.start, msg("row needs a unit, an indicator and a year"));
    return;
  }
  if (!num.empty() || !den.empty()) {
    if (num.empty() || den.empty()) {
      diags_.error(at(num.empty() ? kNumerator : kDenominator), msg("row gives only one of numerator and denominator"));
      return;
    }
    raw.numerator = num;
    raw.denominator = den;
    raw.where = at(kNumerator);
  } else if (raw.text.empty()) {
    diags_.error(r.start, msg("row has no value: give \"value\" or both \"numerator\" and \"denominator\""));
    return;
  } else {
    raw.where = at(kValue);
  }
  data_.values.emplace_back(unit, std::move(raw));
}

// A CSV row longer than its header because a number was written with a
// decimal comma ("3,4" unquoted): said as that, at the number.
bool TableReader::decimal_comma_cut(const TableRow& r, const std::vector<int>& numeric_columns) {
  std::vector<std::string_view> fields;
  for (const TableCell& c : r.cells) fields.push_back(c.text);
  std::vector<std::size_t> numeric;
  for (int column : numeric_columns)
    if (column > 0) numeric.push_back(static_cast<std::size_t>(column - 1));
  const auto at = csv_split_number(fields, numeric);
  if (!at) return false;
  diags_.error(r.cells[*at].where, decimal_comma(fmt::format("{},{}", trim(fields[*at]), trim(fields[*at + 1]))));
  return true;
}

bool TableReader::wide_header(const TableRow& r) {
  wide_ = {};
  bool ok = true;
  for (const TableCell& c : r.cells) {
    std::string label, part;
    switch (wide_column(c.text, &label, &part)) {
      case WideColumn::Ignored: break;
      case WideColumn::Unit: wide_.unit = c.column; break;
      case WideColumn::Id: wide_.id = c.column; break;
      case WideColumn::Unknown:
        diags_.error(c.where, msg("unknown column \"{}\"{}; {}", trim(c.text), school_year_hint(c.text), wide_columns()));
        ok = false;
        break;
      case WideColumn::Year: {
        auto y = std::find_if(wide_.years.begin(), wide_.years.end(), [&](auto& e) { return e.label == label; });
        if (y == wide_.years.end()) y = wide_.years.insert(wide_.years.end(), YearColumns{label});
        int& slot = part == "numerator" ? y->numerator : part == "denominator" ? y->denominator : y->value;
        if (slot != 0) {
          diags_.error(c.where, msg("a second column \"{}\"; give each year's column once", trim(c.text)));
          ok = false;
        }
        slot = c.column;
        break;
      }
    }
  }
  if (wide_.unit == 0) {
    diags_.error(r.start, msg("the header has no unit column (\"unit\" or \"mã đơn vị\"); {}", wide_columns()));
    ok = false;
  }
  if (wide_.years.empty()) {
    diags_.error(r.start, msg("the header has no year column (2025 or 2024-2025); {}", wide_columns()));
    ok = false;
  }
  return ok;
}

void TableReader::wide_row(const TableRow& r) {
  const auto cells = by_column(r, width_);
  for (const TableCell& c : r.cells)
    if (static_cast<std::size_t>(c.column) > width_ && !trim(c.text).empty()) {
      if (dense_) {  // CSV: perhaps a decimal comma cut a number in two
        std::vector<int> numeric;
        for (const YearColumns& y : wide_.years) numeric.insert(numeric.end(), {y.value, y.numerator, y.denominator});
        if (decimal_comma_cut(r, numeric)) return;
      }
      diags_.error(c.where, msg("a value in a column without a header; name the column (a year such as 2025) or clear "
                                "the cell"));
      return;
    }
  const std::string id = text_at(cells, wide_.id);
  const std::string unit = text_at(cells, wide_.unit);
  const bool has_values = std::any_of(wide_.years.begin(), wide_.years.end(), [&](const YearColumns& y) {
    return !text_at(cells, y.value).empty() || !text_at(cells, y.numerator).empty() ||
           !text_at(cells, y.denominator).empty();
  });
  if (!has_values) return;  // a heading, or an indicator not reported yet
  if (id.empty()) {
    diags_.error(r.start, msg("a row with values but no indicator id; give the id (mã chỉ tiêu) of the plan's indicator"));
    return;
  }
  const Location id_at = cells[static_cast<std::size_t>(wide_.id)]->where;
  if (unit.empty()) {
    diags_.error(id_at, msg("the row of {} has values but no unit id (mã đơn vị)", id));
    return;
  }
  for (const YearColumns& y : wide_.years) {
    const auto where = [&](int column) { return cells[static_cast<std::size_t>(column)]->where; };
    RawValue raw;
    raw.indicator = id;
    raw.indicator_where = id_at;
    raw.year_text = y.label;
    raw.may_repeat_baseline = true;
    raw.text = text_at(cells, y.value);
    const std::string num = text_at(cells, y.numerator);
    const std::string den = text_at(cells, y.denominator);
    if (raw.text.empty() && num.empty() && den.empty()) continue;
    if (num.empty() != den.empty()) {
      diags_.error(where(num.empty() ? y.denominator : y.numerator),
                   msg("{} in {}: give both the numerator and the denominator, or neither", id, y.label));
      continue;
    }
    if (!num.empty()) {
      raw.numerator = num;
      raw.denominator = den;
    }
    raw.where = where(num.empty() ? y.value : y.numerator);
    data_.values.emplace_back(unit, std::move(raw));
  }
}

}  // namespace plancheck
