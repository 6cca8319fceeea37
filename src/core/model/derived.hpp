#pragma once
// Values of derived (formula) indicators, computed per year from their
// inputs once every data file has been attached.
#include "core/util/diagnostic.hpp"
#include "core/model/model.hpp"

namespace plancheck {

// Fills each formula indicator's baseline and actuals. A year where any
// input has no value has no value; a zero divisor is an error naming the
// indicator, its line and the year.
void derive_values(Plan& plan, Diagnostics& diags);

}  // namespace plancheck
