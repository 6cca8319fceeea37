#pragma once
// The files named on a command line, directories expanded recursively
// (*.yaml, *.yml, *.csv and spreadsheets: *.xlsx, *.xlsm, *.ods, *.xls), produced one at a time in a deterministic order:
// each directory's entries sorted by name, depth first. Only one directory
// listing is held at a time, so memory does not grow with the number of
// files.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/util/diagnostic.hpp"

namespace plancheck {

// A directory's entries, or an error in `ec` (a directory that cannot be
// listed, unreadable for this user, is an error, never skipped).
using ListDirectory = std::function<std::vector<std::filesystem::path>(const std::filesystem::path&, std::error_code&)>;
std::vector<std::filesystem::path> list_directory(const std::filesystem::path& dir, std::error_code& ec);

class PathWalker {
 public:
  // `list` is replaced only by tests (a failure that chmod cannot cause when
  // the tests run as root).
  explicit PathWalker(std::vector<std::string> paths, ListDirectory list = list_directory);

  // The next file, or nullopt at the end. Directories and entries that cannot
  // be read are errors in `diags`, naming the path: a file skipped unseen
  // would be a check that checked less than it says.
  std::optional<std::string> next(Diagnostics& diags);

 private:
  struct Level {
    std::vector<std::filesystem::path> entries;  // sorted
    std::size_t pos = 0;
  };
  void enter(const std::filesystem::path& dir, Diagnostics& diags);

  std::vector<std::string> roots_;
  ListDirectory list_;
  std::size_t root_pos_ = 0;
  std::vector<Level> stack_;
};

// Every file, in the walker's order (for commands that hold a whole batch).
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace plancheck
