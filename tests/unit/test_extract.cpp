#include <doctest/doctest.h>

#include <sstream>

#include "core/reading/extract.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// "year target stage unit [unsure]" per candidate, one a line.
std::string summary(std::string_view text) {
  std::string out;
  for (const Candidate& c : extract_commitments(text).candidates)
    out += c.year_label + " " + c.target + " " + (c.stage.empty() ? "-" : c.stage) + " " + c.unit +
           (c.unsure.empty() ? "" : " unsure") + "\n";
  return out;
}

}  // namespace

TEST_CASE("extract_commitments") {
  SUBCASE("a sentence's percentages, floors, ceilings, ranges and about") {
    CHECK(summary("KẾ HOẠCH phát triển giáo dục đến năm 2030\n"
                  "II. MỤC TIÊU\n"
                  "a) Giáo dục mầm non\n"
                  "Tỷ lệ huy động trẻ nhà trẻ đạt trên 56%; trẻ suy dinh dưỡng dưới 2%; khoảng 80% trẻ khuyết tật.\n"
                  "b) Trung học cơ sở\n"
                  "Từ 80 - 85% học sinh vào lớp 10 công lập; có ít nhất 30% số trường đạt mức độ 2.\n") ==
          "2030 trên 56% preschool %\n2030 dưới 2% preschool %\n2030 khoảng 80% preschool %\n"
          "2030 từ 80-85% lower-secondary %\n2030 ít nhất 30% lower-secondary %\n");
  }
  SUBCASE("the year: the sentence's, a lead-in's, the heading's, else the plan's term") {
    CHECK(summary("Kế hoạch giai đoạn 2021-2025, định hướng đến năm 2030\n"
                  "1. Mục tiêu\n"
                  "Đến năm 2030, 100% trường có phòng học thông minh.\n"
                  "90% giáo viên đạt chuẩn.\n"
                  "- Mục tiêu đến năm 2030:\n"
                  "+ 95% giáo viên đạt chuẩn.\n"
                  "2. Mục tiêu đến năm 2035\n"
                  "98% giáo viên đạt chuẩn; ngày 22/8/2025 không phải năm mục tiêu.\n") ==
          "2030 100% - %\n2025 90% - %\n2030 95% - %\n2035 98% - %\n");
  }
  SUBCASE("counts, one per stage a sentence lists for each level, and an index") {
    CHECK(summary("2. Mục tiêu đến năm 2030\n"
                  "Mỗi cấp học Mầm non, Tiểu học, THCS có ít nhất 01 nhà đa năng; HDI đạt trên 0,82.\n") ==
          "2030 ít nhất 1 preschool halls\n2030 ít nhất 1 primary halls\n2030 ít nhất 1 lower-secondary halls\n"
          "2030 trên 0,82 - index\n");
  }
  SUBCASE("results so far are unsure") {
    CHECK(summary("I. KẾT QUẢ ĐẠT ĐƯỢC\nNăm học 2024-2025 tỷ lệ trẻ đến trường đạt 98%.\n") == "2024-2025 98% - % unsure\n");
  }
  SUBCASE("a table with one cell a line: the header's years, the baseline column skipped") {
    CHECK(summary("Kế hoạch đến năm 2030\n\tSTT\n\tTên các chỉ tiêu\n\tHiện tại năm 2024\n\tChỉ tiêu đến năm 2025\n\n"
                  "\tChỉ tiêu đến năm 2030\n\tGhi chú\n\n\tI\n\tGIÁO DỤC MẦM NON\n\t\n\t\n\t\n\n"
                  "\t1\n\tTỷ lệ trẻ nhà trẻ\n\t48,4%\n\t47%\n\t50%\n\t\n\n"
                  "\t2\n\tSố trường đạt chuẩn mức độ II\n\t06 trường\n\t3\n\t???\n\t\n") ==
          "2025 47% preschool %\n2030 50% preschool %\n2025 3 preschool count\n2030 ??? preschool count unsure\n");
  }
  SUBCASE("a grid by school year: one forecast per cell") {
    CHECK(summary("Kế hoạch đến năm 2030\nCấp học\tMầm non\t\tTiểu học\t\n\tSố lớp\tSố HS\tSố lớp\tSố HS\n"
                  "Năm học 2025-2026\t45\t1318\t59\t2042\n") ==
          "2025-2026 ~45 preschool classes\n2025-2026 ~1318 preschool pupils\n2025-2026 ~59 primary classes\n"
          "2025-2026 ~2042 primary pupils\n");
  }
}

