#pragma once
// Data tables, whatever file they come from (a CSV file, a sheet of an
// .xlsx, .ods or .xls workbook). The header row is found by its column names,
// below any title rows, and decides the layout (docs/spreadsheets.md):
//   long: unit,indicator,year,value,numerator,denominator,source — a value a row;
//   wide: unit, id and a column per year — an indicator a row (the
//         data-entry template's layout), with "2025 tử số"/"2025 mẫu số"
//         (or "2025 numerator"/"2025 denominator") columns for ratios.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/util/diagnostic.hpp"
#include "core/model/model.hpp"

namespace plancheck {

struct TableCell {
  int column = 0;    // 1-based position in the row
  std::string text;  // numbers in decimal notation, percentages already ×100
  Location where;
};

struct TableRow {
  Location start;                // the row's first column
  std::vector<TableCell> cells;  // by column; empty cells may be left out
};

// How many non-blank rows may stand above the header (titles, notes).
inline constexpr int kMaxRowsBeforeHeader = 10;

// What the header names, by the wide layout's words (English or Vietnamese).
enum class WideColumn { Ignored, Unit, Id, Year, Unknown };

class TableReader {
 public:
  // `noun` names the table in messages ("a CSV data file"); a `dense`
  // table (CSV) has every field of every row, so a row of another length is
  // an error.
  TableReader(Message noun, bool dense, DataFile& data, Diagnostics& diags);

  // Reads one row into the data file; false once the rest of the table is
  // not worth reading (no header among the first rows, a header in error).
  bool row(const TableRow& r);
  // After the last row: says so when no header was found.
  void finish(const Location& start);
  bool saw_content() const { return saw_content_; }

 private:
  enum class State { Searching, Long, Wide, Stopped };
  // Column numbers (1-based, 0 = absent) of a long table.
  using LongMap = std::array<int, 7>;
  struct YearColumns {
    std::string label;  // as in the header: "2025" or "2024-2025"
    int value = 0, numerator = 0, denominator = 0;
  };
  struct WideMap {
    int unit = 0, id = 0;
    std::vector<YearColumns> years;
  };

  bool header(const TableRow& r);
  bool long_header(const TableRow& r);
  bool wide_header(const TableRow& r);
  void long_row(const TableRow& r);
  void wide_row(const TableRow& r);
  bool decimal_comma_cut(const TableRow& r, const std::vector<int>& numeric_columns);

  Message noun_;
  bool dense_;
  DataFile& data_;
  Diagnostics& diags_;
  State state_ = State::Searching;
  int rows_before_header_ = 0;
  bool saw_content_ = false;
  std::size_t width_ = 0;  // fields in the header (dense tables)
  LongMap long_{};
  WideMap wide_;
};

// The role of a wide header's text; `year` receives the year column's label
// and part ("" for the value, "numerator", "denominator").
WideColumn wide_column(std::string_view text, std::string* label = nullptr, std::string* part = nullptr);

// What a header row must look like, for the message when none is found.
Message expected_headers();

// True when header names (case and spaces aside) include the long layout's
// unit, indicator and year: how CSV on stdin is told from YAML.
bool names_long_header(const std::vector<std::string_view>& names);

}  // namespace plancheck
