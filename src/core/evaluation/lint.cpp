#include "core/evaluation/lint.hpp"

#include "core/reading/catalogue_reader.hpp"

#include <cmath>
#include <fmt/format.h>

#include "core/evaluation/budget_tasks.hpp"
#include "core/model/format.hpp"

namespace plancheck {
namespace {

bool numeric(const Indicator& ind) { return ind.kind == Kind::Number || ind.kind == Kind::Ratio; }

// A size with no direction (better: neither, e.g. a forecast of classes) is
// neither weaker nor less ambitious than anything.
bool has_ambition(const Indicator& ind) { return !numeric(ind) || ind.better != Better::Neither; }

// How ambitious a target is, in the direction `better` points: the bound a
// value must pass (for a range, the bound nearer to "worse", which is the one
// that must be reached). Approximate targets ("~N") are forecasts, not
// ambitions, and are left out of the comparison.
double ambition(const Indicator& ind, const Target& t) {
  const NumericTarget& n = t.numeric;
  if (!numeric(ind)) return n.value;
  if (n.op == Op::Between || n.op == Op::About) return ind.better == Better::Higher ? n.low : n.high;
  return n.value;
}

bool less_ambitious(const Indicator& ind, double later, double earlier) {
  if (!numeric(ind) || ind.better == Better::Higher) return later < earlier - 1e-9;
  return later > earlier + 1e-9;
}

void weaker_than_baseline(const Indicator& ind, Diagnostics& diags) {
  if (!ind.baseline || !numeric(ind) || !has_ambition(ind)) return;
  for (const Milestone& m : ind.milestones) {
    // "duy trì 100%" with a baseline of 100% is the plan keeping a standard.
    if (m.target.maintain || !satisfies(m.target.numeric, ind.baseline->value)) continue;
    diags.warning(m.where, msg("target \"{}\" for {} in {} is already met by the baseline {} ({}): target weaker than "
                               "baseline", m.target.text, ind.id, m.year_label,
                               Message::per_lang([&](Lang l) { return format_value(ind, ind.baseline->value, l); }),
                               ind.baseline->year_label));
  }
}

void order_and_ambition(const Indicator& ind, Diagnostics& diags) {
  for (std::size_t i = 1; i < ind.milestones.size(); ++i) {
    const Milestone& prev = ind.milestones[i - 1];
    const Milestone& m = ind.milestones[i];
    if (m.year < prev.year)
      diags.warning(m.where, msg("milestones of {} are out of order: {} comes after {}", ind.id, m.year_label,
                                 prev.year_label));
  }
  if (!has_ambition(ind)) return;
  for (const Milestone& m : ind.milestones)
    for (const Milestone& earlier : ind.milestones)
      if (earlier.year < m.year && m.target.numeric.op != Op::About && earlier.target.numeric.op != Op::About &&
          less_ambitious(ind, ambition(ind, m.target), ambition(ind, earlier.target))) {
        diags.warning(m.where, msg("target \"{}\" for {} in {} is less ambitious than \"{}\" in {}", m.target.text,
                                   ind.id, m.year_label, earlier.target.text, earlier.year_label));
        break;
      }
}

void bounds_and_counts(const Indicator& ind, Diagnostics& diags) {
  if (!numeric(ind)) return;
  for (const Milestone& m : ind.milestones) {
    const NumericTarget& n = m.target.numeric;
    const bool band = n.op == Op::Between || n.op == Op::About;
    const double lo = band ? n.low : n.value;
    const double hi = band ? n.high : n.value;
    if (ind.is_percent() && (lo < -1e-9 || hi > 100 + 1e-9))
      diags.warning(m.where, msg("target \"{}\" for {} in {} is a percentage outside [0, 100]", m.target.text, ind.id,
                                 m.year_label));
    const bool whole = n.op == Op::About || (std::fabs(lo - std::round(lo)) < 1e-9 && std::fabs(hi - std::round(hi)) < 1e-9);
    if (ind.is_count() && !whole)
      diags.warning(m.where, msg("target \"{}\" for {} in {} is not a whole number of {}", m.target.text, ind.id,
                                 m.year_label, Message::per_lang([&](Lang l) { return unit_words(ind.unit, l); })));
  }
}

// A value written beside its numerator and denominator must agree with them
// to the precision it was written with (18/79 = 22.78 %, not 25 %).
void count_vs_percentage(const Indicator& ind, const Observation& o, Diagnostics& diags) {
  if (!o.written) return;
  const double rounding = ind.is_percent() ? 0.5 : 0.005;  // a percentage may be written rounded to whole
  if (std::fabs(o.value - *o.written) <= rounding + 1e-9) return;
  diags.warning(o.where, msg("{} of {} is {}, but the value written for {} in {} is {}",
                             Message::per_lang([&](Lang l) { return format_plain(*o.numerator, l); }),
                             Message::per_lang([&](Lang l) { return format_plain(*o.denominator, l); }),
                             Message::per_lang([&](Lang l) { return format_value(ind, o.value, l); }), ind.id, o.year_label,
                             Message::per_lang([&](Lang l) { return format_value(ind, *o.written, l); })));
}

void baseline_year(const Plan& plan, const Indicator& ind, Diagnostics& diags) {
  const std::optional<int> base = ind.baseline ? std::optional(ind.baseline->year) : plan.info.baseline_year;
  if (!base) return;
  for (const Milestone& m : ind.milestones)
    if (m.year < *base)
      diags.warning(m.where, msg("target year {} for {} is before the baseline year {}", m.year_label, ind.id, *base));
}

// An indicator worded like a catalogue entry but keyed apart from it is not
// pooled with the other units' in roll-ups, which go by id.
void catalogue_match(const Indicator& ind, Diagnostics& diags) {
  const CatalogueEntry* entry = builtin_catalogue().looks_like(ind);
  if (!entry) return;
  const std::string& id = entry->indicator.id;
  diags.warning(ind.where, msg("{} looks like the catalogue's {} (\"{}\"); add \"ref: {}\" or use that id, so roll-ups "
                               "pool it with other units' {}", ind.id, id, entry->indicator.name, id, id));
}

}  // namespace

void lint_plan(const Plan& plan, Diagnostics& diags) {
  if (plan.budget) lint_budget(*plan.budget, diags);
  for (const Indicator& ind : plan.indicators) {
    weaker_than_baseline(ind, diags);
    order_and_ambition(ind, diags);
    bounds_and_counts(ind, diags);
    baseline_year(plan, ind, diags);
    catalogue_match(ind, diags);
    if (ind.baseline) count_vs_percentage(ind, *ind.baseline, diags);
    for (const Observation& o : ind.actuals) count_vs_percentage(ind, o, diags);
  }
}

}  // namespace plancheck
