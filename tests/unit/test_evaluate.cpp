#include <doctest/doctest.h>

#include <cmath>
#include <fmt/format.h>

#include "core/evaluation/evaluate.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// A one-indicator plan: `indicator` is the YAML body of the indicator (flow
// mapping fields), `values` the actuals as a flow mapping.
struct Fixture {
  Plan plan;
  explicit Fixture(const std::string& indicator, const std::string& values = "") {
    std::string text = "plancheck: 1\nunit: {id: u, name: U}\nindicators:\n  - {id: i, name: I, " + indicator + "}\n";
    if (!values.empty()) text += "actuals:\n  i: " + values + "\n";
    Diagnostics diags;
    auto doc = load_yaml_document(text, "t.yaml", diags);
    REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
    plan = *doc.plan;
    attach_values(plan, doc.inline_values, diags);
    REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  }
  IndicatorResult eval(std::optional<int> as_of, EvaluationOptions opts = {}) const {
    return evaluate_indicator(plan.indicators.at(0), as_of, opts);
  }
};

MilestoneResult only(const IndicatorResult& r) {
  REQUIRE(r.milestones.size() == 1);
  return r.milestones[0];
}

}  // namespace

TEST_CASE("evaluate_indicator") {
  SUBCASE("higher is better, every number of semantics.md") {
    const Fixture f(R"(unit: "%", baseline: {year: 2024, value: 48.4}, targets: {2030: "> 56%"})", "{2025: 50.2, 2026: 52.1}");
    const IndicatorResult r = f.eval(2026);
    CHECK(r.latest->year == 2026);
    CHECK(*r.trend == doctest::Approx(1.85));
    const MilestoneResult m = only(r);
    CHECK_FALSE(m.met);
    CHECK(*m.gap == doctest::Approx(3.9));
    CHECK_FALSE(m.gap_units);
    CHECK(*m.progress == doctest::Approx(3.7 / 7.6));
    CHECK(*m.expected == doctest::Approx(48.4 + 7.6 * 2 / 6));
    CHECK(*m.schedule == doctest::Approx(52.1 - (48.4 + 7.6 * 2 / 6)));
    CHECK(*m.projected == doctest::Approx(59.5));
    CHECK(*m.required_pace == doctest::Approx(0.975));
    CHECK(*m.pace_ratio == doctest::Approx(1.85 / 0.975));
    CHECK(m.attainment_year == 2029);
    CHECK(m.status == Status::OnTrack);
    CHECK(r.status == Status::OnTrack);
  }
  SUBCASE("lower is better: gap above the ceiling, schedule sign flipped, strict bound") {
    const Fixture f(R"(unit: "%", better: lower, baseline: {year: 2024, value: 3.2}, targets: {2030: "< 2%"})",
                    "{2025: 3.0, 2026: 2.6}");
    const MilestoneResult m = only(f.eval(2026));
    CHECK(*m.gap == doctest::Approx(0.6));
    CHECK(*m.progress == doctest::Approx(0.5));
    CHECK(*m.expected == doctest::Approx(2.8));
    CHECK(*m.schedule == doctest::Approx(0.2));
    CHECK(*m.projected == doctest::Approx(1.4));
    CHECK(*m.required_pace == doctest::Approx(-0.15));
    CHECK(*m.pace_ratio == doctest::Approx(2.0));
    CHECK(m.attainment_year == 2029);  // 2028 gives exactly 2.0, not below 2
    CHECK(m.status == Status::OnTrack);
  }
  SUBCASE("pace ratio exactly 0.6 is at-risk, just below is off-track") {
    const Fixture at(R"(unit: "%", baseline: {year: 2024, value: 50}, targets: {2030: ">= 78"})", "{2025: 53}");
    const MilestoneResult m = only(at.eval(2025));
    CHECK(*m.pace_ratio == doctest::Approx(0.6));
    CHECK(m.status == Status::AtRisk);
    const Fixture below(R"(unit: "%", baseline: {year: 2024, value: 50}, targets: {2030: ">= 78.1"})", "{2025: 53}");
    CHECK(only(below.eval(2025)).status == Status::OffTrack);
  }
  SUBCASE("a projection exactly on the target: on-track for >=, not for >") {
    const Fixture ge(R"(unit: "%", baseline: {year: 2024, value: 50}, targets: {2030: ">= 68"})", "{2025: 53}");
    CHECK(only(ge.eval(2025)).status == Status::OnTrack);
    const Fixture gt(R"(unit: "%", baseline: {year: 2024, value: 50}, targets: {2030: "> 68"})", "{2025: 53}");
    const MilestoneResult m = only(gt.eval(2025));
    CHECK(*m.pace_ratio == doctest::Approx(1.0));
    CHECK(m.status == Status::AtRisk);
  }
  SUBCASE("projections are clamped to 100 % and to zero for counts") {
    const Fixture pct(R"(unit: "%", baseline: {year: 2024, value: 90}, targets: {2030: "100%"})", "{2025: 98}");
    const MilestoneResult m = only(pct.eval(2025));
    CHECK(*m.projected == 100);
    CHECK(m.status == Status::OnTrack);
    const Fixture count(R"(unit: schools, better: lower, baseline: {year: 2024, value: 5}, targets: {2030: "<= 1"})", "{2025: 3}");
    CHECK(*only(count.eval(2025)).projected == 0);
  }
  SUBCASE("a single data point: no trend, unknown with a reason") {
    const Fixture f(R"(unit: "%", targets: {2030: 60})", "{2025: 52}");
    const MilestoneResult m = only(f.eval(2025));
    CHECK(*m.gap == 8);
    CHECK_FALSE(m.projected);
    CHECK_FALSE(m.progress);
    CHECK_FALSE(m.expected);
    CHECK(m.status == Status::Unknown);
    CHECK(m.reason == "needs at least two values in distinct years for a trend");
  }
  SUBCASE("a baseline in the same year as an actual: the actual wins") {
    const Fixture f(R"(unit: "%", baseline: {year: 2025, value: 40}, targets: {2030: 60})", "{2025: 45}");
    const IndicatorResult r = f.eval(2025);
    REQUIRE(r.points.size() == 1);
    CHECK(r.latest->value == 45);
    CHECK(*only(r).progress == doctest::Approx(0.25));
    CHECK(only(r).status == Status::Unknown);
  }
  SUBCASE("--window: N years back from the latest year") {
    const Fixture f(R"(unit: "%", targets: {2030: 90})", "{2022: 10, 2023: 20, 2024: 50, 2025: 52, 2026: 54}");
    CHECK(*f.eval(2026).trend == doctest::Approx(12));
    CHECK(*f.eval(2026, {std::nullopt, Method::Linear, 2, std::nullopt}).trend == doctest::Approx(2.0));
    const IndicatorResult one = f.eval(2026, {std::nullopt, Method::Linear, 0, std::nullopt});
    CHECK_FALSE(one.trend);
    CHECK(only(one).status == Status::Unknown);
  }
  SUBCASE("as-of: later values are ignored, due milestones are met or missed") {
    const Fixture f(R"(unit: "%", targets: {2025: 50, 2030: 60})", "{2024: 45, 2025: 48, 2026: 61}");
    const IndicatorResult r = f.eval(2025);
    CHECK(r.latest->value == 48);
    CHECK(r.milestones[0].status == Status::Missed);
    CHECK(r.status == Status::Missed);  // the next milestone is 2025 itself
    const IndicatorResult later = f.eval(2026);
    CHECK(later.milestones[0].status == Status::Met);
    CHECK(later.milestones[1].status == Status::Met);
    const IndicatorResult between = f.eval(2024);
    CHECK(between.milestones[0].status == Status::Unknown);
  }
  SUBCASE("the indicator's status is its next milestone's") {
    const Fixture f(R"(unit: "%", targets: {2025: 50, 2030: 60})", "{2024: 40, 2025: 44, 2026: 48}");
    const IndicatorResult r = f.eval(2026);
    CHECK(r.milestones[0].status == Status::Missed);
    CHECK(r.milestones[1].status == Status::OnTrack);
    CHECK(r.status == Status::OnTrack);
  }
  SUBCASE("no data at all") {
    const Fixture f(R"(unit: "%", targets: {2030: 60})");
    const IndicatorResult r = f.eval(std::nullopt);
    CHECK(only(r).status == Status::Unknown);
    CHECK(only(r).reason == "no value up to the as-of year");
    CHECK_FALSE(only(r).gap);
  }
}

