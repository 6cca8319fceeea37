#pragma once
// Data files from spreadsheet programs: .xlsx (and .xlsm), .ods and legacy
// .xls, read sheet by sheet through the table layouts of table.hpp. Every
// problem is located as FILE.xlsx:Sheet!C7.
#include <optional>
#include <string>
#include <string_view>

#include "core/util/diagnostic.hpp"
#include "core/model/model.hpp"

namespace plancheck {

class WorkbookSink;

enum class SpreadsheetType { None, Xlsx, Ods, Xls };

// By the file's extension (any case); Excel's lock files (~$name.xlsx) are
// not spreadsheets.
SpreadsheetType spreadsheet_type(const std::string& path);

// `bytes` is the file's content; `path` where it is (FreeXL reads .xls from
// the file itself); `file` names it in diagnostics.
std::optional<DataFile> load_spreadsheet(SpreadsheetType type, std::string_view bytes, const std::string& path,
                                         const std::string& file, Diagnostics& diags);

// The readers, for the sink that receives their sheets' rows.
void read_xlsx(std::string_view bytes, WorkbookSink& sink);
void read_ods(std::string_view bytes, WorkbookSink& sink);
void read_xls(const std::string& path, WorkbookSink& sink);

}  // namespace plancheck
