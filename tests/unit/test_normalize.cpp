#include <doctest/doctest.h>

#include "core/util/normalize.hpp"

using namespace plancheck;

TEST_CASE("canonical_fold") {
  SUBCASE("NFC and NFD of a Vietnamese word are one text") {
    const std::string nfc = "ch\u1EADm ti\u1EBFn \u0111\u1ED9";                        // chậm tiến độ
    const std::string nfd = "cha\u0323\u0302m tie\u0302\u0301n \u0111o\u0302\u0323";  // marks in another order
    CHECK(canonical_fold(nfc) == canonical_fold(nfd));
    CHECK(canonical_fold(nfc) == "cha\u0323\u0302m tie\u0302\u0301n \u0111o\u0323\u0302");
  }
  SUBCASE("case does not matter, Đ included") {
    CHECK(canonical_fold("CHẬM TIẾN ĐỘ") == canonical_fold("chậm tiến độ"));
    CHECK(canonical_fold("Mầm Non") == canonical_fold("mầm non"));
  }
  SUBCASE("a precomposed letter with a further mark equals the fully composed one") {
    CHECK(canonical_fold("\u00EA\u0301") == canonical_fold("\u1EBF"));  // ê + acute = ế
  }
  SUBCASE("different tones stay different") {
    CHECK(canonical_fold("chạm") != canonical_fold("chậm"));
  }
  SUBCASE("other text is only case-folded; bad bytes read as U+FFFD") {
    CHECK(canonical_fold("Off-Track 2030") == "off-track 2030");
    CHECK(canonical_fold("a\xff") == "a\uFFFD");
  }
}

TEST_CASE("fold_diacritics") {
  CHECK(fold_diacritics("Chậm Tiến Độ") == "cham tien do");
  CHECK(fold_diacritics("cha\u0323\u0302m") == "cham");
  CHECK(fold_diacritics("Giáo dục thường xuyên") == "giao duc thuong xuyen");
  CHECK(fold_diacritics("Đường Kinh") == "duong kinh");
  CHECK(fold_diacritics("cham tien do") == "cham tien do");
}

TEST_CASE("slug_from_name") {
  CHECK(slug_from_name("Hà Bắc") == "ha-bac");
  CHECK(slug_from_name("Xã Hà Bắc") == "xa-ha-bac");
  CHECK(slug_from_name("  Phường Đồng Hòa (mới), 2025 ") == "phuong-dong-hoa-moi-2025");
  CHECK(slug_from_name("ĐẠI HỢP") == "dai-hop");
  CHECK(slug_from_name("---") == "");
  CHECK(slug_from_name("北京") == "");
}
