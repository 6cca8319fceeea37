#include "core/reading/hints.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/util/number.hpp"

namespace plancheck {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The lines of a text, without their '\n'.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace

Message did_you_mean(const std::optional<std::string>& suggestion) {
  return suggestion ? msg(" (did you mean \"{}\"?)", *suggestion) : Message();
}

Message more_rows(std::size_t more) {
  if (more == 0) return {};
  return more == 1 ? msg(" (and 1 more row)") : msg(" (and {} more rows)", more);
}

// --- Decimal commas ----------------------------------------------------------

Message decimal_comma(std::string_view written) {
  const std::size_t comma = written.rfind(',');
  std::size_t decimals = 0;
  while (comma != std::string_view::npos && comma + 1 + decimals < written.size() && is_digit(written[comma + 1 + decimals]))
    ++decimals;
  // "1,234" with a dot would read as thousands where they are allowed.
  if (decimals == 3)
    return msg("the decimal comma in {0} is read as a separator, cutting the number in two; write \"{0}\" in quotes",
               written);
  std::string dotted(written);
  if (comma != std::string_view::npos) dotted[comma] = '.';
  return msg("the decimal comma in {0} is read as a separator, cutting the number in two; write \"{0}\" in quotes "
             "or {1}", written, dotted);
}

std::vector<CutNumber> flow_decimal_commas(std::string_view line) {
  std::vector<CutNumber> cuts;
  // Each comma with digits on both sides, outside quotes, after an opening
  // '{' or '[' on the line.
  bool double_quoted = false, single_quoted = false;
  int open = 0;
  for (std::size_t c = 0; c < line.size(); ++c) {
    const char ch = line[c];
    if (ch == '"' && !single_quoted) double_quoted = !double_quoted;
    if (ch == '\'' && !double_quoted) single_quoted = !single_quoted;
    if (double_quoted || single_quoted) continue;
    if (ch == '{' || ch == '[') ++open;
    if ((ch == '}' || ch == ']') && open > 0) --open;
    if (ch != ',' || open == 0 || c == 0 || !is_digit(line[c - 1]) || c + 1 >= line.size() || !is_digit(line[c + 1]))
      continue;
    // A number before the comma, not the end of a word ("a3").
    std::size_t digits = c;
    while (digits > 0 && is_digit(line[digits - 1])) --digits;
    // Nor the second of a list of numbers ("1,2,3").
    if (digits > 0 && (std::isalnum(static_cast<unsigned char>(line[digits - 1])) || line[digits - 1] == '.' ||
                       line[digits - 1] == '_' || line[digits - 1] == ','))
      continue;
    // The value before the comma starts after ": ", '{', '[' or ','.
    std::size_t start = digits;
    while (start > 0) {
      const char p = line[start - 1];
      if (p == '{' || p == '[' || p == ',' || (p == ':' && start < line.size() && line[start] == ' ')) break;
      --start;
    }
    std::size_t end = c + 1;
    while (end < line.size() && is_digit(line[end])) ++end;
    if (end < line.size() && line[end] == '%') ++end;
    // Another comma right after ("1,2,3") is a list, not a decimal comma.
    if (end < line.size() && line[end] == ',' && end + 1 < line.size() && line[end + 1] != ' ') continue;
    std::size_t after = end;
    while (after < line.size() && line[after] == ' ') ++after;
    const std::string_view value = trim_spaces(line.substr(start, end - start));
    const std::size_t value_start = static_cast<std::size_t>(value.data() - line.data());
    cuts.push_back({value_start, after, std::string(value)});
  }
  return cuts;
}

std::optional<std::size_t> csv_split_number(const std::vector<std::string_view>& fields,
                                            std::span<const std::size_t> numeric) {
  std::optional<std::size_t> first;
  for (std::size_t at : numeric) {
    if (at + 1 >= fields.size()) continue;
    std::string_view whole = trim_spaces(fields[at]);
    if (!whole.empty() && whole.front() == '-') whole.remove_prefix(1);
    std::string_view fraction = trim_spaces(fields[at + 1]);
    if (!fraction.empty() && fraction.back() == '%') fraction.remove_suffix(1);
    if (all_digits(whole) && all_digits(fraction) && (!first || at < *first)) first = at;
  }
  return first;
}

// --- YAML layout -------------------------------------------------------------

namespace {

// What a line of block YAML starts with.
struct LineShape {
  bool content = false;  // not blank, not a comment
  int indent = 0;        // leading spaces
  bool item = false;     // "- …"
  int key_column = -1;   // where its key starts, -1 for none
  std::string key;
};

// "key:", "key: value", "\"2025-2026\": value"; "" when the text is no key.
std::string leading_key(std::string_view text) {
  if (text.empty() || text.front() == '{' || text.front() == '[' || text.front() == '#') return {};
  std::size_t colon = 0;
  std::string_view key;
  if (text.front() == '"' || text.front() == '\'') {
    const std::size_t close = text.find(text.front(), 1);
    if (close == std::string_view::npos) return {};
    key = text.substr(1, close - 1);
    colon = close + 1;
    if (colon >= text.size() || text[colon] != ':') return {};
  } else {
    colon = text.find(": ");
    if (colon == std::string_view::npos) colon = text.back() == ':' ? text.size() - 1 : std::string_view::npos;
    if (colon == std::string_view::npos) return {};
    key = trim_spaces(text.substr(0, colon));
  }
  if (colon + 1 < text.size() && text[colon + 1] != ' ') return {};
  return std::string(key);
}

LineShape shape_of(std::string_view line) {
  LineShape s;
  while (static_cast<std::size_t>(s.indent) < line.size() && line[static_cast<std::size_t>(s.indent)] == ' ') ++s.indent;
  std::string_view rest = trim_spaces(line.substr(static_cast<std::size_t>(s.indent)));
  if (rest.empty() || rest.front() == '#' || rest.front() == '\t') return s;
  s.content = true;
  int key_at = s.indent;
  if (rest == "-" || rest.starts_with("- ")) {
    s.item = true;
    std::size_t skip = 1;
    while (skip < rest.size() && rest[skip] == ' ') ++skip;
    key_at += static_cast<int>(skip);
    rest.remove_prefix(skip);
  }
  s.key = leading_key(rest);
  if (!s.key.empty()) s.key_column = key_at;
  return s;
}

// A column that the lines above open: a key's, or a list item's dash.
struct Level {
  int column = 0;
  int line = 0;  // 0-based
  bool item = false;
  std::string key;
};

// The open levels above `line`, innermost first: walking up, each line
// indented less than all below it.
std::vector<Level> levels_above(const std::vector<std::string_view>& lines, int line) {
  std::vector<Level> levels;
  int innermost = INT_MAX;
  for (int j = line - 1; j >= 0 && innermost > 0; --j) {
    const LineShape s = shape_of(lines[static_cast<std::size_t>(j)]);
    if (!s.content) continue;
    if (s.key_column >= 0 && s.key_column < innermost) {
      levels.push_back({s.key_column, j, false, s.key});
      innermost = s.key_column;
    }
    if (s.item && s.indent < innermost) {
      levels.push_back({s.indent, j, true, {}});
      innermost = s.indent;
    }
  }
  return levels;
}

// The content line above `line` is "key:" with nothing after it, at `column`.
bool opens_list_here(const std::vector<std::string_view>& lines, int line, int column) {
  for (int j = line - 1; j >= 0; --j) {
    const std::string_view text = lines[static_cast<std::size_t>(j)];
    const LineShape s = shape_of(text);
    if (!s.content) continue;
    const std::string_view rest = trim_spaces(text);
    return s.key_column == column && !s.item && rest.back() == ':';
  }
  return false;
}

Message spaces(int n) { return n == 1 ? msg("1 space") : msg("{} spaces", n); }

Message indentation_message(const LineShape& off, int column, const Level& ref) {
  if (off.item && ref.item)
    return msg("this list item is indented {} but the item on line {} is indented {}; items of one list must line up",
               spaces(column), ref.line + 1, ref.column);
  if (!off.item && !ref.item)
    return msg("key \"{}\" is indented {} but \"{}\" on line {} is indented {}; keys of one mapping must line up",
               off.key, spaces(column), ref.key, ref.line + 1, ref.column);
  return msg("{} is indented {} but {} on line {} is indented {}; indent each line with spaces to line up with the key "
             "or list item it belongs beside",
             off.item ? msg("this list item") : msg("key \"{}\"", off.key), spaces(column),
             ref.item ? msg("the list item") : msg("\"{}\"", ref.key), ref.line + 1, ref.column);
}

}  // namespace

std::optional<TextHint> tab_in_indentation(std::string_view text, int last_line) {
  const auto lines = split_lines(text);
  for (int n = 0; n <= last_line && n < static_cast<int>(lines.size()); ++n) {
    const std::string_view line = lines[static_cast<std::size_t>(n)];
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#' || line[first] == '\r') continue;
    const std::size_t tab = line.substr(0, first).find('\t');
    if (tab == std::string_view::npos) continue;
    return TextHint{n, static_cast<int>(tab),
                    msg("a tab in the indentation (column {}); YAML indents with spaces only: replace the tab with "
                        "spaces", tab + 1)};
  }
  return std::nullopt;
}

std::optional<TextHint> misindented_line(std::string_view text, int line) {
  const auto lines = split_lines(text);
  if (line < 0 || line >= static_cast<int>(lines.size())) return std::nullopt;
  const LineShape off = shape_of(lines[static_cast<std::size_t>(line)]);
  if (!off.content || (!off.item && off.key_column < 0)) return std::nullopt;
  const int column = off.item ? off.indent : off.key_column;
  const std::vector<Level> levels = levels_above(lines, line);
  // Lined up: a key with the keys of an open mapping, an item with the
  // items of an open list or right under "key:" (a list may stand at its
  // key's column). Then the mistake is elsewhere.
  if (std::any_of(levels.begin(), levels.end(), [&](const Level& l) { return l.column == column && l.item == off.item; }))
    return std::nullopt;
  if (off.item && opens_list_here(lines, line, column)) return std::nullopt;
  // The nearest level of the same kind (a key to keys, an item to items)
  // when there is one; between two equally near, the deeper one.
  const bool same_kind = std::any_of(levels.begin(), levels.end(), [&](const Level& l) { return l.item == off.item; });
  const Level* ref = nullptr;
  for (const Level& l : levels) {
    if (same_kind && l.item != off.item) continue;
    const int d = std::abs(l.column - column);
    if (!ref || d < std::abs(ref->column - column) || (d == std::abs(ref->column - column) && l.column > ref->column))
      ref = &l;
  }
  if (!ref) return std::nullopt;
  return TextHint{line, column, indentation_message(off, column, *ref)};
}

std::optional<TextHint> yaml_syntax_hint(std::string_view text, int line, std::string_view yaml_message) {
  if (line < 0) return std::nullopt;
  if (auto tab = tab_in_indentation(text, line)) return tab;
  // yaml-cpp's words where a line is indented to no open level.
  constexpr std::array<std::string_view, 5> kLayout{"end of map not found", "end of sequence not found",
                                                    "illegal map value", "illegal block entry", "illegal map key"};
  if (std::find(kLayout.begin(), kLayout.end(), yaml_message) == kLayout.end()) return std::nullopt;
  return misindented_line(text, line);
}

// --- Files of another kind ---------------------------------------------------

namespace {

enum class Foreign { None, Xlsx, Ods, Xls, Pdf, Docx, Doc, Odt, Zip };

bool contains(std::string_view bytes, std::string_view what) { return bytes.find(what) != std::string_view::npos; }

Foreign sniff(std::string_view bytes) {
  using namespace std::string_view_literals;
  if (bytes.starts_with("%PDF-")) return Foreign::Pdf;
  if (bytes.starts_with("PK\x03\x04"sv)) {
    // An OpenDocument file starts with its mimetype, stored; Office Open XML
    // files name their parts (in the local headers and the directory).
    if (contains(bytes.substr(0, 200), "application/vnd.oasis.opendocument.spreadsheet")) return Foreign::Ods;
    if (contains(bytes.substr(0, 200), "application/vnd.oasis.opendocument.text")) return Foreign::Odt;
    if (contains(bytes, "xl/workbook") || contains(bytes, "xl/worksheets/")) return Foreign::Xlsx;
    if (contains(bytes, "word/document")) return Foreign::Docx;
    return Foreign::Zip;
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) {
    // OLE compound file: its directory names the streams in UTF-16.
    if (contains(bytes, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t"sv)) return Foreign::Doc;
    return Foreign::Xls;
  }
  return Foreign::None;
}

Message kind_name(Foreign f) {
  switch (f) {
    case Foreign::Xlsx: return msg("an Excel workbook (.xlsx)");
    case Foreign::Ods: return msg("an OpenDocument spreadsheet (.ods)");
    case Foreign::Xls: return msg("an Excel 97-2003 workbook (.xls)");
    case Foreign::Pdf: return msg("a PDF document");
    case Foreign::Docx: return msg("a Word document (.docx)");
    case Foreign::Doc: return msg("a Word 97-2003 document (.doc)");
    case Foreign::Odt: return msg("an OpenDocument text (.odt)");
    case Foreign::Zip: return msg("a ZIP archive");
    case Foreign::None: break;
  }
  return {};
}

std::string_view extension(Foreign f) {
  return f == Foreign::Xlsx ? ".xlsx" : f == Foreign::Ods ? ".ods" : f == Foreign::Xls ? ".xls" : "";
}

}  // namespace

std::optional<Message> foreign_file(std::string_view bytes, bool from_stdin) {
  const Foreign f = sniff(bytes);
  if (f == Foreign::None) return std::nullopt;
  const std::string_view ext = extension(f);
  if (!ext.empty() && from_stdin)
    return msg("standard input is {}, not YAML or CSV text; plancheck reads a workbook from a file: save it as "
               "so-lieu{} and give its path (plancheck evaluate plan.yaml so-lieu{}, or --data so-lieu{}; see "
               "docs/spreadsheets.md)", kind_name(f), ext, ext, ext);
  if (!ext.empty())
    return msg("this file is {}, not YAML or CSV text; plancheck knows a workbook by its name: rename the file to end "
               "in {} and give it with the plan as data (plancheck evaluate plan.yaml so-lieu{}, or --data so-lieu{}; "
               "see docs/spreadsheets.md)", kind_name(f), ext, ext, ext);
  return msg("{} is {}, not a YAML plan or data file; plancheck cannot read a plan from it: transcribe the plan into a "
             "YAML plan file (plancheck init writes one to start from; see README.md and the worked examples in "
             "docs/plans/)", from_stdin ? msg("standard input") : msg("this file"), kind_name(f));
}

// --- Years -------------------------------------------------------------------

std::optional<std::string> school_year_fix(std::string_view written) {
  const std::string_view s = trim_spaces(written);
  if (s.size() < 6 || !all_digits(s.substr(0, 4))) return std::nullopt;
  std::string_view rest = s.substr(4);
  // '-', '/', an en or em dash, a minus sign; spaces around it.
  rest = trim_spaces(rest);
  bool dash = false;
  for (std::string_view sep : {"-", "/", "\u2013", "\u2014", "\u2212"})
    if (rest.starts_with(sep)) {
      rest.remove_prefix(sep.size());
      dash = true;
      break;
    }
  rest = trim_spaces(rest);
  if (!dash || !all_digits(rest) || (rest.size() != 2 && rest.size() != 4)) return std::nullopt;
  const auto from = parse_integer(s.substr(0, 4));
  const auto to = parse_integer(rest);
  if (!from || !to) return std::nullopt;
  const long long next = *from + 1;
  if (rest.size() == 2 ? *to != next % 100 : *to != next) return std::nullopt;
  if (*from < 1900 || next > 2100) return std::nullopt;
  std::string fixed = fmt::format("{}-{}", *from, next);
  if (fixed == s) return std::nullopt;  // already right: the mistake is elsewhere
  return fixed;
}

Message school_year_hint(std::string_view written) {
  const auto fixed = school_year_fix(written);
  return fixed ? msg("; write the school year as \"{}\"", *fixed) : Message();
}

Message school_year_as_year_hint(std::string_view written) {
  const auto fixed = school_year_fix(written);
  return fixed ? msg("; for the school year {} write {}, the year it ends", *fixed, fixed->substr(5)) : Message();
}

// --- Command line ------------------------------------------------------------

Message unknown_command(std::string_view word, const std::optional<std::string>& suggestion,
                        const std::vector<std::string>& commands) {
  return msg("unknown command \"{}\"{}; the commands are {}", word, did_you_mean(suggestion),
             fmt::format("{}", fmt::join(commands, ", ")));
}

}  // namespace plancheck
