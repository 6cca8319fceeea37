#include <doctest/doctest.h>

#include "core/evaluation/source_coverage.hpp"
#include "core/reading/loader.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// A plan of `rest` (indicators:, tasks:, budget: … as YAML) and `plan_extra`
// inside `plan:`.
Plan load(const std::string& rest, const std::string& plan_extra = "") {
  Diagnostics diags;
  auto doc = load_yaml_document("plancheck: 1\nunit: {id: u, name: U}\nplan: {horizon: 2030" + plan_extra + "}\n" + rest,
                                "plan.yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  return std::move(*doc.plan);
}

// The errors of loading a plan with `indicator_extra` in its one indicator.
std::string load_errors(const std::string& indicator_extra, const std::string& plan_extra = "") {
  Diagnostics diags;
  load_yaml_document("plancheck: 1\nunit: {id: u, name: U}\nplan: {horizon: 2030" + plan_extra +
                         "}\nindicators:\n  - {id: a, name: A, unit: \"%\", targets: {2030: 5%}" + indicator_extra + "}\n",
                     "plan.yaml", diags);
  return test::messages(diags);
}

Candidate candidate(int line, std::string name, std::string target, std::string unsure = "") {
  Candidate c;
  c.line = line;
  c.name = std::move(name);
  c.target = std::move(target);
  c.unit = "%";
  c.year = 2030;
  c.year_label = "2030";
  c.unsure = std::move(unsure);
  return c;
}

// "line:coverage:by" for each passage.
std::vector<std::string> summary(const std::vector<PassageCoverage>& passages) {
  std::vector<std::string> out;
  for (const PassageCoverage& p : passages)
    out.push_back(std::to_string(p.line) + ":" + std::string(coverage_name(p.coverage)) + ":" + p.by);
  return out;
}

// An indicator no passage is about.
const std::string kOther = "indicators:\n  - {id: z, name: Z, unit: \"%\", targets: {2030: \"1%\"}}\n";
const std::string kIndicator = "indicators:\n  - {id: a, name: \"Trẻ 5 tuổi đến trường\", unit: \"%\", targets: {2030: \"100%\"}";

}  // namespace

TEST_CASE("is_commitment") {
  SUBCASE("sure candidates and unsure ones the grammar does not read count") {
    CHECK(is_commitment(candidate(1, "A", "100%")));
    CHECK(is_commitment(candidate(1, "A", "???", "table cell the target grammar does not read")));
    CHECK(is_commitment(candidate(1, "A", "100%", "no year in the sentence, its heading or the document")));
  }
  SUBCASE("results, the past and a year before the plan's date do not") {
    CHECK_FALSE(is_commitment(
        candidate(1, "A", "2", "its year is before the plan's own date: a past value, not a target")));
    CHECK_FALSE(is_commitment(
        candidate(1, "A", "97%", "stands in a section on results so far: perhaps a past value, not a target")));
    CHECK_FALSE(is_commitment(
        candidate(1, "A", "97%", "speaks of the present or the past (\"hiện nay\", \"đã\", \"năm học … trước\")")));
  }
}

