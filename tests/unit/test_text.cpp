#include <doctest/doctest.h>

#include "core/util/diagnostic.hpp"
#include "core/util/text.hpp"

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

TEST_CASE("display_text") {
  SUBCASE("C0 controls and DEL escaped") {
    CHECK(display_text("a\x1b[2Jb") == "a\\x1b[2Jb");
    CHECK(display_text("x\r\ny\tz\x7f") == "x\\r\\ny\\tz\\x7f");
    CHECK(display_text(std::string("\x00", 1)) == "\\x00");
  }
  SUBCASE("C1 controls and line separators as code points") {
    CHECK(display_text("\u009b31m\u0085") == "\\u009b31m\\u0085");
    CHECK(display_text("a\u2028b\u2029") == "a\\u2028b\\u2029");
  }
  SUBCASE("bytes that are not UTF-8 as bytes") { CHECK(display_text("plan\xff\x9b.yaml") == "plan\\xff\\x9b.yaml"); }
  SUBCASE("no GitHub workflow command can start") {
    CHECK(display_text("::error file=a::forged") == ":\\x3aerror file=a:\\x3aforged");
    CHECK(display_text(":::") == ":\\x3a:");
    CHECK(display_text("##[error]x") == "##\\x5berror]x");
  }
  SUBCASE("everything else as it is") {
    CHECK(display_text("Xã \"Đặc <Biệt>\" & Co | 100%: a,b \\ 😀") == "Xã \"Đặc <Biệt>\" & Co | 100%: a,b \\ 😀");
  }
}

TEST_CASE("format_diagnostic") {
  SUBCASE("a path and a quoted value cannot forge a line") {
    const Diagnostic d{Severity::Error, {"a\nb.yaml", 3, 1},
                       Message::verbatim("value \"x\r\nb.yaml:1:1: error: forged\x1b[2J\"")};
    CHECK(format_diagnostic(d) == "a\\nb.yaml:3:1: error: value \"x\\r\\nb.yaml:1:1: error: forged\\x1b[2J\"");
  }
}
