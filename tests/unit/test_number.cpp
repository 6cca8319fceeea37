#include <doctest/doctest.h>

#include "core/util/number.hpp"

using namespace plancheck;

TEST_CASE("parse_number") {
  SUBCASE("decimal point and decimal comma") {
    CHECK(parse_number("79,3") == doctest::Approx(79.3));
    CHECK(parse_number("84.72") == doctest::Approx(84.72));
    CHECK(parse_number(" 12 ") == 12);
    CHECK(parse_number("-3.5") == -3.5);
  }
  SUBCASE("strict: no octal, hex, exponent, words or infinities") {
    CHECK(parse_number("010") == 10);
    for (auto text : {"0x1F", "1e3", "yes", "off", ".inf", "nan", "", "1,2,3", "1.2.3", "12a", "1e400"}) {
      CAPTURE(text);
      CHECK_FALSE(parse_number(text));
    }
  }
  SUBCASE("thousands groups only when allowed and unambiguous") {
    CHECK(parse_number("344.050", NumberStyle{true}) == 344050);
    CHECK(parse_number("1.234,5", NumberStyle{true}) == doctest::Approx(1234.5));
    CHECK(parse_number("12.5", NumberStyle{true}) == doctest::Approx(12.5));
    CHECK(parse_number("0.803", NumberStyle{true}) == doctest::Approx(0.803));
    CHECK(parse_number("344.050") == doctest::Approx(344.05));
    CHECK_FALSE(parse_number("1.234.56", NumberStyle{true}));
  }
}

TEST_CASE("parse_integer") {
  CHECK(parse_integer("2025") == 2025);
  CHECK(parse_integer("010") == 10);
  CHECK_FALSE(parse_integer("20.5"));
  CHECK_FALSE(parse_integer("0x10"));
}
