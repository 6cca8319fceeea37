#pragma once
// What the spreadsheet readers (.xlsx, .ods, .xls) share: how a stored
// number becomes the text a value is read from, and the sink their sheets'
// rows go to, one row at a time, each sheet through its own TableReader.
#include <memory>
#include <optional>
#include <string>

#include "core/util/diagnostic.hpp"
#include "core/model/model.hpp"
#include "core/reading/table.hpp"

namespace plancheck {

// Shortest decimal notation that reads back as `v`, never with an exponent.
std::string number_text(double v);
// A fraction shown with a percent format, as the percentage: 0.793 → "79.3"
// (the decimal point moved, so no rounding error is added).
std::string percent_text(double fraction);
// The year of a spreadsheet date serial (days since 1899-12-30, or since
// 1904-01-01 in a workbook with the 1904 date system).
int year_of_serial(double serial, bool date1904);

class WorkbookSink {
 public:
  WorkbookSink(const std::string& file, Diagnostics& diags);

  void begin_sheet(const std::string& name);
  // False once the rest of the sheet is not worth reading.
  bool row(const TableRow& row);
  void end_sheet();
  // A cell of the current sheet (row and column 1-based); the sheet itself
  // when row is 0.
  Location at(int row, int column) const { return Location(file_, sheet_, row, column); }
  Location workbook() const { return Location(file_, 0, 0); }
  // Counts a cell with content; false (and an error) past limits::kMaxCells.
  bool count_cell(int row, int column);
  // The values read, or nothing after an error (or when no sheet had any).
  std::optional<DataFile> finish();
  Diagnostics& diags() { return diags_; }

 private:
  std::shared_ptr<const std::string> file_;
  std::shared_ptr<const std::string> sheet_;
  Diagnostics& diags_;
  std::size_t errors_before_;
  DataFile data_;
  std::unique_ptr<TableReader> reader_;
  std::size_t cells_ = 0;
  bool any_content_ = false;
  int last_row_ = 0;
};

}  // namespace plancheck
