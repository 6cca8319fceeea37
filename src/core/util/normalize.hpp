#pragma once
// Vietnamese text compared the way a person reads it: whatever the case,
// whether the letters came precomposed (NFC, what most keyboards send) or
// as a base letter and combining marks (NFD, what some systems and copied
// text give), and, where asked, without diacritics ("Hà Bắc" as "ha bac").
// Covers the Latin letters Vietnamese writes (and Latin-1's); other scripts
// are left as they are.
#include <string>
#include <string_view>

namespace plancheck {

// Case-folded (fold_case) and canonically decomposed: each precomposed
// letter as its base letter and marks, marks in canonical order. Two texts
// that differ only in case or in NFC/NFD form give the same string. A byte
// that is not UTF-8 becomes U+FFFD.
std::string canonical_fold(std::string_view s);

// canonical_fold without the marks, and đ as d: "Chậm Tiến Độ" -> "cham
// tien do". Text a person types without diacritics is already this.
std::string fold_diacritics(std::string_view s);

// An id for a name: fold_diacritics, then every run of characters other
// than a-z and 0-9 as one '-', none at either end ("Xã Hà Bắc" -> "xa-ha-bac").
// Empty when the name has no such letter or digit.
std::string slug_from_name(std::string_view name);

}  // namespace plancheck
