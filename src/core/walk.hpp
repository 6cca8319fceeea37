#pragma once
// The files named on a command line, directories expanded recursively
// (*.yaml, *.yml, *.csv), produced one at a time in a deterministic order:
// each directory's entries sorted by name, depth first. Only one directory
// listing is held at a time, so memory does not grow with the number of
// files.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace plancheck {

class PathWalker {
 public:
  explicit PathWalker(std::vector<std::string> paths);

  // The next file, or nullopt at the end. Unreadable directories are
  // reported in `diags`.
  std::optional<std::string> next(Diagnostics& diags);

 private:
  struct Level {
    std::vector<std::filesystem::path> entries;  // sorted
    std::size_t pos = 0;
  };
  void enter(const std::filesystem::path& dir, Diagnostics& diags);

  std::vector<std::string> roots_;
  std::size_t root_pos_ = 0;
  std::vector<Level> stack_;
};

// Every file, in the walker's order (for commands that hold a whole batch).
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace plancheck
