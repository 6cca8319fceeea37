#include "core/reading/spreadsheet.hpp"

#include <filesystem>

#include "core/reading/workbook.hpp"
#include "core/util/text.hpp"

namespace plancheck {

SpreadsheetType spreadsheet_type(const std::string& path) {
  const std::filesystem::path p(path);
  if (p.filename().string().rfind("~$", 0) == 0) return SpreadsheetType::None;
  const std::string ext = fold_case(p.extension().string());
  if (ext == ".xlsx" || ext == ".xlsm") return SpreadsheetType::Xlsx;
  if (ext == ".ods") return SpreadsheetType::Ods;
  if (ext == ".xls") return SpreadsheetType::Xls;
  return SpreadsheetType::None;
}

std::optional<DataFile> load_spreadsheet(SpreadsheetType type, std::string_view bytes, const std::string& path,
                                         const std::string& file, Diagnostics& diags) {
  WorkbookSink sink(file, diags);
  switch (type) {
    case SpreadsheetType::Xlsx: read_xlsx(bytes, sink); break;
    case SpreadsheetType::Ods: read_ods(bytes, sink); break;
    case SpreadsheetType::Xls: read_xls(path, sink); break;
    case SpreadsheetType::None: return std::nullopt;
  }
  return sink.finish();
}

}  // namespace plancheck