TEST_CASE("source_coverage") {
  const std::string doc = "Mục tiêu\nTrẻ 5 tuổi đến trường 100%\nHọc sinh 2 buổi/ngày 100%\n";
  const std::vector<Candidate> two{candidate(2, "Trẻ 5 tuổi đến trường 100%", "100%"),
                                   candidate(3, "Học sinh 2 buổi/ngày 100%", "100%")};

  SUBCASE("x-seed-line, x-source: N, x-source: {line: N}, x-source-line") {
    for (const std::string key : {"x-seed-line: 2", "x-source: 2", "x-source: {line: 2}", "x-source-line: [7, 2]"}) {
      CAPTURE(key);
      const Plan plan = load(kIndicator + ", " + key + "}\n");
      CHECK(summary(source_coverage(plan, doc, two)) == std::vector<std::string>{"2:referred:indicator a", "3:missing:"});
    }
  }
  SUBCASE("a task and a budget line refer to their lines") {
    const Plan plan = load(
        kOther + "tasks:\n  - {id: t1, name: T, due: 2030, x-seed-line: 2}\n"
        "budget:\n  lines:\n    - {id: \"1\", name: B, amount: 5, x-seed-line: 3}\n");
    CHECK(summary(source_coverage(plan, doc, two)) ==
          std::vector<std::string>{"2:referred:task t1", "3:referred:budget line 1"});
  }
  SUBCASE("a line given elsewhere does not refer by wording") {
    const Plan plan = load(kIndicator + ", x-seed-line: 9}\n");
    CHECK(summary(source_coverage(plan, doc, two)) == std::vector<std::string>{"2:missing:", "3:missing:"});
  }
  SUBCASE("no line: the same number and most words of the name") {
    CHECK(summary(source_coverage(load(kIndicator + "}\n"), doc, two)) ==
          std::vector<std::string>{"2:referred:indicator a", "3:missing:"});
    const std::string other_number =
        "indicators:\n  - {id: a, name: \"Trẻ 5 tuổi đến trường\", unit: \"%\", targets: {2030: \"98%\"}}\n";
    CHECK(summary(source_coverage(load(other_number), doc, two)) == std::vector<std::string>{"2:missing:", "3:missing:"});
    const std::string other_words = "indicators:\n  - {id: a, name: \"Trường chuẩn quốc gia\", unit: \"%\", targets: {2030: \"100%\"}}\n";
    CHECK(summary(source_coverage(load(other_words), doc, two)) == std::vector<std::string>{"2:missing:", "3:missing:"});
  }
  SUBCASE("a table of one cell a line: a reference to any line of the row") {
    const std::string table = "\t1\n\tTỷ lệ trẻ đến trường\n\t95%\n\t100%\n\n\t2\n\tTỷ lệ học sinh\n\t90%\n";
    const std::vector<Candidate> cells{candidate(4, "Tỷ lệ trẻ đến trường", "100%"), candidate(8, "Tỷ lệ học sinh", "90%")};
    const Plan plan = load(kIndicator + ", x-seed-line: 1}\n");
    CHECK(summary(source_coverage(plan, table, cells)) == std::vector<std::string>{"4:referred:indicator a", "8:missing:"});
  }
  SUBCASE("left out: an item's x-not-checkable, the plan's list") {
    const Plan plan = load(kIndicator + ", x-seed-line: 2, x-not-checkable: \"national target quoted\"}\n",
                           ", x-not-checkable: [{line: [3, 4], reason: \"results of 2020-2025, not a target\"}]");
    CHECK(summary(source_coverage(plan, doc, two)) ==
          std::vector<std::string>{"2:left-out:national target quoted", "3:left-out:results of 2020-2025, not a target"});
  }
  SUBCASE("results are not commitments; passages come sorted by line") {
    const std::vector<Candidate> mixed{candidate(3, "B", "100%"), candidate(2, "A", "97%", std::string(unsure_reasons()[0]))};
    CHECK(summary(source_coverage(load(kOther), doc, mixed)) == std::vector<std::string>{"3:missing:"});
    const std::vector<Candidate> unordered{candidate(3, "B", "100%"), candidate(2, "A", "100%")};
    CHECK(summary(source_coverage(load(kOther), doc, unordered)) ==
          std::vector<std::string>{"2:missing:", "3:missing:"});
  }
}

