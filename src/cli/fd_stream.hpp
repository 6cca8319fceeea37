#pragma once
// An output stream straight onto a file descriptor that remembers why a write
// failed (errno), so that "No space left on device" reaches the user instead
// of a stream that silently went bad.
#include <streambuf>
#include <string_view>

namespace plancheck::cli {

// Writes all of `text`, retrying short writes; false with errno set on
// failure.
bool write_all(int fd, std::string_view text);

class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd);
  // The errno of the first failed write; 0 while every write succeeded.
  int error() const { return error_; }

 protected:
  int sync() override;
  int_type overflow(int_type ch) override;

 private:
  void empty_buffer() { setp(buffer_, buffer_ + sizeof buffer_); }

  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

}  // namespace plancheck::cli
