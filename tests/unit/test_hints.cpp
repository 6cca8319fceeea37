#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reading/hints.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;
using namespace std::string_view_literals;

using test::messages;

namespace {
std::string en(const Message& m) { return m.str(Lang::En); }
std::string vi(const Message& m) { return m.str(Lang::Vi); }
}  // namespace

TEST_CASE("decimal_comma") {
  SUBCASE("quotes or a point") {
    CHECK(en(decimal_comma("3,4")) == "the decimal comma in 3,4 is read as a separator, cutting the number in two; write "
                                  "\"3,4\" in quotes or 3.4");
    CHECK(en(decimal_comma(">= 95,5%")) == "the decimal comma in >= 95,5% is read as a separator, cutting the number in "
                                       "two; write \">= 95,5%\" in quotes or >= 95.5%");
  }
  SUBCASE("three decimals: only quotes (1.250 would read as thousands)") {
    CHECK(en(decimal_comma("1,250")) == "the decimal comma in 1,250 is read as a separator, cutting the number in two; "
                                    "write \"1,250\" in quotes");
  }
}

TEST_CASE("flow_decimal_commas") {
  SUBCASE("a number cut inside { }: where it starts and how far an error about it may stand") {
    const auto cuts = flow_decimal_commas("  rate: {2025: 49,2, 2026: \"50,1\"}");
    REQUIRE(cuts.size() == 1);
    CHECK(cuts[0].written == "49,2");
    CHECK(cuts[0].start == 15);
    CHECK(cuts[0].reach == 19);  // the ',' after it, where yaml-cpp puts the empty value of key "2"
  }
  SUBCASE("the whole value with its comparison and percent sign") {
    const auto cuts = flow_decimal_commas("targets: {2030: ~96,5%, 2031: [1, 2]}");
    REQUIRE(cuts.size() == 1);
    CHECK(cuts[0].written == "~96,5%");
  }
  SUBCASE("in a flow list") {
    const auto cuts = flow_decimal_commas("values: [48,4]");
    REQUIRE(cuts.size() == 1);
    CHECK(cuts[0].written == "48,4");
  }
  SUBCASE("not a decimal comma") {
    CHECK(flow_decimal_commas("value: 3,4").empty());                 // block style: one scalar "3,4"
    CHECK(flow_decimal_commas("v: {a: \"3,4\", b: '5,6'}").empty());  // quoted
    CHECK(flow_decimal_commas("v: {a: 3, b: 4}").empty());            // a space after the comma
    CHECK(flow_decimal_commas("stages: [1,2,3]").empty());            // a list of numbers
    CHECK(flow_decimal_commas("v: {id: a3,4}").empty());              // the end of a word
  }
}

TEST_CASE("csv_split_number") {
  const std::vector<std::size_t> value{3, 4, 5};
  SUBCASE("a whole number followed by digits in a numeric column") {
    const std::vector<std::string_view> fields{"xa-a", "rate", "2025", "52", "1", "", "", ""};
    CHECK(csv_split_number(fields, value) == 3u);
  }
  SUBCASE("a percentage's digits") {
    const std::vector<std::string_view> fields{"xa-a", "rate", "2025", "52", "1%", "", "", ""};
    CHECK(csv_split_number(fields, value) == 3u);
  }
  SUBCASE("the first of several") {
    const std::vector<std::string_view> fields{"xa-a", "rate", "2025", "", "5", "8", "1"};
    CHECK(csv_split_number(fields, value) == 4u);
  }
  SUBCASE("no number cut in two") {
    const std::vector<std::string_view> fields{"xa-a", "rate", "2025", "52.1", "", "", "Báo cáo", "6 tháng"};
    CHECK_FALSE(csv_split_number(fields, value));
    CHECK_FALSE(csv_split_number({"a", "1"}, value));
  }
}

TEST_CASE("tab_in_indentation") {
  SUBCASE("the first tab before the error's line, with its column") {
    const auto hint = tab_in_indentation("a:\n  b: 1\n  \tc: 2\n", 2);
    REQUIRE(hint);
    CHECK(hint->line == 2);
    CHECK(hint->byte == 2);
    CHECK(en(hint->message) ==
          "a tab in the indentation (column 3); YAML indents with spaces only: replace the tab with spaces");
  }
  SUBCASE("tabs elsewhere do not count") {
    CHECK_FALSE(tab_in_indentation("a:\tb\n\t\n\t# note\nc: 1\n", 3));  // after a key, blank, a comment
    CHECK_FALSE(tab_in_indentation("a: 1\n\tb: 2\n", 0));              // after the error's line
  }
}

