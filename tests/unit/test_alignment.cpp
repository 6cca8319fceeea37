#include <doctest/doctest.h>

#include "core/evaluation/alignment.hpp"
#include "core/reading/loader.hpp"
#include "render/alignment.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

Plan load(const std::string& file, const std::string& indicators) {
  Diagnostics diags;
  auto doc = load_yaml_document("plancheck: 1\nunit: {id: " + file + ", name: U}\nplan: {baseline_year: 2024}\nindicators:\n" +
                                    indicators,
                                file + ".yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  return std::move(*doc.plan);
}

// The comparison of one indicator line's 2030 target in the lower plan with
// the same line's in the higher plan; `fields` are the indicator's other keys.
std::string compare(const std::string& fields, const std::string& lower, const std::string& higher) {
  const Plan l = load("low", "  - {id: a, name: A, " + fields + ", targets: {2030: \"" + lower + "\"}}\n");
  const Plan h = load("high", "  - {id: a, name: A, " + fields + ", targets: {2030: \"" + higher + "\"}}\n");
  const Indicator& li = l.indicators.front();
  const Indicator& hi = h.indicators.front();
  return std::string(ambition_name(compare_targets(li, li.milestones.front().target, hi, hi.milestones.front().target)));
}

const std::string kHigher = "unit: \"%\", better: higher";
const std::string kLower = "unit: \"%\", better: lower";

}  // namespace

TEST_CASE("compare_targets") {
  SUBCASE("higher is better: less, more, equal") {
    CHECK(compare(kHigher, "50%", "55%") == "less");
    CHECK(compare(kHigher, "60%", "55%") == "more");
    CHECK(compare(kHigher, ">= 55%", "55%") == "same");
    CHECK(compare(kHigher, "từ 55% trở lên", "55%") == "same");
  }
  SUBCASE("a strict bound asks more than the same inclusive one") {
    CHECK(compare(kHigher, "99.8%", "trên 99,8%") == "less");
    CHECK(compare(kHigher, "> 99.8%", "99,8%") == "more");
  }
  SUBCASE("lower is better: a ceiling") {
    CHECK(compare(kLower, "< 3%", "dưới 2%") == "less");
    CHECK(compare(kLower, "< 1%", "dưới 2%") == "more");
    CHECK(compare(kLower, "<= 2%", "< 2%") == "less");
    CHECK(compare(kLower, "dưới 2%", "< 2%") == "same");
  }
  SUBCASE("ranges compare by their side toward the good direction") {
    CHECK(compare(kHigher, "10-11%", "12-15%") == "less");
    CHECK(compare(kHigher, "12-20%", "12-15%") == "same");
    CHECK(compare(kHigher, "13%", "12-15%") == "more");
    CHECK(compare(kLower, "2-4%", "1-3%") == "less");
  }
  SUBCASE("about: its band's good side (tolerance 2 for %)") {
    CHECK(compare(kHigher, "45%", "khoảng 45%") == "more");
    CHECK(compare(kHigher, "43%", "khoảng 45%") == "same");
    CHECK(compare(kHigher, "khoảng 45%", "45%") == "less");
  }
  SUBCASE("counts and sizes are not compared") {
    CHECK(compare("unit: schools, better: higher", "30", "300") == "not-comparable");
    CHECK(compare("unit: classes, better: neither", "30", "300") == "not-comparable");
  }
  SUBCASE("milestones by stage name") {
    const std::string stages = "kind: milestone, stages: [a1, b2, c3]";
    CHECK(compare(stages, "b2", "c3") == "less");
    CHECK(compare(stages, "c3", "c3") == "same");
    CHECK(compare(stages, "c3", "a1") == "more");
  }
  SUBCASE("flags: done is the same as done") {
    CHECK(compare("kind: flag", "true", "duy trì") == "same");
    CHECK(compare("kind: flag", "đạt", "true") == "same");
  }
}

TEST_CASE("align_plans") {
  const Plan higher = load("high",
                           "  - {id: a, name: A, unit: \"%\", targets: {2025: \"50%\", 2030: \"60%\"}}\n"
                           "  - {id: b, name: B, unit: \"%\", targets: {2030: \"90%\"}}\n"
                           "  - {id: c, ref: preschool.creche-enrolment, name: C, targets: {2030: \"50%\"}}\n");
  SUBCASE("same id, same ref, a missing indicator and a missing year") {
    const Plan lower = load("low",
                            "  - {id: a, name: A, unit: \"%\", targets: {2030: \"55%\"}}\n"
                            "  - {id: mine, ref: preschool.creche-enrolment, name: C, targets: {2030: \"50%\"}}\n");
    const Alignment al = align_plans(lower, higher);
    REQUIRE(al.rows.size() == 4);
    CHECK(al.rows[0].ambition == Ambition::NoYear);
    CHECK(al.rows[1].ambition == Ambition::Less);
    CHECK(al.rows[2].ambition == Ambition::Missing);
    CHECK(al.rows[3].lower_id == "mine");
    CHECK(al.rows[3].ambition == Ambition::Same);
    Diagnostics diags;
    alignment_warnings(al, diags);
    diags.sort_by_location();
    CHECK(test::messages(diags) ==
          "low.yaml:2:7: warning: does not carry the higher plan's indicator b (B): targets 2030: \"90%\" (at "
          "high.yaml:6:49)\n"
          "low.yaml:5:49: warning: target a \"55%\" for 2030 is less ambitious than the higher plan's \"60%\" (a, at "
          "high.yaml:5:62)\n");
  }
  SUBCASE("a different stage under the same ref is not the same indicator") {
    const Plan lower = load("low", "  - {id: x, ref: preschool.creche-enrolment, stage: primary, name: C, targets: {2030: \"40%\"}}\n");
    CHECK(counterparts(lower, higher.indicators[2]).empty());
  }
}

TEST_CASE("render_alignment_markdown") {
  Alignment a{"xa.yaml", "huyen.yaml", "xa", "huyen", {}};
  SUBCASE("a higher plan without targets: the sentence in the language") {
    CHECK(render_alignment_markdown({a}, Lang::En) == "## xa.yaml (xa) against huyen.yaml (huyen)\n\nthe higher plan has no targets\n");
    CHECK(render_alignment_markdown({a}, Lang::Vi) ==
          "## xa.yaml (xa) so với huyen.yaml (huyen)\n\nkế hoạch cấp trên không có mục tiêu nào\n");
  }
  SUBCASE("headings and the comparison worded in Vietnamese, JSON's keyword in English") {
    AlignmentRow r;
    r.higher_id = "a";
    r.year_label = "2030";
    r.higher_target = "90%";
    r.ambition = Ambition::Missing;
    a.rows.push_back(r);
    CHECK(render_alignment_markdown({a}, Lang::Vi) ==
          "## xa.yaml (xa) so với huyen.yaml (huyen)\n\n"
          "| Chỉ tiêu | Năm | Cấp trên | Chỉ tiêu cấp dưới | Cấp dưới | So sánh |\n|---|---|---|---|---|---|\n"
          "| `a` | 2030 | 90% | - | - | thiếu |\n");
    CHECK(render_alignment_json({a}).find("\"comparison\": \"missing\"") != std::string::npos);
  }
}
