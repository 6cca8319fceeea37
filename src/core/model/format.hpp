#pragma once
// Numbers as people read them (semantics.md "Numbers shown"): percentages with
// one decimal, percentage points as "pp", counts as integers, paces per year.
// In Vietnamese the decimal separator is a comma and thousands are grouped
// with dots, as the plans write them ("52,1%", "344.050").
#include <string>
#include <string_view>

#include "core/util/lang.hpp"
#include "core/model/model.hpp"

namespace plancheck {

// What every human-facing format shows for a number that is not finite (a
// projection or growth rate that overflowed): never "inf" or "nan", and the
// value never reaches an integer conversion. Machine formats leave it out
// (JSON null, an empty CSV cell, a blank spreadsheet cell).
inline constexpr std::string_view kNoNumber = "—";

// The full double in its shortest round-trip form ("52.1", "0.1", "1e-07"),
// for machine formats; "" for a non-finite value.
std::string exact_number(double v);

// A number with `decimals` fixed decimals, in the language's notation.
std::string format_fixed(double v, int decimals, Lang lang);

// The same with its sign always shown ("+1.8", "-0.3"); kNoNumber unsigned.
std::string format_signed_fixed(double v, int decimals, Lang lang);

// A plain number: up to three decimals, trailing zeros dropped ("0.82", "12").
std::string format_plain(double v, Lang lang);

// The indicator's unit in `lang` ("schools" → "trường"); free-text units
// without a translation are shown as the plan wrote them.
std::string unit_words(const std::string& unit, Lang lang);

// A value of the indicator: "52.1%", "12", "0.82", a stage name, "done".
// A projection: like format_value, but a count that is not whole keeps one
// decimal ("9.5" against a target of 10 must not read "10").
std::string format_estimate(const Indicator& ind, double v, Lang lang);
std::string format_value(const Indicator& ind, double v, Lang lang);

// A difference in the indicator's unit, signed: "+3.9 pp", "-2 schools".
std::string format_delta(const Indicator& ind, double d, Lang lang);

// A pace per year: "+1.8 pp/yr", "+0.5 schools/yr".
std::string format_pace(const Indicator& ind, double per_year, Lang lang);

}  // namespace plancheck