TEST_CASE("gap_units") {
  const auto units = [](const std::string& target, const std::string& value) {
    const Fixture f("kind: ratio, unit: \"%\", targets: {2030: \"" + target + "\"}", "{2025: " + value + "}");
    return only(f.eval(2025)).gap_units;
  };
  CHECK(units(">= 80%", "{numerator: 5, denominator: 8}") == 2.0);   // ceil(6.4 - 5)
  CHECK(units(">= 75%", "{numerator: 5, denominator: 8}") == 1.0);   // exactly 6 needed
  CHECK(units("> 75%", "{numerator: 5, denominator: 8}") == 2.0);    // more than 6: 7
  CHECK(units(">= 30%", "{numerator: 18, denominator: 79}") == 6.0); // ceil(23.7 - 18)
  CHECK(units("80-85%", "{numerator: 5, denominator: 8}") == 2.0);
  CHECK(units("<= 10%", "{numerator: 3, denominator: 10}") == 2.0);  // ceilings: things to remove
  CHECK(units(">= 50%", "{numerator: 5, denominator: 8}") == 0.0);   // met
  CHECK_FALSE(units(">= 80%", "62.5"));                              // no counts given
}

TEST_CASE("ranges, approximate targets, milestones and flags") {
  SUBCASE("a range: distance to the bound that counts") {
    const Fixture below(R"(unit: "%", targets: {2030: "80-85%"})", "{2025: 62.5}");
    CHECK(*only(below.eval(2025)).gap == doctest::Approx(17.5));
    // Higher is better: exceeding the range is never a failure (1.1 §3).
    const Fixture above(R"(unit: "%", targets: {2030: "80-85%"})", "{2024: 92, 2025: 90}");
    CHECK(only(above.eval(2025)).status == Status::Met);
    // A size with no direction: a two-sided band, moving towards 85.
    const Fixture size(R"(unit: "%", better: neither, targets: {2030: "80-85%"})", "{2024: 92, 2025: 90}");
    const MilestoneResult m = only(size.eval(2025));
    CHECK(*m.gap == doctest::Approx(5));
    CHECK(*m.required_pace == doctest::Approx(-1));
  }
  SUBCASE("approximate: within the tolerance is met") {
    const Fixture f(R"(unit: "%", targets: {2030: "khoảng 80%"})", "{2025: 77}");
    CHECK(*only(f.eval(2025)).gap == doctest::Approx(1));
    const Fixture in(R"(unit: "%", targets: {2030: "khoảng 80%"})", "{2025: 78.5}");
    CHECK(only(in.eval(2025)).status == Status::Met);
  }
  SUBCASE("milestones: stages to go, judged on the plan's schedule") {
    const Fixture f(R"(kind: milestone, stages: [a, b, c, d], baseline: {year: 2024, value: a}, targets: {2025: b, 2027: d})",
                    "{2025: b, 2026: b}");
    const IndicatorResult r = f.eval(2026);
    CHECK(r.milestones[0].status == Status::Met);
    // The path runs a (2024) → b (2025) → d (2027): c expected in 2026.
    CHECK(*r.milestones[1].expected == 2);
    CHECK(*r.milestones[1].schedule == -1);
    CHECK(r.milestones[1].status == Status::AtRisk);
    CHECK(*r.milestones[1].gap == 2);
    CHECK(*r.milestones[1].progress == doctest::Approx(1.0 / 3));
    CHECK_FALSE(r.milestones[1].required_pace);
    CHECK_FALSE(r.trend);
    const IndicatorResult late = f.eval(2027);
    CHECK(late.milestones[1].status == Status::Missed);
  }
  SUBCASE("flags: done or not, no path before the deadline") {
    const Fixture f("kind: flag, baseline: {year: 2024, value: false}, targets: {2030: true}", "{2025: false}");
    const MilestoneResult m = only(f.eval(2025));
    CHECK(m.status == Status::Unknown);
    CHECK(m.reason == "a yes/no target has no path");
    CHECK(*m.gap == 1);
    CHECK_FALSE(m.expected);  // no path, so nothing expected on it
    CHECK_FALSE(m.schedule);
    const Fixture done("kind: flag, targets: {2025: true}", "{2025: true}");
    CHECK(only(done.eval(2025)).status == Status::Met);
  }
}

