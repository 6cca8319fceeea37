#include <doctest/doctest.h>

#include <set>

#include "cli/option_words.hpp"
#include "core/model/model.hpp"
#include "core/util/normalize.hpp"
#include "render/describe.hpp"

using namespace plancheck;
using namespace plancheck::cli;

TEST_CASE("status_from_word") {
  SUBCASE("the names of cli.md and the words of the tables") {
    CHECK(status_from_word("off-track") == Status::OffTrack);
    CHECK(status_from_word("off track") == Status::OffTrack);
    CHECK(status_from_word("Off_Track") == Status::OffTrack);
    CHECK(status_from_word("chậm tiến độ") == Status::OffTrack);
    CHECK(status_from_word("Chậm Tiến Độ") == Status::OffTrack);
    CHECK(status_from_word("không đạt") == Status::Missed);
    CHECK(status_from_word("đạt") == Status::Met);
    CHECK(status_from_word("đúng tiến độ") == Status::OnTrack);
    CHECK(status_from_word("có nguy cơ") == Status::AtRisk);
    CHECK(status_from_word("chưa rõ") == Status::Unknown);
  }
  SUBCASE("decomposed (NFD) as some systems send it") {
    CHECK(status_from_word("cha\u0323\u0302m tie\u0302\u0301n \u0111o\u0302\u0323") == Status::OffTrack);
  }
  SUBCASE("without diacritics") {
    CHECK(status_from_word("cham tien do") == Status::OffTrack);
    CHECK(status_from_word("KHONG DAT") == Status::Missed);
    CHECK(status_from_word("dat") == Status::Met);
    CHECK(status_from_word("chua  ro") == Status::Unknown);
  }
  SUBCASE("wrong diacritics, other words") {
    CHECK_FALSE(status_from_word("chạm tiến độ"));
    CHECK_FALSE(status_from_word("late"));
    CHECK_FALSE(status_from_word(""));
    CHECK_FALSE(status_from_word("tiến độ"));
  }
  SUBCASE("every status word of every language is read back as its status") {
    for (Status s : kAllStatuses)
      for (Lang lang : {Lang::En, Lang::Vi}) {
        CHECK(status_from_word(status_words(s, lang)) == s);
        CHECK(status_from_word(fold_diacritics(status_words(s, lang))) == s);
      }
  }
}

TEST_CASE("stage_from_word") {
  CHECK(stage_from_word("preschool") == "preschool");
  CHECK(stage_from_word("mầm non") == "preschool");
  CHECK(stage_from_word("Mầm non") == "preschool");
  CHECK(stage_from_word("mam non") == "preschool");
  CHECK(stage_from_word("Lower secondary") == "lower-secondary");
  CHECK(stage_from_word("trung hoc co so") == "lower-secondary");
  CHECK(stage_from_word("Trung học phổ thông") == "upper-secondary");
  CHECK(stage_from_word("giáo dục thường xuyên") == "continuing");
  CHECK(stage_from_word("Giao duc nghe nghiep") == "vocational");
  CHECK(stage_from_word("chung các cấp học") == "all");
  CHECK_FALSE(stage_from_word("nursery"));
  CHECK_FALSE(stage_from_word("chỉ tiêu khác"));  // the heading of indicators without a stage is no stage
  SUBCASE("every stage title is read back, and no two words collide") {
    std::set<std::string> bare;
    std::size_t words = 0;
    for (std::string_view stage : kStageNames)
      for (Lang lang : {Lang::En, Lang::Vi}) {
        CHECK(stage_from_word(stage_title(stage, lang)) == stage);
        bare.insert(fold_diacritics(stage_title(stage, lang)));
        ++words;
      }
    for (Status s : kAllStatuses)
      for (Lang lang : {Lang::En, Lang::Vi}) {
        bare.insert(fold_diacritics(status_words(s, lang)));
        ++words;
      }
    CHECK(bare.size() == words);
  }
}

TEST_CASE("status_names_list") {
  CHECK(status_names_list() == "met, on-track, at-risk, off-track, missed, unknown");
  CHECK(stage_names_list() == "preschool, primary, lower-secondary, upper-secondary, general, continuing, vocational, all");
}
