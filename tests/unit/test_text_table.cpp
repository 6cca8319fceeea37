#include <doctest/doctest.h>

#include "core/util/text.hpp"
#include "render/text_table.hpp"

using namespace plancheck;

namespace {
using Lines = std::vector<std::string>;
}

TEST_CASE("wrap_cell") {
  SUBCASE("a cell that fits is kept as it is") {
    CHECK(wrap_cell("Tỷ lệ huy động", 14) == Lines{"Tỷ lệ huy động"});
    CHECK(wrap_cell("", 5) == Lines{""});
  }
  SUBCASE("on spaces, by display width (Vietnamese letters are one column)") {
    CHECK(wrap_cell("Tỷ lệ huy động trẻ nhà trẻ", 10) == Lines{"Tỷ lệ huy", "động trẻ", "nhà trẻ"});
  }
  SUBCASE("decomposed letters: a mark stays with its letter") {
    const std::string nfd = "Vie\u0302\u0323t Nam";  // Việt with combining marks
    CHECK(wrap_cell(nfd, 4) == Lines{"Vie\u0302\u0323t", "Nam"});
    CHECK(wrap_cell("Vie\u0302\u0323tnam", 3) == Lines{"Vie\u0302\u0323", "tna", "m"});
  }
  SUBCASE("a word too long for a line breaks after - / _ . where it can, else between characters") {
    CHECK(wrap_cell("preschool.creche-enrolment", 12) == Lines{"preschool.", "creche-", "enrolment"});
    CHECK(wrap_cell("Đườngkínhđầy", 5) == Lines{"Đường", "kínhđ", "ầy"});
    CHECK(wrap_cell("巴黎巴黎", 3) == Lines{"巴", "黎", "巴", "黎"});  // wide characters: two columns each
  }
  SUBCASE("leading spaces indent every line; runs of spaces inside are kept") {
    CHECK(wrap_cell("    2029-2030 x", 10) == Lines{"    2029-", "    2030 x"});
    CHECK(wrap_cell("overdue  1 task", 11) == Lines{"overdue  1", "task"});
  }
  SUBCASE("a newline is a line break") {
    CHECK(wrap_cell("a; b\nc", 10) == Lines{"a; b", "c"});
  }
  SUBCASE("colour codes take no room, are never split, and do not leak across lines") {
    CHECK(wrap_cell("\x1b[1;31mkhông đạt nữa\x1b[0m", 9) ==
          Lines{"\x1b[1;31mkhông đạt\x1b[0m", "\x1b[1;31mnữa\x1b[0m"});
    CHECK(wrap_cell("\x1b[32mđạt\x1b[0m ok", 3) == Lines{"\x1b[32mđạt\x1b[0m", "ok"});
  }
}

TEST_CASE("layout_row") {
  const std::vector<Column> cols{{"", Align::Left}, {"", Align::Right}, {"", Align::Right, 3, false, 0}};
  CHECK(layout_row(cols, {8, 5, 3}, {"Xã Hải An thuộc", "52,1%", "1"}, "  ") ==
        "  Xã Hải    52,1%  1\n"
        "  An thuộc\n");
  // Right-aligned continuation lines; a column without space before it.
  CHECK(layout_row(cols, {8, 5, 3}, {"a", "1 2 3 4", "9"}) == "a         1 2 3  9\n              4\n");
}

TEST_CASE("wrap") {
  SUBCASE("continuation lines: the text's leading spaces plus two") {
    CHECK(wrap("  Tỷ lệ huy động trẻ nhà trẻ", 14, "  ") == "    Tỷ lệ huy\n      động trẻ\n      nhà trẻ\n");
  }
  SUBCASE("a line that fits is kept whole") { CHECK(wrap("Mầm non", 100) == "Mầm non\n"); }
}

TEST_CASE("wrap_hanging") {
  CHECK(wrap_hanging("missed     Tỷ lệ huy động trẻ nhà trẻ", 26, 11) ==
        "missed     Tỷ lệ huy động\n           trẻ nhà trẻ\n");
  CHECK(wrap_hanging("           52,1% in 2026", 20, 11) == "           52,1% in\n           2026\n");
}
