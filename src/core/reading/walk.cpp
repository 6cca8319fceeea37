#include "core/reading/walk.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/reading/spreadsheet.hpp"

namespace plancheck {
namespace fs = std::filesystem;

namespace {
bool has_data_extension(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".csv" || spreadsheet_type(p.string()) != SpreadsheetType::None;
}
}  // namespace

std::vector<fs::path> list_directory(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
  return entries;
}

PathWalker::PathWalker(std::vector<std::string> paths, ListDirectory list)
    : roots_(std::move(paths)), list_(std::move(list)) {}

void PathWalker::enter(const fs::path& dir, Diagnostics& diags) {
  Level level;
  std::error_code ec;
  level.entries = list_(dir, ec);
  if (ec) diags.error({dir.generic_string(), 0, 0}, msg("cannot read directory: {}", Message::foreign(ec.message())));
  std::sort(level.entries.begin(), level.entries.end());
  stack_.push_back(std::move(level));
}

std::optional<std::string> PathWalker::next(Diagnostics& diags) {
  while (true) {
    if (stack_.empty()) {
      if (root_pos_ == roots_.size()) return std::nullopt;
      const std::string& root = roots_[root_pos_++];
      std::error_code ec;
      if (root != "-" && fs::is_directory(root, ec))
        enter(root, diags);
      else
        return root;  // a file (or "-", or a missing path reported when read)
      continue;
    }
    Level& level = stack_.back();
    if (level.pos == level.entries.size()) {
      stack_.pop_back();
      continue;
    }
    const fs::path entry = level.entries[level.pos++];
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(entry, ec);
    // An entry removed since it was listed is passed over; any other failure
    // to look at it is an error.
    if (ec && ec != std::errc::no_such_file_or_directory) {
      diags.error({entry.generic_string(), 0, 0}, msg("cannot read: {}", Message::foreign(ec.message())));
      continue;
    }
    // Symbolic links to directories are not followed: a link loop cannot
    // make the walk endless.
    if (fs::is_symlink(status)) {
      if (fs::is_regular_file(entry, ec) && has_data_extension(entry)) return entry.generic_string();
      continue;
    }
    if (fs::is_directory(status)) {
      enter(entry, diags);
      continue;
    }
    if (fs::is_regular_file(status) && has_data_extension(entry)) return entry.generic_string();
  }
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diags) {
  PathWalker walker(paths);
  std::vector<std::string> out;
  while (auto p = walker.next(diags)) out.push_back(std::move(*p));
  return out;
}

}  // namespace plancheck
