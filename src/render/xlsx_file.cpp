#include "render/xlsx_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace plancheck {

XlsxTempFile::XlsxTempFile() {
  const char* tmpdir = std::getenv("TMPDIR");
  dir_ = tmpdir && *tmpdir ? tmpdir : "/tmp";
  path_ = dir_ + "/plancheck-XXXXXX.xlsx";
  const int fd = ::mkstemps(path_.data(), 5);
  if (fd < 0) throw XlsxError(fmt::format("cannot create a temporary file in {}: {}", dir_, std::strerror(errno)));
  ::close(fd);
}

XlsxTempFile::~XlsxTempFile() { ::unlink(path_.c_str()); }

std::string XlsxTempFile::read(std::string_view what) const {
  std::ifstream in(path_, std::ios::binary);
  if (!in) throw XlsxError(fmt::format("cannot read back the {} from {}: {}", what, path_, std::strerror(errno)));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad() || bytes.str().empty())
    throw XlsxError(fmt::format("cannot read back the {} from {}: nothing was written", what, path_));
  return bytes.str();
}

void check_xlsx(lxw_error error, std::string_view what, std::string_view doing) {
  if (error != LXW_NO_ERROR) throw XlsxError(fmt::format("cannot write the {}: {}: {}", what, doing, lxw_strerror(error)));
}

}  // namespace plancheck
