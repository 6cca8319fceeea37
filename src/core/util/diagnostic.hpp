#pragma once
// Diagnostics a user can cause: errors and lint warnings with a 1-based
// file:line:col location, collected rather than thrown so that every problem
// in a file can be reported in one run.
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/util/lang.hpp"
#include "core/util/message.hpp"

namespace plancheck {

// The file name is shared, not copied: the model keeps a location for every
// value, and copying long paths for each was a large share of load time.
class Location {
 public:
  Location() = default;
  Location(std::string file, int at_line = 0, int at_column = 0)
      : file_(std::make_shared<const std::string>(std::move(file))), line(at_line), column(at_column) {}
  Location(std::shared_ptr<const std::string> file, int at_line, int at_column)
      : file_(std::move(file)), line(at_line), column(at_column) {}
  Location(const char* file, int at_line = 0, int at_column = 0) : Location(std::string(file), at_line, at_column) {}
  // A spreadsheet cell: `line` is its row, `column` its column (1 = A); the
  // sheet alone when row is 0.
  Location(std::shared_ptr<const std::string> file, std::shared_ptr<const std::string> sheet, int row, int at_column)
      : file_(std::move(file)), sheet_(std::move(sheet)), line(row), column(at_column) {}

  const std::string& file() const;
  bool has_file() const { return file_ != nullptr; }
  const std::string& sheet() const;  // "" unless a spreadsheet location
  // "file:line:col", or "file:Sheet!C7" for a cell (parts left out when
  // unknown).
  std::string str() const;

 private:
  std::shared_ptr<const std::string> file_;
  std::shared_ptr<const std::string> sheet_;

 public:
  int line = 0;    // 1-based; 0 = the whole file
  int column = 0;  // 1-based; 0 = unknown
};

// Excel's column letters: 1 → "A", 27 → "AA".
std::string column_letters(int column);

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity;
  Location where;
  Message message;  // worded when printed: message.str(lang)
  bool trailer = false;  // the "… and N more" line, printed last for its file
};

// "file:line:col: error: message" (line/col omitted when unknown), or
// "file:Sheet!C7: error: message" in a spreadsheet; the place and message as
// display_text shows them, so the result is one safe line. The words
// "error" and "warning" stay English in every language (tools parse them);
// the message after them is in `lang`.
std::string format_diagnostic(const Diagnostic& d, Lang lang = Lang::En);

// Diagnostics of a run. Each file keeps at most
// limits::kMaxDiagnosticsPerFile of them; the rest are counted, and said as
// "… and N more" when sorted for printing.
class Diagnostics {
 public:
  // A Message, never a std::string: every message goes through the phrase
  // table (core/util/message.hpp).
  void error(Location where, Message message);
  void warning(Location where, Message message);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  bool has_errors() const { return errors_ > 0; }
  void append(const Diagnostics& other);
  // What was counted in `file` but not kept (past the limit), as {errors,
  // warnings}; and adding such a count. Diagnostics held elsewhere (the
  // walk's temporary file, core/rollup/walk_diagnostics) take it with them.
  std::pair<std::size_t, std::size_t> dropped(const std::string& file) const;
  void add_dropped(const std::string& file, std::size_t errors, std::size_t warnings);
  // Orders by file (in order of first appearance), then line and column, so
  // a file's problems read top to bottom whichever pass found them; adds the
  // "… and N more" line of each file that had too many.
  void sort_by_location();

 private:
  void add(Severity severity, Location where, Message message);

  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  // Per file: how many are kept, and how many more were dropped.
  struct Counts {
    std::size_t kept = 0;
    std::size_t dropped_errors = 0;
    std::size_t dropped_warnings = 0;
  };
  std::unordered_map<std::string, Counts> per_file_;
};

}  // namespace plancheck
