#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "core/reading/walk.hpp"
#include "test_support.hpp"

using namespace plancheck;
namespace fs = std::filesystem;

namespace {

// plans/a.yaml, plans/sub/b.yaml in a fresh temporary directory.
fs::path make_tree() {
  const fs::path root = fs::temp_directory_path() / ("plancheck-walk-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "plans" / "sub");
  std::ofstream(root / "plans" / "a.yaml") << "x";
  std::ofstream(root / "plans" / "sub" / "b.yaml") << "x";
  return root;
}

}  // namespace

TEST_CASE("PathWalker") {
  const fs::path root = make_tree();
  const std::string plans = (root / "plans").generic_string();
  SUBCASE("every file, depth first") {
    Diagnostics diags;
    CHECK(expand_paths({plans}, diags) == std::vector<std::string>{plans + "/a.yaml", plans + "/sub/b.yaml"});
    CHECK(test::messages(diags) == "");
  }
  SUBCASE("a subdirectory that cannot be listed is an error naming it, not skipped") {
    // Injected: as root (CI containers), chmod 000 does not stop reading.
    const ListDirectory denied = [&](const fs::path& dir, std::error_code& ec) {
      if (dir.filename() == "sub") {
        ec = std::make_error_code(std::errc::permission_denied);
        return std::vector<fs::path>{};
      }
      return list_directory(dir, ec);
    };
    Diagnostics diags;
    PathWalker walker({plans}, denied);
    std::vector<std::string> files;
    while (auto p = walker.next(diags)) files.push_back(*p);
    CHECK(files == std::vector<std::string>{plans + "/a.yaml"});
    CHECK(test::messages(diags) == plans + "/sub: error: cannot read directory: Permission denied\n");
  }
  SUBCASE("chmod 000 on a subdirectory, for a user it stops") {
    fs::permissions(root / "plans" / "sub", fs::perms::none);
    const bool blocked = ::access((root / "plans" / "sub").c_str(), R_OK) != 0;
    Diagnostics diags;
    const auto files = expand_paths({plans}, diags);
    if (blocked) {
      CHECK(files == std::vector<std::string>{plans + "/a.yaml"});
      CHECK(test::messages(diags) == plans + "/sub: error: cannot read directory: Permission denied\n");
    } else {
      // Root reads it anyway: nothing is unreadable, so nothing may be reported.
      MESSAGE("running as root: chmod 000 does not block reading; the injected failure above covers the error");
      CHECK(files.size() == 2);
      CHECK(test::messages(diags) == "");
    }
    fs::permissions(root / "plans" / "sub", fs::perms::owner_all);
  }
  fs::remove_all(root);
}
