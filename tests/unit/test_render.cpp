#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/evaluation/evaluate.hpp"
#include "core/reading/loader.hpp"
#include "core/util/text.hpp"
#include "render/formats.hpp"
#include "render/json_writer.hpp"
#include "render/terminal.hpp"
#include "render/text_table.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Display column at which `needle` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
  const auto at = line.find(needle);
  REQUIRE(at != std::string::npos);
  return display_width(line.substr(0, at));
}

}  // namespace

TEST_CASE("TextTable") {
  SUBCASE("columns align by display width with Vietnamese text") {
    TextTable t({{"Tên", Align::Left}, {"Giá trị", Align::Right}, {"Trạng thái", Align::Left}});
    t.add_row({"Tỷ lệ huy động trẻ nhà trẻ", "52,1%", "đúng tiến độ"});
    t.add_row({"Số trường", "8", "đạt"});
    t.add_row({"Trường THCS đạt kiểm định chất lượng", "Đang thực hiện", "chưa rõ"});
    const auto ls = lines(t.render(100));
    REQUIRE(ls.size() == 4);
    CHECK(column_of(ls[1], "đúng") == column_of(ls[2], "đạt"));
    CHECK(column_of(ls[2], "đạt") == column_of(ls[3], "chưa"));
    CHECK(column_of(ls[1], "52,1%") + 5 == column_of(ls[3], "Đang") + 14);  // right-aligned ends
  }
  SUBCASE("the flexible column shrinks to fit the width; its text wraps, never cut") {
    TextTable t({{"Indicator", Align::Left, 80, true}, {"Status", Align::Left}});
    t.add_row({"Tỷ lệ cán bộ quản lý, giáo viên trung học phổ thông có trình độ thạc sĩ trở lên", "at risk"});
    const std::string text = t.render(40, "  ");
    for (const auto& l : lines(text)) CHECK(display_width(l) <= 40);
    CHECK(text ==
          "  Indicator                      Status\n"
          "  Tỷ lệ cán bộ quản lý, giáo     at risk\n"
          "  viên trung học phổ thông có\n"
          "  trình độ thạc sĩ trở lên\n");
  }
  SUBCASE("two names that begin alike stay two names") {
    TextTable t({{"Indicator", Align::Left, 20, true}, {"Status", Align::Left}});
    t.add_row({"Tỷ lệ trường mầm non đạt chuẩn quốc gia (công lập)", "met"});
    t.add_row({"Tỷ lệ trường mầm non đạt chuẩn quốc gia (ngoài công lập)", "missed"});
    const std::string text = t.render(40);
    CHECK(text.find("(công lập)") != std::string::npos);
    CHECK(text.find("(ngoài công lập)") != std::string::npos);
    CHECK(text.find("…") == std::string::npos);
  }
  SUBCASE("with room to spare columns grow past their usual width: fixed ones to twice theirs, then the flexible one") {
    TextTable t({{"Indicator", Align::Left, 10, true}, {"Target", Align::Left, 6}});
    t.add_row({"Tỷ lệ huy động trẻ nhà trẻ", "từ 80 đến 85%"});
    CHECK(t.render(100) == "Indicator                   Target\nTỷ lệ huy động trẻ nhà trẻ  từ 80 đến 85%\n");
    CHECK(t.render(30) == "Indicator         Target\nTỷ lệ huy động    từ 80 đến\ntrẻ nhà trẻ       85%\n");
  }
  SUBCASE("sections are printed as they are; no trailing spaces") {
    TextTable t({{"A", Align::Left}, {"B", Align::Left}});
    t.add_section("Mầm non");
    t.add_row({"x", ""});
    CHECK(t.render(100) == "A  B\nMầm non\nx\n");
  }
}

