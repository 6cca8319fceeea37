#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz_targets.hpp"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void feed(plancheck::fuzz::Entry entry, const fs::path& dir, std::size_t& n) {
  if (!fs::is_directory(dir)) return;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string data = slurp(e.path());
    CAPTURE(e.path().string());
    entry(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    ++n;
  }
}
}  // namespace

TEST_CASE("fuzz regressions") {
  const fs::path root = PLANCHECK_SOURCE_DIR;
  std::size_t n = 0;
  for (const char* name : {"plan_loader", "target", "csv", "formula", "report", "spreadsheet"})
    feed(plancheck::fuzz::entry(name), root / "fuzz" / "regressions" / name, n);
  // The seed corpus itself must pass too.
  feed(plancheck::fuzz::plan_loader, root / "plans", n);
  feed(plancheck::fuzz::report, root / "plans", n);
  feed(plancheck::fuzz::plan_loader, root / "tests" / "hostile", n);
  feed(plancheck::fuzz::report, root / "tests" / "hostile", n);
  feed(plancheck::fuzz::csv, root / "examples", n);
  CHECK(n > 10);
}
