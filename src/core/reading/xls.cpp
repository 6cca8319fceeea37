// Legacy .xls (BIFF, Excel 97-2003) through FreeXL (Debian libfreexl-dev),
// which reads the whole file itself: cell values (numbers, text, dates as
// their year), not formats — a percentage stored as a fraction with a
// percent format reads as the fraction here (docs/spreadsheets.md).
#include <freexl.h>
#include <fmt/format.h>

#include "core/reading/spreadsheet.hpp"
#include "core/reading/workbook.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

struct XlsHandle {
  const void* handle = nullptr;
  ~XlsHandle() {
    if (handle) freexl_close(handle);
  }
};

std::string xls_cell_text(const FreeXL_CellValue& v) {
  switch (v.type) {
    case FREEXL_CELL_INT: return std::to_string(v.value.int_value);
    case FREEXL_CELL_DOUBLE: return number_text(v.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT: return v.value.text_value ? v.value.text_value : "";
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME: return v.value.text_value ? std::string(v.value.text_value).substr(0, 4) : "";
    case FREEXL_CELL_TIME: return v.value.text_value ? v.value.text_value : "";
    default: return "";
  }
}

// One sheet, row by row; false after an error.
bool read_sheet(const void* xls, unsigned short index, WorkbookSink& sink) {
  const char* name = nullptr;
  unsigned int rows = 0;
  unsigned short columns = 0;
  if (freexl_get_worksheet_name(xls, index, &name) != FREEXL_OK || freexl_select_active_worksheet(xls, index) != FREEXL_OK ||
      freexl_worksheet_dimensions(xls, &rows, &columns) != FREEXL_OK) {
    sink.diags().error(sink.workbook(), msg("sheet {} of the .xls workbook cannot be read", index + 1));
    return false;
  }
  sink.begin_sheet(name ? name : "");
  for (unsigned int r = 0; r < rows; ++r) {
    TableRow row{sink.at(static_cast<int>(r) + 1, 1), {}};
    for (unsigned short c = 0; c < columns; ++c) {
      FreeXL_CellValue v;
      if (freexl_get_cell_value(xls, r, c, &v) != FREEXL_OK) continue;
      std::string text = xls_cell_text(v);
      if (trim(text).empty()) continue;
      if (!sink.count_cell(static_cast<int>(r) + 1, c + 1)) return false;
      row.cells.push_back({c + 1, std::move(text), sink.at(static_cast<int>(r) + 1, c + 1)});
    }
    if (!sink.row(row)) break;
  }
  sink.end_sheet();
  return true;
}

}  // namespace

void read_xls(const std::string& path, WorkbookSink& sink) {
  XlsHandle xls;
  if (const int rc = freexl_open(path.c_str(), &xls.handle); rc != FREEXL_OK) {
    sink.diags().error(sink.workbook(), msg("the file is not an .xls workbook FreeXL can read (error {}); save it from "
                                            "the spreadsheet program as .xlsx", rc));
    return;
  }
  unsigned int info = 0;
  if (freexl_get_info(xls.handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED) {
    sink.diags().error(sink.workbook(), msg("the .xls workbook is password-protected; save it without a password"));
    return;
  }
  unsigned int sheets = 0;
  if (freexl_get_info(xls.handle, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) sheets = 0;
  for (unsigned int i = 0; i < sheets && i < 0xFFFF; ++i)
    if (!read_sheet(xls.handle, static_cast<unsigned short>(i), sink)) return;
}

}  // namespace plancheck
