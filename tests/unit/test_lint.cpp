#include <doctest/doctest.h>

#include "core/evaluation/lint.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {
std::string lint(const std::string& indicators) {
  Diagnostics diags;
  auto doc = load_yaml_document("plancheck: 1\nunit: {id: u, name: U}\nplan: {baseline_year: 2024}\nindicators:\n" + indicators,
                                "p.yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), format_diagnostic(diags.items().at(0)));
  lint_plan(*doc.plan, diags);
  return test::messages(diags);
}
}  // namespace

TEST_CASE("lint_plan") {
  SUBCASE("target weaker than baseline") {
    CHECK(lint("  - {id: a, name: A, unit: \"%\", baseline: {year: 2024, value: 48.4}, targets: {2025: \"47%\"}}\n") ==
          "p.yaml:5:86: warning: target \"47%\" for a in 2025 is already met by the baseline "
                                   "48.4% (2024): target weaker than baseline\n");
  }
  SUBCASE("maintaining a standard already reached is not weaker") {
    CHECK(lint("  - {id: a, name: A, unit: \"%\", baseline: {year: 2024, value: 100}, targets: {2030: \"duy trì 100%\"}}\n")
              == "");
  }
  SUBCASE("later milestone less ambitious") {
    CHECK(lint("  - {id: a, name: A, unit: \"%\", targets: {2025: \"trên 35%\", 2030: \"30%\"}}\n") ==
          "p.yaml:5:67: warning: target \"30%\" for a in 2030 is less ambitious than \"trên 35%\" in 2025\n");
    CHECK(lint("  - {id: a, name: A, unit: \"%\", better: lower, targets: {2025: \"< 3%\", 2030: \"< 4%\"}}\n").find("less ambitious") != std::string::npos);
    CHECK(lint("  - {id: a, name: A, unit: pupils, targets: {2025: \"~400\", 2030: \"~380\"}}\n")== "");
  }
  SUBCASE("a size with no direction is neither weaker nor less ambitious") {
    CHECK(lint("  - {id: a, name: A, unit: classes, better: neither, baseline: {year: 2024, value: 50}, "
               "targets: {2025: 50, 2030: \"45-46\"}}\n") == "");
  }
  SUBCASE("percentage outside [0, 100] and counts that are not whole") {
    CHECK(lint("  - {id: a, name: A, unit: \"%\", targets: {2030: \"105%\"}}\n") ==
          "p.yaml:5:49: warning: target \"105%\" for a in 2030 is a percentage outside [0, 100]\n");
    CHECK(lint("  - {id: a, name: A, unit: schools, targets: {2030: \"2,5\"}}\n") ==
          "p.yaml:5:53: warning: target \"2,5\" for a in 2030 is not a whole number of schools\n");
    CHECK(lint("  - {id: a, name: A, unit: index, targets: {2030: \"0,82\"}}\n")== "");
  }
  SUBCASE("count inconsistent with its percentage") {
    CHECK(lint("  - {id: a, name: A, kind: ratio, unit: \"%\", baseline: {year: 2024, numerator: 18, denominator: 79, "
               "value: \"22,78\"}, targets: {2030: 30}}\n")
              == "");
    CHECK(lint("  - {id: a, name: A, kind: ratio, unit: \"%\", baseline: {year: 2024, numerator: 18, denominator: 79, "
               "value: 25}, targets: {2030: 30}}\n") ==
          "p.yaml:5:56: warning: 18 of 79 is 22.8%, but the value written for a in 2024 is 25.0%\n");
  }
  SUBCASE("milestones out of order, and before the baseline year") {
    CHECK(lint("  - {id: a, name: A, targets: {2030: 5, 2025: 3, 2020: 1}}\n") ==
          "p.yaml:5:47: warning: milestones of a are out of order: 2025 comes after 2030\n"
          "p.yaml:5:56: warning: milestones of a are out of order: 2020 comes after 2025\n"
          "p.yaml:5:56: warning: target year 2020 for a is before the baseline year 2024\n");
  }
}
