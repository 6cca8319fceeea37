#pragma once
// SIGINT, SIGTERM and SIGHUP end a run early. What plancheck does about them
// leaves no temporary file behind and never overrides a signal the parent
// chose to ignore (nohup, trap '' INT): such a signal stays ignored.
#include <csignal>
#include <string>

namespace plancheck::cli {

// While alive, those signals remove the named temporary file it created,
// then end the process as they would have. One at a time (the handler can
// only read a fixed buffer). The previous dispositions are restored when it
// ends.
class TempFileGuard {
 public:
  TempFileGuard();
  ~TempFileGuard();
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;

  // mkstemp(`pattern`), the file known to the handler from the moment it
  // exists. Returns the descriptor, or -1 with errno set.
  int create(const std::string& pattern);
  const char* path() const;
  // Removes the file (a failed run).
  void remove();
  // The file was renamed into place: nothing to remove any more.
  void release();

 private:
  struct sigaction previous_[3];
  bool installed_[3] = {};
};

// While alive, those signals wait and take effect when it ends: for code
// holding temporary files no handler knows of (libxlsxwriter writes the
// workbook to a named file, removed when rendering ends).
class DeferSignals {
 public:
  DeferSignals();
  ~DeferSignals();
  DeferSignals(const DeferSignals&) = delete;
  DeferSignals& operator=(const DeferSignals&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace plancheck::cli
