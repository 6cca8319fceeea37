#include <doctest/doctest.h>

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
    diags.error({"b.yaml", 9, 1}, "b9");
    diags.warning({"a.yaml", 3, 5}, "a3.5");
    diags.error({"b.yaml", 2, 7}, "b2");
    diags.error({"a.yaml", 3, 2}, "a3.2");
    diags.error({"c.yaml", 0, 0}, "c");
    diags.sort_by_location();
    CHECK(lines(diags) == std::vector<std::string>{"b.yaml:2:7: error: b2", "b.yaml:9:1: error: b9",
                                                   "a.yaml:3:2: error: a3.2", "a.yaml:3:5: warning: a3.5", "c.yaml: error: c"});
  }
  SUBCASE("the same place keeps the order found") {
    Diagnostics diags;
    diags.error({"a.yaml", 4, 1}, "first");
    diags.warning({"a.yaml", 4, 1}, "second");
    diags.sort_by_location();
    CHECK(lines(diags) == std::vector<std::string>{"a.yaml:4:1: error: first", "a.yaml:4:1: warning: second"});
  }
  SUBCASE("the \"… and N more\" line last in its file") {
    Diagnostics diags;
    for (std::size_t i = 0; i < limits::kMaxDiagnosticsPerFile + 2; ++i)
      diags.error({"a.yaml", static_cast<int>(1000 - i), 1}, "x");
    diags.error({"b.yaml", 1, 1}, "b");
    diags.sort_by_location();
    const std::vector<std::string> got = lines(diags);
    REQUIRE(got.size() == limits::kMaxDiagnosticsPerFile + 2);
    CHECK(got[0] == "a.yaml:" + std::to_string(1001 - limits::kMaxDiagnosticsPerFile) + ":1: error: x");
    CHECK(got[limits::kMaxDiagnosticsPerFile] ==
          "a.yaml: error: … and 2 more in this file (2 errors, 0 warnings; only the first 100 are shown)");
    CHECK(got.back() == "b.yaml:1:1: error: b");
  }
  SUBCASE("many files stay in order") {
    Diagnostics diags;
    for (int i = 50000; i > 0; --i) diags.error({"f" + std::to_string(i), 1, 1}, "x");
    diags.sort_by_location();
    REQUIRE(diags.items().size() == 50000);
    CHECK(diags.items().front().where.file() == "f50000");
    CHECK(diags.items().back().where.file() == "f1");
  }
}
