#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli/app.hpp"
#include "cli/version.hpp"
#include "cli_run.hpp"

using namespace plancheck::cli;
using plancheck::test::Run;
using plancheck::test::run;

TEST_CASE("run_cli") {
  SUBCASE("--version and --help exit 0") {
    const Run v = run({"--version"});
    CHECK(v.code == 0);
    CHECK(v.out == version_line() + "\n");
    CHECK(v.out.starts_with("plancheck " PLANCHECK_VERSION));
    for (auto cmd : {"validate", "init"}) {
      const Run h = run({cmd, "--help"});
      CHECK(h.code == 0);
      CHECK(h.out.find("Usage:") != std::string::npos);
    }
  }
  SUBCASE("usage errors exit 2 with nothing on stdout") {
    for (auto args : {std::vector<const char*>{}, {"frobnicate"}, {"validate"}, {"validate", "--bogus", "x"},
                      {"init", "--unit", "Bad Id"}}) {
      const Run r = run(args);
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK_FALSE(r.err.empty());
    }
  }
  SUBCASE("the init template validates cleanly, from stdin") {
    const Run init = run({"init", "--unit", "xa-moi"});
    REQUIRE(init.code == 0);
    CHECK(init.out.find("id: xa-moi") != std::string::npos);
    const Run v = run({"validate", "--strict", "-"}, init.out);
    CHECK(v.err == "");
    CHECK(v.code == 0);
    CHECK(v.out == "ok  <stdin>  (xa-moi, 6 indicators, 0 warnings)\n1 plan, 6 indicators: no errors, 0 warnings\n");
  }
  SUBCASE("--strict turns lint warnings into exit 1") {
    const std::string plan =
        "plancheck: 1\nunit: {id: u, name: U}\nindicators:\n"
        "  - {id: a, name: A, unit: \"%\", baseline: {year: 2024, value: 50}, targets: {2025: 40}}\n";
    const Run lax = run({"validate", "-"}, plan);
    CHECK(lax.code == 0);
    CHECK(lax.err.find("<stdin>:4:84: warning: target \"40\"") == 0);
    const Run strict = run({"validate", "--strict", "-"}, plan);
    CHECK(strict.code == 1);
    CHECK(strict.out.find("1 warning") != std::string::npos);
  }
  SUBCASE("bad input exits 2 with every error and nothing on stdout") {
    const Run r = run({"validate", "-"}, "plancheck: 1\nunit: {id: u}\nindicators: [{id: a, name: A, targets: {2030: x}}]\n");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("<stdin>:2:7: error: unit has no \"name\" (required)\n") == 0);
    CHECK(r.err.find("<stdin>:3:47: error: target \"x\" for a in 2030 is not a number") != std::string::npos);
  }
  SUBCASE("a file that does not exist") {
    const Run r = run({"validate", "no/such/plan.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err == "no/such/plan.yaml: error: cannot open file: No such file or directory\n");
  }
  SUBCASE("out of memory, on a loader thread or not, is exit 2 with a message") {
    setenv("PLANCHECK_TEST_BAD_ALLOC", "1", 1);
    const Run threads = run({"validate", "plans/", "--jobs", "4"});
    const Run one = run({"evaluate", "plans/", "--jobs", "1"});
    const Run summary = run({"summary", "plans/", "--jobs", "4"});
    unsetenv("PLANCHECK_TEST_BAD_ALLOC");
    for (const Run& r : {threads, one, summary}) {
      CHECK(r.code == 2);
      CHECK(r.out.empty());
      CHECK(r.err == "plancheck: error: out of memory; check fewer or smaller files at a time, or use --jobs 1\n");
    }
  }
  SUBCASE("--output that must not be replaced: exit 2 before anything is read") {
    for (auto cmd : {"evaluate", "summary"}) {
      const Run r = run({cmd, "tests/fixtures/bad/bad-targets.yaml", "--output", "tests/fixtures/bad/bad-targets.yaml"});
      CHECK(r.code == 2);
      CHECK(r.err == "plancheck: error: --output tests/fixtures/bad/bad-targets.yaml is one of the inputs "
                     "(tests/fixtures/bad/bad-targets.yaml); the report would replace it: give another file\n");
    }
    const Run dev = run({"gaps", "tests/fixtures/good", "--output", "/dev/null"});
    CHECK(dev.code == 2);
    CHECK(dev.err == "plancheck: error: --output /dev/null is a character device; give a regular file (or leave out "
                     "--output to write to stdout)\n");
  }
  SUBCASE("--format xlsx refuses a terminal, not a pipe or --output") {
    const Run tty = run({"evaluate", "tests/fixtures/good", "--format", "xlsx"}, "", true);
    CHECK(tty.code == 2);
    CHECK(tty.out.empty());
    CHECK(tty.err == "plancheck: error: --format xlsx writes a binary file; give --output FILE.xlsx\n");
    const Run piped = run({"evaluate", "tests/fixtures/good", "--format", "xlsx"});
    CHECK(piped.err == "");
    CHECK(piped.out.starts_with("PK"));
    const std::string file = (std::filesystem::temp_directory_path() / "plancheck-test-cli.xlsx").string();
    const Run to_file = run({"evaluate", "tests/fixtures/good", "--format", "xlsx", "--output", file.c_str()}, "", true);
    CHECK(to_file.err == "");
    CHECK(to_file.out.empty());
    CHECK(std::filesystem::file_size(file) > 1000);
    std::filesystem::remove(file);
  }
  SUBCASE("a workbook that cannot be written exits 2 with the reason and nothing on stdout") {
    const char* old = std::getenv("TMPDIR");
    const std::string saved = old ? old : "";
    setenv("TMPDIR", "/nonexistent/plancheck", 1);
    const Run r = run({"evaluate", "tests/fixtures/good", "--format", "xlsx"});
    old ? setenv("TMPDIR", saved.c_str(), 1) : unsetenv("TMPDIR");
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "plancheck: error: cannot create a temporary file in /nonexistent/plancheck: No such file or directory\n");
  }
  SUBCASE("summary streams its rows, but publishes none when a filter matched nothing") {
    const std::string file = (std::filesystem::temp_directory_path() / "plancheck-test-cli-summary.txt").string();
    std::filesystem::remove(file);
    const Run r = run({"summary", "tests/fixtures/rollup", "--unit", "nowhere", "--output", file.c_str()});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "plancheck: error: --unit nowhere matches no unit; units: huyen-h, xa-a, xa-b\n");
    CHECK_FALSE(std::filesystem::exists(file));
  }
  SUBCASE("--strict with --quiet still says why it fails") {
    const Run r = run({"evaluate", "--strict", "--quiet", "tests/fixtures/suspicious"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("warning: preschool.enrolment in 2025: 0.78 looks like a fraction") != std::string::npos);
    CHECK(r.err.ends_with("plancheck: error: --strict: 4 warnings about the input; no results\n"));
  }
  SUBCASE("status lists take spaces around their commas") {
    const Run r = run({"evaluate", "tests/fixtures/good", "--fail-on", " missed , off-track ", "--status", "met, on-track"});
    CHECK(r.err == "");
    CHECK(r.code == 0);
    const Run bad = run({"evaluate", "tests/fixtures/good", "--fail-on", "missed, offtrack"});
    CHECK(bad.code == 2);
    CHECK(bad.err == "plancheck: error: --fail-on \"missed, offtrack\": \"offtrack\" (did you mean \"off-track\"?) is "
                     "not a status; accepted: met, on-track, at-risk, off-track, missed, unknown\n");
  }
}

