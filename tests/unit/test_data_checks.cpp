#include <doctest/doctest.h>

#include "core/evaluation/data_checks.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// A plan (baseline year 2024, `plan_extra` added to `plan:`) with one
// indicator line and its `actuals` (inline, as a plan may carry them).
Plan load(const std::string& indicator, const std::string& actuals, const std::string& plan_extra = "") {
  Diagnostics diags;
  auto doc = load_yaml_document("plancheck: 1\nunit: {id: u, name: U}\nplan: {baseline_year: 2024" + plan_extra +
                                    "}\nindicators:\n" + indicator + "\nactuals:\n  a: " + actuals + "\n",
                                "p.yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  attach_values(*doc.plan, doc.inline_values, diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  return std::move(*doc.plan);
}

std::string check(const std::string& indicator, const std::string& actuals, const std::string& plan_extra = "") {
  const Plan plan = load(indicator, actuals, plan_extra);
  Diagnostics diags;
  check_data(plan, diags);
  diags.sort_by_location();
  return test::messages(diags);
}

const std::string kPercent = "  - {id: a, name: A, unit: \"%\", targets: {2030: 90}}";
const std::string kCount = "  - {id: a, name: A, unit: schools, targets: {2030: 200}}";

}  // namespace

TEST_CASE("flag_fractions") {
  SUBCASE("0.78 beside a baseline of 76") {
    CHECK(check("  - {id: a, name: A, unit: \"%\", baseline: {year: 2024, value: 76}, targets: {2030: 90}}",
                "{2025: 0.78}") == "p.yaml:7:13: warning: a in 2025: 0.78 looks like a fraction; did you mean 78%?\n");
  }
  SUBCASE("exactly 1 is a fraction, 1.01 is not") {
    CHECK(check(kPercent, "{2025: 1}") == "p.yaml:7:13: warning: a in 2025: 1 looks like a fraction; did you mean 100%?\n");
    CHECK(check(kPercent, "{2025: 1.01}") == "");
  }
  SUBCASE("zero is not a fraction") { CHECK(check(kPercent, "{2025: 0}") == ""); }
  SUBCASE("another value exactly 5 is not enough, 5.1 is") {
    const std::string small = "  - {id: a, name: A, unit: \"%\", better: lower, targets: {2030: 0.5}}";
    CHECK(check(small, "{2024: 5, 2025: 0.8}") == "");
    CHECK(check(small, "{2024: 5.1, 2025: 0.8}") ==
          "p.yaml:7:24: warning: a in 2025: 0.8 looks like a fraction; did you mean 80%?\n");
  }
  SUBCASE("a target above 5 is enough: every value at most 1") {
    CHECK(check(kPercent, "{2024: 0.7, 2025: 0.75}") ==
          "p.yaml:7:13: warning: a in 2024: 0.7 looks like a fraction; did you mean 70%?\n"
          "p.yaml:7:24: warning: a in 2025: 0.75 looks like a fraction; did you mean 75%?\n");
  }
  SUBCASE("values computed from a numerator and denominator are not typed") {
    CHECK(check("  - {id: a, name: A, kind: ratio, unit: \"%\", targets: {2030: 90}}",
                "{2025: {numerator: 1, denominator: 200}}") == "");
  }
  SUBCASE("only percentages") { CHECK(check("  - {id: a, name: A, unit: index, targets: {2030: 90}}", "{2025: 0.8}") == ""); }
}

