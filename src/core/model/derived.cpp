#include "core/model/derived.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "core/reading/loader_parts.hpp"

namespace plancheck {
namespace {

// An indicator's values by year: baseline and actuals, an actual winning.
struct Series {
  std::map<int, const Observation*> by_year;
  std::set<int> baseline_years;
};

Series series_of(const Indicator& ind) {
  Series s;
  if (ind.baseline) {
    s.by_year[ind.baseline->year] = &*ind.baseline;
    s.baseline_years.insert(ind.baseline->year);
  }
  for (const Observation& o : ind.actuals) {
    s.by_year[o.year] = &o;
    s.baseline_years.erase(o.year);
  }
  return s;
}

// Formula indicators in an order where inputs come before what uses them
// (check_formulas has already rejected cycles).
std::vector<Indicator*> in_dependency_order(Plan& plan) {
  std::vector<Indicator*> order, pending;
  for (Indicator& ind : plan.indicators)
    if (ind.derivation) pending.push_back(&ind);
  while (!pending.empty()) {
    const auto ready = std::find_if(pending.begin(), pending.end(), [&](Indicator* ind) {
      return std::none_of(ind->derivation->references().begin(), ind->derivation->references().end(),
                          [&](const std::string& ref) {
                            return std::any_of(pending.begin(), pending.end(), [&](Indicator* p) { return p->id == ref; });
                          });
    });
    if (ready == pending.end()) break;  // a cycle: reported by check_formulas
    order.push_back(*ready);
    pending.erase(ready);
  }
  return order;
}

void derive(Plan& plan, Indicator& ind, Diagnostics& diags) {
  std::vector<Series> inputs;
  for (const std::string& ref : ind.derivation->references()) {
    const Indicator* input = plan.find(ref);
    if (!input) return;  // reported by check_formulas
    inputs.push_back(series_of(*input));
  }
  std::set<int> years;
  for (const auto& [year, obs] : inputs.front().by_year) years.insert(year);
  for (int year : years) {
    bool all_baseline = true;
    const auto value = [&](const std::string& ref) -> std::optional<double> {
      const auto& refs = ind.derivation->references();
      const Series& s = inputs[static_cast<std::size_t>(std::find(refs.begin(), refs.end(), ref) - refs.begin())];
      const auto it = s.by_year.find(year);
      if (it == s.by_year.end()) return std::nullopt;
      all_baseline = all_baseline && s.baseline_years.count(year) > 0;
      return it->second->value;
    };
    bool divided_by_zero = false;
    const auto v = ind.derivation->evaluate(value, divided_by_zero);
    if (divided_by_zero) {
      diags.error(ind.where, msg("formula \"{}\" of {} divides by zero in {}", ind.formula, ind.id, year));
      continue;
    }
    if (!v) continue;
    Observation o;
    o.year = year;
    o.year_label = inputs.front().by_year.at(year)->year_label;
    o.value = *v;
    o.where = ind.where;
    if (all_baseline)
      ind.baseline = o;
    else
      ind.actuals.push_back(o);
  }
}

bool numeric_kind(const Indicator& ind) { return ind.kind == Kind::Number || ind.kind == Kind::Ratio; }

// Follows references depth-first; returns the path of a cycle back to `start`.
bool cycle_from(const Plan& plan, const Indicator& start, const Indicator& at, std::vector<std::string>& path) {
  for (const std::string& ref : at.derivation->references()) {
    const Indicator* next = plan.find(ref);
    if (!next || !next->derivation) continue;
    if (std::find(path.begin(), path.end(), ref) != path.end() && ref != start.id) continue;
    path.push_back(ref);
    if (ref == start.id || cycle_from(plan, start, *next, path)) return true;
    path.pop_back();
  }
  return false;
}

}  // namespace

void check_formulas(const Plan& plan, Diagnostics& diags) {
  for (const Indicator& ind : plan.indicators) {
    if (!ind.derivation) continue;
    for (const std::string& ref : ind.derivation->references()) {
      const Indicator* input = plan.find(ref);
      if (!input)
        diags.error(ind.where, msg("formula \"{}\" of {} refers to unknown indicator \"{}\"", ind.formula, ind.id, ref));
      else if (!numeric_kind(*input))
        diags.error(ind.where, msg("formula \"{}\" of {} uses \"{}\", a {} indicator; only number and ratio indicators "
                                   "have numeric values", ind.formula, ind.id, ref, kind_name(input->kind)));
    }
    std::vector<std::string> path{ind.id};
    if (cycle_from(plan, ind, ind, path))
      diags.error(ind.where, msg("formula \"{}\" of {} depends on itself: {}", ind.formula, ind.id,
                                 fmt::format("{}", fmt::join(path, " → "))));
  }
}

void derive_values(Plan& plan, Diagnostics& diags) {
  for (Indicator* ind : in_dependency_order(plan)) derive(plan, *ind, diags);
}

}  // namespace plancheck
