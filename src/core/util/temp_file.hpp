#pragma once
// Anonymous temporary files (in $TMPDIR, else /tmp; unlinked at once, so
// nothing is left behind whatever happens): output written before its head
// is known (JUnit totals, the Markdown title), and the runs of SpillSort.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

class TempFile {
 public:
  TempFile();  // throws std::runtime_error when no temporary file can be made
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write(std::string_view text);  // appended, buffered
  std::uint64_t size() const { return written_ + buffer_.size(); }
  // Bytes [offset, offset + n) into `out` (fewer at the end); flushes first.
  std::size_t read(std::uint64_t offset, char* out, std::size_t n);
  // Everything written, in order, in pieces of at most 64 KB.
  void each_piece(const std::function<void(std::string_view)>& f);

 private:
  void flush();
  int fd_ = -1;
  std::uint64_t written_ = 0;
  std::string buffer_;
};

}  // namespace plancheck
