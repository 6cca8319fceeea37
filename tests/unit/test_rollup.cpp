#include <doctest/doctest.h>

#include "core/reading/batch.hpp"
#include "core/rollup/rollup.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

struct Fixture {
  Batch batch;
  std::vector<UnitResult> results;
  Rollup rollup;
  explicit Fixture(const std::vector<std::string>& files) : batch(test::load_good(files)) {
    for (const Plan& p : batch.plans) results.push_back(evaluate_plan(p, 2026, {}));
    for (std::size_t i = 0; i < results.size(); ++i) rollup.add(batch.plans[i], results[i]);
  }
};

const RollupIndicator& find(const std::vector<RollupIndicator>& all, const std::string& id) {
  const auto it = std::find_if(all.begin(), all.end(), [&](const RollupIndicator& r) { return r.indicator->id == id; });
  REQUIRE(it != all.end());
  return *it;
}

}  // namespace

TEST_CASE("Rollup") {
  const Fixture f({"tests/fixtures/rollup/xa-a.yaml", "tests/fixtures/rollup/xa-b.yaml"});
  const auto all = f.rollup.finish(2026, {});
  SUBCASE("ratios with counts are pooled, not averaged") {
    const RollupIndicator& r = find(all, "schools.standard");
    CHECK(r.aggregation == Aggregation::Pooled);
    CHECK(r.result.latest->value == doctest::Approx(91.0 / 102 * 100));  // the mean of rates would be 70 %
    CHECK(*r.result.latest->numerator == 91);
    CHECK(*r.result.latest->denominator == 102);
    CHECK(r.result.status == Status::Met);
  }
  SUBCASE("counts are summed") {
    const RollupIndicator& r = find(all, "primary.classes");
    CHECK(r.aggregation == Aggregation::Sum);
    CHECK(r.result.latest->value == 33);
  }
  SUBCASE("a weight gives a weighted mean") {
    const RollupIndicator& r = find(all, "preschool.enrolment");
    CHECK(r.aggregation == Aggregation::WeightedMean);
    CHECK(r.result.latest->value == doctest::Approx((52.0 * 100 + 80.0 * 300) / 400));
  }
  SUBCASE("otherwise the plain mean, flagged; differing targets give no milestone") {
    const RollupIndicator& r = find(all, "hdi.index");
    CHECK(r.aggregation == Aggregation::Mean);
    CHECK(r.result.latest->value == doctest::Approx(0.77));
    CHECK(r.result.milestones.empty());
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0] == "targets for 2030 differ across units; no roll-up milestone that year");
  }
  SUBCASE("indicators of one unit only are not rolled up") {
    CHECK(std::none_of(all.begin(), all.end(), [](const RollupIndicator& r) { return r.indicator->id == "only.a"; }));
  }
  SUBCASE("units that lack an indicator are counted and named") {
    const Fixture g({"tests/fixtures/rollup/huyen-h.yaml", "tests/fixtures/rollup/xa-a.yaml",
                     "tests/fixtures/rollup/xa-b.yaml"});
    const auto r = g.rollup.finish(2026, {});
    CHECK(find(r, "schools.standard").missing.empty());
    CHECK(find(r, "primary.classes").missing == std::vector<std::string>{"huyen-h"});
    CHECK(find(r, "primary.classes").units_count == 2);
  }
}

TEST_CASE("aggregation_name") {
  CHECK(aggregation_name(Aggregation::Pooled) == "pooled");
  CHECK(aggregation_name(Aggregation::Sum) == "sum");
  CHECK(aggregation_name(Aggregation::WeightedMean) == "weighted-mean");
  CHECK(aggregation_name(Aggregation::Mean) == "mean");
}
