// Writing results: what --output may replace, the atomic writer, stdout
// errors, and exceptions (out of memory) crossing the loader's threads.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <numeric>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "cli/app.hpp"
#include "cli/atomic_file.hpp"
#include "cli/fd_stream.hpp"
#include "cli/output_target.hpp"
#include "core/util/parallel.hpp"

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

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("refuse_output") {
  TempDir dir;
  const std::string plan = dir.file("plan.yaml");
  const std::string data = dir.file("data.csv");
  const std::string other = dir.file("other.json");
  SUBCASE("a new file or an unrelated regular file may be written") {
    CHECK(refuse_output((dir.path / "new.json").string(), {plan}).str(Lang::En) == "");
    CHECK(refuse_output(other, {plan, data}).str(Lang::En) == "");
  }
  SUBCASE("a file that is not a regular file is refused") {
    CHECK(refuse_output("/dev/null", {plan}).str(Lang::En) ==
          "--output /dev/null is a character device; give a regular file (or leave out --output to write to stdout)");
    const std::string fifo = (dir.path / "fifo").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(refuse_output(fifo, {plan}).str(Lang::En) == "--output " + fifo +
                                             " is a FIFO (named pipe); give a regular file (or leave out --output to "
                                             "write to stdout)");
    CHECK(refuse_output(dir.path.string(), {plan}).str(Lang::En) ==
          "--output " + dir.path.string() + " is a directory; give a regular file (or leave out --output to write to stdout)");
    const std::string sock = (dir.path / "sock").string();
    const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(sock.size() < sizeof addr.sun_path);
    std::copy(sock.begin(), sock.end(), addr.sun_path);
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    CHECK(refuse_output(sock, {plan}).str(Lang::En) ==
          "--output " + sock + " is a socket; give a regular file (or leave out --output to write to stdout)");
    ::close(s);
  }
  SUBCASE("a symbolic link is judged by the file it leads to") {
    const std::string to_null = (dir.path / "null").string();
    fs::create_symlink("/dev/null", to_null);
    CHECK(refuse_output(to_null, {plan}).str(Lang::En) ==
          "--output " + to_null + " is a character device; give a regular file (or leave out --output to write to stdout)");
    const std::string loop = (dir.path / "loop").string();
    fs::create_symlink("loop", loop);
    CHECK(refuse_output(loop, {plan}).str(Lang::En) == "--output " + loop + ": Too many levels of symbolic links");
  }
  SUBCASE("an input is refused, whatever its name") {
    const std::string refused = " is one of the inputs (" + plan + "); the report would replace it: give another file";
    CHECK(refuse_output(plan, {plan}).str(Lang::En) == "--output " + plan + refused);
    CHECK(refuse_output(data, {plan, data}).str(Lang::En) ==
          "--output " + data + " is one of the inputs (" + data + "); the report would replace it: give another file");
    const std::string link = (dir.path / "link.json").string();
    fs::create_symlink("plan.yaml", link);
    CHECK(refuse_output(link, {plan}).str(Lang::En) == "--output " + link + refused);
    const std::string hard = (dir.path / "hard.json").string();
    fs::create_hard_link(plan, hard);
    CHECK(refuse_output(hard, {plan}).str(Lang::En) == "--output " + hard + refused);
    const std::string walked = (dir.path / "plan.yaml").generic_string();
    CHECK(refuse_output(plan, {dir.path.string()}).str(Lang::En) ==
          "--output " + plan + " is one of the inputs (" + walked + "); the report would replace it: give another file");
  }
}

TEST_CASE("temp_pattern") {
  SUBCASE("a dot before the name, a suffix after, in the same directory") {
    CHECK(temp_pattern("out/report.json") == "out/.report.json.tmp.XXXXXX");
    CHECK(temp_pattern("report.json") == "./.report.json.tmp.XXXXXX");
  }
  SUBCASE("a name near NAME_MAX is shortened, never cut inside a character") {
    const std::string name = std::string(NAME_MAX - 5, 'a') + ".json";
    CHECK(fs::path(temp_pattern("d/" + name)).filename().string() == "." + std::string(NAME_MAX - 12, 'a') + ".tmp.XXXXXX");
    const std::string accented = std::string(NAME_MAX - 13, 'a') + "\xC3\xA9" + "b.json";  // "é" across the cut
    CHECK(fs::path(temp_pattern(accented)).filename().string() == "." + std::string(NAME_MAX - 13, 'a') + ".tmp.XXXXXX");
  }
}

TEST_CASE("write_atomically") {
  TempDir dir;
  SUBCASE("a name of NAME_MAX bytes") {
    const fs::path target = dir.path / (std::string(NAME_MAX - 5, 'r') + ".json");
    CHECK(write_atomically(target.string(), "{}\n").str(Lang::En) == "");
    CHECK(read(target) == "{}\n");
  }
  SUBCASE("through a symbolic link: the link stays, its target is replaced") {
    fs::create_directory(dir.path / "reports");
    const std::string target = dir.file("reports/2026.json", "old\n");
    fs::create_symlink("reports/2026.json", dir.path / "latest.json");
    CHECK(write_atomically((dir.path / "latest.json").string(), "new\n").str(Lang::En) == "");
    CHECK(fs::is_symlink(dir.path / "latest.json"));
    CHECK(read(target) == "new\n");
    CHECK(std::distance(fs::directory_iterator(dir.path / "reports"), fs::directory_iterator()) == 1);
  }
  SUBCASE("a link to a file not yet created creates it") {
    fs::create_symlink("made.json", dir.path / "link.json");
    CHECK(write_atomically((dir.path / "link.json").string(), "made\n").str(Lang::En) == "");
    CHECK(fs::is_symlink(dir.path / "link.json"));
    CHECK(read(dir.path / "made.json") == "made\n");
  }
  SUBCASE("a directory that does not exist") {
    CHECK(write_atomically((dir.path / "missing/r.json").string(), "x").str(Lang::En) ==
          "cannot create a temporary file next to it: No such file or directory");
  }
}

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
