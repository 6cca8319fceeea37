// Writing results: stdout errors, and exceptions (out of memory) crossing
// the loader's threads.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <new>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <vector>

#include "cli/fd_stream.hpp"
#include "core/parallel.hpp"

using namespace plancheck;
using namespace plancheck::cli;
namespace fs = std::filesystem;

namespace {

// A fresh directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "plancheck-test-io.XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& name, const std::string& text = "x\n") const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

}  // namespace

TEST_CASE("FdStreamBuf") {
  SUBCASE("keeps the reason of a failed write") {
    const int fd = ::open("/dev/full", O_WRONLY);
    REQUIRE(fd >= 0);
    FdStreamBuf buf(fd);
    std::ostream out(&buf);
    out << "results\n";
    CHECK(out.good());  // buffered so far
    out.flush();
    CHECK_FALSE(out.good());
    CHECK(buf.error() == ENOSPC);
    ::close(fd);
  }
  SUBCASE("writes everything to a good file") {
    TempDir dir;
    const std::string file = dir.file("out.txt", "");
    const int fd = ::open(file.c_str(), O_WRONLY);
    {
      FdStreamBuf buf(fd);
      std::ostream out(&buf);
      out << std::string(200000, 'x') << '\n';
      out.flush();
      CHECK(out.good());
      CHECK(buf.error() == 0);
    }
    ::close(fd);
    CHECK(fs::file_size(file) == 200001);
  }
}

TEST_CASE("parallel_ordered") {
  const auto run = [](unsigned jobs, int throw_in_work, int throw_in_consume) {
    int n = 0;
    std::vector<int> seen;
    parallel_ordered<int, int>(
        jobs, [&]() -> std::optional<int> { return n < 100 ? std::optional<int>(n++) : std::nullopt; },
        [&](int i) {
          if (i == throw_in_work) throw std::bad_alloc();
          return i;
        },
        [&](int r) {
          if (r == throw_in_consume) throw std::runtime_error("consume");
          seen.push_back(r);
        });
    return seen;
  };
  SUBCASE("results in input order") {
    std::vector<int> all(100);
    std::iota(all.begin(), all.end(), 0);
    CHECK(run(4, -1, -1) == all);
    CHECK(run(1, -1, -1) == all);
  }
  SUBCASE("an exception in a worker reaches the calling thread") {
    CHECK_THROWS_AS(run(4, 37, -1), std::bad_alloc);
    CHECK_THROWS_AS(run(1, 37, -1), std::bad_alloc);
  }
  SUBCASE("an exception while consuming ends the workers") {
    CHECK_THROWS_WITH_AS(run(4, -1, 5), "consume", std::runtime_error);
  }
}
