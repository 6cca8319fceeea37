#pragma once
// A small text-table renderer: columns aligned by display width (so
// Vietnamese text and colour codes do not break alignment). Nothing is cut:
// a cell wider than its column wraps onto continuation lines of its row,
// on spaces where it can, so two long names that begin alike still read
// as two names. The table fills the width it is given: the flexible column
// gives up room when the table is too wide; when it is narrower, the
// columns whose cells would wrap grow (the others up to twice their usual
// width first, then the flexible one, then the others again).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

enum class Align { Left, Right };

struct Column {
  std::string header;
  Align align = Align::Left;
  std::size_t max_width = 40;  // wider cells wrap, unless the table has room to spare
  bool flexible = false;       // shrinks when the table is too wide (names)
  std::size_t space_before = 2;  // columns between this one and the previous
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

// One row in columns of the given widths (a table whose widths are fixed
// before its rows come, as summary's): each cell wrapped to its column
// (wrap_cell), continuation lines blank in the other columns; ends with a
// newline, no trailing spaces.
std::string layout_row(const std::vector<Column>& columns, const std::vector<std::size_t>& widths,
                       const std::vector<std::string>& cells, const std::string& indent = "");

// A space that wrapping never breaks at, shown as a space: keeps "2030 off
// track" or `target "80%"` on one line. (A control character: text from
// files never holds one raw, display_text escapes it.)
inline constexpr char kNoBreakSpace = '\x1f';
// `text` with every space made a kNoBreakSpace.
std::string unbreakable(std::string_view text);

// A cell's lines, each at most `width` display columns: broken at spaces,
// else after a '-', '/', '_' or '.' inside a word too long for a line, else
// between characters (never inside a UTF-8 sequence, a character and its
// combining marks stay together, a colour code is never split and a colour
// still open at the end of a line is closed there and reopened on the
// next). A '\n' in the text is a line break of its own. Leading spaces of
// the text indent every line.
std::vector<std::string> wrap_cell(std::string_view text, std::size_t width);

// Word-wraps one line to `width` columns after `indent`; continuation lines
// keep the text's own leading spaces plus two (or `hang` when given: the
// whole indent of continuation lines after `indent`). Ends with a newline.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent = "");
std::string wrap_hanging(const std::string& text, std::size_t width, std::size_t hang);

}  // namespace plancheck
