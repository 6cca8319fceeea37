#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "core/rollup/rollup.hpp"
#include "core/util/spill_sort.hpp"
#include "core/rollup/stream.hpp"
#include "core/rollup/summary.hpp"
#include "core/util/temp_file.hpp"
#include "render/formats.hpp"
#include "render/report_json.hpp"
#include "render/result_sinks.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// What a sink was given, in order.
class Recorder : public UnitSink {
 public:
  explicit Recorder(std::vector<std::string>& log) : log_(log) {}
  void begin(std::optional<int> as_of, Method) override { log_.push_back("begin " + std::to_string(as_of.value_or(0))); }
  void unit(const Plan& plan, const UnitResult&) override { log_.push_back("unit " + plan.unit.id); }
  void checked(const Plan& plan, std::size_t) override { log_.push_back("checked " + plan.unit.id); }
  void end() override { log_.push_back("end"); }

 private:
  std::vector<std::string>& log_;
};

StreamOutcome stream(const StreamOptions& opts, std::vector<std::string>& log, WalkDiagnostics& diags) {
  return run_stream(opts, [&] { return std::make_unique<Recorder>(log); }, diags);
}

}  // namespace

TEST_CASE("run_stream") {
  std::vector<std::string> log;
  WalkDiagnostics diags;
  StreamOptions opts;
  SUBCASE("units in input order, each checked then shown, one pass when the year is given") {
    opts.input.paths = {"tests/fixtures/rollup/"};
    opts.eval.as_of = 2026;
    opts.input.jobs = 4;
    const StreamOutcome out = stream(opts, log, diags);
    REQUIRE(!diags.has_errors());
    CHECK(out.as_of == 2026);
    CHECK(log.front() == "begin 2026");
    CHECK(log.back() == "end");
    CHECK(std::count(log.begin(), log.end(), "begin 2026") == 1);
    std::vector<std::string> units;
    for (const std::string& l : log)
      if (l.rfind("unit ", 0) == 0) units.push_back(l);
    CHECK(std::is_sorted(units.begin(), units.end()));  // the fixture's files are named in unit order
  }
  SUBCASE("validate: checked, never shown") {
    opts.input.paths = {"tests/fixtures/good/xa-mau.yaml"};
    opts.evaluate = false;
    stream(opts, log, diags);
    CHECK(log == std::vector<std::string>{"begin 0", "checked xa-mau", "end"});
  }
  SUBCASE("two plans for one unit: an error, the sink not ended") {
    opts.input.paths = {"tests/fixtures/summary/dup/"};
    stream(opts, log, diags);
    CHECK(diags.has_errors());
    CHECK(std::find(log.begin(), log.end(), "end") == log.end());
  }
  SUBCASE("no plan: nothing selected") {
    opts.input.paths = {"tests/fixtures/no-plan/"};
    const StreamOutcome out = stream(opts, log, diags);
    CHECK((diags.has_errors() || !out.nothing_selected.empty()));
  }
}

TEST_CASE("SpillSort") {
  std::mt19937 rng(7);
  std::vector<std::pair<SortKey, std::string>> input;
  for (int i = 0; i < 2000; ++i)
    input.push_back({{static_cast<int>(rng() % 4), static_cast<double>(rng() % 10)}, "row " + std::to_string(i) + "\n"});
  std::vector<std::string> expected;
  {
    auto sorted = input;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.first.rank != b.first.rank ? a.first.rank < b.first.rank : a.first.value < b.first.value;
    });
    for (const auto& r : sorted) expected.push_back(r.second);
  }
  const auto drained = [&](std::size_t budget) {
    SpillSort sort(budget);
    for (const auto& [key, text] : input) sort.add(key, text);
    CHECK(sort.size() == input.size());
    std::vector<std::string> out;
    sort.drain([&](std::string_view t) { out.emplace_back(t); });
    return out;
  };
  SUBCASE("in memory: a stable sort") { CHECK(drained(std::size_t{1} << 30) == expected); }
  SUBCASE("spilled to many runs and merged: the same order") { CHECK(drained(4096) == expected); }
  SUBCASE("empty") {
    SpillSort sort(16);
    int n = 0;
    sort.drain([&](std::string_view) { ++n; });
    CHECK(n == 0);
  }
}

TEST_CASE("TempFile") {
  TempFile f;
  std::string big(200000, 'x');
  big[123456] = 'y';
  f.write("head ");
  f.write(big);
  CHECK(f.size() == 5 + big.size());
  SUBCASE("read back at an offset") {
    char c[2];
    CHECK(f.read(5 + 123456, c, 2) == 2);
    CHECK(std::string(c, 2) == "yx");
  }
  SUBCASE("copied out in pieces, whole") {
    std::string all;
    f.each_piece([&](std::string_view p) { all += p; });
    CHECK(all == "head " + big);
  }
}

