// Reading data from spreadsheets and wide or regional CSV (core/reading/).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/reading/loader.hpp"
#include "core/reading/spreadsheet.hpp"
#include "core/reading/table.hpp"
#include "core/reading/workbook.hpp"
#include "test_support.hpp"

using namespace plancheck;
using plancheck::test::messages;

namespace {
std::string values_of(const DataFile& data) {
  std::string out;
  for (const auto& [unit, raw] : data.values) {
    out += unit + " " + raw.indicator + " " + raw.year_text + " " + raw.text;
    if (raw.numerator) out += " " + *raw.numerator + "/" + *raw.denominator;
    out += " @" + raw.where.str() + "\n";
  }
  return out;
}
}  // namespace

TEST_CASE("Location::str") {
  auto file = std::make_shared<const std::string>("d.xlsx");
  SUBCASE("a cell, its sheet quoted when not a plain word") {
    CHECK(Location(file, std::make_shared<const std::string>("Data"), 7, 3).str() == "d.xlsx:Data!C7");
    CHECK(Location(file, std::make_shared<const std::string>("Xã Hà Đông"), 12, 28).str() == "d.xlsx:'Xã Hà Đông'!AB12");
    CHECK(Location(file, std::make_shared<const std::string>("it's"), 0, 0).str() == "d.xlsx:'it''s'");
  }
  SUBCASE("files and lines keep their form") {
    CHECK(Location("p.yaml", 9, 21).str() == "p.yaml:9:21");
    CHECK(Location("p.yaml", 0, 0).str() == "p.yaml");
  }
}

TEST_CASE("column_letters") {
  CHECK(column_letters(1) == "A");
  CHECK(column_letters(26) == "Z");
  CHECK(column_letters(27) == "AA");
  CHECK(column_letters(16384) == "XFD");
}

TEST_CASE("number_text and percent_text") {
  SUBCASE("shortest decimal, no exponent") {
    CHECK(number_text(79.3) == "79.3");
    CHECK(number_text(79.299999999999997) == "79.3");
    CHECK(number_text(1e-05) == "0.00001");
    CHECK(number_text(2025) == "2025");
  }
  SUBCASE("a fraction becomes its percentage by moving the point") {
    CHECK(percent_text(0.793) == "79.3");
    CHECK(percent_text(0.0793) == "7.93");
    CHECK(percent_text(1) == "100");
    CHECK(percent_text(0) == "0");
    CHECK(percent_text(-0.05) == "-5");
  }
}

TEST_CASE("year_of_serial") {
  CHECK(year_of_serial(45658, false) == 2025);  // 2025-01-01
  CHECK(year_of_serial(45657, false) == 2024);
  CHECK(year_of_serial(44196, true) == 2025);   // 2025-01-01 in the 1904 system
}

TEST_CASE("wide_column") {
  std::string label, part;
  CHECK(wide_column("Mã chỉ tiêu") == WideColumn::Id);
  CHECK(wide_column("Mã đơn vị (unit)") == WideColumn::Unit);
  CHECK(wide_column("Mục tiêu (chỉ để xem)") == WideColumn::Ignored);
  CHECK(wide_column("Đơn vị tính") == WideColumn::Ignored);
  CHECK(wide_column("Ghi chú") == WideColumn::Ignored);
  CHECK(wide_column("2024-2025 tử số", &label, &part) == WideColumn::Year);
  CHECK(label == "2024-2025");
  CHECK(part == "numerator");
  CHECK(wide_column("Năm 2026", &label, &part) == WideColumn::Year);
  CHECK(label == "2026");
  CHECK(part.empty());
  CHECK(wide_column("2O26") == WideColumn::Unknown);
}

