#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/util/suggest.hpp"

using namespace plancheck;

TEST_CASE("normalize_for_match") {
  SUBCASE("case, Vietnamese diacritics and đ") {
    CHECK(normalize_for_match("Đơn Vị Tính") == "don-vi-tinh");
    CHECK(normalize_for_match("Hoàn thành giai đoạn 1") == "hoan-thanh-giai-doan-1");
    CHECK(normalize_for_match("THÀNH PHỐ") == "thanh-pho");
  }
  SUBCASE("decomposed accents are dropped too") {
    CHECK(normalize_for_match("xa\xcc\x83") == "xa");  // "xã" as x, a, U+0303
  }
  SUBCASE("'-', '_', '.' and spaces are one separator, runs collapsed, ends trimmed") {
    CHECK(normalize_for_match("on_track") == "on-track");
    CHECK(normalize_for_match(" on  . track ") == "on-track");
    CHECK(normalize_for_match("preschool.creche-enrolment") == "preschool-creche-enrolment");
  }
}

TEST_CASE("edit_distance") {
  SUBCASE("insertions, deletions, substitutions") {
    CHECK(edit_distance("evalute", "evaluate") == 1);
    CHECK(edit_distance("jsn", "json") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
  }
  SUBCASE("a swap of two neighbours is one edit") { CHECK(edit_distance("xa-mua", "xa-mau") == 1); }
  SUBCASE("code points, not bytes") { CHECK(edit_distance("xã", "xa") == 1); }
  SUBCASE("stops above the limit") { CHECK(edit_distance("abcdef", "uvwxyz", 2) == 3); }
}

TEST_CASE("closest_match") {
  const std::vector<std::string> statuses{"met", "on-track", "at-risk", "off-track", "missed", "unknown"};
  SUBCASE("a close word is suggested as it is written among the known ones") {
    CHECK(closest_match("ontrack", statuses) == "on-track");
    CHECK(closest_match("On Track", statuses) == "on-track");
    CHECK(closest_match("misssed", statuses) == "missed");
    CHECK(closest_match("evalute", std::vector<std::string>{"evaluate", "gaps", "validate"}) == "evaluate");
    CHECK(closest_match("jsn", std::vector<std::string>{"table", "json", "csv"}) == "json");
  }
  SUBCASE("diacritics and case do not count") {
    const std::vector<std::string> types{"commune", "ward", "xã", "phường", "thành phố"};
    CHECK(closest_match("thanh pho", types) == "thành phố");
    CHECK(closest_match("Phuong", types) == "phường");
    CHECK(closest_match("hoan thanh", std::vector<std::string>{"Chưa đánh giá", "Hoàn thành"}) == "Hoàn thành");
  }
  SUBCASE("too far: nothing") {
    CHECK_FALSE(closest_match("late", statuses));
    CHECK_FALSE(closest_match("frobnicate", std::vector<std::string>{"evaluate", "gaps", "validate"}));
    // At most max(1, length / 3) edits: "trgt" is two from "target" (6 / 3 = 2), "tgrt" three.
    CHECK(closest_match("trgt", std::vector<std::string>{"target"}) == "target");
    CHECK_FALSE(closest_match("tgrt", std::vector<std::string>{"target"}));
  }
  SUBCASE("other numbers are another thing, not a slip") {
    CHECK_FALSE(closest_match("Hoàn thành giai đoạn 2", std::vector<std::string>{"Hoàn thành giai đoạn 1"}));
    CHECK_FALSE(closest_match("schools.standard-2025", std::vector<std::string>{"schools.standard-2030"}));
    CHECK(closest_match("hoan thanh giai doan 2", std::vector<std::string>{"Hoàn thành giai đoạn 2"}) ==
          "Hoàn thành giai đoạn 2");
  }
  SUBCASE("a whole word replaced is no slip") {
    CHECK_FALSE(closest_match("a", std::vector<std::string>{"b"}));
    CHECK_FALSE(closest_match("x", std::vector<std::string>{"id"}));
  }
  SUBCASE("two equally close words: nothing") {
    // "taget" is two edits from both "targets" and "stages".
    CHECK_FALSE(closest_match("taget", std::vector<std::string>{"stages", "targets"}));
    CHECK(closest_match("taget", std::vector<std::string>{"targets", "name"}) == "targets");
  }
  SUBCASE("the closest of several near ones") {
    CHECK(closest_match("xa-mau", std::vector<std::string>{"xa-mao", "xa-mau-don", "xa-mau"}) == "xa-mau");
    CHECK(closest_match("indicator", std::vector<std::string>{"indicators", "indicator-x"}) == "indicators");
  }
  SUBCASE("nothing typed, nothing known") {
    CHECK_FALSE(closest_match("", statuses));
    CHECK_FALSE(closest_match("met", std::vector<std::string>{}));
  }
}

TEST_CASE("closest_existing") {
  const std::set<std::string> ids{"xa-mau", "xa-mao-don", "phuong-1", "phuong-2"};
  const auto exists = [&](std::string_view id) { return ids.count(std::string(id)) > 0; };
  constexpr std::string_view kSlug = "abcdefghijklmnopqrstuvwxyz0123456789-";
  SUBCASE("one edit away: a swap, a missing, an extra or a wrong letter") {
    CHECK(closest_existing("xa-mua", kSlug, exists) == "xa-mau");
    CHECK(closest_existing("xa-mu", kSlug, exists) == "xa-mau");
    CHECK(closest_existing("xa-maau", kSlug, exists) == "xa-mau");
    CHECK(closest_existing("xa-maw", kSlug, exists) == "xa-mau");
  }
  SUBCASE("normalised first: the same id written otherwise") {
    CHECK(closest_existing("Xã Mẫu", kSlug, exists) == "xa-mau");
  }
  SUBCASE("another number: nothing") { CHECK_FALSE(closest_existing("phuong-3", kSlug, exists)); }
  SUBCASE("two ids one edit away: nothing") {
    const std::set<std::string> two{"xa-mau", "xa-mai"};
    CHECK_FALSE(closest_existing("xa-ma", kSlug, [&](std::string_view id) { return two.count(std::string(id)) > 0; }));
  }
  SUBCASE("further: nothing") { CHECK_FALSE(closest_existing("xa-khac", kSlug, exists)); }
}
