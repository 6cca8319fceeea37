#include <doctest/doctest.h>

#include <fmt/format.h>
#include <map>
#include <memory>
#include <random>

#include "core/rollup/walk_diagnostics.hpp"

using namespace plancheck;

namespace {

// One file of a simulated walk, with what each stage found.
struct WalkedFile {
  std::string name;
  FileRole role;
  Diagnostics load, attach, derive, check;
};

// A random walk as stream.cpp makes one: each plan's stages name its own
// file and data files (shared by many plans, some of them workbooks with
// sheets); nothing names a plan's file but its own record. Mostly
// warnings, errors now and then (then later stages are not reported),
// sometimes past the per-file limit.
struct RandomWalk {
  std::vector<WalkedFile> files;
  Diagnostics after_load, after_attach;  // beside the files, after the walk

  explicit RandomWalk(unsigned seed, int plans, int error_odds) {
    std::mt19937 rng(seed);
    const auto odds = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)) == 0; };
    const auto sheet = std::make_shared<const std::string>("Số liệu");
    const auto other_sheet = std::make_shared<const std::string>("A");
    const auto book = std::make_shared<const std::string>("data/book.xlsx");
    const std::vector<std::string> data = {"data/shared.csv", "data/book.xlsx", "data/other.csv"};
    int message = 0;
    // A diagnostic somewhere: the given file, or a data file (a cell of the
    // workbook, or the workbook as a whole).
    const auto add = [&](Diagnostics& to, const std::string& own, bool may_err) {
      const bool error = may_err && odds(error_odds);
      Location where;
      const int line = static_cast<int>(rng() % 6), column = static_cast<int>(rng() % 3);
      switch (rng() % 8) {
        case 0: where = Location(data[rng() % data.size()], line, column); break;
        case 1: where = Location(book, odds(2) ? sheet : other_sheet, line, column); break;
        case 2: where = Location(book, nullptr, 0, 0); break;
        default: where = Location(own, line, column);
      }
      const std::string text = fmt::format("m{}", message++);
      error ? to.error(where, Message::verbatim(text)) : to.warning(where, Message::verbatim(text));
    };
    for (int i = 0; i < plans; ++i) {
      if (odds(5)) {
        WalkedFile d{data[rng() % data.size()], FileRole::Data, {}, {}, {}, {}};
        if (odds(3)) add(d.load, d.name, true);
        files.push_back(std::move(d));
      }
      WalkedFile p{"plans/p" + std::to_string(i) + ".yaml", FileRole::Plan, {}, {}, {}, {}};
      if (odds(8)) add(p.load, p.name, true);
      if (odds(8)) add(p.attach, p.name, true);
      if (odds(6)) add(p.derive, p.name, true);
      const int checks = odds(40) ? 130 : static_cast<int>(rng() % 4);
      for (int c = 0; c < checks; ++c) add(p.check, p.name, odds(4));
      files.push_back(std::move(p));
    }
    if (odds(6)) add(after_load, "missing-dir", true);
    if (odds(6)) add(after_attach, data[0], true);
  }

  WalkDiagnostics walked() const {
    WalkDiagnostics w;
    for (const WalkedFile& f : files) w.file(f.name, f.role, f.load, f.attach, f.derive, f.check);
    w.load_stage().append(after_load);
    w.attach_stage().append(after_attach);
    return w;
  }

  // As every diagnostic was held and printed before the walk spilled any:
  // each stage whole, in walk order, the later ones only without errors,
  // then Diagnostics::sort_by_location.
  Diagnostics held() const {
    Diagnostics load, attach, derive, check;
    for (const WalkedFile& f : files) {
      load.append(f.load);
      attach.append(f.attach);
      derive.append(f.derive);
      check.append(f.check);
    }
    load.append(after_load);
    attach.append(after_attach);
    Diagnostics all = load;
    all.append(attach);
    if (!all.has_errors()) all.append(derive);
    if (!all.has_errors()) all.append(check);
    return all;
  }
};

std::vector<std::string> lines(WalkDiagnostics& w) {
  std::vector<std::string> out;
  w.each([&](const Diagnostic& d) { out.push_back(format_diagnostic(d)); });
  return out;
}

std::vector<std::string> lines(Diagnostics d) {
  d.sort_by_location();
  std::vector<std::string> out;
  for (const Diagnostic& x : d.items()) out.push_back(format_diagnostic(x));
  return out;
}

}  // namespace

TEST_CASE("WalkDiagnostics::each") {
  SUBCASE("the order and counts of holding every diagnostic, whatever the walk") {
    for (unsigned seed = 1; seed <= 400; ++seed) {
      const RandomWalk walk(seed, 1 + static_cast<int>(seed % 25), seed % 3 == 0 ? 6 : 400);
      WalkDiagnostics w = walk.walked();
      const Diagnostics held = walk.held();
      CAPTURE(seed);
      REQUIRE(lines(w) == lines(held));
      CHECK(w.error_count() == held.error_count());
      CHECK(w.warning_count() == held.warning_count());
      CHECK(w.has_errors() == held.has_errors());
    }
  }
  SUBCASE("a walk larger than memory holds: spilled to a temporary file, read back the same, twice") {
    const RandomWalk walk(7, 3000, 100000);
    WalkDiagnostics w = walk.walked();
    const std::vector<std::string> expected = lines(walk.held());
    CHECK(expected.size() > 3000);
    CHECK(lines(w) == expected);
    CHECK(lines(w) == expected);
  }
  SUBCASE("nothing found") {
    WalkDiagnostics w;
    w.file("a.yaml", FileRole::Plan, {});
    CHECK(lines(w).empty());
    CHECK(w.files() == 1);
    CHECK(w.plan_files() == 1);
    CHECK(!w.has_errors());
  }
}

TEST_CASE("WalkDiagnostics::each_file") {
  SUBCASE("every file of the walk in order, with its lines as each gives them; then places beside the walk") {
    for (unsigned seed = 1; seed <= 200; ++seed) {
      const RandomWalk walk(seed, 1 + static_cast<int>(seed % 20), seed % 3 == 0 ? 6 : 400);
      WalkDiagnostics w = walk.walked();
      CAPTURE(seed);
      const std::vector<std::string> all = lines(w);
      std::vector<std::string> names;
      std::map<std::string, std::vector<std::string>> by_file;
      std::vector<std::string> beside;
      w.each_file([&](const FileDiagnostics& f) {
        if (!f.role) beside.push_back(f.file);
        if (f.role) names.push_back(f.file);
        std::vector<std::string> mine;
        for (const Diagnostic& d : f.items) {
          CHECK(d.where.file() == f.file);
          mine.push_back(format_diagnostic(d));
        }
        if (by_file.count(f.file)) CHECK(by_file[f.file] == mine);  // a file walked twice: the same lines
        by_file[f.file] = mine;
      });
      std::vector<std::string> walked;
      for (const WalkedFile& f : walk.files) walked.push_back(f.name);
      CHECK(names == walked);
      // Each file's lines are its lines of `each`, in that order.
      std::map<std::string, std::vector<std::string>> expected;
      w.each([&](const Diagnostic& d) { expected[d.where.file()].push_back(format_diagnostic(d)); });
      for (auto& [file, mine] : by_file)
        if (!mine.empty() || expected.count(file)) CHECK(expected[file] == mine);
      for (const std::string& b : beside) CHECK(!expected[b].empty());
      std::size_t total = 0;
      for (const auto& [file, mine] : expected) total += mine.size();
      CHECK(total == all.size());
      CHECK(w.files() == walk.files.size());
    }
  }
}