TEST_CASE("source_coverage_warnings") {
  const auto warnings = [](const std::vector<PassageCoverage>& passages, const std::string& doc) {
    Diagnostics found;
    source_coverage_warnings(passages, doc, "doc.txt", found);
    return test::messages(found);
  };
  const auto passage = [](int line, std::string name, std::string target, std::string year, Coverage c) {
    return PassageCoverage{line, std::move(name), std::move(target), std::move(year), c, ""};
  };
  SUBCASE("one warning a line: the line as written, its missing targets by year") {
    const std::string doc = "Mục tiêu\n- Trẻ đến trường 95%, học sinh\t2 buổi 100%.\n";
    CHECK(warnings({passage(2, "Trẻ đến trường 95%", "95%", "2030", Coverage::Missing),
                    passage(2, "học sinh 2 buổi", "100%", "2030", Coverage::Missing),
                    passage(2, "x", "7", "", Coverage::Missing)},
                   doc) ==
          "doc.txt:2: warning: commitment not in the plan: \"- Trẻ đến trường 95%, học sinh 2 buổi 100%.\" (2030: 95%, 100%, 7)\n");
  }
  SUBCASE("referred and left out passages are not said") {
    CHECK(warnings({passage(1, "A", "1%", "2030", Coverage::Referred), passage(2, "B", "2%", "2030", Coverage::LeftOut)},
                   "A 1%\nB 2%\n") == "");
  }
  SUBCASE("a table cell quotes the row's name; long text is cut, controls escaped") {
    CHECK(warnings({passage(2, "Tỷ lệ\x1b[31m", "95%", "2025", Coverage::Missing)}, "\t1\n\t95%\n") ==
          "doc.txt:2: warning: commitment not in the plan: \"Tỷ lệ\\x1b[31m\" (2025: 95%)\n");
    const std::string long_line(100, 'a');
    CHECK(warnings({passage(1, "", "1%", "", Coverage::Missing)}, long_line + "\n") ==
          "doc.txt:1: warning: commitment not in the plan: \"" + std::string(79, 'a') + "…\" (1%)\n");
  }
}

TEST_CASE("parse_source_lines") {
  SUBCASE("every key read, in the model") {
    const Plan plan = load(
        "indicators:\n  - {id: a, name: A, unit: \"%\", targets: {2030: 5%}, x-seed-line: [3, 4], x-body-lines: [9], "
        "x-appendix-line: 12, x-not-checkable: \"why\"}\n");
    CHECK(plan.indicators.front().source_lines.lines == std::vector<int>{3, 4, 9, 12});
    CHECK(plan.indicators.front().source_lines.not_checkable == "why");
  }
  SUBCASE("a line that is not a whole number from 1") {
    CHECK(load_errors(", x-seed-line: 0") ==
          "plan.yaml:5:67: error: \"x-seed-line\" of indicator a must be a line of the source document (a whole number "
          "from 1) or a list of them\n");
    CHECK(load_errors(", x-source: {line: abc}") ==
          "plan.yaml:5:71: error: \"line\" of \"x-source\" of indicator a must be a line of the source document (a whole "
          "number from 1) or a list of them\n");
    CHECK(load_errors(", x-source: {lines: 3}") ==
          "plan.yaml:5:65: error: unknown key \"lines\" (did you mean \"line\"?) in \"x-source\" of indicator a; accepted "
          "keys: line\n");
  }
  SUBCASE("a reason that is not a text") {
    CHECK(load_errors(", x-seed-line: 3, x-not-checkable: \"\"") ==
          "plan.yaml:5:87: error: \"x-not-checkable\" of indicator a must say why the passage is left out (a text that is "
          "not empty)\n");
  }
}

TEST_CASE("parse_left_out") {
  SUBCASE("lines and reasons") {
    const Plan plan = load(kOther, ", x-not-checkable: [{line: 5, reason: R}, {line: [6, 7], reason: S}]");
    REQUIRE(plan.info.left_out.size() == 2);
    CHECK(plan.info.left_out[1].lines == std::vector<int>{6, 7});
    CHECK(plan.info.left_out[1].reason == "S");
    CHECK(plan.info.left_out[0].where.str() == "plan.yaml:3:41");
  }
  SUBCASE("a reason missing or empty, not a list") {
    CHECK(load_errors("", ", x-not-checkable: [{line: 5}]") ==
          "plan.yaml:3:41: error: \"x-not-checkable\" of plan has no \"reason\" (required)\n");
    CHECK(load_errors("", ", x-not-checkable: [{line: 5, reason: }]") ==
          "plan.yaml:3:59: error: \"reason\" of \"x-not-checkable\" of plan must say why the passage is left out (a text "
          "that is not empty)\n");
    CHECK(load_errors("", ", x-not-checkable: {line: 5, reason: R}") ==
          "plan.yaml:3:40: error: \"x-not-checkable\" of plan must be a list, found a mapping\n");
  }
}
