#pragma once
// "Did you mean": the one known word closest to a mistyped one. Words are
// compared normalised (case folded, Vietnamese diacritics removed, đ read
// as d, '-', '_', '.' and spaces as one separator), by edit distance
// (insertions, deletions, substitutions and swaps of two neighbours). A word
// is suggested only when it is close enough — at most max(1, its length / 3)
// edits, and fewer edits than the typed text has letters — when its
// numbers are the typed ones ("giai đoạn 2" is not "giai đoạn 1" mistyped),
// and when it is the single closest one: two equally close words suggest
// nothing.
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

// "Đơn_Vị Tính" → "don-vi-tinh".
std::string normalize_for_match(std::string_view text);

// Edit distance between two texts (as code points), counting a swap of two
// neighbours as one edit; stops early and returns `limit` + 1 once the
// distance is known to be above `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = static_cast<std::size_t>(-1));

// The known word to suggest for `typed`, as it is written among `known`.
std::optional<std::string> closest_match(std::string_view typed, std::span<const std::string_view> known);
std::optional<std::string> closest_match(std::string_view typed, const std::vector<std::string>& known);

// For a set that cannot be listed, only asked (a hash of unit ids): the
// words one edit from `typed` (normalised; letters from `alphabet`) that
// `exists` says are known, with the same rule for a single closest one.
std::optional<std::string> closest_existing(std::string_view typed, std::string_view alphabet,
                                            const std::function<bool(std::string_view)>& exists);

}  // namespace plancheck
