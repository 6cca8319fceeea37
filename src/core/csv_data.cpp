// CSV data files: unit,indicator,year,value,numerator,denominator,source.
#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "core/csv.hpp"
#include "core/loader.hpp"
#include "core/text.hpp"

namespace plancheck {
namespace {

constexpr std::array<std::string_view, 7> kColumns{"unit",      "indicator",   "year",  "value",
                                                   "numerator", "denominator", "source"};
enum Column { kUnit, kIndicator, kYear, kValue, kNumerator, kDenominator, kSource };

// Column index of each known name in this file's header, or -1.
using ColumnMap = std::array<int, kColumns.size()>;

// The known column a header name stands for ("Unit ", "YEAR"), or -1.
int column_of(std::string_view name) {
  const auto it = std::find(kColumns.begin(), kColumns.end(), fold_case(trim(name)));
  return it == kColumns.end() ? -1 : static_cast<int>(it - kColumns.begin());
}

std::optional<ColumnMap> read_header(const CsvRecord& header, const std::string& file, Diagnostics& diags) {
  ColumnMap map;
  map.fill(-1);
  bool ok = true;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const int c = column_of(header[i].text);
    if (c < 0) {
      diags.error({file, header[i].line, header[i].column},
                  fmt::format("unknown column \"{}\"; a CSV data file has the header "
                              "unit,indicator,year,value,numerator,denominator,source", header[i].text));
      ok = false;
      continue;
    }
    int& at = map[static_cast<std::size_t>(c)];
    // Two columns of one name: one of them would be dropped unseen.
    if (at >= 0) {
      diags.error({file, header[i].line, header[i].column},
                  fmt::format("column \"{}\" appears twice in the header, as column {} and column {}; keep one",
                              kColumns[static_cast<std::size_t>(c)], at + 1, i + 1));
      ok = false;
      continue;
    }
    at = static_cast<int>(i);
  }
  for (Column c : {kUnit, kIndicator, kYear})
    if (map[c] < 0) {
      diags.error({file, 1, 1}, fmt::format("the header has no \"{}\" column; a CSV data file has the header "
                                            "unit,indicator,year,value,numerator,denominator,source", kColumns[c]));
      ok = false;
    }
  if (ok && map[kValue] < 0 && (map[kNumerator] < 0 || map[kDenominator] < 0)) {
    diags.error({file, 1, 1}, "the header needs a \"value\" column or both \"numerator\" and \"denominator\"");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return map;
}

const CsvField* cell(const CsvRecord& r, const ColumnMap& map, Column c) {
  const int i = map[c];
  return i >= 0 && static_cast<std::size_t>(i) < r.size() ? &r[static_cast<std::size_t>(i)] : nullptr;
}

std::string cell_text(const CsvRecord& r, const ColumnMap& map, Column c) {
  const CsvField* f = cell(r, map, c);
  return f ? std::string(trim(f->text)) : std::string();
}

bool blank(const CsvRecord& r) {
  return std::all_of(r.begin(), r.end(), [](const CsvField& f) { return trim(f.text).empty(); });
}

void read_row(const CsvRecord& r, const ColumnMap& map, DataFile& data, Diagnostics& diags, std::size_t columns) {
  const Location row_at{data.file, r.front().line, 1};
  if (r.size() != columns) {
    diags.error(row_at, fmt::format("row has {} fields; the header has {}", r.size(), columns));
    return;
  }
  const auto at = [&](Column c) {
    const CsvField* f = cell(r, map, c);
    return f ? Location{data.file, f->line, f->column} : row_at;
  };
  RawValue raw;
  raw.indicator = cell_text(r, map, kIndicator);
  raw.year_text = cell_text(r, map, kYear);
  raw.text = cell_text(r, map, kValue);
  raw.indicator_where = at(kIndicator);
  const std::string unit = cell_text(r, map, kUnit);
  const std::string num = cell_text(r, map, kNumerator);
  const std::string den = cell_text(r, map, kDenominator);
  if (unit.empty() || raw.indicator.empty() || raw.year_text.empty()) {
    diags.error(row_at, "row needs a unit, an indicator and a year");
    return;
  }
  if (!num.empty() || !den.empty()) {
    if (num.empty() || den.empty()) {
      diags.error(at(num.empty() ? kNumerator : kDenominator), "row gives only one of numerator and denominator");
      return;
    }
    raw.numerator = num;
    raw.denominator = den;
    raw.where = at(kNumerator);
  } else if (raw.text.empty()) {
    diags.error(row_at, "row has no value: give \"value\" or both \"numerator\" and \"denominator\"");
    return;
  } else {
    raw.where = at(kValue);
  }
  data.values.emplace_back(unit, std::move(raw));
}

}  // namespace

bool looks_like_csv_data(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  text = text.substr(0, text.find('\n'));
  std::array<bool, kColumns.size()> seen{};
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string_view name = trim(text.substr(start, comma - start));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    if (const int c = column_of(name); c >= 0) seen[static_cast<std::size_t>(c)] = true;
    start = comma + 1;
  }
  return seen[kUnit] && seen[kIndicator] && seen[kYear];
}

std::optional<DataFile> load_csv_data(std::string_view text, const std::string& file, Diagnostics& diags) {
  const auto body = check_encoding(text, file, diags);
  if (!body) return std::nullopt;
  const std::size_t before = diags.error_count();
  const auto records = parse_csv(*body, file, diags);
  if (records.empty() || blank(records.front())) {
    diags.error({file, 1, 1}, "the CSV file is empty; expected the header "
                              "unit,indicator,year,value,numerator,denominator,source");
    return std::nullopt;
  }
  const auto map = read_header(records.front(), file, diags);
  if (!map) return std::nullopt;
  DataFile data;
  data.file = file;
  for (std::size_t i = 1; i < records.size(); ++i)
    if (!blank(records[i])) read_row(records[i], *map, data, diags, records.front().size());
  if (diags.error_count() > before) return std::nullopt;
  return data;
}

}  // namespace plancheck