TEST_CASE("draft_plan_yaml") {
  const ExtractedPlan plan = extract_commitments(
      "Kế hoạch đến năm 2030\n1. Mục tiêu\nTỷ lệ trẻ nhà trẻ đạt 50%.\nTỷ lệ \"đặc biệt\" đạt 60%.\n"
      "I. KẾT QUẢ\nĐã đạt 40%.\n");
  const std::string yaml = draft_plan_yaml(plan, "xa-mau", "Xã Mẫu", "mau.txt");
  SUBCASE("the draft loads without errors and carries the catalogue's ref") {
    Diagnostics diags;
    const auto doc = load_yaml_document(yaml, "draft.yaml", diags);
    REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
    REQUIRE(doc.plan);
    REQUIRE(doc.plan->indicators.size() == 2);
    CHECK(doc.plan->indicators[0].ref == "preschool.creche-enrolment");
    CHECK(doc.plan->indicators[1].name == "Tỷ lệ \"đặc biệt\" đạt 60%.");
  }
  SUBCASE("the unsure candidate is a comment with its reason") {
    CHECK(yaml.find("  # unsure: stands in a section on results so far") != std::string::npos);
    CHECK(yaml.find("  #   targets: {2030: \"40%\"}") != std::string::npos);
  }
}

TEST_CASE("unsure_reasons") {
  for (std::string_view why : unsure_reasons()) {
    INFO(why);
    CHECK(tr(Lang::Vi, why) != why);
  }
}

TEST_CASE("draft_plan_yaml in Vietnamese") {
  const ExtractedPlan plan =
      extract_commitments("Kế hoạch đến năm 2030\n1. Mục tiêu\nTỷ lệ trẻ nhà trẻ đạt 50%.\nI. KẾT QUẢ\nĐã đạt 40%.\n");
  const std::string yaml = draft_plan_yaml(plan, "xa-mau", "Xã Mẫu", "mau.txt", Lang::Vi);
  SUBCASE("the header, the unsure heading and the reason are comments in Vietnamese") {
    CHECK(yaml.starts_with("# Bản nháp do `plancheck extract` soạn từ mau.txt — hãy đối chiếu từng chỉ tiêu với tài liệu\n"
                           "# (x-source: line = dòng của chỉ tiêu trong tài liệu),"));
    CHECK(yaml.find("\n# Các chỉ tiêu chưa chắc chắn (bỏ dấu # ở những mục tiêu thật):\n") != std::string::npos);
    CHECK(yaml.find("  # chưa chắc chắn: nằm trong phần kết quả đã đạt: có thể là giá trị đã qua, không phải mục tiêu\n") !=
          std::string::npos);
    CHECK(yaml.find("  #   x-unsure: \"nằm trong phần kết quả đã đạt") != std::string::npos);
  }
  SUBCASE("without its comments, the English draft") {
    const auto uncommented = [](const std::string& text) {
      std::string out, line;
      std::istringstream in(text);
      while (std::getline(in, line))
        if (line.find_first_not_of(' ') == std::string::npos || line[line.find_first_not_of(' ')] != '#') out += line + "\n";
      return out;
    };
    CHECK(uncommented(yaml) == uncommented(draft_plan_yaml(plan, "xa-mau", "Xã Mẫu", "mau.txt", Lang::En)));
    Diagnostics diags;
    const auto doc = load_yaml_document(yaml, "draft.yaml", diags);
    CHECK_MESSAGE(!diags.has_errors(), test::messages(diags));
  }
}
