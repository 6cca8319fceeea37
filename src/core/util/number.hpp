#pragma once
// Strict decimal number parsing. yaml-cpp's conversions read "010" as octal
// and accept "0x1F"; plan files are typed by hand, so numbers are parsed here:
// decimal only, '.' or the Vietnamese ',' as decimal separator.
#include <optional>
#include <string_view>

namespace plancheck {

struct NumberStyle {
  // Vietnamese money amounts write thousands with '.' ("344.050"); accepted
  // only where a percentage cannot be meant, and only in groups of three.
  bool allow_thousands = false;
};

// The value, or nullopt when `text` is not a finite decimal number.
std::optional<double> parse_number(std::string_view text, NumberStyle style = {});

// Like parse_number, but also requires a whole number.
std::optional<long long> parse_integer(std::string_view text);

}  // namespace plancheck