TEST_CASE("ShapePool::intern") {
  ShapePool pool;
  Indicator a;
  a.id = "x";
  a.name = "X";
  a.weight = 3;
  a.actuals.push_back({});
  Indicator b = a;
  b.weight = 5;  // weights and values are the units' own
  b.where = Location("other.yaml", 0, 0);
  SUBCASE("one definition for units made from one template") {
    const auto s = pool.intern(a);
    CHECK(pool.intern(b) == s);
    CHECK(s->actuals.empty());
    CHECK(!s->weight);
  }
  SUBCASE("a different name is a different definition") {
    b.name = "Y";
    CHECK(pool.intern(a) != pool.intern(b));
  }
}

TEST_CASE("SummaryTail::each_group") {
  const Batch batch = test::load_good({"tests/fixtures/rollup/"});
  Report report;
  report.as_of = 2026;
  for (const Plan& p : batch.plans) report.units.push_back(evaluate_plan(p, 2026, {}));
  const SummaryTail tail = summarize(report, {});
  std::vector<std::string> ids;
  tail.each_group([&](const RollupGroup& g) { ids.push_back(g.id); });
  CHECK(!ids.empty());
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  const std::vector<RollupGroup> all = tail.groups();
  REQUIRE(all.size() == ids.size());
  CHECK(all.front().id == ids.front());
}

TEST_CASE("make_result_sink") {
  const Batch batch = test::load_good({"tests/fixtures/rollup/"});
  Report report;
  report.as_of = 2026;
  for (const Plan& p : batch.plans) report.units.push_back(evaluate_plan(p, 2026, {}));
  // A sink's output for the units one at a time is the whole-report text.
  const auto streamed = [&](ResultSinkOptions opts) {
    std::ostringstream out;
    const auto sink = make_result_sink(opts, out);
    sink->begin(report.as_of, report.method);
    for (const UnitResult& u : report.units) sink->unit(*u.plan, u);
    sink->end();
    return out.str();
  };
  ResultSinkOptions opts;
  SUBCASE("json, every style") {
    opts.format = "json";
    CHECK(streamed(opts) == render_json(report));
    opts.json_style = JsonStyle::Compact;
    const std::string compact = streamed(opts);
    CHECK(compact == render_json(report, JsonStyle::Compact));
    CHECK(std::count(compact.begin(), compact.end(), '\n') == 1);
    opts.json_style = JsonStyle::Lines;
    const std::string lines = streamed(opts);
    CHECK(static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n')) == report.units.size());
  }
  SUBCASE("the formats whose head needs the whole input") {
    opts.format = "junit";
    opts.failing = {Status::Missed, Status::OffTrack};
    CHECK(streamed(opts) == render_junit(report, opts.failing));
    opts.format = "markdown";
    CHECK(streamed(opts) == render_markdown(report, Lang::En));
    opts.format = "github";
    CHECK(streamed(opts) == render_github(report, opts.failing));
  }
  SUBCASE("tables") {
    opts.format = "table";
    CHECK(streamed(opts) == render_evaluate_table(report, opts.style));
    opts.table = TableLayout::Gaps;
    CHECK(streamed(opts) == render_gaps_text(report, opts.style));
    opts.table = TableLayout::Project;
    CHECK(streamed(opts) == render_project_table(report, opts.style));
  }
}

TEST_CASE("SummaryBuilder::finish_groups_early") {
  const Batch batch = test::load_good({"tests/fixtures/rollup/"});  // huyen-h (parent thanh-pho), xa-a, xa-b (parent huyen-h)
  std::vector<UnitResult> results;
  for (const Plan& p : batch.plans) results.push_back(evaluate_plan(p, 2026, {}));
  SummaryBuilder builder;
  std::vector<RollupGroup> done;
  builder.finish_groups_early([&](RollupGroup g) { done.push_back(std::move(g)); }, 2026, {});
  const auto feed = [&](std::vector<std::size_t> order) {
    for (std::size_t i : order) builder.add(batch.plans[i], results[i]);
  };
  SUBCASE("grouped input: each parent's group handed out when the next parent comes") {
    feed({0, 1, 2});
    REQUIRE(done.size() == 1);
    CHECK(done[0].id == "thanh-pho");
    CHECK(builder.group_ids() == std::vector<std::string>{"huyen-h"});
    CHECK(builder.group("huyen-h", 2026, {}).name == "Huyện H");
    CHECK(!builder.regrouped());
  }
  SUBCASE("the parent's own plan closes its group with its name") {
    feed({1, 0});
    REQUIRE(done.size() == 1);
    CHECK(done[0].id == "huyen-h");
    CHECK(done[0].name == "Huyện H");
  }
  SUBCASE("a finished parent again: regrouped") {
    feed({1, 0, 2});
    CHECK(builder.regrouped());
  }
}
