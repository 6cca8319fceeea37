#include <doctest/doctest.h>

#include "core/reading/csv.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

using test::messages;

TEST_CASE("parse_csv") {
  SUBCASE("RFC 4180 quoting, CRLF, embedded newlines, with field locations") {
    Diagnostics diags;
    const auto rows = parse_csv("a,b\r\n\"x, \"\"y\"\"\",\"line1\nline2\"\r\nlast,\n", "f.csv", diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][0].text == "x, \"y\"");
    CHECK(rows[1][1].text == "line1\nline2");
    CHECK(rows[1][1].column == 12);
    CHECK(rows[2][0].line == 4);
    REQUIRE(rows[2].size() == 2);
    CHECK(rows[2][1].text.empty());
  }
  SUBCASE("unterminated quote") {
    Diagnostics diags;
    parse_csv("a,\"b\n", "f.csv", diags);
    CHECK(messages(diags) == "f.csv:1:3: error: unterminated quoted field (a '\"' is missing)\n");
  }
}

TEST_CASE("load_csv_data") {
  SUBCASE("values and ratios, Vietnamese text intact") {
    Diagnostics diags;
    const auto data = load_csv_data(
        "unit,indicator,year,value,numerator,denominator,source\n"
        "ha-dong,a,2025,\"52,1\",,,\"Báo cáo 6 tháng\"\n"
        "ha-dong,b,2024-2025,,5,8,\n",
        "d.csv", diags);
    CHECK(messages(diags) == "");
    REQUIRE(data);
    REQUIRE(data->values.size() == 2);
    CHECK(data->values[0].first == "ha-dong");
    CHECK(data->values[0].second.text == "52,1");
    CHECK(data->values[0].second.where.line == 2);
    CHECK(data->values[0].second.where.column == 16);
    CHECK(data->values[1].second.numerator == "5");
  }
  SUBCASE("header and row errors") {
    Diagnostics diags;
    CHECK_FALSE(load_csv_data("unit,indicator,yr,value\nx,a,2025,1\n", "d.csv", diags));
    CHECK(messages(diags) == "d.csv:1:16: error: unknown column \"yr\"; a CSV data file has the header "
                                 "unit,indicator,year,value,numerator,denominator,source\n" "d.csv:1:1: error: the header has no \"year\" column; a CSV data file has the header "
                                 "unit,indicator,year,value,numerator,denominator,source\n");
    Diagnostics rows;
    CHECK_FALSE(load_csv_data("unit,indicator,year,value,numerator,denominator\nx,a,2025\nx,a,2025,,,\nx,a,2025,,1,\n",
                              "d.csv", rows));
    CHECK(messages(rows) == "d.csv:2:1: error: row has 3 fields; the header has 6\n" "d.csv:3:1: error: row has no value: give \"value\" or both \"numerator\" and \"denominator\"\n" "d.csv:4:13: error: row gives only one of numerator and denominator\n");
  }
  SUBCASE("a column twice is an error naming both positions, not a dropped value") {
    Diagnostics diags;
    CHECK_FALSE(load_csv_data("unit,indicator,year,value,Value \nx,a,2025,1,2\n", "d.csv", diags));
    CHECK(messages(diags) ==
          "d.csv:1:27: error: column \"value\" appears twice in the header, as column 4 and column 5; keep one\n");
  }
  SUBCASE("empty file") {
    Diagnostics diags;
    CHECK_FALSE(load_csv_data("", "d.csv", diags));
    CHECK(messages(diags) == "d.csv:1:1: error: the CSV file is empty; expected the header "
                                                      "unit,indicator,year,value,numerator,denominator,source\n");
  }
}

TEST_CASE("looks_like_csv_data") {
  SUBCASE("a header with unit, indicator and year") {
    CHECK(looks_like_csv_data("unit,indicator,year,value\nx,a,2025,1\n"));
    CHECK(looks_like_csv_data("year,unit,indicator,numerator,denominator"));
    CHECK(looks_like_csv_data("\xEF\xBB\xBF\"Unit\", Indicator ,YEAR,value\r\n"));
  }
  SUBCASE("plans, YAML data files and other text are not") {
    CHECK_FALSE(looks_like_csv_data("plancheck: 1\nunit: {id: u, name: U}\n"));
    CHECK_FALSE(looks_like_csv_data("plancheck: 1\ndata: {unit: u}\nvalues: {}\nunit,indicator,year\n"));
    CHECK_FALSE(looks_like_csv_data("unit,indicator,value\n"));
    CHECK_FALSE(looks_like_csv_data("# unit,indicator,year\n"));
    CHECK_FALSE(looks_like_csv_data(""));
  }
}
