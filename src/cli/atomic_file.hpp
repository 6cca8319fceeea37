#pragma once
// --output FILE: the report is written to a temporary file in the same
// directory, flushed to disk, then renamed over FILE (and the directory
// flushed), so a reader never sees half a report and a failed or interrupted
// run leaves the old one intact. Through a symbolic link, the file it leads
// to is replaced and the link stays a link.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "cli/fd_stream.hpp"
#include "cli/signals.hpp"
#include "core/util/message.hpp"

namespace plancheck::cli {

// The file --output `path` replaces: `path`, or where its chain of symbolic
// links leads (a link to a file not yet created names where to create it).
// On a link loop, `error` says so (and "" is returned).
std::string write_target(const std::string& path, Message& error);

// The temporary file's name pattern next to `target`: ".NAME.tmp.XXXXXX",
// NAME shortened so that the whole fits in NAME_MAX.
std::string temp_pattern(const std::string& target);

// Returns an empty message on success, else why the file could not be
// written (the temporary file is then removed, FILE untouched).
Message write_atomically(const std::string& path, std::string_view text);

// A result written as it is computed (summary), kept aside until the run is
// known to be good: a temporary file next to --output FILE, or an anonymous
// temporary file for stdout. Destroyed without commit(), it leaves nothing.
class Spool {
 public:
  // `path` empty: for stdout. On failure, `error` says why and nullptr.
  static std::unique_ptr<Spool> open(const std::string& path, Message& error);
  ~Spool();

  std::ostream& stream() { return stream_; }
  void restart();  // discard what was written (a second pass)
  // Publishes the result: renames into place, or copies to `out` for stdout.
  // Returns an empty message on success, else why.
  Message commit(std::ostream& out);

 private:
  Spool(int fd, std::string path, std::unique_ptr<TempFileGuard> guard);

  int fd_;
  std::string path_;                     // empty for stdout
  std::unique_ptr<TempFileGuard> guard_;  // the named temporary file, if any
  std::unique_ptr<FdStreamBuf> buf_;
  std::ostream stream_;
};

}  // namespace plancheck::cli
