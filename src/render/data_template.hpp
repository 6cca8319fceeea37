#pragma once
// The data-entry template (plancheck template): per plan a table in the wide
// layout of core/reading/table.hpp — a row per indicator, a column per year
// from the baseline year to the horizon, ratio indicators with numerator and
// denominator columns — that plancheck reads back as data.
// docs/spreadsheets.md describes it.
#include <string>
#include <vector>

#include "core/util/lang.hpp"
#include "core/model/model.hpp"

namespace plancheck {

// One sheet per plan (named after its unit), title rows above the header,
// targets in a grey column for reference, known values (baselines, actuals)
// filled in, data validation where the kind allows, the sheet protected with
// only the year cells open. Throws XlsxError.
std::string render_template_xlsx(const std::vector<Plan>& plans, Lang lang);

// The same tables in one CSV file (UTF-8 with a BOM, for Excel): the header
// once, then every plan's rows.
std::string render_template_csv(const std::vector<Plan>& plans, Lang lang);

}  // namespace plancheck
