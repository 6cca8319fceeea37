#include "core/util/normalize.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "core/util/text.hpp"

namespace plancheck {
namespace {

struct Decomposition {
  char32_t letter;
  char32_t base;
  char32_t mark1;  // 0 when unused; in canonical order
  char32_t mark2;
};

// The canonical decompositions (Unicode's NFD) of the lower-case letters
// with diacritics of Latin-1 and of Vietnamese (ă ĩ ũ ơ ư and U+1EA1…U+1EF9),
// sorted by letter. Generated with Python's unicodedata.normalize("NFD").
// Upper case needs none: fold_case lowers these letters first.
constexpr auto kDecompositions = std::to_array<Decomposition>({
    {0x00E0, 'a', 0x300, 0}, {0x00E1, 'a', 0x301, 0}, {0x00E2, 'a', 0x302, 0}, {0x00E3, 'a', 0x303, 0},
    {0x00E4, 'a', 0x308, 0}, {0x00E5, 'a', 0x30A, 0}, {0x00E7, 'c', 0x327, 0}, {0x00E8, 'e', 0x300, 0},
    {0x00E9, 'e', 0x301, 0}, {0x00EA, 'e', 0x302, 0}, {0x00EB, 'e', 0x308, 0}, {0x00EC, 'i', 0x300, 0},
    {0x00ED, 'i', 0x301, 0}, {0x00EE, 'i', 0x302, 0}, {0x00EF, 'i', 0x308, 0}, {0x00F1, 'n', 0x303, 0},
    {0x00F2, 'o', 0x300, 0}, {0x00F3, 'o', 0x301, 0}, {0x00F4, 'o', 0x302, 0}, {0x00F5, 'o', 0x303, 0},
    {0x00F6, 'o', 0x308, 0}, {0x00F9, 'u', 0x300, 0}, {0x00FA, 'u', 0x301, 0}, {0x00FB, 'u', 0x302, 0},
    {0x00FC, 'u', 0x308, 0}, {0x00FD, 'y', 0x301, 0}, {0x00FF, 'y', 0x308, 0}, {0x0103, 'a', 0x306, 0},
    {0x0129, 'i', 0x303, 0}, {0x0169, 'u', 0x303, 0}, {0x01A1, 'o', 0x31B, 0}, {0x01B0, 'u', 0x31B, 0},
    {0x1EA1, 'a', 0x323, 0}, {0x1EA3, 'a', 0x309, 0}, {0x1EA5, 'a', 0x302, 0x301}, {0x1EA7, 'a', 0x302, 0x300},
    {0x1EA9, 'a', 0x302, 0x309}, {0x1EAB, 'a', 0x302, 0x303}, {0x1EAD, 'a', 0x323, 0x302},
    {0x1EAF, 'a', 0x306, 0x301}, {0x1EB1, 'a', 0x306, 0x300}, {0x1EB3, 'a', 0x306, 0x309},
    {0x1EB5, 'a', 0x306, 0x303}, {0x1EB7, 'a', 0x323, 0x306}, {0x1EB9, 'e', 0x323, 0}, {0x1EBB, 'e', 0x309, 0},
    {0x1EBD, 'e', 0x303, 0}, {0x1EBF, 'e', 0x302, 0x301}, {0x1EC1, 'e', 0x302, 0x300}, {0x1EC3, 'e', 0x302, 0x309},
    {0x1EC5, 'e', 0x302, 0x303}, {0x1EC7, 'e', 0x323, 0x302}, {0x1EC9, 'i', 0x309, 0}, {0x1ECB, 'i', 0x323, 0},
    {0x1ECD, 'o', 0x323, 0}, {0x1ECF, 'o', 0x309, 0}, {0x1ED1, 'o', 0x302, 0x301}, {0x1ED3, 'o', 0x302, 0x300},
    {0x1ED5, 'o', 0x302, 0x309}, {0x1ED7, 'o', 0x302, 0x303}, {0x1ED9, 'o', 0x323, 0x302},
    {0x1EDB, 'o', 0x31B, 0x301}, {0x1EDD, 'o', 0x31B, 0x300}, {0x1EDF, 'o', 0x31B, 0x309},
    {0x1EE1, 'o', 0x31B, 0x303}, {0x1EE3, 'o', 0x31B, 0x323}, {0x1EE5, 'u', 0x323, 0}, {0x1EE7, 'u', 0x309, 0},
    {0x1EE9, 'u', 0x31B, 0x301}, {0x1EEB, 'u', 0x31B, 0x300}, {0x1EED, 'u', 0x31B, 0x309},
    {0x1EEF, 'u', 0x31B, 0x303}, {0x1EF1, 'u', 0x31B, 0x323}, {0x1EF3, 'y', 0x300, 0}, {0x1EF5, 'y', 0x323, 0},
    {0x1EF7, 'y', 0x309, 0}, {0x1EF9, 'y', 0x303, 0},
});

bool is_mark(char32_t c) { return c >= 0x300 && c <= 0x36F; }

// Unicode's canonical combining class of the marks Latin letters use:
// canonical order sorts a run of marks by it (stably), so "ệ" typed as
// e + U+0302 + U+0323 and as e + U+0323 + U+0302 compare equal.
int combining_class(char32_t c) {
  if (c == 0x31B) return 216;                                 // horn (ơ, ư)
  if (c == 0x321 || c == 0x322 || c == 0x327 || c == 0x328) return 202;  // attached below (cedilla)
  if ((c >= 0x316 && c <= 0x319) || (c >= 0x31C && c <= 0x320) || (c >= 0x323 && c <= 0x326) ||
      (c >= 0x329 && c <= 0x333) || (c >= 0x339 && c <= 0x33C))
    return 220;  // below (dot below of ạ, ệ)
  if (c >= 0x334 && c <= 0x338) return 1;  // overlays
  return 230;  // above: tones, circumflex, breve
}

// The code points of canonical_fold: decomposed, marks in canonical order.
std::vector<char32_t> decomposed(std::string_view s) {
  const std::string folded = fold_case(s);
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < folded.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(folded, i, cp);
    if (len == 0) {  // a byte that is not UTF-8 reads as U+FFFD
      cp = 0xFFFD;
      len = 1;
    }
    i += len;
    const auto it = std::lower_bound(kDecompositions.begin(), kDecompositions.end(), cp,
                                     [](const Decomposition& d, char32_t c) { return d.letter < c; });
    if (it == kDecompositions.end() || it->letter != cp) {
      out.push_back(cp);
      continue;
    }
    out.push_back(it->base);
    for (char32_t m : {it->mark1, it->mark2})
      if (m != 0) out.push_back(m);
  }
  for (std::size_t start = 0; start < out.size();) {
    std::size_t end = start;
    while (end < out.size() && is_mark(out[end])) ++end;
    if (end == start) {
      ++start;
      continue;
    }
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.begin() + static_cast<std::ptrdiff_t>(end),
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    start = end;
  }
  return out;
}

std::string encoded(const std::vector<char32_t>& cps) {
  std::string out;
  for (char32_t c : cps) append_utf8(c, out);
  return out;
}

}  // namespace

std::string canonical_fold(std::string_view s) { return encoded(decomposed(s)); }

std::string fold_diacritics(std::string_view s) {
  std::vector<char32_t> cps = decomposed(s);
  std::erase_if(cps, is_mark);
  std::replace(cps.begin(), cps.end(), char32_t{0x111}, char32_t{'d'});  // đ (Đ is folded to it)
  return encoded(cps);
}

std::string slug_from_name(std::string_view name) {
  std::string out;
  for (char c : fold_diacritics(name)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  if (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace plancheck