TEST_CASE("misindented_line") {
  const std::string_view plan =
      "indicators:\n"      // 0
      "  - id: a\n"        // 1
      "    name: A\n"      // 2
      "    baseline:\n"    // 3
      "      year: 2024\n" // 4
      "   targets:\n"      // 5
      "  - id: b\n"        // 6
      "   - id: c\n";      // 7
  SUBCASE("a key between two levels: the nearer key") {
    const auto hint = misindented_line(plan, 5);
    REQUIRE(hint);
    CHECK(hint->line == 5);
    CHECK(hint->byte == 3);
    CHECK(en(hint->message) == "key \"targets\" is indented 3 spaces but \"baseline\" on line 4 is indented 4; keys of "
                           "one mapping must line up");
  }
  SUBCASE("a list item: the item above") {
    const auto hint = misindented_line(plan, 7);
    REQUIRE(hint);
    CHECK(en(hint->message) == "this list item is indented 3 spaces but the item on line 7 is indented 2; items of one "
                           "list must line up");
  }
  SUBCASE("equally near: the deeper level") {
    const auto hint = misindented_line("unit:\n  id: a\n name: A\n", 2);
    REQUIRE(hint);
    CHECK(en(hint->message) == "key \"name\" is indented 1 space but \"id\" on line 2 is indented 2; keys of one mapping "
                           "must line up");
  }
  SUBCASE("a quoted key") {
    const auto hint = misindented_line("targets:\n  2030: 5\n   \"2025-2026\": 4\n", 2);
    REQUIRE(hint);
    CHECK(en(hint->message) == "key \"2025-2026\" is indented 3 spaces but \"2030\" on line 2 is indented 2; keys of one "
                           "mapping must line up");
  }
  SUBCASE("a line that lines up: the mistake is elsewhere") {
    CHECK_FALSE(misindented_line(plan, 2));
    CHECK_FALSE(misindented_line(plan, 6));
  }
}

TEST_CASE("yaml_syntax_hint") {
  SUBCASE("yaml-cpp's layout errors") {
    CHECK(yaml_syntax_hint("a:\n  b: 1\n c: 2\n", 2, "end of map not found"));
    CHECK_FALSE(yaml_syntax_hint("a:\n  b: 1\n c: 2\n", 2, "end of map flow not found"));
  }
  SUBCASE("a tab whatever yaml-cpp said") { CHECK(yaml_syntax_hint("a:\n\tb: 1\n", 1, "illegal map value")); }
  SUBCASE("no place") { CHECK_FALSE(yaml_syntax_hint("a:\n\tb: 1\n", -1, "illegal map value")); }
}

TEST_CASE("foreign_file") {
  SUBCASE("workbooks: what they are and how to give them") {
    const auto xlsx = foreign_file("PK\x03\x04....[Content_Types].xml....xl/workbook.xml"sv, false);
    REQUIRE(xlsx);
    CHECK(en(*xlsx) == "this file is an Excel workbook (.xlsx), not YAML or CSV text; plancheck knows a workbook by its "
                   "name: rename the file to end in .xlsx and give it with the plan as data (plancheck evaluate "
                   "plan.yaml so-lieu.xlsx, or --data so-lieu.xlsx; see docs/spreadsheets.md)");
    const auto ods = foreign_file("PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheetPK"sv, true);
    REQUIRE(ods);
    CHECK(en(*ods) == "standard input is an OpenDocument spreadsheet (.ods), not YAML or CSV text; plancheck reads a "
                  "workbook from a file: save it as so-lieu.ods and give its path (plancheck evaluate plan.yaml "
                  "so-lieu.ods, or --data so-lieu.ods; see docs/spreadsheets.md)");
    const auto xls = foreign_file("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0W\0o\0r\0k\0b\0o\0o\0k\0"sv, false);
    REQUIRE(xls);
    CHECK(en(*xls).starts_with("this file is an Excel 97-2003 workbook (.xls), "));
  }
  SUBCASE("documents: transcribe the plan") {
    const auto pdf = foreign_file("%PDF-1.7\n", false);
    REQUIRE(pdf);
    CHECK(en(*pdf) == "this file is a PDF document, not a YAML plan or data file; plancheck cannot read a plan from it: "
                  "transcribe the plan into a YAML plan file (plancheck init writes one to start from; see README.md "
                  "and the worked examples in docs/plans/)");
    CHECK(en(*foreign_file("PK\x03\x04....word/document.xml"sv, false)).starts_with("this file is a Word document (.docx)"));
    CHECK(en(*foreign_file("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"sv, false))
              .starts_with("this file is a Word 97-2003 document (.doc)"));
    CHECK(en(*foreign_file("PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.textPK"sv, false))
              .starts_with("this file is an OpenDocument text (.odt)"));
  }
  SUBCASE("text is not looked at") {
    CHECK_FALSE(foreign_file("plancheck: 1\n", false));
    CHECK_FALSE(foreign_file("unit,indicator,year,value\n", true));
    CHECK_FALSE(foreign_file("", false));
  }
}

