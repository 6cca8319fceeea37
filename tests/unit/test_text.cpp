#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace plancheck;

TEST_CASE("display_width") {
  SUBCASE("Vietnamese letters are one column each, precomposed or combining") {
    CHECK(display_width("Tỷ lệ huy động") == 14);
    CHECK(display_width("Đạt") == 3);
    CHECK(display_width("a\u0301") == 1);  // a + combining acute
  }
  SUBCASE("wide characters and colour codes") {
    CHECK(display_width("中文") == 4);
    CHECK(display_width("\x1b[31mred\x1b[0m") == 3);
  }
}

TEST_CASE("pad_right and pad_left") {
  CHECK(pad_right("Đạt", 5) == "Đạt  ");
  CHECK(pad_left("Đạt", 5) == "  Đạt");
  CHECK(pad_right("toolong", 3) == "toolong");
}

TEST_CASE("truncate_to_width") {
  CHECK(truncate_to_width("Tỷ lệ huy động", 6) == "Tỷ lệ…");
  CHECK(display_width(truncate_to_width("Tỷ lệ huy động trẻ nhà trẻ", 10)) == 10);
  CHECK(truncate_to_width("short", 10) == "short");
}

TEST_CASE("fold_case") {
  CHECK(fold_case("ĐẠT") == "đạt");
  CHECK(fold_case("Trên") == "trên");
  CHECK(fold_case("Ít Nhất") == "ít nhất");
  CHECK(fold_case("ƯỚC ƠN") == "ước ơn");
}

TEST_CASE("find_invalid_utf8") {
  CHECK_FALSE(find_invalid_utf8("Hải Phòng"));
  CHECK(find_invalid_utf8("ab\xff") == 2);
  CHECK(find_invalid_utf8("\xc0\xaf") == 0);      // overlong
  CHECK(find_invalid_utf8("\xed\xa0\x80") == 0);  // surrogate
  CHECK(find_invalid_utf8("x\xe1\xbb") == 1);     // truncated
}
