#pragma once
// How wide the tables are: --width, else a terminal's width when it is
// wider than the tables' own 100 columns, else 100 (a pipe, a file, a
// narrow terminal: the layout every golden test and script sees).
#include <cstddef>
#include <optional>

namespace plancheck::cli {

inline constexpr std::size_t kTableWidth = 100;

// The columns of the terminal open on `fd` (ioctl TIOCGWINSZ); when the
// terminal does not say, COLUMNS (`columns_env`, may be null) if it is a
// number. 0 when `fd` is not a terminal or neither says.
std::size_t terminal_columns(int fd, const char* columns_env);

// The width the tables are laid out to: `option` (--width) when given, else
// `terminal` (0: stdout is no terminal) when wider than kTableWidth, else
// kTableWidth.
std::size_t table_width(std::optional<std::size_t> option, std::size_t terminal);

}  // namespace plancheck::cli
