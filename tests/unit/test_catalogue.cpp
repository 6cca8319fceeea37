#include <doctest/doctest.h>

#include <set>

#include "core/evaluation/lint.hpp"
#include "core/reading/catalogue_reader.hpp"
#include "core/reading/loader.hpp"
#include "render/catalogue.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

const std::string kSources = "plancheck-catalogue: 1\nsources: {tt: \"Thông tư 1\"}\nindicators:\n";

std::string read_messages(const std::string& text) {
  Diagnostics diags;
  read_catalogue(text, "c.yaml", diags);
  return test::messages(diags);
}

Indicator named(std::string name, std::string stage = "") {
  Indicator ind;
  ind.id = "x.local";
  ind.name = std::move(name);
  ind.stage = std::move(stage);
  return ind;
}

const std::string kPlan = R"(plancheck: 1
unit: {id: ha-dong, name: "Xã Hà Đông", type: xã}
indicators:
)";

}  // namespace

TEST_CASE("builtin_catalogue") {
  Diagnostics diags;
  const Catalogue catalogue = read_catalogue(builtin_catalogue_text(), "catalogue/indicators.yaml", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), test::messages(diags));
  CHECK(diags.items().empty());
  SUBCASE("every entry is complete: names in both languages, a stage, a cited national source") {
    std::set<std::string> ids;
    for (const CatalogueEntry& e : catalogue.entries()) {
      CAPTURE(e.indicator.id);
      CHECK(ids.insert(e.indicator.id).second);
      CHECK_FALSE(e.indicator.name.empty());
      CHECK_FALSE(e.indicator.name_en.empty());
      CHECK_FALSE(e.indicator.stage.empty());
      CHECK_FALSE(e.sources.empty());
      if (!e.sdg.empty()) CHECK(e.sdg.rfind("4.", 0) == 0);
    }
  }
  SUBCASE("no entry looks like another: each is told apart by its name") {
    for (const CatalogueEntry& e : catalogue.entries()) {
      Indicator copy = e.indicator;
      copy.id = "copy";
      CAPTURE(e.indicator.id);
      const CatalogueEntry* found = catalogue.looks_like(copy);
      REQUIRE(found != nullptr);
      CHECK(found->indicator.id == e.indicator.id);
    }
  }
  CHECK(&builtin_catalogue() == &builtin_catalogue());
  CHECK(builtin_catalogue().entries().size() == catalogue.entries().size());
}

TEST_CASE("read_catalogue") {
  SUBCASE("an entry without a source") {
    CHECK(read_messages(kSources + "  - {id: a, name: A, name_en: A}\n") ==
          "c.yaml:4:5: error: catalogue entry a cites no national source (\"source\")\n");
  }
  SUBCASE("a source that \"sources\" does not define") {
    CHECK(read_messages(kSources + "  - {id: a, name: A, name_en: A, source: tt-2}\n") ==
          "c.yaml:4:42: error: \"source\" of catalogue entry a is \"tt-2\", which \"sources\" does not define\n");
  }
  SUBCASE("duplicate ids") {
    CHECK(read_messages(kSources + "  - {id: a, name: A, name_en: A, source: tt}\n  - {id: a, name: B, name_en: B, source: tt}\n") ==
          "c.yaml:5:10: error: duplicate catalogue id \"a\"\n");
  }
  SUBCASE("an entry without an English name") {
    CHECK(read_messages(kSources + "  - {id: a, name: A, source: tt}\n") ==
          "c.yaml:4:5: error: catalogue entry a has no English name (\"name_en\")\n");
  }
  SUBCASE("the descriptive fields of a plan's indicator, read the same way") {
    Diagnostics diags;
    const Catalogue c = read_catalogue(kSources + "  - {id: a, name: A, name_en: B, kind: ratio, unit: pupils/class, "
                                                  "better: lower, stage: primary, sdg: \"4.1.2\", source: [tt], "
                                                  "aliases: [\"Số A\"]}\n", "c.yaml", diags);
    REQUIRE(c.entries().size() == 1);
    const CatalogueEntry& e = c.entries().front();
    CHECK(e.indicator.kind == Kind::Ratio);
    CHECK(e.indicator.better == Better::Lower);
    CHECK(e.indicator.unit == "pupils/class");
    CHECK(e.sources == std::vector<std::string>{"Thông tư 1"});
    CHECK(e.sdg == "4.1.2");
    CHECK(e.aliases == std::vector<std::string>{"Số A"});
  }
}

TEST_CASE("Catalogue::looks_like") {
  const Catalogue& c = builtin_catalogue();
  SUBCASE("the catalogue's name, in other case and without diacritics") {
    const CatalogueEntry* e = c.looks_like(named("TỶ LỆ TRẺ SUY DINH DƯỠNG"));
    REQUIRE(e);
    CHECK(e->indicator.id == "preschool.malnutrition");
    CHECK(c.looks_like(named("ty le tre suy dinh duong"))->indicator.id == "preschool.malnutrition");
  }
  SUBCASE("an alias, without its opening \"Tỷ lệ\"") {
    CHECK(c.looks_like(named("Huy động nhà trẻ"))->indicator.id == "preschool.creche-enrolment");
  }
  SUBCASE("a typo a few letters away") {
    CHECK(c.looks_like(named("Tỷ lệ huy động trẻ nhà trẻ ra lớpp"))->indicator.id == "preschool.creche-enrolment");
  }
  SUBCASE("a name of its own") { CHECK(c.looks_like(named("Số thư viện thân thiện")) == nullptr); }
  SUBCASE("a stage that contradicts the entry's") {
    CHECK(c.looks_like(named("Tỷ lệ trẻ suy dinh dưỡng", "primary")) == nullptr);
  }
  SUBCASE("already the catalogue's id, or a ref") {
    Indicator by_id = named("Tỷ lệ trẻ suy dinh dưỡng");
    by_id.id = "preschool.malnutrition";
    CHECK(c.looks_like(by_id) == nullptr);
    Indicator by_ref = named("Tỷ lệ trẻ suy dinh dưỡng");
    by_ref.ref = "preschool.malnutrition";
    CHECK(c.looks_like(by_ref) == nullptr);
  }
}

