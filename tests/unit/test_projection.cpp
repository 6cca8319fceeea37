#include <doctest/doctest.h>

#include "core/reading/loader.hpp"
#include "render/formats.hpp"
#include "render/projection.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// One unit: a rate with targets in 2027 and 2030 and a trend of +2 a year
// from 50 in 2025; a count with no trend.
struct Fixture {
  Plan plan;
  Report report;
  Fixture() {
    Diagnostics diags;
    auto doc = load_yaml_document(
        "plancheck: 1\nunit: {id: u, name: \"Xã Hà Bắc\"}\nindicators:\n"
        "  - {id: rate, name: \"=Tỷ lệ\", unit: \"%\", targets: {2027: \">= 60%\", 2030: \">= 55%\"}}\n"
        "  - {id: count, name: Số lớp, unit: classes, targets: {2030: 40}}\n"
        "actuals:\n  rate: {2024: 48, 2025: 50}\n  count: {2025: 30}\n",
        "p.yaml", diags);
    REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
    plan = *doc.plan;
    attach_values(plan, doc.inline_values, diags);
    report.as_of = 2025;
    report.units.push_back(evaluate_plan(plan, 2025, {}));
  }
  const IndicatorResult& rate() const { return report.units[0].indicators[0]; }
  const IndicatorResult& count() const { return report.units[0].indicators[1]; }
};

}  // namespace

TEST_CASE("projection_rows") {
  Fixture f;
  SUBCASE("without --to: a row per milestone, its projection tested against its target") {
    const auto rows = projection_rows(f.report, f.rate());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].year_label == "2027");
    CHECK(rows[0].projected == doctest::Approx(54));
    CHECK(rows[0].meets == false);
    CHECK(rows[1].projected == doctest::Approx(60));
    CHECK(rows[1].meets == true);
  }
  SUBCASE("--to a milestone's year: one row with that milestone") {
    f.report.project_to = 2030;
    const auto rows = projection_rows(f.report, f.rate());
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].milestone != nullptr);
    CHECK(rows[0].milestone->milestone->year == 2030);
    CHECK(rows[0].meets == true);
  }
  SUBCASE("--to a year without a milestone: a projection, no target, no verdict") {
    f.report.project_to = 2029;
    const auto rows = projection_rows(f.report, f.rate());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].milestone == nullptr);
    CHECK(rows[0].year_label == "2029");
    CHECK(rows[0].projected == doctest::Approx(58));
    CHECK_FALSE(rows[0].meets);
  }
  SUBCASE("no trend: no projection, no verdict") {
    f.report.project_to = 2030;
    const auto rows = projection_rows(f.report, f.count());
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].projected);
    CHECK_FALSE(rows[0].meets);
  }
}

TEST_CASE("projection_csv_rows") {
  Fixture f;
  f.report.project_to = 2030;
  CHECK(projection_csv_header() ==
        "unit,unit_name,file,indicator,indicator_name,kind,indicator_unit,better,stage,group,latest_year,latest_value,"
        "trend,method,year,year_label,target,op,value,low,high,line,projected,meets_target,status\r\n");
  // A name from the file that a spreadsheet would run as a formula is defused.
  CHECK(projection_csv_rows(f.report, f.report.units[0]) ==
        "u,Xã Hà Bắc,p.yaml,rate,'=Tỷ lệ,number,%,higher,,,2025,50,2,linear,2030,2030,>= 55%,>=,55,,,4,60,true,on-track\r\n"
        "u,Xã Hà Bắc,p.yaml,count,Số lớp,number,classes,higher,,,2025,30,,linear,2030,2030,40,>=,40,,,5,,,unknown\r\n");
  f.report.project_to = 2029;
  CHECK(projection_csv_rows(f.report, f.report.units[0]).starts_with(
      "u,Xã Hà Bắc,p.yaml,rate,'=Tỷ lệ,number,%,higher,,,2025,50,2,linear,2029,2029,,,,,,,58,,\r\n"));
}

TEST_CASE("projection_markdown_unit") {
  Fixture f;
  f.report.project_to = 2030;
  CHECK(projection_markdown_head(f.report, 1, Lang::En) ==
        "# plancheck projections\n\nProjections to 2030 from data as of 2025 · linear trend · 1 unit\n\n");
  CHECK(projection_markdown_unit(f.report, f.report.units[0], Lang::En) ==
        "## Xã Hà Bắc (`u`)\n\nPlan: `p.yaml`\n\n"
        "| Indicator | Latest | Trend | Year | Target | Projected | Meets target |\n"
        "|---|--:|--:|---|---|--:|---|\n"
        "| =Tỷ lệ | 50.0% | +2.0 pp/yr | 2030 | >= 55% | 60.0% | yes |\n"
        "| Số lớp | 30 | — | 2030 | 40 | — | — |\n\n");
  f.report.project_to.reset();
  const std::string vi = projection_markdown_unit(f.report, f.report.units[0], Lang::Vi);
  CHECK(vi.find("| Chỉ tiêu | Hiện tại | Xu hướng | Năm | Mục tiêu | Dự báo | Đánh giá |") != std::string::npos);
  CHECK(vi.find("| =Tỷ lệ | 50,0% | +2,0 điểm %/năm | 2027 | >= 60% | 54,0% | **chậm tiến độ** |") != std::string::npos);
}