TEST_CASE("message_language") {
  const auto lang = [](std::vector<const char*> args, plancheck::Lang env = plancheck::Lang::En) {
    args.insert(args.begin(), "plancheck");
    return message_language(static_cast<int>(args.size()), args.data(), env);
  };
  CHECK(lang({"validate", "x.yaml"}) == plancheck::Lang::En);
  CHECK(lang({"validate", "x.yaml"}, plancheck::Lang::Vi) == plancheck::Lang::Vi);
  CHECK(lang({"validate", "--lang", "vi", "x.yaml"}) == plancheck::Lang::Vi);
  CHECK(lang({"--lang=vi", "validate"}) == plancheck::Lang::Vi);
  CHECK(lang({"evaluate", "--lang", "en"}, plancheck::Lang::Vi) == plancheck::Lang::En);
  SUBCASE("the last one counts; a value CLI11 will refuse does not") {
    CHECK(lang({"evaluate", "--lang", "vi", "--lang", "en"}) == plancheck::Lang::En);
    CHECK(lang({"evaluate", "--lang", "fr"}, plancheck::Lang::Vi) == plancheck::Lang::Vi);
  }
  SUBCASE("not after --, not without a value") {
    CHECK(lang({"validate", "--", "--lang", "vi"}) == plancheck::Lang::En);
    CHECK(lang({"validate", "--lang"}) == plancheck::Lang::En);
  }
}

