#pragma once
// The catalogue of indicators shipped with plancheck (catalogue/ at the top
// of the repository, built into the binary): one shared vocabulary, so that
// the same national indicator has one id in every unit's plan and roll-ups
// can pool the units. A plan's indicator says `ref: <id>` and inherits every
// descriptive field it does not set itself.
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace plancheck {

struct CatalogueEntry {
  // id, name (Vietnamese), name_en, group, stage, kind, unit, better,
  // numerator/denominator labels, stages, valid_for, basis: what a plan's
  // indicator inherits. No targets: those are each plan's own.
  Indicator indicator;
  std::vector<std::string> sources;  // citations of the national sources
  std::string sdg;                   // "4.2.2", or "" when none corresponds
  std::string note;
  std::vector<std::string> aliases;  // other wordings plans print for it
};

class Catalogue {
 public:
  explicit Catalogue(std::vector<CatalogueEntry> entries = {});

  const std::vector<CatalogueEntry>& entries() const { return entries_; }
  const CatalogueEntry* find(std::string_view id) const;
  // Entries whose id, names, aliases, SDG code or sources contain `text`
  // (case and Vietnamese diacritics ignored), in catalogue order.
  std::vector<const CatalogueEntry*> search(std::string_view text) const;
  // The entry an indicator that does not refer to the catalogue looks like:
  // its name is the entry's name or one of its aliases, or nearly so (a
  // few letters apart once case, diacritics, punctuation and a leading
  // "tỷ lệ"/"số" are set aside), and its stage does not contradict the
  // entry's. nullptr when none, or when two entries fit equally.
  const CatalogueEntry* looks_like(const Indicator& ind) const;

 private:
  std::vector<CatalogueEntry> entries_;
  // Per entry, the keys its name and aliases are matched by (looks_like
  // runs for every indicator of every plan validated: made once here).
  std::vector<std::vector<std::string>> name_keys_;
};

// The catalogue built into plancheck, read once on first use.
const Catalogue& builtin_catalogue();

// The text of catalogue/indicators.yaml as built in (generated at build time).
std::string_view builtin_catalogue_text();

}  // namespace plancheck
