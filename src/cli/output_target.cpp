#include "cli/output_target.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "cli/atomic_file.hpp"
#include "core/reading/walk.hpp"

namespace plancheck::cli {
namespace {

// Empty for a regular file.
Message kind_of(mode_t mode) {
  if (S_ISREG(mode)) return {};
  if (S_ISCHR(mode)) return msg("a character device");
  if (S_ISBLK(mode)) return msg("a block device");
  if (S_ISFIFO(mode)) return msg("a FIFO (named pipe)");
  if (S_ISSOCK(mode)) return msg("a socket");
  if (S_ISDIR(mode)) return msg("a directory");
  return msg("not a regular file");
}

bool same_file(const struct stat& a, const struct stat& b) { return a.st_dev == b.st_dev && a.st_ino == b.st_ino; }

// The input that is the file `target`, or an empty message when none is:
// every file the loader would read, found the same way.
Message input_that_is(const struct stat& target, const std::vector<std::string>& inputs) {
  Diagnostics ignored;  // an unreadable directory is the loader's to report
  PathWalker walker(inputs);
  while (const auto path = walker.next(ignored)) {
    struct stat st{};
    const bool found = *path == "-" ? ::fstat(STDIN_FILENO, &st) == 0 : ::stat(path->c_str(), &st) == 0;
    if (found && same_file(st, target)) return *path == "-" ? msg("standard input") : Message::verbatim(*path);
  }
  return {};
}

}  // namespace

Message refuse_output(const std::string& output, const std::vector<std::string>& inputs) {
  Message error;
  const std::string target = write_target(output, error);
  if (target.empty()) return msg("--output {}: {}", output, error);
  struct stat st{};
  if (::stat(target.c_str(), &st) != 0) return {};  // a new file (or one the writer will explain it cannot write)
  if (Message kind = kind_of(st.st_mode); !kind.empty())
    return msg("--output {} is {}; give a regular file (or leave out --output to write to stdout)", output, std::move(kind));
  if (Message input = input_that_is(st, inputs); !input.empty())
    return msg("--output {} is one of the inputs ({}); the report would replace it: give another file", output,
               std::move(input));
  return {};
}

}  // namespace plancheck::cli
