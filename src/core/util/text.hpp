#pragma once
// Small UTF-8 text helpers: validation, case folding of Vietnamese letters,
// display width for aligned terminal columns.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plancheck {

std::string_view trim(std::string_view s);

// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view s);

// Decodes the code point at byte `i` into `cp`; returns its length in bytes,
// 0 when the bytes there are not UTF-8 (overlong, a surrogate, cut short).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);
void append_utf8(char32_t cp, std::string& out);

// Text from files (names, paths, quoted values) as a terminal or a CI log
// shows it: it cannot move the cursor, change the title, start a new line or
// a workflow command. C0 controls and DEL as \n, \r, \t or \xHH ("\x1b"),
// C1 controls and the line and paragraph separators as \uHHHH ("\u009b",
// "\u2028"), bytes that are not UTF-8 as \xHH ("\xff"), the second colon
// of "::" as \x3a and the "[" of "##[" as \x5b (GitHub runs a log line
// starting with "::" or containing "##[" as a command). Anything else is
// kept as it is.
std::string display_text(std::string_view s);

// Lower-cases ASCII and the Latin letters used by Vietnamese (À…Ỹ, Đ, Ơ, Ư).
std::string fold_case(std::string_view s);

// Terminal columns the text occupies (combining marks 0, East Asian wide 2).
std::size_t display_width(std::string_view s);

// Pads with spaces to `width` display columns (left- or right-aligned).
std::string pad_right(std::string_view s, std::size_t width);
std::string pad_left(std::string_view s, std::size_t width);

// Cuts the text to at most `width` columns, ending with "…" when cut.
std::string truncate_to_width(std::string_view s, std::size_t width);

// True when `word` occurs in `text` as a whole word: not preceded or
// followed by an ASCII letter ("per 1000", "pupils per class", not "percent").
bool has_word(std::string_view text, std::string_view word);

bool starts_with_folded(std::string_view text, std::string_view prefix);

// Text as people match it by eye: case folded and Vietnamese diacritics
// removed ("Đạt chuẩn" → "dat chuan"), so "mam non" finds "Mầm non".
std::string plain_text(std::string_view s);

// Levenshtein distance in bytes (of plain_text, mostly ASCII).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace plancheck
