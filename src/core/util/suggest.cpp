#include "core/util/suggest.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/util/normalize.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

bool is_separator(char32_t c) { return c == '-' || c == '_' || c == '.' || c == ' ' || c == '\t'; }

// Case, marks (NFC or NFD) and đ set aside by fold_diacritics; then
// every run of separators as one '-'.
std::u32string normalized_code_points(std::string_view text) {
  const std::string plain = fold_diacritics(text);
  std::u32string out;
  for (std::size_t i = 0; i < plain.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(plain, i, cp);
    if (len == 0) {  // not UTF-8: the byte stands for itself
      cp = static_cast<unsigned char>(plain[i]);
      len = 1;
    }
    i += len;
    if (is_separator(cp)) {
      if (!out.empty() && out.back() != U'-') out += U'-';
      continue;
    }
    out += cp;
  }
  if (!out.empty() && out.back() == U'-') out.pop_back();
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(c, out);
  return out;
}

// Optimal string alignment distance, row by row; `limit` + 1 once every
// entry of a row is above the limit.
std::size_t osa_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
  const std::size_t above = limit == static_cast<std::size_t>(-1) ? limit : limit + 1;
  const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
  if (longer - shorter > limit) return above;
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return above;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], above);
}

std::size_t allowed_edits(std::size_t known_length) { return std::max<std::size_t>(1, known_length / 3); }

// "giai đoạn 2" is not "giai đoạn 1" mistyped, nor "phuong-3" "phuong-1":
// a word differing in its numbers is another thing, never suggested.
std::u32string digits_of(std::u32string_view s) {
  std::u32string digits;
  for (char32_t c : s)
    if (c >= U'0' && c <= U'9') digits += c;
  return digits;
}

// The single closest of the candidates offered, by their distance.
class Best {
 public:
  void offer(std::string_view word, std::size_t distance) {
    if (distance < distance_) {
      distance_ = distance;
      word_ = std::string(word);
      tied_ = false;
    } else if (distance == distance_ && word != word_) {
      tied_ = true;
    }
  }
  std::optional<std::string> result() const {
    if (word_.empty() || tied_) return std::nullopt;
    return word_;
  }

 private:
  std::size_t distance_ = static_cast<std::size_t>(-1);
  std::string word_;
  bool tied_ = false;
};

}  // namespace

std::string normalize_for_match(std::string_view text) { return to_utf8(normalized_code_points(text)); }

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const auto decode_all = [](std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
      char32_t cp = 0;
      const std::size_t len = decode_utf8(s, i, cp);
      out += len == 0 ? static_cast<unsigned char>(s[i]) : cp;
      i += len == 0 ? 1 : len;
    }
    return out;
  };
  return osa_distance(decode_all(a), decode_all(b), limit);
}

std::optional<std::string> closest_match(std::string_view typed, std::span<const std::string_view> known) {
  const std::u32string t = normalized_code_points(typed);
  if (t.empty()) return std::nullopt;
  const std::u32string numbers = digits_of(t);
  Best best;
  for (std::string_view word : known) {
    const std::u32string k = normalized_code_points(word);
    if (digits_of(k) != numbers) continue;
    // Fewer edits than the typed text has letters: "a" is not "b" mistyped.
    const std::size_t limit = std::min(allowed_edits(k.size()), t.size() - 1);
    const std::size_t d = osa_distance(t, k, limit);
    if (d <= limit) best.offer(word, d);
  }
  return best.result();
}

std::optional<std::string> closest_match(std::string_view typed, const std::vector<std::string>& known) {
  const std::vector<std::string_view> views(known.begin(), known.end());
  return closest_match(typed, std::span<const std::string_view>(views));
}

std::optional<std::string> closest_existing(std::string_view typed, std::string_view alphabet,
                                            const std::function<bool(std::string_view)>& exists) {
  const std::u32string t = normalized_code_points(typed);
  if (t.empty()) return std::nullopt;
  Best best;
  const std::u32string numbers = digits_of(t);
  const auto try_word = [&](const std::u32string& w, std::size_t distance) {
    if (digits_of(w) != numbers) return;
    const std::string word = to_utf8(w);
    if (exists(word)) best.offer(word, distance);
  };
  try_word(t, 0);
  if (const auto exact = best.result()) return exact;
  if (t.size() < 2) return std::nullopt;  // one edit would replace the whole word
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::u32string w = t;
    w.erase(i, 1);
    try_word(w, 1);
    if (i + 1 < t.size() && t[i] != t[i + 1]) {
      w = t;
      std::swap(w[i], w[i + 1]);
      try_word(w, 1);
    }
  }
  for (char c : alphabet) {
    for (std::size_t i = 0; i <= t.size(); ++i) {
      std::u32string w = t;
      w.insert(i, 1, static_cast<char32_t>(c));
      try_word(w, 1);
      if (i < t.size() && t[i] != static_cast<char32_t>(c)) {
        w = t;
        w[i] = static_cast<char32_t>(c);
        try_word(w, 1);
      }
    }
  }
  return best.result();
}

}  // namespace plancheck
