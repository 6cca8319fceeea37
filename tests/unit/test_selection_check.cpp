#include <doctest/doctest.h>

#include "core/reading/loader.hpp"
#include "core/evaluation/selection_check.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

Plan plan(const std::string& unit, const std::string& indicators) {
  Diagnostics diags;
  auto doc = load_yaml_document("plancheck: 1\nunit: {id: " + unit + ", name: U}\nindicators:\n" + indicators, unit + ".yaml",
                                diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  return std::move(*doc.plan);
}

std::vector<std::string> english(const std::vector<Message>& messages) {
  std::vector<std::string> out;
  for (const Message& m : messages) out.push_back(m.str(Lang::En));
  return out;
}

// Two units: xa-a (a preschool rate in group "Mầm non"), xa-b (a primary count).
std::vector<std::string> errors(Selection sel) {
  SelectionCheck check(std::move(sel));
  check.add(plan("xa-a", "  - {id: preschool.rate, name: R, unit: \"%\", stage: preschool, group: \"Mầm non\", "
                         "targets: {2030: 90}}\n"));
  check.add(plan("xa-b", "  - {id: primary.classes, name: C, unit: classes, stage: primary, group: schools, "
                         "targets: {2030: 30}}\n"));
  return english(check.errors({"plans/"}));
}

using Errors = std::vector<std::string>;

}  // namespace

TEST_CASE("SelectionCheck") {
  SUBCASE("no filter, or filters that match: no error") {
    CHECK(errors({}) == Errors{});
    CHECK(errors({{"xa-a"}, "preschool", "Mầm non", "preschool.*", {}}) == Errors{});
  }
  SUBCASE("--unit naming no unit, among others that do") {
    CHECK(errors({{"xa-a", "nowhere"}, "", "", "", {}}) == Errors{"--unit nowhere matches no unit; units: xa-a, xa-b"});
  }
  SUBCASE("--indicator, --stage, --group each on its own") {
    CHECK(errors({{}, "vocational", "", "", {}}) ==
          Errors{"--stage vocational matches no indicator; stages: preschool, primary"});
    CHECK(errors({{}, "", "", "secondary.*", {}}) ==
          Errors{"--indicator secondary.* matches no indicator; indicators: preschool.rate, primary.classes"});
    CHECK(errors({{}, "", "Mầm", "", {}}) ==
          Errors{"--group Mầm matches no indicator (a group is matched by its whole name); groups: Mầm non, schools"});
    CHECK(errors({{}, "", "mầm non", "", {}}) ==
          Errors{"--group \"mầm non\" matches no indicator (a group is matched by its whole name); groups: Mầm non, "
                 "schools"});
  }
  SUBCASE("every filter that matches nothing is named") {
    CHECK(errors({{"nowhere"}, "vocational", "", "", {}}) ==
          Errors{"--unit nowhere matches no unit; units: xa-a, xa-b",
                 "--stage vocational matches no indicator; stages: preschool, primary"});
  }
  SUBCASE("filters that match apart but not together") {
    CHECK(errors({{"xa-b"}, "preschool", "", "", {}}) ==
          Errors{"--unit xa-b --stage preschool together match no indicator; each matches on its own"});
  }
  SUBCASE("--status is not an input filter") { CHECK(errors({{}, "", "", "", {Status::Missed}}) == Errors{}); }
  SUBCASE("no plan") {
    SelectionCheck none({});
    CHECK(english(none.errors({"data/", "-"})) ==
          Errors{"no plan in data/, <stdin>; a plan is a YAML file with \"unit:\" and \"indicators:\""});
  }
}

TEST_CASE("NameSample") {
  SUBCASE("sorted, the first few, then an ellipsis") {
    NameSample s(2);
    for (const char* n : {"c", "a", "b", "a"}) s.add(n);
    CHECK(s.text().str(Lang::En) == "a, b, …");
  }
  SUBCASE("none") { CHECK(NameSample(3).text().str(Lang::En) == "none"); }
}
