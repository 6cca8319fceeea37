#include <doctest/doctest.h>

#include "core/model/target.hpp"

using namespace plancheck;

namespace {

NumericTarget parse(std::string_view text, Better better = Better::Higher, bool percent = true,
                    std::optional<double> tolerance = std::nullopt) {
  const auto r = parse_numeric_target(text, TargetContext{better, percent, tolerance});
  REQUIRE_MESSAGE(r.target.has_value(), text);
  return *r.target;
}

void check(std::string_view text, Op op, double value, Better better = Better::Higher) {
  CAPTURE(text);
  const NumericTarget t = parse(text, better);
  CHECK(t.op == op);
  CHECK(t.value == doctest::Approx(value));
}

void check_range(std::string_view text, Op op, double low, double high, bool percent_unit = true,
                 Better better = Better::Higher) {
  CAPTURE(text);
  const NumericTarget t = parse(text, better, percent_unit);
  CHECK(t.op == op);
  CHECK(t.low == doctest::Approx(low));
  CHECK(t.high == doctest::Approx(high));
}

}  // namespace

TEST_CASE("parse_numeric_target") {
  SUBCASE("plain number: at least for higher-better, at most for lower-better") {
    for (auto text : {"95", "95%", "đạt 95%", "Đạt 95%", "95 %"}) {
      check(text, Op::AtLeast, 95);
      check(text, Op::AtMost, 95, Better::Lower);
    }
  }
  SUBCASE("at least") {
    for (auto text : {">= 95%", "≥ 95%", "tối thiểu 95%", "Tối thiểu 95%", "ít nhất 95%", "Ít nhất 95%",
                      "từ 95% trở lên", ">=95"})
      check(text, Op::AtLeast, 95);
  }
  SUBCASE("above") {
    for (auto text : {"> 95%", "trên 95%", "Trên 95%", "hơn 95%", ">95%"}) check(text, Op::Above, 95);
  }
  SUBCASE("at most") {
    for (auto text : {"<= 2%", "≤ 2%", "tối đa 2%", "không quá 2%", "Không quá 2%"})
      check(text, Op::AtMost, 2, Better::Lower);
  }
  SUBCASE("below") {
    for (auto text : {"< 2%", "dưới 2%", "Dưới 2%"}) check(text, Op::Below, 2, Better::Lower);
  }
  SUBCASE("ranges") {
    for (auto text : {"80-85%", "80–85%", "từ 80 đến 85%", "80% - 85%", "Từ 80% đến 85%", "80 - 85"})
      check_range(text, Op::Between, 80, 85);
    CHECK(parse("87%-88%").value == doctest::Approx(87.5));
  }
  SUBCASE("approximate, with the default and an explicit tolerance") {
    check_range("~80%", Op::About, 78, 82);
    check_range("khoảng 80%", Op::About, 78, 82);
    check_range("Khoảng 400", Op::About, 390, 410, false);  // 2.5 % of the value
    const NumericTarget t = parse("~80", Better::Higher, true, 5.0);
    CHECK(t.low == 75);
    CHECK(t.high == 85);
  }
  SUBCASE("maintain: at least for higher-better, at most for lower-better") {
    check("= 100%", Op::AtLeast, 100);
    check("duy trì 100%", Op::AtLeast, 100);
    check("Duy trì 0%", Op::AtMost, 0, Better::Lower);
    for (auto text : {"= 100%", "duy trì 100%", "đạt duy trì 100%", "Duy trì đạt 100%"}) {
      CAPTURE(text);
      CHECK(parse(text).maintain);
    }
    CHECK_FALSE(parse("100%").maintain);
    check("duy trì trên 95%", Op::Above, 95);
  }
  SUBCASE("a plain number or \"about\" for a size with no direction: a band") {
    check_range("80%", Op::About, 78, 82, true, Better::Neither);
    check_range("khoảng 80%", Op::About, 78, 82, true, Better::Neither);
    CHECK(parse("khoảng 80%", Better::Neither).better == Better::Neither);
  }
  SUBCASE("decimal comma and dot") {
    check("79,3%", Op::AtLeast, 79.3);
    check("84.72%", Op::AtLeast, 84.72);
    check("trên 0,82", Op::Above, 0.82);
    CHECK(parse("22,78%").percent);
  }
  SUBCASE("thousands separators only where a percentage cannot be meant") {
    CHECK(parse("344.050", Better::Higher, false).value == 344050);
    CHECK(parse("1.234.567", Better::Higher, false).value == 1234567);
    CHECK(parse("0.803", Better::Higher, false).value == doctest::Approx(0.803));
    CHECK(parse("344.050", Better::Higher, true).value == doctest::Approx(344.05));
    CHECK_FALSE(parse_numeric_target("1.234.56", TargetContext{Better::Higher, false, {}}).target);
  }
  SUBCASE("rejected texts say what was wrong") {
    for (auto text : {"???", "", "Đạt", "abc", "95%%", "> ", "80-", "0x1F", "1e3", "yes", "trên 95 người"}) {
      CAPTURE(text);
      const auto r = parse_numeric_target(text, TargetContext{});
      CHECK_FALSE(r.target);
      CHECK(r.error.str(Lang::En) == "is not a number, a range or a comparison");
    }
  }
  SUBCASE("leading zeros are decimal, never octal") { check("010", Op::AtLeast, 10); }
}

