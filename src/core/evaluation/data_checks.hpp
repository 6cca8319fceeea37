#pragma once
// Data that looks wrong (semantics.md 1.1 §7): values and years that are
// probably typing errors. Each finding is a warning at the value's place,
// naming the indicator, what was seen and what was probably meant; the
// result commands and `validate` print them, `--strict` fails on them.
// Readings of the contract: docs/semantics-choices.md "Data that looks wrong".
#include <optional>
#include <vector>

#include "core/util/diagnostic.hpp"
#include "core/model/model.hpp"

namespace plancheck {

// Every check below, over every indicator (and budget spending, for years)
// of the plan. Indicators computed from a formula are left out: their values
// repeat their inputs', which are checked themselves.
void check_data(const Plan& plan, Diagnostics& diags);

// A `%` indicator's typed value in (0, 1] while another of its values,
// its baseline or a target is above 5: "0.78 looks like a fraction".
void flag_fractions(const Indicator& ind, Diagnostics& diags);

// The years a plan's data should fall in: from its baseline year (else its
// earliest indicator baseline, else ten years before `last`) to its horizon,
// else its latest milestone year. nullopt without a horizon or milestones.
struct PlanPeriod {
  int first = 0;
  int last = 0;
  bool horizon = false;  // `last` is the plan's horizon (else its last milestone year)
};
std::optional<PlanPeriod> plan_period(const Plan& plan);

// Values of `series` (named `what`: an indicator or budget.<line> id) dated
// after the period, with the year probably meant.
void flag_late_years(const std::string& what, const std::vector<const Observation*>& series, const PlanPeriod& period,
                     Diagnostics& diags);

// Consecutive points (baseline and actuals by year) further apart than a
// year's plausible change: 25 pp for `%`; for counts more than half the
// earlier value and more than 5.
void flag_jumps(const Indicator& ind, Diagnostics& diags);

// The year probably meant by a `typed` year after `last`: two neighbouring
// digits swapped (2062 for 2026), else one digit mistyped, within
// [first, last] and not in `taken`; the closest to `typed` of the first kind
// that has one. nullopt when there is none.
std::optional<int> likely_year(int typed, int first, int last, const std::vector<int>& taken);

}  // namespace plancheck
