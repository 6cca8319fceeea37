#include <doctest/doctest.h>

#include <sstream>

#include "core/reading/extract.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// "year target stage unit-or-kind [unsure]" per candidate, one a line.
std::string summary(std::string_view text) {
  std::string out;
  for (const Candidate& c : extract_commitments(text).candidates)
    out += c.year_label + " " + c.target + " " + (c.stage.empty() ? "-" : c.stage) + " " + (c.kind.empty() ? c.unit : c.kind) +
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
  SUBCASE("a table with one cell a line: the header's years, the baseline column the targets' baseline") {
    const std::string table =
        "Kế hoạch đến năm 2030\n\tSTT\n\tTên các chỉ tiêu\n\tHiện tại năm 2024\n\tChỉ tiêu đến năm 2025\n\n"
        "\tChỉ tiêu đến năm 2030\n\tGhi chú\n\n\tI\n\tGIÁO DỤC MẦM NON\n\t\n\t\n\t\n\n"
        "\t1\n\tTỷ lệ trẻ nhà trẻ\n\t48,4%\n\t47%\n\t50%\n\t\n\n"
        "\t2\n\tSố trường đạt chuẩn mức độ II\n\t06 trường\n\t3\n\t???\n\t\n\n"
        "\t3\n\tTỷ lệ trường có phòng học thông minh\n\t6\n\t50%\n\t100%\n\t\n";
    CHECK(summary(table) ==
          "2025 47% preschool %\n2030 50% preschool %\n2025 3 preschool count\n2030 ??? preschool count unsure\n"
          "2025 50% preschool %\n2030 100% preschool %\n");
    std::string baselines;
    for (const Candidate& c : extract_commitments(table).candidates)
      baselines += std::to_string(c.baseline_year) + ":" + c.baseline_value + " ";
    // A count's "06 trường" is 6; a bare 6 is not the baseline of a percentage.
    CHECK(baselines == "2024:48.4 2024:48.4 2024:6 2024:6 0: 0: ");
  }
  SUBCASE("a grid by school year: one forecast per cell") {
    CHECK(summary("Kế hoạch đến năm 2030\nCấp học\tMầm non\t\tTiểu học\t\n\tSố lớp\tSố HS\tSố lớp\tSố HS\n"
                  "Năm học 2025-2026\t45\t1318\t59\t2042\n") ==
          "2025-2026 ~45 preschool classes\n2025-2026 ~1318 preschool pupils\n2025-2026 ~59 primary classes\n"
          "2025-2026 ~2042 primary pupils\n");
  }
  SUBCASE("flags: a standard kept or reached, one per stage listed; not a custom, a negation or a heading") {
    CHECK(summary("Kế hoạch đến năm 2030\n1. Mục tiêu\n"
                  "Duy trì vững chắc phổ cập giáo dục tiểu học và THCS mức độ 3, xã đạt chuẩn xóa mù chữ mức độ 2; "
                  "Đến năm 2027, hoàn thành phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi; "
                  "giữ vững phổ cập giáo dục mầm non cho trẻ 5 tuổi, tiểu học và THCS; "
                  "duy trì phong trào rèn luyện thân thể; không thành lập quỹ mới; hướng tới đạt chuẩn ở mức độ cao.\n"
                  "a) Hoàn thiện quy hoạch mạng lưới\n") ==
          "2030 duy trì primary flag\n2030 duy trì lower-secondary flag\n2030 đạt - flag\n2027 đạt preschool flag\n"
          "2030 duy trì preschool flag\n2030 duy trì primary flag\n2030 duy trì lower-secondary flag\n");
  }
  SUBCASE("yearly targets and guarantees: every year of the period, from the plan's date") {
    CHECK(summary("Xã A, ngày 5 tháng 3 năm 2028\nKẾ HOẠCH\nPhát triển giáo dục đến năm 2030\n1. Nhiệm vụ\n"
                  "Chi cho giáo dục tối thiểu 20% tổng chi ngân sách hàng năm; trong đó ít nhất 5% cho đầu tư; "
                  "100% thôn có kế hoạch học tập hằng năm.\n"
                  "Bảo đảm không để học sinh nào phải bỏ học vì khó khăn tài chính.\n") ==
          "2028 tối thiểu 20% - %\n2029 tối thiểu 20% - %\n2030 tối thiểu 20% - %\n"
          "2028 ít nhất 5% - %\n2029 ít nhất 5% - %\n2030 ít nhất 5% - %\n2030 100% - %\n"
          "2028 0 - count\n2029 0 - count\n2030 0 - count\n");
  }
  SUBCASE("the period from the title's giai đoạn; a date in the autumn or without its month starts the next year") {
    CHECK(summary("Xã A, ngày tháng 10 năm 2027\nKẾ HOẠCH\nPhát triển giáo dục giai đoạn 2029-2030\n1. Nhiệm vụ\n"
                  "Chi tối thiểu 20% tổng chi ngân sách mỗi năm.\n") ==
          "2029 tối thiểu 20% - %\n2030 tối thiểu 20% - %\n");
    CHECK(summary("Xã A, ngày tháng năm 2028\nKẾ HOẠCH\nPhát triển giáo dục đến năm 2030\n1. Nhiệm vụ\n"
                  "Chi tối thiểu 20% tổng chi ngân sách hằng năm.\n") ==
          "2029 tối thiểu 20% - %\n2030 tối thiểu 20% - %\n");
  }
  SUBCASE("a title in capitals names the horizon and the period as well") {
    CHECK(summary("KẾ HOẠCH PHÁT TRIỂN GIÁO DỤC ĐẾN NĂM 2030\n"
                  "Tỷ lệ huy động trẻ nhà trẻ đạt 38%.\n") == "2030 38% preschool %\n");
    CHECK(summary("KẾ HOẠCH\nPHÁT TRIỂN GIÁO DỤC GIAI ĐOẠN 2029-2030\n1. Nhiệm vụ\n"
                  "Chi tối thiểu 20% tổng chi ngân sách mỗi năm.\n") ==
          "2029 tối thiểu 20% - %\n2030 tối thiểu 20% - %\n");
  }
  SUBCASE("a recognition's levels; a year before the plan's date is the past") {
    CHECK(summary("Xã A, ngày tháng năm 2026\nKẾ HOẠCH đến năm 2030\n1. Mục tiêu\n"
                  "+ Trường Mầm non A được công nhận trường chuẩn quốc gia mức độ 1 năm 2023;\n"
                  "+ Năm học 2026-2027: Trường Tiểu học B được công nhận trường đạt chuẩn quốc gia mức độ II, "
                  "bảo đảm chất lượng giáo dục cấp độ 3;\n") ==
          "2023 1 preschool level unsure\n2026-2027 2 primary level\n2026-2027 3 primary level\n");
  }
  SUBCASE("a figure shared: a second commitment joined by và, stages joined by và; every school") {
    CHECK(summary("Kế hoạch đến năm 2030\n1. Mục tiêu\n"
                  "100% trẻ em được đến trường và hoàn thành chương trình; "
                  "bảo đảm các trường học có đủ điều kiện dạy 2 buổi/ngày; cấp TH và THCS đạt 2%.\n") ==
          "2030 100% - %\n2030 100% - %\n2030 100% - %\n2030 2% primary %\n2030 2% lower-secondary %\n");
  }
  SUBCASE("a table row of words is a milestone, a cell 'Đạt' a flag, '01 TT Tin học' a count") {
    const std::string table =
        "Kế hoạch đến năm 2030\n\tSTT\n\tTên các chỉ tiêu\n\tHiện tại năm 2024\n\tChỉ tiêu đến năm 2025\n\n"
        "\tChỉ tiêu đến năm 2030\n\tGhi chú\n\n"
        "\t1\n\tMô hình trường chất lượng cao\n\tChưa đánh giá\n\tHoàn thành giai đoạn 1\n\tHoàn thành giai đoạn 2\n\t\n\n"
        "\t2\n\tTỷ lệ giáo viên đạt chuẩn\n\t100%\n\t100%\n\tĐạt\n\t\n\n"
        "\t3\n\tTrung tâm Tin học\n\t0\n\t01 TT Tin học\n\t01\n\t\n";
    CHECK(summary(table) ==
          "2025 Hoàn thành giai đoạn 1 - milestone\n2030 Hoàn thành giai đoạn 2 - milestone\n"
          "2025 100% - %\n2030 đạt - flag\n2025 1 - count\n2030 1 - count\n");
    const auto cs = extract_commitments(table).candidates;
    REQUIRE(cs.size() == 6);
    CHECK(cs[0].line == 11);  // the row's name cell
    CHECK(cs[0].stages == std::vector<std::string>{"Chưa đánh giá", "Hoàn thành giai đoạn 1", "Hoàn thành giai đoạn 2"});
    CHECK(cs[3].line == 18);
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
  SUBCASE("flags and milestones are written in the plan format's grammar and load") {
    const ExtractedPlan words = extract_commitments(
        "Kế hoạch đến năm 2030\n1. Mục tiêu\nGiữ vững danh hiệu đơn vị học tập cấp xã.\n"
        "\tSTT\n\tTên các chỉ tiêu\n\tChỉ tiêu đến năm 2025\n\tChỉ tiêu đến năm 2030\n\n"
        "\t1\n\tMô hình trường chất lượng cao\n\tĐang thực hiện\n\tHoàn thành\n\n"
        "\t2\n\tXây dựng trường chất lượng cao\n\tHoàn thành giai đoạn 1\n\tHoàn thành giai đoạn 2\n");
    const std::string draft = draft_plan_yaml(words, "xa-mau", "Xã Mẫu", "mau.txt");
    CHECK(draft.find("    kind: flag\n    targets: {2030: \"duy trì\"}") != std::string::npos);
    CHECK(draft.find("    kind: milestone\n    stages: [\"Hoàn thành giai đoạn 1\", \"Hoàn thành giai đoạn 2\"]\n"
                     "    targets: {2025: \"Hoàn thành giai đoạn 1\", 2030: \"Hoàn thành giai đoạn 2\"}") != std::string::npos);
    Diagnostics diags;
    const auto doc = load_yaml_document(draft, "draft.yaml", diags);
    REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
    REQUIRE(doc.plan);
    CHECK(doc.plan->indicators.size() == 3);  // the flag and one milestone per row
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
