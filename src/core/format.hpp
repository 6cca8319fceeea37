#pragma once
// Numbers as people read them (semantics.md "Numbers shown"): percentages with
// one decimal, percentage points as "pp", counts as integers, paces per year.
#include <string>

#include "core/model.hpp"

namespace plancheck {

// The full double in its shortest round-trip form ("52.1", "0.1", "1e-07"),
// for machine formats; "" for a non-finite value.
std::string exact_number(double v);

// A plain number: up to three decimals, trailing zeros dropped ("0.82", "12").
std::string format_plain(double v);

// A value of the indicator: "52.1%", "12", "0.82", a stage name, "done".
std::string format_value(const Indicator& ind, double v);

// A difference in the indicator's unit, signed: "+3.9 pp", "-2 schools".
std::string format_delta(const Indicator& ind, double d);

// A pace per year: "+1.8 pp/yr", "+0.5 schools/yr".
std::string format_pace(const Indicator& ind, double per_year);

}  // namespace plancheck
