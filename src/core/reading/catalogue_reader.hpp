#pragma once
// Reading the catalogue of indicators (docs/catalogue.md): the same walk and
// the same descriptive fields as a plan's indicators, plus each entry's
// national sources, SDG 4 code and the other wordings plans print for it.
#include <string>
#include <string_view>

#include "core/model/catalogue.hpp"
#include "core/util/diagnostic.hpp"

namespace plancheck {

Catalogue read_catalogue(std::string_view text, const std::string& file, Diagnostics& diags);

// The catalogue built into plancheck, read once on first use.
const Catalogue& builtin_catalogue();

// "ref \"x\" is not in plancheck's catalogue…", with the closest id.
Message unknown_catalogue_id(const Catalogue& catalogue, std::string_view id);

}  // namespace plancheck
