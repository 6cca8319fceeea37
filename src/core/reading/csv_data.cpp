// CSV data files, in either layout of core/reading/table.hpp: the long one
// (unit,indicator,year,value,numerator,denominator,source) or the wide one
// of the data-entry template. Excel with a Vietnamese (or any European)
// regional setting saves CSV with ';' between fields and a decimal comma.
#include <algorithm>
#include <fmt/format.h>

#include "core/reading/csv.hpp"
#include "core/reading/loader.hpp"
#include "core/reading/table.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

bool blank(const CsvRecord& r) {
  return std::all_of(r.begin(), r.end(), [](const CsvField& f) { return trim(f.text).empty(); });
}

TableRow table_row(CsvRecord& record, const std::string& file) {
  TableRow row;
  row.start = Location{file, record.empty() ? 0 : record.front().line, 1};
  row.cells.reserve(record.size());
  for (std::size_t i = 0; i < record.size(); ++i)
    row.cells.push_back({static_cast<int>(i) + 1, std::move(record[i].text), Location{file, record[i].line, record[i].column}});
  return row;
}

}  // namespace

bool looks_like_csv_data(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  text = text.substr(0, text.find('\n'));
  std::vector<std::string_view> names;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    std::string_view name = trim(text.substr(start, comma - start));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    names.push_back(name);
    start = comma + 1;
  }
  return names_long_header(names);
}

std::optional<DataFile> load_csv_data(std::string_view text, const std::string& file, Diagnostics& diags) {
  const auto body = check_encoding(text, file, diags);
  if (!body) return std::nullopt;
  const std::size_t before = diags.error_count();
  auto records = parse_csv(*body, file, diags, detect_separator(*body));
  if (records.empty() || std::all_of(records.begin(), records.end(), blank)) {
    diags.error({file, 1, 1}, msg("the CSV file is empty; expected the header "
                                  "unit,indicator,year,value,numerator,denominator,source"));
    return std::nullopt;
  }
  DataFile data;
  data.file = file;
  TableReader reader(msg("a CSV data file"), true, data, diags);
  for (CsvRecord& record : records)
    if (!reader.row(table_row(record, file))) break;
  reader.finish({file, 1, 1});
  if (diags.error_count() > before) return std::nullopt;
  return data;
}

}  // namespace plancheck
