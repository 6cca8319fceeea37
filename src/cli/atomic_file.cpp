#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

namespace plancheck::cli {
namespace {

// The temporary file being written, for the signal handler to remove. A
// fixed buffer: only async-signal-safe calls may touch it in the handler.
char g_temp_path[4096];
volatile std::sig_atomic_t g_writing = 0;

extern "C" void remove_temp_and_die(int sig) {
  if (g_writing) unlink(g_temp_path);
  std::signal(sig, SIG_DFL);
  raise(sig);
}

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

struct SignalGuard {
  SignalGuard() {
    for (int s : kSignals) std::signal(s, remove_temp_and_die);
  }
  ~SignalGuard() {
    g_writing = 0;
    for (int s : kSignals) std::signal(s, SIG_DFL);
  }
};

// Test hook: PLANCHECK_TEST_WRITE_DELAY_MS slows the write down so that a
// test can interrupt it half-way.
int write_delay_ms() {
  const char* v = std::getenv("PLANCHECK_TEST_WRITE_DELAY_MS");
  return v ? std::atoi(v) : 0;
}

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

std::string fail(int fd, const std::string& what) {
  const std::string why = what + ": " + std::strerror(errno);
  if (fd >= 0) ::close(fd);
  unlink(g_temp_path);
  return why;
}

}  // namespace

std::string write_atomically(const std::string& path, std::string_view text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string pattern = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  if (pattern.size() >= sizeof g_temp_path) return "the output path is too long";
  std::memcpy(g_temp_path, pattern.c_str(), pattern.size() + 1);
  SignalGuard guard;
  const int fd = mkstemp(g_temp_path);
  if (fd < 0) return std::string("cannot create a temporary file next to it: ") + std::strerror(errno);
  g_writing = 1;
  if (!write_all(fd, text)) return fail(fd, "cannot write");
  if (::fsync(fd) != 0) return fail(fd, "cannot flush to disk");
  // mkstemp makes the file private (0600); give it the mode a new file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) return fail(fd, "cannot set permissions");
  if (::close(fd) != 0) return fail(-1, "cannot close");
  if (std::rename(g_temp_path, path.c_str()) != 0) return fail(-1, "cannot rename into place");
  g_writing = 0;
  // Make the rename itself durable.
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return "";
}

Spool::Buf::Buf(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }

int Spool::Buf::sync() {
  const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  if (!write_all(fd_, pending)) failed = true;
  setp(buffer_, buffer_ + sizeof buffer_);
  return failed ? -1 : 0;
}

Spool::Buf::int_type Spool::Buf::overflow(int_type ch) {
  if (sync() != 0) return traits_type::eof();
  if (ch != traits_type::eof()) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

Spool::Spool(int fd, std::string path, std::string temp)
    : fd_(fd), path_(std::move(path)), temp_(std::move(temp)), buf_(std::make_unique<Buf>(fd)), stream_(buf_.get()) {}

std::unique_ptr<Spool> Spool::open(const std::string& path, std::string& error) {
  if (path.empty()) {
    std::FILE* f = std::tmpfile();  // anonymous: gone when closed, whatever happens
    if (!f) {
      error = std::string("cannot create a temporary file: ") + std::strerror(errno);
      return nullptr;
    }
    const int fd = ::dup(fileno(f));
    std::fclose(f);
    return std::unique_ptr<Spool>(new Spool(fd, "", ""));
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string pattern = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  if (pattern.size() >= sizeof g_temp_path) {
    error = "the output path is too long";
    return nullptr;
  }
  std::memcpy(g_temp_path, pattern.c_str(), pattern.size() + 1);
  for (int s : kSignals) std::signal(s, remove_temp_and_die);
  const int fd = mkstemp(g_temp_path);
  if (fd < 0) {
    error = std::string("cannot create a temporary file next to it: ") + std::strerror(errno);
    return nullptr;
  }
  g_writing = 1;
  return std::unique_ptr<Spool>(new Spool(fd, path, g_temp_path));
}

void Spool::restart() {
  stream_.flush();
  if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) < 0) buf_->failed = true;
}

std::string Spool::commit(std::ostream& out) {
  stream_.flush();
  if (buf_->failed) return std::string("cannot write: ") + std::strerror(errno);
  committed_ = true;
  if (path_.empty()) {
    if (::lseek(fd_, 0, SEEK_SET) < 0) return std::strerror(errno);
    char chunk[1 << 16];
    for (ssize_t n; (n = ::read(fd_, chunk, sizeof chunk)) > 0;) out.write(chunk, n);
    out.flush();
    return "";
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fsync(fd_) != 0 || ::fchmod(fd_, 0666 & ~mask) != 0) return std::string("cannot flush to disk: ") + std::strerror(errno);
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) return std::string("cannot rename into place: ") + std::strerror(errno);
  g_writing = 0;
  return "";
}

Spool::~Spool() {
  ::close(fd_);
  if (!temp_.empty()) {
    if (!committed_) ::unlink(temp_.c_str());
    g_writing = 0;
    for (int s : kSignals) std::signal(s, SIG_DFL);
  }
}

}  // namespace plancheck::cli