TEST_CASE("flag_jumps") {
  SUBCASE("percentages: exactly 25 pp a year is plausible, 25.1 is not") {
    CHECK(check(kPercent, "{2024: 50, 2025: 75}") == "");
    CHECK(check(kPercent, "{2024: 50, 2025: 75.1}") ==
          "p.yaml:7:23: warning: a: 50.0% in 2024, then 75.1% in 2025: a change of +25.1 pp/yr, more than 25 pp/yr; "
          "check both values\n");
  }
  SUBCASE("the rate is per year: 40 pp over two years is 20 pp a year") {
    CHECK(check(kPercent, "{2023: 40, 2025: 80}") == "");
  }
  SUBCASE("from the baseline, which an actual of the same year replaces") {
    const std::string ind = "  - {id: a, name: A, unit: \"%\", baseline: {year: 2024, value: 20}, targets: {2030: 90}}";
    CHECK(check(ind, "{2025: 60}") ==
          "p.yaml:7:13: warning: a: 20.0% in 2024, then 60.0% in 2025: a change of +40.0 pp/yr, more than 25 pp/yr; "
          "check both values\n");
    CHECK(check(ind, "{2024: 50, 2025: 60}") == "");
  }
  SUBCASE("counts: more than half the earlier value, at the boundary") {
    CHECK(check(kCount, "{2024: 20, 2025: 30}") == "");  // 10 a year: exactly half of 20
    CHECK(check(kCount, "{2024: 20, 2025: 31}") ==
          "p.yaml:7:23: warning: a: 20 in 2024, then 31 in 2025: a change of +11 schools/yr, more than half of 20 and "
          "more than 5 a year; check both values\n");
  }
  SUBCASE("counts: and more than 5 a year, at the boundary") {
    CHECK(check(kCount, "{2024: 8, 2025: 13}") == "");  // 5 a year: more than half of 8, not more than 5
    CHECK(check(kCount, "{2024: 8, 2025: 14}") ==
          "p.yaml:7:22: warning: a: 8 in 2024, then 14 in 2025: a change of +6 schools/yr, more than half of 8 and "
          "more than 5 a year; check both values\n");
  }
  SUBCASE("counts falling") {
    CHECK(check(kCount, "{2024: 120, 2025: 12}") ==
          "p.yaml:7:24: warning: a: 120 in 2024, then 12 in 2025: a change of -108 schools/yr, more than half of 120 "
          "and more than 5 a year; check both values\n");
  }
  SUBCASE("neither a percentage nor a count: no limit") {
    CHECK(check("  - {id: a, name: A, unit: \"triệu đồng\", targets: {2030: 900}}", "{2024: 10, 2025: 500}") == "");
  }
  SUBCASE("a fraction is said once, not also as a jump") {
    CHECK(check(kPercent, "{2024: 76, 2025: 0.78}") ==
          "p.yaml:7:23: warning: a in 2025: 0.78 looks like a fraction; did you mean 78%?\n");
  }
}

TEST_CASE("flag_late_years") {
  SUBCASE("after the horizon, with the year probably meant") {
    CHECK(check(kPercent, "{2025: 50, 2062: 52}", ", horizon: 2030") ==
          "p.yaml:7:23: warning: a: year 2062 is after the plan's horizon 2030; did you mean 2026?\n");
  }
  SUBCASE("without a horizon, after the plan's last milestone year") {
    CHECK(check(kPercent, "{2025: 50, 2062: 52}") ==
          "p.yaml:7:23: warning: a: year 2062 is after the plan's last milestone year 2030; did you mean 2026?\n");
  }
  SUBCASE("a school year is suggested as a school year") {
    CHECK(check(kPercent, "{\"2061-2062\": 52}", ", horizon: 2030") ==
          "p.yaml:7:20: warning: a: year 2061-2062 is after the plan's horizon 2030; did you mean 2025-2026?\n");
  }
  SUBCASE("no year close enough: no suggestion") {
    CHECK(check(kPercent, "{2041: 52}", ", horizon: 2030") ==
          "p.yaml:7:13: warning: a: year 2041 is after the plan's horizon 2030\n");
  }
  SUBCASE("the horizon itself is fine") { CHECK(check(kPercent, "{2030: 52}", ", horizon: 2030") == ""); }
}

TEST_CASE("likely_year") {
  SUBCASE("neighbouring digits swapped first") { CHECK(likely_year(2062, 2024, 2030, {}) == 2026); }
  SUBCASE("a year already given is not what was meant") {
    CHECK(likely_year(2062, 2020, 2030, {2026}) == 2022);  // one digit mistyped instead
  }
  SUBCASE("one digit mistyped: the closest") {
    CHECK(likely_year(2035, 2024, 2030, {}) == 2030);
    CHECK(likely_year(2099, 2024, 2030, {}) == 2029);
  }
  SUBCASE("none within the plan's years") { CHECK(likely_year(2041, 2024, 2030, {}) == std::nullopt); }
}

TEST_CASE("plan_period") {
  SUBCASE("the horizon, else the last milestone year") {
    CHECK(plan_period(load(kPercent, "{}", ", horizon: 2035"))->last == 2035);
    CHECK(plan_period(load(kPercent, "{}"))->last == 2030);
    CHECK_FALSE(plan_period(load(kPercent, "{}"))->horizon);
  }
  SUBCASE("from the plan's baseline year") { CHECK(plan_period(load(kPercent, "{}"))->first == 2024); }
}