TEST_CASE("evaluate_indicator: about and range targets follow better") {
  const auto status = [](const std::string& better, const std::string& target, double v) {
    const Fixture f("unit: \"%\", better: " + better + ", targets: {2025: \"" + target + "\"}", fmt::format("{{2025: {}}}", v));
    return only(f.eval(2025)).status;
  };
  SUBCASE("higher: from the lower edge up") {
    CHECK(status("higher", "khoảng 80%", 90) == Status::Met);
    CHECK(status("higher", "khoảng 80%", 78) == Status::Met);  // 80 - 2, the tolerance edge
    CHECK(status("higher", "khoảng 80%", 77.99) == Status::Missed);
    CHECK(status("higher", "80-85%", 99) == Status::Met);
    CHECK(status("higher", "80-85%", 79.99) == Status::Missed);
  }
  SUBCASE("lower: up to the upper edge") {
    CHECK(status("lower", "khoảng 5%", 1) == Status::Met);
    CHECK(status("lower", "khoảng 5%", 7) == Status::Met);
    CHECK(status("lower", "khoảng 5%", 7.01) == Status::Missed);
    CHECK(status("lower", "3-5%", 0.5) == Status::Met);
  }
  SUBCASE("neither: a two-sided band, a plain number is a band too") {
    CHECK(status("neither", "khoảng 80%", 90) == Status::Missed);
    CHECK(status("neither", "khoảng 80%", 82) == Status::Met);
    CHECK(status("neither", "80%", 81.5) == Status::Met);
    CHECK(status("neither", "80%", 83) == Status::Missed);
  }
  SUBCASE("neither: direction towards the band, no schedule inside it") {
    const Fixture above("unit: classes, better: neither, baseline: {year: 2024, value: 30}, targets: {2030: \"khoảng 40\"}",
                        "{2025: 50}");
    const MilestoneResult m = only(above.eval(2025));
    CHECK(*m.gap == doctest::Approx(50 - 41));  // 40 + 2.5 % of 40
    CHECK(*m.required_pace == doctest::Approx((41 - 50) / 5.0));
    // Expected 30 + 10/6 in 2025; above the band, ahead means down.
    CHECK(*m.schedule == doctest::Approx(-(50 - (30 + 10 / 6.0))));
    const Fixture in("unit: classes, better: neither, baseline: {year: 2024, value: 30}, targets: {2030: \"khoảng 40\"}",
                     "{2025: 40}");
    CHECK_FALSE(only(in.eval(2025)).schedule);
  }
}