TEST_CASE("op_symbol") {
  CHECK(op_symbol(Op::AtLeast) == ">=");
  CHECK(op_symbol(Op::Above) == ">");
  CHECK(op_symbol(Op::AtMost) == "<=");
  CHECK(op_symbol(Op::Below) == "<");
  CHECK(op_symbol(Op::Between) == "range");
  CHECK(op_symbol(Op::About) == "~");
}

TEST_CASE("satisfies") {
  SUBCASE("strict bounds are strict, within 1e-9 counts as on the bound") {
    const NumericTarget above = parse("> 56%");
    CHECK_FALSE(satisfies(above, 56));
    CHECK_FALSE(satisfies(above, 56 + 1e-10));
    CHECK(satisfies(above, 56.001));
    const NumericTarget at_least = parse(">= 56%");
    CHECK(satisfies(at_least, 56));
    CHECK(satisfies(at_least, 56 - 1e-10));
    CHECK_FALSE(satisfies(at_least, 55.99));
    const NumericTarget below = parse("< 2%", Better::Lower);
    CHECK_FALSE(satisfies(below, 2));
    CHECK(satisfies(below, 1.99));
  }
  SUBCASE("ranges include both bounds; only a size is bounded on both sides") {
    const NumericTarget size = parse("80-85%", Better::Neither);
    CHECK(satisfies(size, 80));
    CHECK(satisfies(size, 85));
    CHECK_FALSE(satisfies(size, 85.01));
    CHECK_FALSE(satisfies(size, 79.99));
    const NumericTarget higher = parse("80-85%");
    CHECK(satisfies(higher, 99));
    CHECK_FALSE(satisfies(higher, 79.99));
    const NumericTarget lower = parse("80-85%", Better::Lower);
    CHECK(satisfies(lower, 10));
    CHECK_FALSE(satisfies(lower, 85.01));
  }
}

TEST_CASE("parse_target_year") {
  SUBCASE("a year") {
    const auto y = parse_target_year("2030");
    REQUIRE(y);
    CHECK(y->year == 2030);
    CHECK(y->label == "2030");
  }
  SUBCASE("a school year is its end year, shown as written") {
    const auto y = parse_target_year("2026-2027");
    REQUIRE(y);
    CHECK(y->year == 2027);
    CHECK(y->label == "2026-2027");
  }
  SUBCASE("rejected") {
    for (auto text : {"2026-2028", "20x5", "1899", "2101", "-2025", "2025-", "", "2025.5"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_target_year(text));
    }
  }
}
