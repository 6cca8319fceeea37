#include <doctest/doctest.h>

#include <fmt/format.h>
#include <string>
#include <vector>

#include "core/util/diagnostic.hpp"
#include "core/reading/limits.hpp"

using namespace plancheck;

namespace {

std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(format_diagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("Diagnostics::sort_by_location") {
  SUBCASE("files in order of first appearance, then line and column") {
    Diagnostics diags;
    diags.error({"b.yaml", 9, 1}, Message::verbatim("b9"));
    diags.warning({"a.yaml", 3, 5}, Message::verbatim("a3.5"));
    diags.error({"b.yaml", 2, 7}, Message::verbatim("b2"));
    diags.error({"a.yaml", 3, 2}, Message::verbatim("a3.2"));
    diags.error({"c.yaml", 0, 0}, Message::verbatim("c"));
    diags.sort_by_location();
    CHECK(lines(diags) == std::vector<std::string>{"b.yaml:2:7: error: b2", "b.yaml:9:1: error: b9",
                                                   "a.yaml:3:2: error: a3.2", "a.yaml:3:5: warning: a3.5", "c.yaml: error: c"});
  }
  SUBCASE("the same place keeps the order found") {
    Diagnostics diags;
    diags.error({"a.yaml", 4, 1}, Message::verbatim("first"));
    diags.warning({"a.yaml", 4, 1}, Message::verbatim("second"));
    diags.sort_by_location();
    CHECK(lines(diags) == std::vector<std::string>{"a.yaml:4:1: error: first", "a.yaml:4:1: warning: second"});
  }
  SUBCASE("the \"… and N more\" line last in its file") {
    Diagnostics diags;
    for (std::size_t i = 0; i < limits::kMaxDiagnosticsPerFile + 2; ++i)
      diags.error({"a.yaml", static_cast<int>(1000 - i), 1}, Message::verbatim("x"));
    diags.error({"b.yaml", 1, 1}, Message::verbatim("b"));
    diags.sort_by_location();
    const std::vector<std::string> got = lines(diags);
    REQUIRE(got.size() == limits::kMaxDiagnosticsPerFile + 2);
    CHECK(got[0] == "a.yaml:" + std::to_string(1001 - limits::kMaxDiagnosticsPerFile) + ":1: error: x");
    CHECK(got[limits::kMaxDiagnosticsPerFile] ==
          "a.yaml: error: … and 2 more in this file (2 errors, 0 warnings; only the first 100 are shown)");
    CHECK(got.back() == "b.yaml:1:1: error: b");
    CHECK(format_diagnostic(diags.items()[limits::kMaxDiagnosticsPerFile], Lang::Vi) ==
          "a.yaml: error: … và 2 thông báo khác trong tệp này (2 lỗi, 0 cảnh báo; chỉ hiện 100 thông báo đầu tiên)");
  }
  SUBCASE("many files stay in order") {
    Diagnostics diags;
    for (int i = 50000; i > 0; --i) diags.error({fmt::format("f{}", i), 1, 1}, Message::verbatim("x"));
    diags.sort_by_location();
    REQUIRE(diags.items().size() == 50000);
    CHECK(diags.items().front().where.file() == "f50000");
    CHECK(diags.items().back().where.file() == "f1");
  }
}

TEST_CASE("Message") {
  SUBCASE("a phrase and its arguments, worded in each language") {
    const Message m = msg("duplicate key \"{}\" in {} (first at line {}); only one may be given", std::string("name"),
                          msg("indicator {}", std::string("preschool.x")), 3);
    CHECK(m.str(Lang::En) == "duplicate key \"name\" in indicator preschool.x (first at line 3); only one may be given");
    CHECK(m.str(Lang::Vi) ==
          "khóa \"name\" bị lặp trong chỉ tiêu preschool.x (lần đầu ở dòng 3); chỉ được khai báo một lần");
    CHECK(m.phrase() == "duplicate key \"{}\" in {} (first at line {}); only one may be given");
  }
  SUBCASE("fragments nest, each in the message's language") {
    const Message what = msg("baseline of {}", std::string("x"));
    const Message m = msg("{} must be {}, found {}", msg("\"{}\" of {}", std::string("year"), what), msg("a value"),
                          msg("a list"));
    CHECK(m.str(Lang::En) == "\"year\" of baseline of x must be a value, found a list");
    CHECK(m.str(Lang::Vi) == "\"year\" của hiện trạng của x phải là một giá trị, nhưng đang là một danh sách");
  }
  SUBCASE("numbers keep their format specs") {
    const Message m = msg("the file is {:.1f} MB; plan and data files are limited to {} MB", 70.04, 64u);
    CHECK(m.str(Lang::En) == "the file is 70.0 MB; plan and data files are limited to 64 MB");
    CHECK(m.str(Lang::Vi) == "tệp có dung lượng 70.0 MB; tệp kế hoạch và tệp số liệu tối đa 64 MB");
  }
  SUBCASE("the user's text is never translated, even when it is a phrase") {
    CHECK(msg("unit id \"{}\" must be a slug of a-z, 0-9 and '-'", std::string("a value")).str(Lang::Vi) ==
          "mã đơn vị \"a value\" phải là chuỗi chỉ gồm a-z, 0-9 và '-'");
    CHECK(Message::verbatim("a value").str(Lang::Vi) == "a value");
  }
  SUBCASE("a library's text is translated when the table knows it") {
    CHECK(Message::foreign("No such file or directory").str(Lang::Vi) == "không có tệp hoặc thư mục này");
    CHECK(Message::foreign("a message nobody wrote down").str(Lang::Vi) == "a message nobody wrote down");
  }
  SUBCASE("per-language text made by our formatting helpers") {
    const Message m = Message::per_lang([](Lang l) { return std::string(l == Lang::Vi ? "52,1%" : "52.1%"); });
    CHECK(m.str(Lang::En) == "52.1%");
    CHECK(m.str(Lang::Vi) == "52,1%");
  }
  SUBCASE("a phrase that does not fit its arguments never throws: the English, as written") {
    const Message m = msg("{} more {}", 3);  // one argument short
    CHECK(m.str(Lang::Vi) == "{} more {}");
    CHECK(m.str(Lang::En) == "{} more {}");
  }
  SUBCASE("escaped braces are text") {
    CHECK(msg("yearly: {{month: {}}}", 6).str(Lang::En) == "yearly: {month: 6}");
  }
  SUBCASE("empty until given a phrase or text") {
    CHECK(Message().empty());
    CHECK(Message().str(Lang::Vi).empty());
    CHECK_FALSE(msg("none").empty());
    CHECK_FALSE(Message::verbatim("").empty());
  }
}

TEST_CASE("format_diagnostic") {
  Diagnostics diags;
  diags.error({"plan.yaml", 3, 5}, msg("unknown key \"{}\"{} in {}; accepted keys: {}", std::string("x"), Message(),
                                     msg("unit"), std::string("id, name")));
  diags.warning({"plan.yaml", 9, 1}, msg("milestones of {} are out of order: {} comes after {}", std::string("a"),
                                         std::string("2027"), std::string("2030")));
  SUBCASE("the place and the words error and warning stay as tools parse them") {
    CHECK(format_diagnostic(diags.items()[0], Lang::Vi) ==
          "plan.yaml:3:5: error: khóa \"x\" không hợp lệ trong đơn vị; các khóa được chấp nhận: id, name");
    CHECK(format_diagnostic(diags.items()[1], Lang::Vi) ==
          "plan.yaml:9:1: warning: các mốc của a không theo thứ tự: 2027 đứng sau 2030");
  }
  SUBCASE("English by default") {
    CHECK(format_diagnostic(diags.items()[0]) ==
          "plan.yaml:3:5: error: unknown key \"x\" in unit; accepted keys: id, name");
  }
}
