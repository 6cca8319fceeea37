#include "core/util/number.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/util/text.hpp"

namespace plancheck {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "1.234.567" with every group after the first exactly three digits.
bool is_thousands_grouped(std::string_view s) {
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string_view group = s.substr(start, dot == std::string_view::npos ? dot : dot - start);
    // A leading "0." is a decimal ("0.803"), never a thousands group.
    if (!all_digits(group) || (first ? group.size() > 3 || group[0] == '0' : group.size() != 3)) return false;
    if (dot == std::string_view::npos) return true;
    first = false;
    start = dot + 1;
  }
}

}  // namespace

std::optional<double> parse_number(std::string_view text, NumberStyle style) {
  std::string_view s = trim(text);
  std::string canonical;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    if (s.front() == '-') canonical += '-';
    s.remove_prefix(1);
  }
  const std::size_t comma = s.find(',');
  std::string_view whole = s.substr(0, comma);
  std::string_view fraction;
  if (comma != std::string_view::npos) {
    fraction = s.substr(comma + 1);
    if (!all_digits(fraction)) return std::nullopt;
  }
  const std::size_t dots = static_cast<std::size_t>(std::count(whole.begin(), whole.end(), '.'));
  const bool grouped = style.allow_thousands && dots > 0 && is_thousands_grouped(whole) &&
                       (dots > 1 || comma != std::string_view::npos || whole.size() - whole.find('.') == 4);
  if (grouped) {
    for (char c : whole)
      if (c != '.') canonical += c;
  } else if (dots == 1 && comma == std::string_view::npos) {
    const std::size_t dot = whole.find('.');
    if (!all_digits(whole.substr(0, dot)) || !all_digits(whole.substr(dot + 1))) return std::nullopt;
    canonical += whole;
  } else if (dots == 0 && all_digits(whole)) {
    canonical += whole;
  } else {
    return std::nullopt;
  }
  if (!fraction.empty()) {
    canonical += '.';
    canonical += fraction;
  }
  const double v = std::strtod(canonical.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> parse_integer(std::string_view text) {
  const std::string_view s = trim(text);
  const std::string_view digits = !s.empty() && s.front() == '-' ? s.substr(1) : s;
  if (!all_digits(digits) || digits.size() > 15) return std::nullopt;
  return std::stoll(std::string(s));
}

}  // namespace plancheck
