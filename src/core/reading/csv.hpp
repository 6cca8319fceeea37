#pragma once
// An RFC 4180 reader that keeps the line and column of every field, so that
// data errors in spreadsheet exports can point at the cell.
#include <string>
#include <string_view>
#include <vector>

#include "core/util/diagnostic.hpp"

namespace plancheck {

struct CsvField {
  std::string text;
  int line = 0;
  int column = 0;
};

using CsvRecord = std::vector<CsvField>;

// Parses the whole text; malformed quoting is reported and stops the read.
// `separator` is ',' or ';' (Excel's CSV under a regional setting with a
// decimal comma).
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file, Diagnostics& diags,
                                 char separator = ',');

// ';' when the first line has more semicolons than commas outside quotes.
char detect_separator(std::string_view text);

}  // namespace plancheck
