#include "cli/signals.hpp"

#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace plancheck::cli {
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// The temporary file being written, for the handler. A fixed buffer: only
// async-signal-safe calls may touch it there.
char g_temp_path[4096];
volatile std::sig_atomic_t g_armed = 0;

extern "C" void remove_temp_and_die(int sig) {
  if (g_armed) ::unlink(g_temp_path);
  std::signal(sig, SIG_DFL);
  ::raise(sig);  // delivered with the default action once the handler returns
}

sigset_t termination_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kSignals) sigaddset(&set, s);
  return set;
}

}  // namespace

TempFileGuard::TempFileGuard() {
  struct sigaction act{};
  act.sa_handler = remove_temp_and_die;
  sigemptyset(&act.sa_mask);
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    // Asked first, so that an ignored signal is not even briefly handled.
    if (::sigaction(kSignals[i], nullptr, &previous_[i]) != 0 || previous_[i].sa_handler == SIG_IGN) continue;
    installed_[i] = ::sigaction(kSignals[i], &act, nullptr) == 0;
  }
}

TempFileGuard::~TempFileGuard() {
  g_armed = 0;
  for (std::size_t i = 0; i < std::size(kSignals); ++i)
    if (installed_[i]) ::sigaction(kSignals[i], &previous_[i], nullptr);
}

int TempFileGuard::create(const std::string& pattern) {
  if (pattern.size() >= sizeof g_temp_path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  // Blocked meanwhile: a signal between the file's creation and the handler
  // knowing of it would leave the file behind.
  DeferSignals deferred;
  std::memcpy(g_temp_path, pattern.c_str(), pattern.size() + 1);
  const int fd = ::mkstemp(g_temp_path);
  const int error = errno;
  g_armed = fd >= 0;
  errno = error;
  return fd;
}

const char* TempFileGuard::path() const { return g_temp_path; }

void TempFileGuard::remove() {
  if (!g_armed) return;
  const int error = errno;  // callers report the error that made them give up
  DeferSignals deferred;
  ::unlink(g_temp_path);
  g_armed = 0;
  errno = error;
}

void TempFileGuard::release() { g_armed = 0; }

DeferSignals::DeferSignals() {
  const sigset_t set = termination_signals();
  ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
}

DeferSignals::~DeferSignals() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace plancheck::cli
