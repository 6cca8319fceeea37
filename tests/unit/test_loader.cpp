#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reading/loader.hpp"

using namespace plancheck;

namespace {

const std::string kHeader = R"(plancheck: 1
unit: {id: ha-dong, name: "Xã Hà Đông", type: xã}
)";

struct Result {
  LoadedDocument doc;
  std::vector<std::string> messages;
};

Result load(const std::string& text) {
  Diagnostics diags;
  Result r{load_yaml_document(text, "p.yaml", diags), {}};
  for (const auto& d : diags.items()) r.messages.push_back(format_diagnostic(d));
  return r;
}

// One indicator with the given body lines (indented under "- ").
Result load_indicator(const std::string& body) { return load(kHeader + "indicators:\n  - " + body); }

void check_one_message(const Result& r, const std::string& expected) {
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0] == expected);
}

}  // namespace

TEST_CASE("load_yaml_document") {
  SUBCASE("a complete plan") {
    const auto r = load(kHeader + R"(plan: {title: "Kế hoạch", baseline_year: 2025, horizon: 2030}
indicators:
  - id: preschool.creche-enrolment
    name: "Tỷ lệ huy động trẻ nhà trẻ"
    stage: preschool
    unit: "%"
    baseline: {year: 2024, value: "48,4"}
    targets: {2025: ">= 47%", "2029-2030": "trên 56%"}
actuals:
  preschool.creche-enrolment: {2025: 52.1}
)");
    CHECK(r.messages.empty());
    REQUIRE(r.doc.plan);
    const Plan& p = *r.doc.plan;
    CHECK(p.unit.id == "ha-dong");
    CHECK(p.unit.type == "commune");
    CHECK(p.info.horizon == 2030);
    REQUIRE(p.indicators.size() == 1);
    const Indicator& ind = p.indicators[0];
    CHECK(ind.baseline->value == doctest::Approx(48.4));
    REQUIRE(ind.milestones.size() == 2);
    CHECK(ind.milestones[1].year == 2030);
    CHECK(ind.milestones[1].year_label == "2029-2030");
    CHECK(ind.milestones[1].target.numeric.op == Op::Above);
    CHECK(ind.milestones[1].where.line == 10);
    REQUIRE(r.doc.inline_values.size() == 1);
    CHECK(r.doc.inline_values[0].text == "52.1");
  }
  SUBCASE("a data file") {
    const auto r = load("plancheck: 1\ndata: {unit: ha-dong, as_of: 2026-06-30}\nvalues:\n  a.b: {2026: 55.0}\n");
    CHECK(r.messages.empty());
    REQUIRE(r.doc.data);
    CHECK(r.doc.data->unit == "ha-dong");
    REQUIRE(r.doc.data->values.size() == 1);
    CHECK(r.doc.data->values[0].second.year_text == "2026");
  }
  SUBCASE("unknown keys are errors, x- keys are ignored") {
    const auto r = load_indicator("id: a\n    name: A\n    x-source-line: 12\n    colour: red\n    targets: {2030: 5}\n");
    check_one_message(r, "p.yaml:7:5: error: unknown key \"colour\" in indicator a; accepted keys: id, name, name_en, "
                         "group, stage, kind, unit, better, baseline, targets, note, tolerance, weight, stages, "
                         "numerator_label, denominator_label, formula, valid_for, basis, basis_ref, ref");
  }
  SUBCASE("format 1.1: better neither, valid_for, basis") {
    const auto r = load_indicator(R"(id: a
    name: A
    kind: flag
    valid_for: 5
    targets: {2030: true}
  - id: b
    name: B
    unit: pupils
    better: neither
    basis: norm
    basis_ref: "Thông tư 28/2020/TT-BGDĐT"
    targets: {2030: 35}
)");
    REQUIRE(r.messages.empty());
    const Plan& p = *r.doc.plan;
    CHECK(p.indicators[0].valid_for == 5);
    CHECK_FALSE(p.indicators[0].norm);
    CHECK(p.indicators[1].better == Better::Neither);
    CHECK(p.indicators[1].norm);
    CHECK(p.indicators[1].basis_ref == "Thông tư 28/2020/TT-BGDĐT");
    CHECK(p.indicators[1].milestones[0].target.numeric.op == Op::About);
  }
  SUBCASE("valid_for: whole years, on recognitions only") {
    check_one_message(load_indicator("id: a\n    name: A\n    valid_for: 5\n    targets: {2030: 5}\n"),
                      "p.yaml:6:16: error: \"valid_for\" of a: only milestone and flag indicators hold recognitions that "
                      "expire (it is number)");
    check_one_message(load_indicator("id: a\n    name: A\n    kind: flag\n    valid_for: 2.5\n    targets: {2030: true}\n"),
                      "p.yaml:7:16: error: \"valid_for\" of a must be a whole number of years from 1 to 100");
    check_one_message(load_indicator("id: a\n    name: A\n    basis: law\n    targets: {2030: 5}\n"),
                      "p.yaml:6:12: error: \"basis\" of indicator a is \"law\"; accepted: \"plan\", \"norm\"");
  }
  SUBCASE("a target that is not a target quotes the text and the accepted forms") {
    const auto r = load_indicator("id: a\n    name: A\n    unit: \"%\"\n    targets: {2030: \"???\"}\n");
    check_one_message(r, "p.yaml:7:21: error: target \"???\" for a in 2030 is not a number, a range or a comparison; "
                         "accepted forms: " + accepted_target_forms().str(Lang::En));
  }
  SUBCASE("\"Đạt\" on a number indicator is not a target") {
    const auto r = load_indicator("id: a\n    name: A\n    targets: {2030: \"Đạt\"}\n");
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].find("target \"Đạt\" for a in 2030 is not a number") != std::string::npos);
  }
  SUBCASE("a duplicate indicator id names both places") {
    const auto r = load(kHeader + "indicators:\n  - {id: a, name: A, targets: {2030: 5}}\n  - {id: a, name: B, targets: {2030: 6}}\n");
    check_one_message(r, "p.yaml:5:10: error: duplicate indicator id \"a\" (first defined at p.yaml:4:10)");
  }
  SUBCASE("a duplicate key names both lines") {
    const auto r = load_indicator("id: a\n    name: A\n    targets:\n      2030: 5\n      2030: 6\n");
    check_one_message(r, "p.yaml:8:7: error: duplicate key \"2030\" in targets of a (first at line 7); only one may be given");
  }
  SUBCASE("the same year as a year and as a school year") {
    const auto r = load_indicator("id: a\n    name: A\n    targets:\n      2025: 5\n      \"2024-2025\": 6\n");
    check_one_message(r, "p.yaml:8:7: error: target year \"2024-2025\" for a is the same year as \"2025\" at line 7");
  }
  SUBCASE("a bad target year") {
    const auto r = load_indicator("id: a\n    name: A\n    targets: {20x0: 5}\n");
    check_one_message(r, "p.yaml:6:15: error: target year \"20x0\" for a is not a year (2030) or a school year (\"2026-2027\")");
  }
  SUBCASE("missing required keys are reported at the parent") {
    const auto r = load_indicator("id: a\n    targets: {2030: 5}\n");
    check_one_message(r, "p.yaml:4:5: error: indicator a has no \"name\" (required)");
    const auto top = load("plancheck: 1\nindicators: []\n");
    REQUIRE(top.messages.size() == 2);
    CHECK(top.messages[0] == "p.yaml:1:1: error: the plan has no \"unit\" (required)");
    CHECK(top.messages[1] == "p.yaml:2:13: error: \"indicators\" is empty; a plan needs at least one indicator");
  }
  SUBCASE("wrong types") {
    const auto r = load(kHeader + "indicators: {a: 1}\n");
    check_one_message(r, "p.yaml:3:13: error: \"indicators\" must be a list, found a mapping");
  }
  SUBCASE("format version") {
    const auto r = load("plancheck: 2\nunit: {id: a, name: A}\nindicators: [{id: a, name: A, targets: {2030: 1}}]\n");
    check_one_message(r, "p.yaml:1:12: error: unsupported format version \"2\"; this plancheck reads version 1");
  }
  SUBCASE("enumerations list what is accepted") {
    const auto r = load_indicator("id: a\n    name: A\n    stage: kindergarten\n    targets: {2030: 5}\n");
    check_one_message(r, "p.yaml:6:12: error: \"stage\" of indicator a is \"kindergarten\"; accepted: \"preschool\", "
                         "\"primary\", \"lower-secondary\", \"upper-secondary\", \"general\", \"continuing\", \"vocational\", \"all\"");
    const auto k = load_indicator("id: a\n    name: A\n    kind: percent\n    targets: {2030: 5}\n");
    check_one_message(k, "p.yaml:6:11: error: \"kind\" of indicator a is \"percent\"; accepted: \"number\", \"ratio\", "
                         "\"milestone\", \"flag\"");
    const auto u = load("plancheck: 1\nunit: {id: a, name: A, type: province}\nindicators: [{id: a, name: A, targets: {2030: 1}}]\n");
    check_one_message(u, "p.yaml:2:30: error: \"type\" of unit is \"province\"; accepted: \"commune\", \"ward\", \"district\", "
                         "\"city\" (or \"xã\", \"phường\", \"huyện\", \"thành phố\")");
  }
  SUBCASE("ids") {
    const auto r = load("plancheck: 1\nunit: {id: Ha_Dong, name: A}\nindicators: [{id: A B, name: A, targets: {2030: 1}}]\n");
    REQUIRE(r.messages.size() == 2);
    CHECK(r.messages[0] == "p.yaml:2:12: error: unit id \"Ha_Dong\" must be a slug of a-z, 0-9 and '-'");
    CHECK(r.messages[1] == "p.yaml:3:19: error: indicator id \"A B\" must use only a-z, 0-9, '.', '_' and '-'");
  }
  SUBCASE("milestones and flags") {
    const auto r = load_indicator(R"(id: m
    name: M
    kind: milestone
    stages: ["Chưa đánh giá", "Đang thực hiện", "Hoàn thành giai đoạn 1"]
    baseline: {year: 2024, value: "chưa đánh giá"}
    targets: {2025: "Hoàn thành giai đoạn 1", 2030: "Hoàn thành giai đoạn 2"}
  - id: f
    name: F
    kind: flag
    targets: {2025: "đạt", 2030: "duy trì", 2031: "no"}
)");
    REQUIRE(r.messages.size() == 2);
    CHECK(r.messages[0] == "p.yaml:9:53: error: target \"Hoàn thành giai đoạn 2\" for m in 2030 is not one of its stages: "
                           "\"Chưa đánh giá\", \"Đang thực hiện\", \"Hoàn thành giai đoạn 1\"");
    CHECK(r.messages[1] == "p.yaml:13:51: error: target \"no\" for f in 2031 is not a flag target; accepted: true, \"đạt\", "
                           "\"có\", or \"duy trì\" (held every year)");
    const Plan& p = *r.doc.plan;
    CHECK(p.indicators[0].baseline->value == 0);
    CHECK(p.indicators[0].milestones[0].target.numeric.value == 2);
    CHECK(p.indicators[1].milestones[1].target.maintain);
  }
  SUBCASE("YAML syntax errors are located, 1-based") {
    const auto r = load("plancheck: 1\nunit: [a, b\n");
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].rfind("p.yaml:3:1: error: YAML syntax error: ", 0) == 0);
  }
  SUBCASE("empty files and non-mappings") {
    check_one_message(load(""), "p.yaml:1:1: error: the file is empty; expected a plan (\"plancheck: 1\", \"unit:\", "
                                "\"indicators:\") or a data file (\"plancheck: 1\", \"data:\", \"values:\")");
    check_one_message(load("- a\n- b\n"), "p.yaml:1:1: error: the document is a list; expected a mapping with \"plancheck: 1\"");
  }
  SUBCASE("invalid UTF-8 names the line; a byte-order mark is accepted") {
    check_one_message(load("plancheck: 1\nunit: {id: a, name: \"\xff\"}\n"),
                      "p.yaml:2:22: error: invalid UTF-8 (byte 0xFF); plan and data files must be UTF-8");
    CHECK(load("\xEF\xBB\xBF" + kHeader + "indicators: [{id: a, name: A, targets: {2030: 1}}]\n").messages.empty());
  }
}

