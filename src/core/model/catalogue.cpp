#include "core/model/catalogue.hpp"

#include <algorithm>
#include <limits>

#include "core/util/normalize.hpp"
#include "core/util/suggest.hpp"

namespace plancheck {
namespace {

// Words that open a name without telling indicators apart: "Tỷ lệ trẻ suy
// dinh dưỡng" and "Trẻ suy dinh dưỡng" are the same indicator.
constexpr std::string_view kOpeningWords[] = {"ty le ", "ti le ", "so "};

// A name reduced to what identifies it: case, diacritics and punctuation
// set aside, spaces collapsed, an opening "tỷ lệ"/"số" dropped.
std::string name_key(std::string_view name) {
  std::string plain = fold_diacritics(name), key;
  for (char c : plain) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    if (word) key += c;
    else if (!key.empty() && key.back() != ' ') key += ' ';
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  for (std::string_view opening : kOpeningWords)
    if (key.starts_with(opening)) return key.substr(opening.size());
  return key;
}

// Names this far apart (in letters) or closer are the same wording: a
// digit written "01"/"1", "THCS" spelt out is not caught, a typo is.
std::size_t near_distance(std::size_t length) { return std::max<std::size_t>(2, length / 12); }

// A name alone does not make two indicators one: a count of schools is not
// the share of schools, a primary rate not the lower-secondary one.
bool comparable(const Indicator& ind, const Indicator& entry) {
  const bool stages_agree = ind.stage.empty() || entry.stage.empty() || entry.stage == "all" || ind.stage == entry.stage;
  const bool both_shares = ind.is_percent() == entry.is_percent() || ind.unit.empty() || entry.unit.empty();
  const bool both_flags = (ind.kind == Kind::Flag) == (entry.kind == Kind::Flag);
  return stages_agree && both_shares && both_flags;
}

}  // namespace

Catalogue::Catalogue(std::vector<CatalogueEntry> entries) : entries_(std::move(entries)) {
  for (const CatalogueEntry& e : entries_) {
    std::vector<std::string>& keys = name_keys_.emplace_back();
    keys.push_back(name_key(e.indicator.name));
    for (const std::string& alias : e.aliases) keys.push_back(name_key(alias));
  }
}

const CatalogueEntry* Catalogue::find(std::string_view id) const {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const CatalogueEntry& e) { return e.indicator.id == id; });
  return it == entries_.end() ? nullptr : &*it;
}

std::vector<const CatalogueEntry*> Catalogue::search(std::string_view text) const {
  const std::string wanted = fold_diacritics(text);
  const auto contains = [&](std::string_view field) { return fold_diacritics(field).find(wanted) != std::string::npos; };
  std::vector<const CatalogueEntry*> found;
  for (const CatalogueEntry& e : entries_) {
    bool hit = contains(e.indicator.id) || contains(e.indicator.name) || contains(e.indicator.name_en) ||
               contains(e.sdg) || contains(e.indicator.stage) || contains(e.indicator.group);
    for (const std::string& s : e.aliases) hit = hit || contains(s);
    for (const std::string& s : e.sources) hit = hit || contains(s);
    if (hit) found.push_back(&e);
  }
  return found;
}

const CatalogueEntry* Catalogue::looks_like(const Indicator& ind) const {
  if (!ind.ref.empty() || find(ind.id)) return nullptr;
  const std::string key = name_key(ind.name);
  if (key.empty()) return nullptr;
  const CatalogueEntry* best = nullptr;
  std::size_t best_distance = near_distance(key.size()) + 1;
  bool tie = false;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const CatalogueEntry& e = entries_[i];
    if (!comparable(ind, e.indicator)) continue;
    std::size_t distance = std::numeric_limits<std::size_t>::max();
    for (const std::string& k : name_keys_[i]) distance = std::min(distance, edit_distance(key, k));
    if (distance < best_distance) {
      best = &e;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance && best) {
      tie = true;
    }
  }
  return tie ? nullptr : best;
}

}  // namespace plancheck
