#pragma once
// `plancheck catalogue`: the catalogue of indicators as a terminal table, a
// JSON document or a Markdown table.
#include <cstddef>
#include <string>
#include <vector>

#include "core/model/catalogue.hpp"
#include "core/util/lang.hpp"

namespace plancheck {

using CatalogueEntries = std::vector<const CatalogueEntry*>;

// id, name in `lang` (Vietnamese name, or English), kind and unit, stage,
// SDG code; `width` columns at most.
std::string render_catalogue_table(const CatalogueEntries& entries, Lang lang, std::size_t width);
// {"plancheck": 1, "catalogue": [{id, name, name_en, kind, unit, better,
// stage, group, numerator_label, denominator_label, stages, valid_for,
// basis, basis_ref, sources, sdg, aliases, note}]}
std::string render_catalogue_json(const CatalogueEntries& entries);
// A heading and one table row per entry, names escaped for Markdown.
std::string render_catalogue_markdown(const CatalogueEntries& entries, Lang lang);

}  // namespace plancheck