TEST_CASE("school_year_fix") {
  SUBCASE("short, with another dash, or a slash") {
    CHECK(school_year_fix("2025-26") == "2025-2026");
    CHECK(school_year_fix("2025–26") == "2025-2026");
    CHECK(school_year_fix("2025/26") == "2025-2026");
    CHECK(school_year_fix("2025 / 2026") == "2025-2026");
    CHECK(school_year_fix("2025–2026") == "2025-2026");
    CHECK(school_year_fix("2099-00") == "2099-2100");
  }
  SUBCASE("not a school year, or already right") {
    CHECK_FALSE(school_year_fix("2025-2026"));
    CHECK_FALSE(school_year_fix("2025-27"));
    CHECK_FALSE(school_year_fix("2025"));
    CHECK_FALSE(school_year_fix("25-26"));
    CHECK_FALSE(school_year_fix("2025-2"));
  }
  SUBCASE("the hints appended to a message") {
    CHECK(en(school_year_hint("2025-26")) == "; write the school year as \"2025-2026\"");
    CHECK(en(school_year_hint("abc")) == "");
    CHECK(en(school_year_as_year_hint("2024/25")) == "; for the school year 2024-2025 write 2025, the year it ends");
  }
}

TEST_CASE("did_you_mean") {
  CHECK(en(did_you_mean(std::string("targets"))) == " (did you mean \"targets\"?)");
  CHECK(en(did_you_mean(std::nullopt)) == "");
  CHECK(en(more_rows(0)) == "");
  CHECK(en(more_rows(1)) == " (and 1 more row)");
  CHECK(en(more_rows(29)) == " (and 29 more rows)");
  SUBCASE("in Vietnamese") {
    CHECK(vi(did_you_mean(std::string("targets"))) == " (có phải là \"targets\"?)");
    CHECK(vi(more_rows(29)) == " (và 29 dòng khác)");
    CHECK(vi(did_you_mean(std::nullopt)) == "");
  }
}

TEST_CASE("load_yaml_document hints") {
  SUBCASE("a decimal comma is said once, at the number, in place of what YAML made of it") {
    Diagnostics diags;
    load_yaml_document("plancheck: 1\n"
                       "unit: {id: xa-a, name: A}\n"
                       "indicators:\n"
                       "  - {id: f, name: F, kind: flag, baseline: {year: 2024, value: 1,5}, targets: {2030: 1,5}}\n",
                       "p.yaml", diags);
    CHECK(messages(diags) ==
          "p.yaml:4:64: error: the decimal comma in 1,5 is read as a separator, cutting the number in two; write "
          "\"1,5\" in quotes or 1.5\n"
          "p.yaml:4:86: error: the decimal comma in 1,5 is read as a separator, cutting the number in two; write "
          "\"1,5\" in quotes or 1.5\n");
  }
  SUBCASE("a tab and a misindented key, in place of yaml-cpp's words") {
    Diagnostics diags;
    load_yaml_document("plancheck: 1\nunit:\n  id: a\n\tname: A\n", "p.yaml", diags);
    load_yaml_document("plancheck: 1\nunit:\n  id: a\n   name: A\n", "q.yaml", diags);
    CHECK(messages(diags) ==
          "p.yaml:4:1: error: a tab in the indentation (column 1); YAML indents with spaces only: replace the tab "
          "with spaces\n"
          "q.yaml:4:4: error: key \"name\" is indented 3 spaces but \"id\" on line 3 is indented 2; keys of one "
          "mapping must line up\n");
  }
  SUBCASE("a required key suggested for an unknown one is not said missing as well") {
    Diagnostics diags;
    load_yaml_document("plancheck: 1\nunit: {id: a, name: A}\nindicators:\n  - {id: x, name: X, target: {2030: 5}}\n",
                       "p.yaml", diags);
    CHECK(messages(diags) == "p.yaml:4:22: error: unknown key \"target\" (did you mean \"targets\"?) in indicator x; "
                             "accepted keys: id, name, name_en, group, stage, kind, unit, better, baseline, targets, "
                             "note, tolerance, weight, stages, numerator_label, denominator_label, formula, "
                             "valid_for, basis, basis_ref, ref\n");
  }
}

TEST_CASE("attach_values hints") {
  SUBCASE("an unknown indicator on many rows: once, with a suggestion and the other rows counted") {
    Diagnostics diags;
    auto doc = load_yaml_document("plancheck: 1\nunit: {id: xa-a, name: A}\nindicators:\n"
                                  "  - {id: preschool.enrolment, name: E, targets: {2030: 5}}\n",
                                  "p.yaml", diags);
    REQUIRE(doc.plan);
    auto data = load_csv_data("unit,indicator,year,value\n"
                              "xa-a,preschool.enrolmen,2025,1\n"
                              "xa-a,preschool.enrolmen,2026,2\n"
                              "xa-a,preschool.enrolmen,2027,3\n",
                              "d.csv", diags);
    REQUIRE(data);
    std::vector<RawValue> values;
    for (auto& [unit, raw] : data->values) values.push_back(raw);
    attach_values(*doc.plan, values, diags);
    CHECK(messages(diags) == "d.csv:2:6: error: value for undefined indicator \"preschool.enrolmen\" (did you mean "
                             "\"preschool.enrolment\"?): plan xa-a (p.yaml) has no such indicator (and 2 more rows)\n");
  }
}
