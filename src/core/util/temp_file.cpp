#include "core/util/temp_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <stdexcept>
#include <unistd.h>

namespace plancheck {
namespace {

constexpr std::size_t kBuffer = 1 << 16;

}  // namespace

TempFile::TempFile() {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/plancheck-XXXXXX";
  fd_ = ::mkstemp(path.data());
  if (fd_ < 0) throw std::runtime_error(fmt::format("cannot make a temporary file in {}: {}", path, std::strerror(errno)));
  ::unlink(path.c_str());
}

TempFile::~TempFile() {
  if (fd_ >= 0) ::close(fd_);
}

void TempFile::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= kBuffer) flush();
}

void TempFile::flush() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done, static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(fmt::format("cannot write a temporary file: {}", std::strerror(errno)));
    done += static_cast<std::size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
}

std::size_t TempFile::read(std::uint64_t offset, char* out, std::size_t n) {
  if (!buffer_.empty()) flush();
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd_, out + got, n - got, static_cast<off_t>(offset + got));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) throw std::runtime_error(fmt::format("cannot read a temporary file: {}", std::strerror(errno)));
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  return got;
}

void TempFile::each_piece(const std::function<void(std::string_view)>& f) {
  std::string piece(kBuffer, '\0');
  for (std::uint64_t at = 0; at < size();) {
    const std::size_t n = read(at, piece.data(), piece.size());
    if (n == 0) break;
    f(std::string_view(piece.data(), n));
    at += n;
  }
}

}  // namespace plancheck