TEST_CASE("evaluate_indicator: maintained targets") {
  SUBCASE("a lapse in the first year is missed, naming the year") {
    const Fixture f("kind: flag, baseline: {year: 2024, value: true}, targets: {2030: duy trì}", "{2025: chưa đạt, 2026: đạt}");
    const MilestoneResult m = only(f.eval(2026));
    CHECK_FALSE(m.met);
    CHECK(m.status == Status::Missed);
    CHECK(m.reason == "not maintained in 2025");
    CHECK(*m.gap == 0);  // what the latest value gives
  }
  SUBCASE("a lapse in the as-of year") {
    const Fixture f("kind: flag, baseline: {year: 2024, value: true}, targets: {2030: duy trì}", "{2025: đạt, 2026: chưa đạt}");
    const MilestoneResult m = only(f.eval(2026));
    CHECK(m.status == Status::Missed);
    CHECK(m.reason == "not maintained in 2026");
    CHECK(*m.gap == 1);
    CHECK(only(f.eval(2025)).status == Status::Met);
  }
  SUBCASE("the baseline does not count, later years do not yet") {
    const Fixture f("kind: flag, baseline: {year: 2024, value: false}, targets: {2030: duy trì}", "{2025: đạt}");
    CHECK(only(f.eval(2025)).status == Status::Met);
  }
  SUBCASE("numbers: every failing year listed, no pace") {
    const Fixture f(R"(unit: "%", targets: {2030: "duy trì 100%"})", "{2024: 100, 2025: 98, 2026: 99, 2027: 100}");
    const MilestoneResult m = only(f.eval(2027));
    CHECK(m.status == Status::Missed);
    CHECK(m.reason == "not maintained in 2025, 2026");
    CHECK(*m.gap == 0);
    CHECK_FALSE(m.required_pace);
    CHECK_FALSE(m.pace_ratio);
  }
  SUBCASE("\"đạt duy trì 100%\" keeps maintain") {
    const Fixture f(R"(unit: "%", targets: {2030: "đạt duy trì 100%"})", "{2025: 100, 2026: 97}");
    CHECK(f.plan.indicators[0].milestones[0].target.maintain);
    CHECK(only(f.eval(2026)).reason == "not maintained in 2026");
  }
  SUBCASE("stages: duy trì <stage>") {
    const Fixture f(R"(kind: milestone, stages: ["mức 1", "mức 2", "mức 3"], targets: {2030: "duy trì mức 2"})",
                    "{2025: mức 3, 2026: mức 1}");
    const MilestoneResult m = only(f.eval(2026));
    CHECK(f.plan.indicators[0].milestones[0].target.maintain);
    CHECK(m.status == Status::Missed);
    CHECK(m.reason == "not maintained in 2026");
    CHECK(*m.gap == 1);
  }
}