TEST_CASE("render_evaluate_table") {
  Diagnostics diags;
  const std::string long_name =
      "Tỷ lệ cán bộ quản lý, giáo viên trung học phổ thông có trình độ thạc sĩ trở lên đạt chuẩn theo quy định";
  auto doc = load_yaml_document("plancheck: 1\nunit: {id: u, name: \"Phường Dương Kinh\"}\nindicators:\n"
                                "  - {id: a, name: \"" + long_name + "\", stage: upper-secondary, unit: \"%\", "
                                "baseline: {year: 2024, value: 20}, targets: {2025: \"Trên 35%\", \"2029-2030\": \"khoảng 40%\"}}\n"
                                "actuals:\n  a: {2025: 25}\n", "p.yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  Plan plan = *doc.plan;
  attach_values(plan, doc.inline_values, diags);
  Report report;
  report.as_of = 2025;
  report.units.push_back(evaluate_plan(plan, 2025, {}));
  SUBCASE("within 100 columns, aligned, grouped by stage") {
    const std::string text = render_evaluate_table(report, {false, 100});
    for (const auto& l : lines(text)) CHECK_MESSAGE(display_width(l) <= 100, l);
    CHECK(text.find("Upper secondary\n") != std::string::npos);
    CHECK(text.find("    Tỷ lệ cán bộ quản lý") != std::string::npos);
    CHECK(text.find("\n      quy định\n") != std::string::npos);  // wrapped, not cut
    CHECK(text.find("\x1b[") == std::string::npos);
    const auto ls = lines(text);
    const auto row25 = std::find_if(ls.begin(), ls.end(), [](auto& l) { return l.find("Trên 35%") != std::string::npos; });
    const auto row30 = std::find_if(ls.begin(), ls.end(), [](auto& l) { return l.find("khoảng 40%") != std::string::npos; });
    REQUIRE(row25 != ls.end());
    REQUIRE(row30 != ls.end());
    CHECK(column_of(*row25, "missed") == column_of(ls[4], "Status"));
    CHECK(row30->find("2029-2030") != std::string::npos);
  }
  SUBCASE("colour only when asked") {
    const std::string text = render_evaluate_table(report, {true, 100});
    CHECK(text.find("\x1b[1;31mmissed\x1b[0m") != std::string::npos);
  }
}

TEST_CASE("json_escape") {
  CHECK(json_escape("Hà \"Đông\"\n\t\\") == "\"Hà \\\"Đông\\\"\\n\\t\\\\\"");
  CHECK(json_escape(std::string("\x01", 1)) == "\"\\u0001\"");
  SUBCASE("bytes that are not UTF-8 are U+FFFD, so the document stays UTF-8") {
    CHECK(json_escape("plans/\xff\xfe.yaml") == "\"plans/\\ufffd\\ufffd.yaml\"");
    CHECK(json_escape("Đ\xc4") == "\"Đ\\ufffd\"");
    CHECK(json_escape("\uFFFE Hà") == "\"\uFFFE Hà\"");
  }
}

TEST_CASE("markdown_escape") {
  SUBCASE("raw HTML, images, links, code spans and pipes are shown literally") {
    CHECK(markdown_escape("<script>&amp; >= 5") == "\\<script>\\&amp; >= 5");
    CHECK(markdown_escape("![x](http://e) [a]") == "!\\[x\\](http://e) \\[a\\]");
    CHECK(markdown_escape("a|b `c` d\\") == "a\\|b \\`c\\` d\\\\");
  }
  SUBCASE("line breaks flattened, controls shown escaped") {
    CHECK(markdown_escape("a\r\nb\x1b[31m") == "a  b\\\\x1b\\[31m");
  }
}

TEST_CASE("markdown_code") {
  CHECK(markdown_code("plans/a.yaml") == "`plans/a.yaml`");
  CHECK(markdown_code("a`b``c") == "```a`b``c```");
  CHECK(markdown_code("`x") == "`` `x ``");
  CHECK(markdown_code("a\nb") == "`a\\nb`");
}

TEST_CASE("github_escape_data") {
  SUBCASE("no new line, so no new workflow command") {
    CHECK(github_escape_data("50%\r\n::error::x") == "50%25%0D%0A::error::x");
  }
  SUBCASE("properties also escape : and ,") {
    CHECK(github_escape_property("a:b,c\n::error") == "a%3Ab%2Cc%0A%3A%3Aerror");
  }
}

TEST_CASE("JsonWriter") {
  JsonWriter w;
  w.begin_object().key("a").value(1).key("b").begin_array().value(0.1).value(std::optional<double>{}).end_array();
  w.key("c").value(std::nan("")).key("d").begin_object().end_object().end_object();
  CHECK(w.str() == "{\n  \"a\": 1,\n  \"b\": [\n    0.1,\n    null\n  ],\n  \"c\": null,\n  \"d\": {}\n}\n");
}
