#pragma once
// Messages that say what to do about the common mistakes in hand-typed plan
// and data files (docs/messages.md): each detector looks at the raw text
// where an error was found and, when it recognises the mistake, gives the
// message that replaces the puzzling one. Every message text is built here,
// each from one phrase of the phrase table (core/util/message.hpp).
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/message.hpp"

namespace plancheck {

// " (did you mean \"x\"?)" for a suggestion, nothing (an empty Message) for
// none: put right after the quoted word it corrects.
Message did_you_mean(const std::optional<std::string>& suggestion);

// " (and 29 more rows)" after a mistake said once for many rows, "" for none.
Message more_rows(std::size_t more);

// --- Decimal commas --------------------------------------------------------

// The message for a number written with a decimal comma where the comma
// separates values (`written` as typed: "3,4", ">= 95,5%").
Message decimal_comma(std::string_view written);

// Inside a YAML flow mapping or list (`{2030: 3,4}`), a decimal comma ends
// the value: "3" and a key "4" are read. The numbers of a line of the file
// so cut: the value as written ("3,4"), the byte where it starts, and the
// last byte where an error about either half can be placed (the "4", or the
// missing value after it).
struct CutNumber {
  std::size_t start = 0;
  std::size_t reach = 0;
  std::string written;
};
std::vector<CutNumber> flow_decimal_commas(std::string_view line);

// In a CSV row with more fields than its header: the first of the
// `numeric` fields (0-based) that holds a whole number followed by a field
// of digits, a number cut in two at its decimal comma.
std::optional<std::size_t> csv_split_number(const std::vector<std::string_view>& fields,
                                            std::span<const std::size_t> numeric);

// --- YAML layout -----------------------------------------------------------

// A better message for a YAML syntax error, placed where the mistake is.
struct TextHint {
  int line = 0;  // 0-based
  int byte = 0;  // 0-based byte of the line
  Message message;
};

// A tab in the indentation of a line up to `last_line` (0-based).
std::optional<TextHint> tab_in_indentation(std::string_view text, int last_line);

// `line` (0-based) indented to no level of the lines above it: which key
// or list item is off, and the one above it that it should line up with.
std::optional<TextHint> misindented_line(std::string_view text, int line);

// Either of the two above, for yaml-cpp's error `yaml_message` on `line`;
// nothing when neither explains it.
std::optional<TextHint> yaml_syntax_hint(std::string_view text, int line, std::string_view yaml_message);

// --- Files of another kind -------------------------------------------------

// When the bytes are a workbook, a PDF or a word-processor document rather
// than YAML or CSV text: what the file is and what to do with it.
std::optional<Message> foreign_file(std::string_view bytes, bool from_stdin);

// --- Years -----------------------------------------------------------------

// A school year written short or with another dash ("2025-26", "2025–26",
// "2025/26", "2025/2026"): the form the format reads, "2025-2026".
std::optional<std::string> school_year_fix(std::string_view written);

// "; write the school year as \"2025-2026\"" when `written` is such a
// school year, else nothing (to append to a message about a year).
Message school_year_hint(std::string_view written);

// The same for a field that takes one year (baseline_year, horizon): the
// school year's end year, as school years are stored.
Message school_year_as_year_hint(std::string_view written);

// --- Command line ----------------------------------------------------------

// `plancheck evalute`: the word is no command.
Message unknown_command(std::string_view word, const std::optional<std::string>& suggestion,
                            const std::vector<std::string>& commands);

}  // namespace plancheck