TEST_CASE("evaluate_indicator: stages on the plan's schedule") {
  const std::string stages = "kind: milestone, stages: [s0, s1, s2, s3, s4]";
  const auto eval = [&](const std::string& extra, const std::string& values, int as_of) {
    return only(Fixture(stages + ", " + extra, values).eval(as_of));
  };
  SUBCASE("exactly on the path is on track") {
    // s0 in 2024 → s4 in 2028: s2 expected in 2026.
    const MilestoneResult m = eval("baseline: {year: 2024, value: s0}, targets: {2028: s4}", "{2026: s2}", 2026);
    CHECK(*m.expected == 2);
    CHECK(*m.schedule == 0);
    CHECK(m.status == Status::OnTrack);
  }
  SUBCASE("the expected stage is rounded down") {
    // s0 in 2024 → s4 in 2027: 2.67 stages by 2026, so s2 expected.
    const MilestoneResult m = eval("baseline: {year: 2024, value: s0}, targets: {2027: s4}", "{2026: s2}", 2026);
    CHECK(*m.expected == 2);
    CHECK(m.status == Status::OnTrack);
  }
  SUBCASE("one stage behind is at risk, two off track") {
    CHECK(eval("baseline: {year: 2024, value: s0}, targets: {2028: s4}", "{2026: s1}", 2026).status == Status::AtRisk);
    CHECK(eval("baseline: {year: 2024, value: s0}, targets: {2028: s4}", "{2026: s0}", 2026).status == Status::OffTrack);
  }
  SUBCASE("no baseline: the earliest value starts the path") {
    const MilestoneResult m = eval("targets: {2028: s4}", "{2024: s0, 2026: s1}", 2026);
    CHECK(*m.expected == 2);
    CHECK(m.status == Status::AtRisk);
  }
  SUBCASE("no start before the latest value: unknown") {
    const MilestoneResult m = eval("baseline: {year: 2026, value: s0}, targets: {2028: s4}", "{2026: s1}", 2026);
    CHECK(m.status == Status::Unknown);
    CHECK(m.reason == "no baseline stage for the plan's schedule");
    CHECK_FALSE(m.expected);
  }
}

