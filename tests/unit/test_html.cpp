#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/evaluation/evaluate.hpp"
#include "core/reading/loader.hpp"
#include "core/rollup/summary.hpp"
#include "render/html_report.hpp"
#include "render/svg_chart.hpp"
#include "render/xml_escape.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

// A plan whose names carry every character HTML must escape, one indicator
// with values, one with a target only, one flag without values.
struct Fixture {
  Plan plan;
  Report report;
};

Fixture hostile_fixture() {
  Diagnostics diags;
  auto doc = load_yaml_document(
      "plancheck: 1\nunit: {id: u1, name: \"Xã <script>alert('x')</script> & \\\"Co\\\"\"}\nindicators:\n"
      "  - {id: rate.a, name: \"Tỷ lệ <b>đạt</b> & 'chuẩn'\", stage: primary, unit: \"%\", "
      "baseline: {year: 2023, value: 40.5}, targets: {2025: \">= 50%\", 2030: \"80-90%\"}}\n"
      "  - {id: count.b, name: \"Số trường\", unit: schools, targets: {2030: 8}}\n"
      "  - {id: flag.c, name: \"Có đề án\", kind: flag, targets: {2030: true}}\n"
      "actuals:\n  rate.a: {2024: 45.3, 2025: 52.1}\n",
      "plans/<odd>.yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  Fixture f{*doc.plan, {}};
  attach_values(f.plan, doc.inline_values, diags);
  f.report.as_of = 2025;
  return f;
}

std::string html_of(Fixture& f, Lang lang) {
  f.report.units = {evaluate_plan(f.plan, 2025, {})};
  return render_html(f.report, summarize(f.report, {}), lang);
}

}  // namespace

