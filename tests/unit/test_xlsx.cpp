#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "core/reading/batch.hpp"
#include "render/xlsx_report.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

// The worksheets of an .xlsx file, counted by their part names, which a zip
// stores uncompressed (in the local header and the central directory).
int sheet_parts(const std::string& xlsx) {
  int n = 0;
  for (int i = 1;; ++i) {
    const std::string part = "xl/worksheets/sheet" + std::to_string(i) + ".xml";
    if (xlsx.find(part) == std::string::npos) return n;
    ++n;
  }
}

bool is_zip(const std::string& bytes) { return bytes.starts_with("PK\x03\x04"); }

struct Evaluated {
  Batch batch;
  Report report;
  explicit Evaluated(const std::vector<std::string>& paths) : batch(test::load_good(paths)) {
    evaluate();
  }
  void evaluate() {
    report = Report{};
    report.as_of = 2026;
    for (const Plan& p : batch.plans) report.units.push_back(evaluate_plan(p, report.as_of, {}));
  }
};

// Sets an environment variable for the scope of a test.
class EnvVar {
 public:
  EnvVar(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~EnvVar() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("unique_sheet_name") {
  std::vector<std::string> taken;
  SUBCASE("characters Excel forbids become '_', apostrophes at the ends go") {
    CHECK(unique_sheet_name("a[b]:c*d?e/f\\g", taken) == "a_b__c_d_e_f_g");
    CHECK(unique_sheet_name("'quoted'", taken) == "quoted");
    CHECK(unique_sheet_name("''", taken) == "_");
  }
  SUBCASE("at most 31 characters, counted as characters, not bytes") {
    CHECK(unique_sheet_name("a-unit-id-much-longer-than-thirty-one-characters", taken) == "a-unit-id-much-longer-than-thir");
    const std::string vi = unique_sheet_name("Tổng hợp chỉ tiêu giáo dục mầm non và phổ thông", taken);
    CHECK(vi == "Tổng hợp chỉ tiêu giáo dục mầm ");
  }
  SUBCASE("a clash, compared without case, gets a number in place of its last characters") {
    CHECK(unique_sheet_name("Summary", taken) == "Summary");
    CHECK(unique_sheet_name("summary", taken) == "summary~2");
    CHECK(unique_sheet_name("SUMMARY", taken) == "SUMMARY~3");
    CHECK(unique_sheet_name("a-unit-id-much-longer-than-thirty-one-characters-1", taken) == "a-unit-id-much-longer-than-thir");
    CHECK(unique_sheet_name("a-unit-id-much-longer-than-thirty-one-characters-2", taken) == "a-unit-id-much-longer-than-th~2");
    CHECK(taken.size() == 5);
  }
  SUBCASE("Excel reserves History") { CHECK(unique_sheet_name("history", taken) == "history~2"); }
}

TEST_CASE("render_xlsx") {
  Evaluated e({"tests/fixtures/good"});
  REQUIRE(e.report.units.size() == 1);
  const SummaryTail tail = summarize(e.report, {});
  SUBCASE("a zip with the summary, the roll-up and one sheet per unit, in either language") {
    for (Lang lang : {Lang::Vi, Lang::En}) {
      const std::string xlsx = render_xlsx(e.report, tail, lang);
      CHECK(is_zip(xlsx));
      CHECK(sheet_parts(xlsx) == 3);
    }
  }
  SUBCASE("an empty report still has its summary and roll-up sheets") {
    const std::string xlsx = render_xlsx(Report{}, SummaryTail{}, Lang::Vi);
    CHECK(is_zip(xlsx));
    CHECK(sheet_parts(xlsx) == 2);
  }
  SUBCASE("unit ids that clash with a sheet name or with each other once cut to 31 characters") {
    Plan plan = e.batch.plans.front();
    e.batch.plans.clear();
    for (const char* id : {"summary", "roll-up", "a-unit-id-much-longer-than-thirty-one-characters-1",
                           "a-unit-id-much-longer-than-thirty-one-characters-2"}) {
      e.batch.plans.push_back(plan);
      e.batch.plans.back().unit.id = id;
    }
    e.evaluate();
    const std::string xlsx = render_xlsx(e.report, summarize(e.report, {}), Lang::En);
    CHECK(is_zip(xlsx));
    CHECK(sheet_parts(xlsx) == 6);
  }
  SUBCASE("the temporary file is removed; a temporary directory that cannot be used is an XlsxError") {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "plancheck-test-xlsx";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directory(dir);
    {
      const EnvVar tmpdir("TMPDIR", dir.string());
      CHECK(is_zip(render_xlsx(e.report, tail, Lang::Vi)));
      CHECK(std::filesystem::is_empty(dir));
      std::filesystem::remove_all(dir);
      CHECK_THROWS_WITH_AS(render_xlsx(e.report, tail, Lang::Vi),
                           ("cannot create a temporary file in " + dir.string() + ": No such file or directory").c_str(),
                           XlsxError);
    }
  }
}