TEST_CASE("Catalogue::search") {
  const Catalogue& c = builtin_catalogue();
  SUBCASE("by a word of the name, without diacritics") {
    const auto found = c.search("suy dinh duong");
    REQUIRE(found.size() == 1);
    CHECK(found.front()->indicator.id == "preschool.malnutrition");
  }
  SUBCASE("by SDG code") {
    for (const CatalogueEntry* e : c.search("4.2.2")) CHECK(e->sdg == "4.2.2");
  }
  SUBCASE("by source") { CHECK_FALSE(c.search("Thông tư 28/2020").empty()); }
  SUBCASE("nothing") { CHECK(c.search("không có chỉ tiêu này").empty()); }
}

TEST_CASE("load_yaml_document ref") {
  const auto load = [](const std::string& body, std::string* messages = nullptr) {
    Diagnostics diags;
    auto doc = load_yaml_document(kPlan + body, "p.yaml", diags);
    if (messages) *messages = test::messages(diags);
    return doc;
  };
  SUBCASE("inherits every field it does not set; its own name wins") {
    const auto doc = load("  - {id: kh.nha-tre, ref: preschool.creche-enrolment, name: \"Huy động nhà trẻ\", "
                          "targets: {2030: \"50%\"}}\n");
    REQUIRE(doc.plan);
    const Indicator& ind = doc.plan->indicators.front();
    CHECK(ind.id == "kh.nha-tre");
    CHECK(ind.ref == "preschool.creche-enrolment");
    CHECK(ind.name == "Huy động nhà trẻ");
    CHECK(ind.name_en == "Crèche enrolment rate (children aged 0–2)");
    CHECK(ind.unit == "%");
    CHECK(ind.stage == "preschool");
    CHECK(ind.denominator_label == "children");
  }
  SUBCASE("a field it sets is its own") {
    const auto doc = load("  - {id: a, ref: preschool.creche-enrolment, stage: all, unit: children, "
                          "targets: {2030: 50}}\n");
    REQUIRE(doc.plan);
    const Indicator& ind = doc.plan->indicators.front();
    CHECK(ind.stage == "all");
    CHECK(ind.unit == "children");
    CHECK(ind.name == "Tỷ lệ huy động trẻ nhà trẻ ra lớp");
  }
  SUBCASE("the catalogue's note stays the catalogue's") {
    const auto doc = load("  - {id: preschool.malnutrition, ref: preschool.malnutrition, targets: {2030: \"< 2%\"}}\n");
    REQUIRE(doc.plan);
    CHECK(doc.plan->indicators.front().note.empty());
    CHECK_FALSE(builtin_catalogue().find("preschool.malnutrition")->note.empty());
  }
  SUBCASE("a norm keeps its basis") {
    const auto doc = load("  - {id: th.si-so, ref: primary.pupils-per-class, targets: {2030: \"<= 35\"}}\n");
    REQUIRE(doc.plan);
    CHECK(doc.plan->indicators.front().norm);
    CHECK(doc.plan->indicators.front().basis_ref == "Thông tư 28/2020/TT-BGDĐT");
  }
  SUBCASE("an unknown ref") {
    std::string messages;
    load("  - {id: a, name: A, ref: preschool.creche, targets: {2030: 50}}\n", &messages);
    CHECK(messages == "p.yaml:4:27: error: \"ref\" is \"preschool.creche\", which is not in plancheck's catalogue; "
                      "`plancheck catalogue` lists its ids\n");
  }
  SUBCASE("no name and no ref") {
    std::string messages;
    load("  - {id: a, targets: {2030: 50}}\n", &messages);
    CHECK(messages == "p.yaml:4:5: error: indicator a has no \"name\" (required)\n");
  }
}

TEST_CASE("lint_plan catalogue") {
  Diagnostics diags;
  const auto doc = load_yaml_document(kPlan + "  - {id: tre.sdd, name: \"Tỷ lệ trẻ suy dinh dưỡng\", unit: \"%\", "
                                              "better: lower, targets: {2030: \"< 5%\"}}\n", "p.yaml", diags);
  REQUIRE(doc.plan);
  lint_plan(*doc.plan, diags);
  CHECK(test::messages(diags) ==
        "p.yaml:4:10: warning: tre.sdd looks like the catalogue's preschool.malnutrition (\"Tỷ lệ trẻ suy dinh "
        "dưỡng\"); add \"ref: preschool.malnutrition\" or use that id, so roll-ups pool it with other units' "
        "preschool.malnutrition\n");
}

TEST_CASE("render_catalogue_json") {
  const auto found = builtin_catalogue().search("suy dinh duong");
  const std::string json = render_catalogue_json(found);
  CHECK(json.find("\"id\": \"preschool.malnutrition\"") != std::string::npos);
  CHECK(json.find("\"better\": \"lower\"") != std::string::npos);
}