TEST_CASE("html_escape") {
  CHECK(html_escape("<script>a & \"b\" 'c'</script>") ==
        "&lt;script&gt;a &amp; &quot;b&quot; &apos;c&apos;&lt;/script&gt;");
  SUBCASE("line feeds kept, carriage returns dropped, control characters replaced") {
    CHECK(html_escape("a\r\nb\x01") == "a&#10;b\uFFFD");
    CHECK(xml_escape("a\r\n") == "a&#13;&#10;");
  }
  SUBCASE("what HTML forbids besides XML: DEL, C1 controls, noncharacters") {
    CHECK(html_escape("a\x7f\u0085\uFDD0\U0001FFFE") == "a\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(xml_escape("a\x7f\u0085") == "a\x7f\u0085");
  }
}

TEST_CASE("xml_safe_text") {
  SUBCASE("characters XML 1.0 forbids become U+FFFD") {
    CHECK(xml_safe_text(std::string("a\x1b[31mb\x00" "c", 9)) == "a\uFFFD[31mb\uFFFDc");
    CHECK(xml_safe_text(std::string("\x00", 1)) == "\uFFFD");
    CHECK(xml_safe_text("x\uFFFE\uFFFFy") == "x\uFFFD\uFFFDy");
  }
  SUBCASE("bytes that are not UTF-8 become U+FFFD, one each") { CHECK(xml_safe_text("a\xff\xc3" "b") == "a\uFFFD\uFFFDb"); }
  SUBCASE("tab, line breaks, markup and Vietnamese are kept") {
    CHECK(xml_safe_text("Tỷ lệ\t<b>\r\n&") == "Tỷ lệ\t<b>\r\n&");
  }
}

TEST_CASE("xml_escape") {
  CHECK(xml_escape("<a>\x1b\uFFFE") == "&lt;a&gt;\uFFFD\uFFFD");
}

TEST_CASE("render_html") {
  Fixture f = hostile_fixture();
  SUBCASE("hostile names are escaped, never markup") {
    const std::string html = html_of(f, Lang::En);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("Xã &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;Co&quot;") != std::string::npos);
    CHECK(html.find("Tỷ lệ &lt;b&gt;đạt&lt;/b&gt; &amp; &apos;chuẩn&apos;") != std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("plans/&lt;odd&gt;.yaml") != std::string::npos);
  }
  SUBCASE("lang attribute, charset, title") {
    CHECK(html_of(f, Lang::Vi).starts_with("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">"));
    const std::string en = html_of(f, Lang::En);
    CHECK(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(en.find("<title>plancheck report · as of 2025</title>") != std::string::npos);
  }
  SUBCASE("one chart per indicator with data, a note for the others") {
    const std::string html = html_of(f, Lang::En);
    CHECK(count(html, "class=\"chart\"") == 1);
    CHECK(count(html, "<svg class=\"chart\" data-indicator=\"rate.a\"") == 1);
    CHECK(count(html, "<p class=\"nodata\">no data</p>") == 2);
    CHECK(count(html, "<article class=\"card\"") == 3);
  }
  SUBCASE("every milestone's status, by machine name") {
    const std::string html = html_of(f, Lang::En);
    CHECK(html.find("data-status=\"met\" style=\"background:#C6EFCE\">met</span>") != std::string::npos);
    CHECK(html.find("data-status=\"on-track\"") != std::string::npos);
  }
  SUBCASE("no external URL, no script") {
    for (Lang lang : {Lang::En, Lang::Vi}) {
      const std::string html = html_of(f, lang);
      CHECK(html.find("http://") == std::string::npos);
      CHECK(html.find("https://") == std::string::npos);
      CHECK(html.find("//") == std::string::npos);
      CHECK(html.find("xmlns") == std::string::npos);
      CHECK(html.find("<script") == std::string::npos);
    }
  }
  SUBCASE("Vietnamese words and decimal comma") {
    const std::string html = html_of(f, Lang::Vi);
    CHECK(html.find("52,1%") != std::string::npos);
    CHECK(html.find("52.1%") == std::string::npos);
    CHECK(html.find("<title>Báo cáo plancheck · tính đến 2025</title>") != std::string::npos);
    CHECK(html.find(">đạt</span>") != std::string::npos);
    CHECK(html.find("<h3>I. Tiểu học</h3>") != std::string::npos);
    CHECK(html.find("chưa có số liệu") != std::string::npos);
  }
  SUBCASE("a single unit has no overview; several have one, with the roll-up") {
    CHECK(html_of(f, Lang::En).find("<section class=\"overview\">") == std::string::npos);
    f.report.units = {evaluate_plan(f.plan, 2025, {}), evaluate_plan(f.plan, 2025, {})};
    const std::string html = render_html(f.report, summarize(f.report, {}), Lang::En);
    CHECK(html.find("<section class=\"overview\"><h2>Overview</h2>") != std::string::npos);
    CHECK(html.find("Roll-up over all units") != std::string::npos);
    CHECK(html.find("<td class=\"num\">52.1% (2025)</td>") != std::string::npos);
  }
  SUBCASE("prints on A4") {
    const std::string html = html_of(f, Lang::En);
    CHECK(html.find("@page{size:A4;margin:12mm}") != std::string::npos);
    CHECK(html.find("break-inside:avoid") != std::string::npos);
  }
}

TEST_CASE("nice_ticks") {
  SUBCASE("steps of 1, 2 or 5 times a power of ten, covering the range") {
    CHECK(nice_ticks(0, 100) == std::vector<double>{0, 20, 40, 60, 80, 100});
    CHECK(nice_ticks(40.5, 90) == std::vector<double>{40, 50, 60, 70, 80, 90});
    CHECK(nice_ticks(3, 17) == std::vector<double>{0, 5, 10, 15, 20});
    CHECK(nice_ticks(0.12, 0.5) == std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5});
    CHECK(nice_ticks(-7, 3) == std::vector<double>{-10, -5, 0, 5});
  }
  SUBCASE("at most max_ticks steps") {
    CHECK(nice_ticks(0, 100, 2) == std::vector<double>{0, 50, 100});
    CHECK(nice_ticks(1, 344050).size() <= 6);
  }
  SUBCASE("one value is widened, not below zero") {
    CHECK(nice_ticks(100, 100) == std::vector<double>{80, 90, 100, 110, 120});
    CHECK(nice_ticks(0, 0) == std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1});
    CHECK(nice_ticks(-5, -5).front() < -5);
  }
  SUBCASE("bounds past kAxisLimit are clamped, NaN is 0") {
    const std::vector<double> top{0, 2e14, 4e14, 6e14, 8e14, 1e15};
    CHECK(nice_ticks(0, 1e308) == top);
    CHECK(nice_ticks(0, INFINITY) == top);
    CHECK(nice_ticks(NAN, 1e300) == top);
    CHECK(nice_ticks(-INFINITY, INFINITY) == std::vector<double>{-1e15, -5e14, 0, 5e14, 1e15});
    CHECK(nice_ticks(NAN, NAN) == std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1});
  }
}

TEST_CASE("year_ticks") {
  CHECK(year_ticks(2023, 2027) == std::vector<int>{2023, 2024, 2025, 2026, 2027});
  CHECK(year_ticks(2021, 2030) == std::vector<int>{2022, 2024, 2026, 2028, 2030});
  CHECK(year_ticks(2020, 2045) == std::vector<int>{2020, 2025, 2030, 2035, 2040, 2045});
  CHECK(year_ticks(2030, 2030) == std::vector<int>{2030});
}

TEST_CASE("LinearScale") {
  const LinearScale x{2020, 2030, 48, 312};
  CHECK(x(2020) == doctest::Approx(48));
  CHECK(x(2025) == doctest::Approx(180));
  CHECK(x(2030) == doctest::Approx(312));
  SUBCASE("a reversed range, as the y axis") {
    const LinearScale y{0, 100, 148, 8};
    CHECK(y(0) == doctest::Approx(148));
    CHECK(y(25) == doctest::Approx(113));
  }
  SUBCASE("an empty domain maps to the middle") { CHECK(LinearScale{5, 5, 0, 10}(5) == doctest::Approx(5)); }
}