TEST_CASE("read_observation") {
  Indicator ratio;
  ratio.id = "r";
  ratio.kind = Kind::Ratio;
  ratio.unit = "%";
  const auto read = [](const Indicator& ind, RawValue raw, std::vector<std::string>* messages = nullptr) {
    raw.where = {"d.yaml", 3, 9};
    Diagnostics diags;
    auto obs = read_observation(ind, raw, diags);
    if (messages)
      for (const auto& d : diags.items()) messages->push_back(format_diagnostic(d));
    return obs;
  };
  SUBCASE("numerator and denominator make a percentage") {
    RawValue raw;
    raw.year_text = "2025";
    raw.numerator = "5";
    raw.denominator = "8";
    const auto obs = read(ratio, raw);
    REQUIRE(obs);
    CHECK(obs->value == doctest::Approx(62.5));
    CHECK(obs->numerator == 5);
  }
  SUBCASE("impossible ratios") {
    std::vector<std::string> m;
    RawValue raw;
    raw.year_text = "2025";
    raw.numerator = "9";
    raw.denominator = "8";
    CHECK_FALSE(read(ratio, raw, &m));
    raw.numerator = "1";
    raw.denominator = "0";
    CHECK_FALSE(read(ratio, raw, &m));
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "d.yaml:3:9: error: value 9/8 for r in 2025 has a numerator above its denominator");
    CHECK(m[1] == "d.yaml:3:9: error: value 1/0 for r in 2025 needs a denominator above zero");
  }
  SUBCASE("numbers are strict; a trailing % is accepted") {
    Indicator n;
    n.id = "n";
    n.unit = "%";
    RawValue raw;
    raw.year_text = "2024-2025";
    raw.text = "52,1%";
    const auto obs = read(n, raw);
    REQUIRE(obs);
    CHECK(obs->value == doctest::Approx(52.1));
    CHECK(obs->year == 2025);
    std::vector<std::string> m;
    raw.text = "yes";
    CHECK_FALSE(read(n, raw, &m));
    raw.text = ".nan";
    CHECK_FALSE(read(n, raw, &m));
    raw.year_text = "next";
    CHECK_FALSE(read(n, raw, &m));
    REQUIRE(m.size() == 3);
    CHECK(m[0] == "d.yaml:3:9: error: value \"yes\" for n in 2024-2025 is not a number");
    CHECK(m[1] == "d.yaml:3:9: error: value \".nan\" for n in 2024-2025 is not a number");
    CHECK(m[2] == "d.yaml:3:9: error: year \"next\" of a value for n is not a year (2025) or a school year (\"2024-2025\")");
  }
  SUBCASE("flags") {
    Indicator f;
    f.id = "f";
    f.kind = Kind::Flag;
    RawValue raw;
    raw.year_text = "2025";
    for (auto [text, v] : {std::pair{"true", 1}, {"Đạt", 1}, {"có", 1}, {"false", 0}, {"chưa đạt", 0}, {"Không", 0}}) {
      raw.text = text;
      CHECK(read(f, raw)->value == v);
    }
    std::vector<std::string> m;
    raw.text = "yes";
    CHECK_FALSE(read(f, raw, &m));
    CHECK(m.at(0) == "d.yaml:3:9: error: value \"yes\" for f in 2025 is not a flag value; accepted: true/false, "
                     "\"đạt\"/\"chưa đạt\" or \"có\"/\"không\"");
  }
}

TEST_CASE("attach_values") {
  Diagnostics diags;
  auto doc = load_yaml_document(kHeader + "indicators: [{id: a, name: A, unit: \"%\", targets: {2030: 50}}]\n"
                                          "actuals:\n  a: {2025: 10, 2026: 12}\n  b: {2025: 1}\n",
                                "p.yaml", diags);
  REQUIRE_FALSE(diags.has_errors());
  Plan plan = *doc.plan;
  attach_values(plan, doc.inline_values, diags);
  RawValue conflict;
  conflict.indicator = "a";
  conflict.year_text = "2025";
  conflict.text = "11";
  conflict.where = {"data.csv", 4, 18};
  RawValue same = conflict;
  same.text = "10";
  attach_values(plan, {conflict, same}, diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(format_diagnostic(diags.items()[0]) ==
        "p.yaml:6:3: error: value for undefined indicator \"b\": plan ha-dong (p.yaml) has no such indicator");
  CHECK(format_diagnostic(diags.items()[1]) ==
        "data.csv:4:18: error: value \"11\" for a in 2025 is given twice with different values (also at p.yaml:5:13)");
  REQUIRE(plan.indicators[0].actuals.size() == 2);
  CHECK(plan.indicators[0].actuals[0].value == 10);
}