TEST_CASE("evaluate_indicator: recognitions that expire") {
  const std::string rec = "kind: flag, valid_for: 5";
  SUBCASE("held through the milestone: met") {
    const MilestoneResult m = only(Fixture(rec + ", targets: {2026: true}", "{2022: true}").eval(2026));
    CHECK(m.status == Status::Met);  // 2022 + 5 - 1 = 2026, exactly the last year
  }
  SUBCASE("a past milestone after the recognition lapsed: missed") {
    const MilestoneResult m = only(Fixture(rec + ", targets: {2027: true}", "{2022: true}").eval(2027));
    CHECK(m.status == Status::Missed);  // Y + N: no longer held
    CHECK(*m.gap == 1);
  }
  SUBCASE("held now, but expires before the milestone: re-recognition due") {
    const MilestoneResult m = only(Fixture(rec + ", targets: {2028: true}", "{2022: true}").eval(2025));
    CHECK_FALSE(m.met);
    CHECK(m.status == Status::AtRisk);
    CHECK(m.reason == "recognition of 2022 expires after 2026; re-recognition due by 2027");
  }
  SUBCASE("expired by the as-of year and not renewed: off track") {
    const MilestoneResult m = only(Fixture(rec + ", targets: {2030: true}", "{2019: true, 2025: false}").eval(2025));
    // The 2025 "not recognised" replaces the 2019 decision.
    CHECK(m.status == Status::Unknown);
    const MilestoneResult lapsed = only(Fixture(rec + ", targets: {2030: true}", "{2019: true}").eval(2024));
    CHECK(lapsed.status == Status::OffTrack);
    CHECK(lapsed.reason == "recognition of 2019 expired after 2023; not renewed");
  }
  SUBCASE("the baseline is a recognition too") {
    const MilestoneResult m =
        only(Fixture(rec + ", baseline: {year: 2021, value: true}, targets: {2025: true}", "").eval(2025));
    CHECK(m.status == Status::Met);
    const MilestoneResult gone =
        only(Fixture(rec + ", baseline: {year: 2020, value: true}, targets: {2025: true}", "").eval(2025));
    CHECK(gone.status == Status::Missed);
  }
  SUBCASE("stages: a lower, later decision replaces a higher one") {
    const MilestoneResult m =
        only(Fixture("kind: milestone, stages: [none, level1, level2], valid_for: 5, targets: {2030: level2}",
                     "{2022: level2, 2024: level1}")
                 .eval(2025));
    CHECK_FALSE(m.met);
    CHECK(*m.gap == 1);
  }
}

TEST_CASE("evaluate_indicator: required pace without a trend") {
  const Fixture f(R"(unit: "%", targets: {2030: ">= 60%"})", "{2025: 50}");
  const MilestoneResult m = only(f.eval(2025));
  CHECK(*m.required_pace == doctest::Approx(2));
  CHECK_FALSE(m.pace_ratio);
  CHECK(m.status == Status::Unknown);
}