TEST_CASE("target_band") {
  const ValueRange axis{0, 100};
  const auto band = [&](Op op, double value, double low = 0, double high = 0) {
    NumericTarget t;
    t.op = op;
    t.value = value;
    t.low = low;
    t.high = high;
    const ValueRange r = target_band(t, axis);
    return std::pair{r.low, r.high};
  };
  CHECK(band(Op::AtLeast, 80) == std::pair{80.0, 100.0});
  CHECK(band(Op::Above, 56) == std::pair{56.0, 100.0});
  CHECK(band(Op::AtMost, 5) == std::pair{0.0, 5.0});
  CHECK(band(Op::Below, 2) == std::pair{0.0, 2.0});
  CHECK(band(Op::Between, 82.5, 80, 85) == std::pair{80.0, 85.0});
  CHECK(band(Op::About, 80, 79, 81) == std::pair{79.0, 81.0});
  SUBCASE("clipped to the axis") {
    CHECK(band(Op::AtLeast, 120) == std::pair{100.0, 100.0});
    CHECK(band(Op::Between, 0, -10, 50) == std::pair{0.0, 50.0});
  }
}

TEST_CASE("chart_data") {
  Fixture f = hostile_fixture();
  f.report.units = {evaluate_plan(f.plan, 2025, {})};
  const IndicatorResult& rate = f.report.units[0].indicators[0];
  const ChartData d = chart_data(rate);
  SUBCASE("the plan's path: the baseline, then each milestone's target") {
    REQUIRE(d.plan_path.size() == 3);
    CHECK(d.plan_path[0].year == 2023);
    CHECK(d.plan_path[0].value == 40.5);
    CHECK(d.plan_path[1].year == 2025);
    CHECK(d.plan_path[1].value == 50);
    CHECK(d.plan_path[2].year == 2030);
  }
  SUBCASE("actual values up to the as-of year, the baseline among them") {
    REQUIRE(d.actual.size() == 3);
    CHECK(d.actual[2].year == 2025);
    CHECK(d.actual[2].value == doctest::Approx(52.1));
  }
  SUBCASE("the trend from the latest value to each later milestone") {
    REQUIRE(d.projections.size() == 1);
    CHECK(d.projections[0].first.year == 2025);
    CHECK(d.projections[0].second.year == 2030);
    CHECK(d.projections[0].second.value == doctest::Approx(*rate.milestones[1].projected));
  }
  SUBCASE("a target mark per milestone, with its status") {
    REQUIRE(d.targets.size() == 2);
    CHECK(d.targets[0].status == Status::Met);
    CHECK(d.targets[1].target.op == Op::Between);
  }
  SUBCASE("value ticks cover everything, within 0-100%") {
    const std::vector<double> ticks = value_ticks(*rate.indicator, d);
    CHECK(ticks.front() <= 40.5);
    CHECK(ticks.back() >= 90);
    CHECK(ticks.back() <= 100);
  }
  SUBCASE("a chart only with values") {
    CHECK(has_chart(rate));
    CHECK_FALSE(has_chart(f.report.units[0].indicators[1]));
  }
  SUBCASE("the svg: tick labels per language, a title") {
    const std::string vi = svg_chart(f.report, rate, Lang::Vi);
    CHECK(vi.starts_with("<svg class=\"chart\" data-indicator=\"rate.a\" viewBox=\"0 0 320 170\" role=\"img\""));
    CHECK(vi.find("<title>Biểu đồ Tỷ lệ &lt;b&gt;đạt&lt;/b&gt;") != std::string::npos);
    CHECK(vi.find(">2030</text>") != std::string::npos);
    CHECK(vi.find("class=\"trend\"") != std::string::npos);
    CHECK(vi.find("class=\"plan\"") != std::string::npos);
    CHECK(count(vi, "<circle class=\"actual\"") == 3);
    CHECK(count(vi, "<rect class=\"band\"") == 2);
    CHECK(vi.find("2024: 45,3%") != std::string::npos);
  }
  SUBCASE("an infinite projection is left out, a huge value drawn at the edge") {
    IndicatorResult wild = rate;
    wild.milestones[1].projected = INFINITY;
    wild.points.back().value = 1e300;
    const ChartData w = chart_data(wild);
    CHECK(w.projections.empty());
    CHECK(value_ticks(*wild.indicator, w).back() == kAxisLimit);
    const std::string svg = svg_chart(f.report, wild, Lang::En);
    CHECK(svg.find("class=\"trend\"") == std::string::npos);
    CHECK(svg.find("<circle class=\"actual\" cx=\"136.0\" cy=\"8.0\" r=\"3\">") != std::string::npos);  // the top
    CHECK(svg.find("inf") == std::string::npos);
  }
}
