#pragma once
// The spreadsheet report (--format xlsx): per unit one sheet in the layout of
// the plans' appendix tables, a summary sheet and a roll-up sheet. Written
// with libxlsxwriter; docs/reports.md describes the layout.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/lang.hpp"
#include "core/evaluation/report.hpp"
#include "core/rollup/summary.hpp"
#include "render/xlsx_file.hpp"

namespace plancheck {

// The whole .xlsx file. Throws XlsxError.
std::string render_xlsx(const Report& report, const SummaryTail& tail, Lang lang);

// A worksheet name Excel accepts for `wanted`, not in `taken` (compared
// without case, as Excel does), which it is then added to: the characters
// Excel forbids ([ ] : * ? / and backslash) become '_', leading and trailing apostrophes are dropped, at most 31
// characters, and a clash gets "~2", "~3", … in place of its last characters.
std::string unique_sheet_name(std::string_view wanted, std::vector<std::string>& taken);

}  // namespace plancheck
