#include "cli/terminal_width.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <string_view>

namespace plancheck::cli {

std::size_t terminal_columns(int fd, const char* columns_env) {
  if (isatty(fd) != 1) return 0;
  winsize ws{};
  if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (columns_env == nullptr) return 0;
  const std::string_view s(columns_env);
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  return ec == std::errc() && end == s.data() + s.size() && n <= 10000 ? n : 0;
}

std::size_t table_width(std::optional<std::size_t> option, std::size_t terminal) {
  if (option) return *option;
  return terminal > kTableWidth ? terminal : kTableWidth;
}

}  // namespace plancheck::cli