TEST_CASE("load_csv_data") {
  Diagnostics diags;
  SUBCASE("Excel's regional CSV: BOM, ';', decimal comma, CRLF, a title row, the wide layout") {
    const auto data = load_csv_data("\xEF\xBB\xBF" "Số liệu năm 2026;;;\r\n"
                                    "STT;Mã đơn vị;Mã chỉ tiêu;2025;2026;2026 tử số;2026 mẫu số\r\n"
                                    "1;xa-mau;a;;52,1;;\r\n"
                                    "2;xa-mau;b;;;5;8\r\n"
                                    ";;Mầm non;;;;\r\n",
                                    "d.csv", diags);
    REQUIRE_MESSAGE(data, messages(diags));
    CHECK(values_of(*data) == "xa-mau a 2026 52,1 @d.csv:3:13\n"
                              "xa-mau b 2026  5/8 @d.csv:4:14\n");
    CHECK(data->values[0].second.may_repeat_baseline);
  }
  SUBCASE("the long layout with ';'") {
    const auto data = load_csv_data("unit;indicator;year;value\nx;a;2025;79,3\n", "d.csv", diags);
    REQUIRE(data);
    CHECK(values_of(*data) == "x a 2025 79,3 @d.csv:2:10\n");
  }
  SUBCASE("a header of neither layout says what was expected") {
    CHECK_FALSE(load_csv_data("a,b\n1,2\n", "d.csv", diags));
    CHECK(messages(diags) == "d.csv:1:1: error: no header row in the first 10 rows; expected a header row: the long "
                             "layout unit,indicator,year,value,numerator,denominator,source, or the wide layout with "
                             "the columns unit (mã đơn vị), id (mã chỉ tiêu) and one per year (2025 or 2024-2025); "
                             "see docs/spreadsheets.md\n");
  }
  SUBCASE("a wide header without a unit column, and an unknown column") {
    CHECK_FALSE(load_csv_data("id,2025,Người nhập\na,1,x\n", "d.csv", diags));
    const std::string m = messages(diags);
    CHECK(m.find("d.csv:1:9: error: unknown column \"Người nhập\"; a wide data table has the columns unit") == 0);
    CHECK(m.find("d.csv:1:1: error: the header has no unit column (\"unit\" or \"mã đơn vị\")") != std::string::npos);
  }
  SUBCASE("a ratio's numerator without its denominator") {
    CHECK_FALSE(load_csv_data("unit,id,2025 numerator,2025 denominator\nx,a,5,\n", "d.csv", diags));
    CHECK(messages(diags) == "d.csv:2:5: error: a in 2025: give both the numerator and the denominator, or neither\n");
  }
}

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_CASE("load_spreadsheet") {
  const std::string dir = PLANCHECK_SOURCE_DIR "/fuzz/regressions/spreadsheet/";
  Diagnostics diags;
  SUBCASE("the template, as plancheck and LibreOffice write it: the plan's known values") {
    const std::string want = "xa-mau preschool.creche-enrolment 2024 48.4 @t:'Xã Mẫu Đơn'!G4\n"
                             "xa-mau preschool.creche-enrolment 2025 50.2 @t:'Xã Mẫu Đơn'!J4\n"
                             "xa-mau preschool.malnutrition 2024 3.2 @t:'Xã Mẫu Đơn'!G5\n"
                             "xa-mau preschool.malnutrition 2025 3 @t:'Xã Mẫu Đơn'!J5\n"
                             "xa-mau schools.national-standard 2024  4/8 @t:'Xã Mẫu Đơn'!H6\n"
                             "xa-mau lower-secondary.quality 2024 Chưa đánh giá @t:'Xã Mẫu Đơn'!G8\n"
                             "xa-mau primary.universal-level3 2024 true @t:'Xã Mẫu Đơn'!G9\n";
    // A pair, not a structured binding: Clang 14 cannot capture a binding
    // in CAPTURE's lambda (C++20, Clang 16).
    for (const auto& workbook : {std::pair{"template.xlsx", SpreadsheetType::Xlsx},
                                 std::pair{"libreoffice.xlsx", SpreadsheetType::Xlsx},
                                 std::pair{"libreoffice.ods", SpreadsheetType::Ods}}) {
      const std::string file = workbook.first;
      CAPTURE(file);
      const auto data = load_spreadsheet(workbook.second, slurp(dir + file), dir + file, "t", diags);
      REQUIRE_MESSAGE(data, messages(diags));
      CHECK(values_of(*data) == want);
    }
  }
  SUBCASE("not a workbook") {
    CHECK_FALSE(load_spreadsheet(SpreadsheetType::Xlsx, "unit,indicator\n", "", "d.xlsx", diags));
    CHECK(messages(diags) == "d.xlsx: error: the file is not an .xlsx workbook (not a zip archive); save it from the "
                             "spreadsheet program as .xlsx\n");
  }
  SUBCASE("spreadsheet_type") {
    CHECK(spreadsheet_type("a/B.XLSX") == SpreadsheetType::Xlsx);
    CHECK(spreadsheet_type("a/~$B.xlsx") == SpreadsheetType::None);
    CHECK(spreadsheet_type("b.ods") == SpreadsheetType::Ods);
    CHECK(spreadsheet_type("b.xls") == SpreadsheetType::Xls);
    CHECK(spreadsheet_type("b.csv") == SpreadsheetType::None);
  }
}