TEST_CASE("help_texts") {
  // Every description of --help, option group and CLI11 label has a
  // Vietnamese wording (the texts live in the commands' files, so the
  // phrase scan of test_lang.cpp cannot see them).
  std::size_t texts = 0;
  for (const std::string& text : help_texts()) {
    if (text.empty()) continue;
    ++texts;
    INFO(text);
    CHECK(plancheck::tr(plancheck::Lang::Vi, text) != text);
  }
  CHECK(texts > 50);
}

TEST_CASE("run_cli in Vietnamese") {
  SUBCASE("usage errors, CLI11's and ours") {
    Run r = run({"validate", "--lang", "vi", "--frobnicate", "tests/fixtures/good/"});
    CHECK(r.code == 2);
    CHECK(r.err == "đối số không hợp lệ: --frobnicate\nChạy với --help để xem thêm thông tin.\n");
    r = run({"evaluate", "tests/fixtures/good/", "--lang", "vi", "--status", "late"});
    CHECK(r.err == "plancheck: error: --status \"late\": \"late\" không phải là mức đánh giá; giá trị được chấp nhận: met, "
                   "on-track, at-risk, off-track, missed, unknown\n");
    r = run({"--lang=vi"});
    CHECK(r.err == "cần chỉ định một lệnh\nChạy với --help để xem thêm thông tin.\n");
    r = run({"evaluate", "tests/fixtures/good/", "--lang", "vi", "--as-of", "3000"});
    CHECK(r.err == "--as-of: giá trị 3000 nằm ngoài khoảng 1900 đến 2100\nChạy với --help để xem thêm thông tin.\n");
  }
  SUBCASE("what was perhaps meant, in Vietnamese too") {
    Run r = run({"evalute", "--lang", "vi"});
    CHECK(r.err == "không có lệnh \"evalute\" (có phải là \"evaluate\"?); các lệnh là evaluate, gaps, project, summary, "
                   "validate, init, template, catalogue, align, extract\nChạy với --help để xem thêm thông tin.\n");
    r = run({"evaluate", "tests/fixtures/good/", "--lang", "vi", "--formt", "json"});
    CHECK(r.err == "đối số không hợp lệ: --formt (có phải là \"--format\"?)\nChạy với --help để xem thêm thông tin.\n");
    r = run({"evaluate", "tests/fixtures/good/", "--lang", "vi", "--status", "ontrack"});
    CHECK(r.err == "plancheck: error: --status \"ontrack\": \"ontrack\" (có phải là \"on-track\"?) không phải là mức "
                   "đánh giá; giá trị được chấp nhận: met, on-track, at-risk, off-track, missed, unknown\n");
  }
  SUBCASE("our validators' refusals") {
    Run r = run({"evaluate", "tests/fixtures/good/", "--stage", "preschol", "--lang", "vi"});
    CHECK(r.code == 2);
    CHECK(r.err == "--stage: \"preschol\" (có phải là \"preschool\"?) không phải là cấp học; giá trị được chấp nhận: "
                   "preschool, primary, lower-secondary, upper-secondary, general, continuing, vocational, all\n"
                   "Chạy với --help để xem thêm thông tin.\n");
    r = run({"evaluate", "tests/fixtures/good/", "--stage", "preschol"});
    CHECK(r.err == "--stage: \"preschol\" (did you mean \"preschool\"?) is not a stage; accepted: preschool, primary, "
                   "lower-secondary, upper-secondary, general, continuing, vocational, all\n"
                   "Run with --help for more information.\n");
    r = run({"init", "--type", "xaa", "--lang", "vi"});
    CHECK(r.err == "--type: \"xaa\" không phải là loại đơn vị; giá trị được chấp nhận: commune, ward, district, city\n"
                   "Chạy với --help để xem thêm thông tin.\n");
  }
  SUBCASE("diagnostics keep their English keywords") {
    const Run r = run({"validate", "--lang", "vi", "tests/fixtures/bad/version.yaml"});
    CHECK(r.code == 2);
    CHECK(r.err.find("tests/fixtures/bad/version.yaml:1:12: error: phiên bản định dạng \"2\" không được hỗ trợ") == 0);
  }
  SUBCASE("help in Vietnamese, English by default") {
    CHECK(run({"validate", "--help", "--lang", "vi"}).out.find("Cách dùng: plancheck validate [TÙY CHỌN]") !=
          std::string::npos);
    CHECK(run({"validate", "--help"}).out.find("Usage: plancheck validate [OPTIONS]") != std::string::npos);
  }
}
