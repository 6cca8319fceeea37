#include <doctest/doctest.h>

#include <memory>
#include <sstream>

#include "render/validate_report.hpp"

using namespace plancheck;

namespace {

std::string github(WalkDiagnostics& w, const ValidateFacts& facts = {}) {
  std::ostringstream out;
  write_validate_github(out, w, facts);
  return out.str();
}

}  // namespace

TEST_CASE("write_validate_github") {
  WalkDiagnostics w;
  SUBCASE("file, line and column as properties, escaped as GitHub requires; a whole file has no line") {
    Diagnostics load;
    load.error(Location("plans/a,b:c.yaml", 3, 7), Message::verbatim("100% bad\nline"));
    load.error(Location("plans/a,b:c.yaml", 5, 0), Message::verbatim("no column"));
    load.error(Location("plans/a,b:c.yaml", 0, 0), Message::verbatim("the whole file"));
    w.file("plans/a,b:c.yaml", FileRole::Plan, load);
    CHECK(github(w) ==
          "::error file=plans/a%2Cb%3Ac.yaml::the whole file\n"
          "::error file=plans/a%2Cb%3Ac.yaml,line=3,col=7::100%25 bad%0Aline\n"
          "::error file=plans/a%2Cb%3Ac.yaml,line=5::no column\n");
  }
  SUBCASE("a spreadsheet cell: named in the message, no line") {
    Diagnostics load;
    load.warning(Location(std::make_shared<const std::string>("d.xlsx"), std::make_shared<const std::string>("Số liệu"),
                          7, 3), Message::verbatim("odd"));
    w.file("d.xlsx", FileRole::Data, load);
    CHECK(github(w) == "::warning file=d.xlsx::'Số liệu'!C7: odd\n");
  }
  SUBCASE("ten of each kind, then a notice; an input error has no file") {
    Diagnostics check;
    for (int i = 1; i <= 12; ++i) check.warning(Location("p.yaml", i, 1), Message::verbatim("w"));
    w.file("p.yaml", FileRole::Plan, {}, {}, {}, check);
    const std::string out = github(w, {{"no plan in x/"}, false});
    CHECK(out.find("::warning file=p.yaml,line=10,col=1::w\n::error::no plan in x/\n::notice ") != std::string::npos);
    CHECK(out.find("line=11") == std::string::npos);
    CHECK(out.find("0 more error(s) and 2 more warning(s) not shown") != std::string::npos);
  }
}

TEST_CASE("write_validate_junit") {
  WalkDiagnostics w;
  Diagnostics broken;
  broken.error(Location("b<&>.yaml", 2, 1), Message::verbatim("bad \"x\""));
  w.file("a.yaml", FileRole::Plan, {});
  w.file("b<&>.yaml", FileRole::Plan, broken);
  std::ostringstream out;
  write_validate_junit(out, w, {});
  const std::string xml = out.str();
  CHECK(xml.find("<testsuites name=\"plancheck validate\" tests=\"2\" failures=\"1\"") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"plan\" name=\"a.yaml\" file=\"a.yaml\" time=\"0\"/>") != std::string::npos);
  CHECK(xml.find("<failure type=\"error\" message=\"bad &quot;x&quot;\">b&lt;&amp;&gt;.yaml:2:1: error: bad "
                 "&quot;x&quot;</failure>") != std::string::npos);
}

TEST_CASE("write_validate_json") {
  WalkDiagnostics w;
  w.file("a.yaml", FileRole::Plan, {});
  std::ostringstream out;
  write_validate_json(out, w, {{"no plan"}, false});
  CHECK(out.str() ==
        "{\n  \"plancheck\": 1,\n  \"files\": 1,\n  \"plans\": 1,\n  \"data_files\": 0,\n  \"errors\": 1,\n"
        "  \"warnings\": 0,\n  \"diagnostics\": [\n    {\n      \"file\": null,\n      \"sheet\": null,\n"
        "      \"line\": null,\n      \"column\": null,\n      \"severity\": \"error\",\n"
        "      \"message\": \"no plan\"\n    }\n  ]\n}\n");
}
