#pragma once
// A small text-table renderer: columns aligned by display width (so
// Vietnamese text and colour codes do not break alignment), one flexible
// column shrunk with "…" to fit a total width.
#include <cstddef>
#include <string>
#include <vector>

namespace plancheck {

enum class Align { Left, Right };

struct Column {
  std::string header;
  Align align = Align::Left;
  std::size_t max_width = 40;
  bool flexible = false;  // shrinks first when the table is too wide
};

class TextTable {
 public:
  explicit TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

  void add_row(std::vector<std::string> cells);
  // A line of its own (a heading), not aligned to the columns; word-wrapped
  // to the table's width.
  void add_section(std::string text);

  // Lines prefixed with `indent`, no trailing spaces, at most `width`
  // columns where the flexible column allows.
  std::string render(std::size_t width, const std::string& indent = "") const;

 private:
  struct Row {
    bool section = false;
    std::vector<std::string> cells;
  };
  std::vector<std::size_t> widths(std::size_t width, std::size_t indent) const;

  std::vector<Column> columns_;
  std::vector<Row> rows_;
};

// Word-wraps one line to `width` columns after `indent`; continuation lines
// keep the text's own leading spaces plus two. Ends with a newline.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent = "");

}  // namespace plancheck
