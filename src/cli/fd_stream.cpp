#include "cli/fd_stream.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace plancheck::cli {
namespace {

// Test seam: PLANCHECK_TEST_WRITE_DELAY_MS slows writing down (4 KiB at a
// time) so that a test can interrupt a run half-way.
int write_delay_ms() {
  const char* v = std::getenv("PLANCHECK_TEST_WRITE_DELAY_MS");
  return v ? std::atoi(v) : 0;
}

}  // namespace

bool write_all(int fd, std::string_view text) {
  const int delay = write_delay_ms();
  const std::size_t chunk = delay > 0 ? 4096 : text.size();
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), std::min(chunk, text.size()));
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
    if (delay > 0) std::this_thread::sleep_for(std::chrono::milliseconds(delay));
  }
  return true;
}

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd) { empty_buffer(); }

int FdStreamBuf::sync() {
  const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  // After a failure nothing more is written: the output is lost anyway, and
  // the first error is the one to report.
  if (error_ == 0 && !write_all(fd_, pending)) error_ = errno != 0 ? errno : EIO;
  empty_buffer();
  return error_ == 0 ? 0 : -1;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type ch) {
  if (sync() != 0) return traits_type::eof();
  if (ch != traits_type::eof()) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

}  // namespace plancheck::cli
