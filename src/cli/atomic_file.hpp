#pragma once
// --output FILE: the report is written to a temporary file in the same
// directory, flushed to disk, then renamed over FILE, so a reader never sees
// half a report and a failed or interrupted run leaves the old one intact.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace plancheck::cli {

// Returns "" on success, else why the file could not be written (the
// temporary file is then removed, FILE untouched).
std::string write_atomically(const std::string& path, std::string_view text);

// A result written as it is computed (summary), kept aside until the run is
// known to be good: a temporary file next to --output FILE, or an anonymous
// temporary file for stdout. Destroyed without commit(), it leaves nothing.
class Spool {
 public:
  // `path` empty: for stdout. On failure, `error` says why and nullptr.
  static std::unique_ptr<Spool> open(const std::string& path, std::string& error);
  ~Spool();

  std::ostream& stream() { return stream_; }
  void restart();  // discard what was written (a second pass)
  // Publishes the result: renames into place, or copies to `out` for stdout.
  std::string commit(std::ostream& out);

 private:
  class Buf : public std::streambuf {
   public:
    explicit Buf(int fd);
    int sync() override;
    int_type overflow(int_type ch) override;
    bool failed = false;

   private:
    int fd_;
    char buffer_[1 << 16];
  };
  Spool(int fd, std::string path, std::string temp);

  int fd_;
  std::string path_;  // empty for stdout
  std::string temp_;  // the temporary file's name (empty when anonymous)
  std::unique_ptr<Buf> buf_;
  std::ostream stream_;
  bool committed_ = false;
};

}  // namespace plancheck::cli