TEST_CASE("--method cagr") {
  const EvaluationOptions cagr{std::nullopt, Method::Cagr, std::nullopt, std::nullopt};
  struct Row {
    const char* indicator;
    const char* values;
    int as_of;
    Status status;
    double ratio;     // NaN when absent
    double projected; // NaN when absent
  };
  const double none = std::nan("");
  // Expected values computed independently from the Open SDG formulas:
  // R = s·d·((vL/v0)^(1/(yL−y0)) − 1) / |(t/v0)^(1/(T−y0)) − 1|.
  const Row rows[] = {
      {R"(unit: "%", baseline: {year: 2020, value: 50}, targets: {2030: 80})", "{2025: 60}", 2025, Status::AtRisk,
       0.7717257963801709, 72.0},
      {R"(unit: "%", better: lower, baseline: {year: 2020, value: 10}, targets: {2030: "<= 5"})", "{2025: 8}", 2025,
       Status::AtRisk, 0.6517761687675385, 6.4},
      {R"(unit: "%", baseline: {year: 2020, value: 50}, targets: {2030: 80})", "{2025: 45}", 2025, Status::OffTrack,
       -0.43330428661431997, 40.5},
      {R"(unit: "%", baseline: {year: 2020, value: 50}, targets: {2030: 80})", "{2025: 55}", 2025, Status::OffTrack,
       0.3999152308068749, 60.5},
      {R"(unit: "%", baseline: {year: 2024, value: 48.4}, targets: {2030: 56})", "{2026: 52.1}", 2026, Status::OnTrack,
       1.5247709616862077, 60.37017664435489},
      {R"(unit: "%", baseline: {year: 2020, value: 50}, targets: {2030: 80})", "{2025: 85}", 2025, Status::Met, none, none},
      {R"(unit: "%", better: lower, baseline: {year: 2020, value: 5}, targets: {2030: "<= 2"})", "{2025: 1.5}", 2025,
       Status::Met, none, none},
  };
  for (const Row& row : rows) {
    CAPTURE(row.indicator);
    CAPTURE(row.values);
    const MilestoneResult m = only(Fixture(row.indicator, row.values).eval(row.as_of, cagr));
    CHECK(m.status == row.status);
    if (!std::isnan(row.ratio)) CHECK(*m.pace_ratio == doctest::Approx(row.ratio).epsilon(1e-9));
    if (!std::isnan(row.projected)) CHECK(*m.projected == doctest::Approx(row.projected).epsilon(1e-9));
  }
  SUBCASE("zero and sign-changing values are unknown, never replaced") {
    const MilestoneResult zero =
        only(Fixture(R"(baseline: {year: 2020, value: 0}, targets: {2030: 80})", "{2025: 10}").eval(2025, cagr));
    CHECK(zero.status == Status::Unknown);
    CHECK(zero.reason == "the base value is zero: growth rates cannot be computed");
    CHECK_FALSE(zero.pace_ratio);
    const MilestoneResult sign =
        only(Fixture(R"(baseline: {year: 2020, value: -2}, targets: {2030: 5})", "{2025: 3}").eval(2025, cagr));
    CHECK(sign.reason == "the values change sign: growth rates cannot be computed");
    const MilestoneResult target0 = only(
        Fixture(R"(better: lower, baseline: {year: 2020, value: 4}, targets: {2030: "<= 0"})", "{2025: 2}").eval(2025, cagr));
    CHECK(target0.reason == "the target is zero: the required growth rate cannot be computed");
    const MilestoneResult same_year =
        only(Fixture(R"(baseline: {year: 2025, value: 4}, targets: {2030: 9})", "{2025: 5}").eval(2025, cagr));
    CHECK(same_year.reason == "needs a base point at least one year before the latest value");
  }
  SUBCASE("without a baseline, the earliest point is the base") {
    const MilestoneResult m = only(Fixture(R"(unit: "%", targets: {2030: 80})", "{2020: 50, 2025: 60}").eval(2025, cagr));
    CHECK(*m.pace_ratio == doctest::Approx(0.7717257963801709));
    CHECK(*m.required_pace == doctest::Approx(0.04812238946895775));
  }
}

