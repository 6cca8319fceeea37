#include <doctest/doctest.h>

#include <map>

#include "core/model/derived.hpp"
#include "core/model/formula.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

std::optional<double> eval(const std::string& text, const std::map<std::string, double>& values, bool* div0 = nullptr) {
  const auto parsed = parse_formula(text);
  REQUIRE_MESSAGE(parsed.formula, parsed.error.str(Lang::En));
  bool zero = false;
  const auto v = parsed.formula->evaluate(
      [&](const std::string& id) -> std::optional<double> {
        const auto it = values.find(id);
        return it == values.end() ? std::nullopt : std::optional(it->second);
      },
      zero);
  if (div0) *div0 = zero;
  return v;
}

struct Loaded {
  Plan plan;
  std::string messages;
};

Loaded load(const std::string& indicators, const std::string& actuals) {
  Diagnostics diags;
  auto doc = load_yaml_document("plancheck: 1\nunit: {id: u, name: U}\nindicators:\n" + indicators + "actuals:\n" + actuals,
                                "p.yaml", diags);
  Loaded r;
  if (doc.plan) {
    r.plan = *doc.plan;
    attach_values(r.plan, doc.inline_values, diags);
    if (!diags.has_errors()) derive_values(r.plan, diags);
  }
  r.messages = test::messages(diags);
  return r;
}

}  // namespace

TEST_CASE("parse_formula") {
  SUBCASE("precedence and parentheses") {
    CHECK(eval("a + b * c", {{"a", 1}, {"b", 2}, {"c", 3}}) == 7);
    CHECK(eval("(a + b) * c", {{"a", 1}, {"b", 2}, {"c", 3}}) == 9);
    CHECK(eval("a - b - c", {{"a", 10}, {"b", 2}, {"c", 3}}) == 5);
    CHECK(eval("a / b / 2", {{"a", 12}, {"b", 3}}) == 2);
    CHECK(eval("-a + 100", {{"a", 12}}) == 88);
    CHECK(eval("primary.pupils ÷ primary.classes × 100", {{"primary.pupils", 70}, {"primary.classes", 2}}) == 3500);
  }
  SUBCASE("ids may contain '-': subtraction needs spaces") {
    CHECK(eval("lower-secondary.pupils / lower-secondary.classes",
               {{"lower-secondary.pupils", 90}, {"lower-secondary.classes", 2}}) == 45);
    CHECK(parse_formula("a-b").formula->references() == std::vector<std::string>{"a-b"});
  }
  SUBCASE("a missing input gives no value; a zero divisor is flagged") {
    CHECK_FALSE(eval("a / b", {{"a", 1}}));
    bool div0 = false;
    CHECK_FALSE(eval("a / b", {{"a", 1}, {"b", 0}}, &div0));
    CHECK(div0);
  }
  SUBCASE("syntax errors quote the offending text") {
    CHECK(parse_formula("a / (b + c").error.str(Lang::En) == "has an unclosed '(' (at character 11)");
    CHECK(parse_formula("a + ").error.str(Lang::En) == "ends where a number, an indicator id or '(' was expected");
    CHECK(parse_formula("a $ b").error.str(Lang::En) == "has \"$ b\" after a complete expression");
    CHECK(parse_formula("A / b").error.str(Lang::En) == "has \"A\" where a number, an indicator id or '(' was expected");
    CHECK(parse_formula("2 * 3").error.str(Lang::En) == "refers to no indicator");
    CHECK(parse_formula(std::string(3000, '(')).error.str(Lang::En) == "is longer than 2000 characters");
    CHECK(parse_formula(std::string(150, '(') + "a" + std::string(150, ')')).error.str(Lang::En) == "is nested too deeply");
  }
}

TEST_CASE("derive_values") {
  const std::string inputs =
      "  - {id: p.pupils, name: P, unit: pupils, baseline: {year: 2024, value: 700}, targets: {2030: 1}}\n"
      "  - {id: p.classes, name: C, unit: classes, baseline: {year: 2024, value: 20}, targets: {2030: 1}}\n";
  SUBCASE("values per year where every input has one; baseline from baselines") {
    const auto r = load(inputs + "  - {id: p.per-class, name: R, formula: \"p.pupils / p.classes\", unit: pupils, "
                                 "better: lower, targets: {2030: \"<= 35\"}}\n",
                        "  p.pupils: {2025: 720, 2026: 740}\n  p.classes: {2025: 20}\n");
    CHECK(r.messages == "");
    const Indicator& d = *r.plan.find("p.per-class");
    REQUIRE(d.baseline);
    CHECK(d.baseline->year == 2024);
    CHECK(d.baseline->value == 35);
    REQUIRE(d.actuals.size() == 1);  // 2026 has no class count
    CHECK(d.actuals[0].year == 2025);
    CHECK(d.actuals[0].value == 36);
  }
  SUBCASE("formulas of formulas") {
    const auto r = load(inputs + "  - {id: a, name: A, formula: \"p.pupils / p.classes\", targets: {2030: 1}}\n"
                                 "  - {id: b, name: B, formula: \"a * 2\", targets: {2030: 1}}\n",
                        "  p.pupils: {2025: 720}\n");
    CHECK(r.messages == "");
    CHECK(r.plan.find("b")->baseline->value == 70);
  }
  SUBCASE("unknown ids, cycles, wrong kinds and division by zero are errors naming the indicator") {
    CHECK(load("  - {id: a, name: A, formula: \"b / c\", targets: {2030: 1}}\n", "  {}\n").messages ==
          "p.yaml:4:10: error: formula \"b / c\" of a refers to unknown indicator \"b\"\n"
          "p.yaml:4:10: error: formula \"b / c\" of a refers to unknown indicator \"c\"\n");
    CHECK(load("  - {id: a, name: A, formula: \"b + 1\", targets: {2030: 1}}\n"
               "  - {id: b, name: B, formula: \"a * 2\", targets: {2030: 1}}\n", "  {}\n").messages ==
          "p.yaml:4:10: error: formula \"b + 1\" of a depends on itself: a → b → a\n"
          "p.yaml:5:10: error: formula \"a * 2\" of b depends on itself: b → a → b\n");
    CHECK(load("  - {id: f, name: F, kind: flag, targets: {2030: true}}\n"
               "  - {id: a, name: A, formula: \"f * 2\", targets: {2030: 1}}\n", "  {}\n").messages ==
          "p.yaml:5:10: error: formula \"f * 2\" of a uses \"f\", a flag indicator; only number and ratio indicators "
          "have numeric values\n");
    CHECK(load(inputs + "  - {id: a, name: A, formula: \"p.pupils / p.classes\", targets: {2030: 1}}\n",
               "  p.classes: {2025: 0}\n  p.pupils: {2025: 3}\n").messages ==
          "p.yaml:6:10: error: formula \"p.pupils / p.classes\" of a divides by zero in 2025\n");
    CHECK(load(inputs + "  - {id: a, name: A, formula: \"p.pupils / p.classes\", targets: {2030: 1}}\n",
               "  a: {2025: 3}\n").messages ==
          "p.yaml:8:3: error: value for a, which is computed from its formula \"p.pupils / p.classes\"; give values "
          "for its inputs instead\n");
    CHECK(load("  - {id: a, name: A, formula: \"(b\", targets: {2030: 1}}\n", "  {}\n").messages ==
          "p.yaml:4:31: error: formula \"(b\" of a has an unclosed '(' (at character 3); a formula uses + - * / ( ), "
          "numbers and indicator ids (put spaces around '-': ids may contain it)\n");
  }
}
