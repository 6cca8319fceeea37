#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace plancheck::cli {
namespace fs = std::filesystem;
namespace {

// Symbolic links followed before giving up, as the kernel does (ELOOP).
constexpr int kMaxLinks = 40;

fs::path directory_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

// What failed, and the system's reason (errno).
Message failure(Message what) { return msg("{}: {}", std::move(what), Message::foreign(std::strerror(errno))); }

// The mode a new file would get (mkstemp makes it private, 0600).
int give_default_mode(int fd) {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return ::fchmod(fd, 0666 & ~mask);
}

// Renames the finished temporary file over `target` and makes the rename
// durable; an empty message on success.
Message publish(TempFileGuard& temp, const std::string& target) {
  if (std::rename(temp.path(), target.c_str()) != 0) {
    Message why = failure(msg("cannot rename into place"));
    temp.remove();
    return why;
  }
  temp.release();
  const int dfd = ::open(directory_of(target).c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd < 0) return failure(msg("cannot open its directory to flush it to disk"));
  // EINVAL: a file system with nothing to flush for a directory.
  const bool synced = ::fsync(dfd) == 0 || errno == EINVAL;
  Message why = synced ? Message() : failure(msg("cannot flush its directory to disk"));
  ::close(dfd);
  return why;
}

// Closes `fd` and removes the temporary file; returns why it failed.
Message abandon(int fd, TempFileGuard& temp, Message what) {
  Message why = failure(std::move(what));
  if (fd >= 0) ::close(fd);
  temp.remove();
  return why;
}

}  // namespace

std::string write_target(const std::string& path, Message& error) {
  fs::path p(path);
  for (int links = 0; links <= kMaxLinks; ++links) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return p.string();
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) {
      error = Message::foreign(ec.message());
      return "";
    }
    p = to.is_absolute() ? to : directory_of(p) / to;
  }
  error = Message::foreign(std::strerror(ELOOP));
  return "";
}

std::string temp_pattern(const std::string& target) {
  constexpr std::string_view kSuffix = ".tmp.XXXXXX";
  const fs::path t(target);
  std::string name = t.filename().string();
  const std::size_t room = NAME_MAX - 1 - kSuffix.size();  // 1 for the leading dot
  if (name.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    name.resize(cut);
  }
  return (directory_of(t) / ("." + name + std::string(kSuffix))).string();
}

Message write_atomically(const std::string& path, std::string_view text) {
  Message error;
  const std::string target = write_target(path, error);
  if (target.empty()) return error;
  TempFileGuard temp;
  const int fd = temp.create(temp_pattern(target));
  if (fd < 0) return failure(msg("cannot create a temporary file next to it"));
  if (!write_all(fd, text)) return abandon(fd, temp, msg("cannot write"));
  if (::fsync(fd) != 0) return abandon(fd, temp, msg("cannot flush to disk"));
  if (give_default_mode(fd) != 0) return abandon(fd, temp, msg("cannot set permissions"));
  if (::close(fd) != 0) return abandon(-1, temp, msg("cannot close"));
  return publish(temp, target);
}

Spool::Spool(int fd, std::string path, std::unique_ptr<TempFileGuard> guard)
    : fd_(fd),
      path_(std::move(path)),
      guard_(std::move(guard)),
      buf_(std::make_unique<FdStreamBuf>(fd)),
      stream_(buf_.get()) {}

std::unique_ptr<Spool> Spool::open(const std::string& path, Message& error) {
  if (path.empty()) {
    std::FILE* f = std::tmpfile();  // anonymous: gone when closed, whatever happens
    if (!f) {
      error = failure(msg("cannot create a temporary file"));
      return nullptr;
    }
    const int fd = ::dup(fileno(f));
    std::fclose(f);
    return std::unique_ptr<Spool>(new Spool(fd, "", nullptr));
  }
  const std::string target = write_target(path, error);
  if (target.empty()) return nullptr;
  auto guard = std::make_unique<TempFileGuard>();
  const int fd = guard->create(temp_pattern(target));
  if (fd < 0) {
    error = failure(msg("cannot create a temporary file next to it"));
    return nullptr;
  }
  return std::unique_ptr<Spool>(new Spool(fd, target, std::move(guard)));
}

void Spool::restart() {
  stream_.flush();
  if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) < 0) stream_.setstate(std::ios::badbit);
}

Message Spool::commit(std::ostream& out) {
  stream_.flush();
  if (buf_->error() != 0) return msg("{}: {}", msg("cannot write"), Message::foreign(std::strerror(buf_->error())));
  if (!stream_) return msg("cannot write");
  if (!guard_) {
    if (::lseek(fd_, 0, SEEK_SET) < 0) return failure(msg("cannot read back the temporary file"));
    char chunk[1 << 16];
    ssize_t n;
    while ((n = ::read(fd_, chunk, sizeof chunk)) > 0) out.write(chunk, n);
    if (n < 0) return failure(msg("cannot read back the temporary file"));
    out.flush();  // a failure writing stdout is the caller's to report
    return {};
  }
  if (::fsync(fd_) != 0) return failure(msg("cannot flush to disk"));
  if (give_default_mode(fd_) != 0) return failure(msg("cannot set permissions"));
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return failure(msg("cannot close"));
  return publish(*guard_, path_);
}

Spool::~Spool() {
  if (fd_ >= 0) ::close(fd_);
  if (guard_) guard_->remove();  // nothing left to remove once published
}

}  // namespace plancheck::cli