TEST_CASE("ols_slope") {
  CHECK_FALSE(ols_slope({}));
  CHECK_FALSE(ols_slope({{2025, "2025", 1, {}, {}}}));
  CHECK(*ols_slope({{2024, "", 1, {}, {}}, {2026, "", 5, {}, {}}}) == doctest::Approx(2));
}

TEST_CASE("default_as_of") {
  const Fixture with_data(R"(targets: {2030: 1})", "{2024: 1, 2026: 2}");
  CHECK(default_as_of({with_data.plan}) == 2026);
  Fixture no_data(R"(baseline: {year: 2023, value: 1}, targets: {2030: 1})");
  CHECK(default_as_of({no_data.plan}) == 2023);
  // No plan baseline year: the latest indicator baseline, not the first.
  Fixture two = no_data;
  two.plan.indicators.push_back(two.plan.indicators[0]);
  two.plan.indicators[1].baseline->year = 2024;
  CHECK(default_as_of({two.plan}) == 2024);
  no_data.plan.info.baseline_year = 2025;
  CHECK(default_as_of({no_data.plan}) == 2025);
  CHECK(default_as_of({no_data.plan, with_data.plan}) == 2026);
}

TEST_CASE("status_name and parse_status") {
  for (Status s : kAllStatuses) CHECK(parse_status(status_name(s)) == s);
  CHECK_FALSE(parse_status("late"));
}

TEST_CASE("change_between") {
  SUBCASE("newly met and newly missed come first, from any status") {
    CHECK(change_between(Status::OnTrack, Status::Met) == Change::NewlyMet);
    CHECK(change_between(Status::Unknown, Status::Met) == Change::NewlyMet);
    CHECK(change_between(Status::AtRisk, Status::Missed) == Change::NewlyMissed);
    CHECK(change_between(Status::Unknown, Status::Missed) == Change::NewlyMissed);
  }
  SUBCASE("better and worse by the severity order") {
    CHECK(change_between(Status::OffTrack, Status::OnTrack) == Change::Improved);
    CHECK(change_between(Status::Missed, Status::AtRisk) == Change::Improved);
    CHECK(change_between(Status::OnTrack, Status::AtRisk) == Change::Worsened);
    CHECK(change_between(Status::Met, Status::OnTrack) == Change::Worsened);
  }
  SUBCASE("the same status") {
    CHECK(change_between(Status::Met, Status::Met) == Change::Unchanged);
    CHECK(change_between(Status::Missed, Status::Missed) == Change::Unchanged);
  }
  SUBCASE("unknown on either side, not met or missed now: nothing to compare") {
    CHECK_FALSE(change_between(Status::Unknown, Status::OnTrack));
    CHECK_FALSE(change_between(Status::OnTrack, Status::Unknown));
  }
  CHECK(change_name(Change::NewlyMet) == "newly-met");
}

TEST_CASE("evaluate_plan since") {
  const Batch batch = test::load_good({"tests/fixtures/since/xa-thay-doi.yaml"});
  EvaluationOptions opts;
  opts.since = 2024;
  const UnitResult now = evaluate_plan(batch.plans.front(), 2026, opts);
  const UnitResult then = evaluate_plan(batch.plans.front(), 2024, {});
  for (std::size_t i = 0; i < now.indicators.size(); ++i) {
    const MilestoneResult& m = now.indicators[i].milestones.front();
    CAPTURE(now.indicators[i].indicator->id);
    REQUIRE(m.status_since);
    CHECK(*m.status_since == then.indicators[i].milestones.front().status);
  }
  const auto counts = change_counts(now);
  for (Change c : {Change::Improved, Change::Worsened, Change::NewlyMet, Change::NewlyMissed})
    CHECK(counts[static_cast<std::size_t>(c)] == 1);
  SUBCASE("without --since, nothing is compared") {
    const UnitResult plain = evaluate_plan(batch.plans.front(), 2026, {});
    CHECK_FALSE(plain.indicators.front().milestones.front().status_since);
    CHECK_FALSE(plain.indicators.front().milestones.front().change);
  }
}
