#include "core/evaluation/alignment.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "core/util/text.hpp"

namespace plancheck {
namespace {


constexpr double kEps = 1e-9;

// The bound a target sets on the good side: v >= value (or > when strict)
// when higher is better, v <= value (or <) when lower is better.
struct Bound {
  double value = 0;
  bool strict = false;
};

std::optional<Bound> good_side_bound(const NumericTarget& t, Better better) {
  if (better == Better::Higher) {
    switch (t.op) {
      case Op::AtLeast: return Bound{t.value, false};
      case Op::Above: return Bound{t.value, true};
      case Op::Between:
      case Op::About: return Bound{t.low, false};
      default: return std::nullopt;  // a ceiling on a higher-is-better indicator
    }
  }
  switch (t.op) {
    case Op::AtMost: return Bound{t.value, false};
    case Op::Below: return Bound{t.value, true};
    case Op::Between:
    case Op::About: return Bound{t.high, false};
    default: return std::nullopt;
  }
}

Ambition compare_bounds(Bound lower, Bound higher, Better better) {
  // Ask more = a higher floor / a lower ceiling; at the same number a strict
  // bound asks more than an inclusive one.
  const double sign = better == Better::Higher ? 1 : -1;
  const double diff = sign * (lower.value - higher.value);
  if (diff < -kEps) return Ambition::Less;
  if (diff > kEps) return Ambition::More;
  if (lower.strict == higher.strict) return Ambition::Same;
  return lower.strict ? Ambition::More : Ambition::Less;
}

Ambition compare_numeric(const Indicator& lower_ind, const Target& lower, const Indicator& higher_ind, const Target& higher) {
  const Better better = higher_ind.better;
  if (better == Better::Neither || lower_ind.better != better) return Ambition::NotComparable;
  // Shares compare across units; counts do not (a district has fewer schools
  // than its city), nor do numbers in different units.
  const bool both_percent = lower.numeric.percent && higher.numeric.percent;
  const bool same_rate = !lower_ind.is_count() && !higher_ind.is_count() && lower_ind.unit == higher_ind.unit &&
                         lower.numeric.percent == higher.numeric.percent;
  if (!both_percent && !same_rate) return Ambition::NotComparable;
  const auto lb = good_side_bound(lower.numeric, better);
  const auto hb = good_side_bound(higher.numeric, better);
  if (!lb || !hb) return Ambition::NotComparable;
  return compare_bounds(*lb, *hb, better);
}

// A milestone's target stage, compared by name in the lower plan's list.
Ambition compare_milestones(const Indicator& lower_ind, const Target& lower, const Indicator& higher_ind, const Target& higher) {
  const auto index = [](const Target& t) { return static_cast<std::size_t>(t.numeric.value); };
  const std::size_t h = index(higher);
  if (h >= higher_ind.stages.size()) return Ambition::NotComparable;
  const std::string& wanted = higher_ind.stages[h];
  std::optional<std::size_t> in_lower;
  for (std::size_t i = 0; i < lower_ind.stages.size(); ++i)
    if (lower_ind.stages[i] == wanted) in_lower = i;
  if (!in_lower) return Ambition::NotComparable;
  const std::size_t l = index(lower);
  if (l < *in_lower) return Ambition::Less;
  return l > *in_lower ? Ambition::More : Ambition::Same;
}

bool same_stage(const Indicator& a, const Indicator& b) {
  return a.stage.empty() || b.stage.empty() || a.stage == b.stage;
}

// The catalogue entry an indicator stands for: its `ref`, else its id.
const std::string& catalogue_key(const Indicator& ind) { return ind.ref.empty() ? ind.id : ind.ref; }

const Milestone* milestone_for(const Indicator& ind, int year) {
  for (const Milestone& m : ind.milestones)
    if (m.year == year) return &m;
  return nullptr;
}

}  // namespace

std::string_view ambition_name(Ambition a) {
  switch (a) {
    case Ambition::Same: return "same";
    case Ambition::More: return "more";
    case Ambition::Less: return "less";
    case Ambition::NotComparable: return "not-comparable";
    case Ambition::NoYear: return "no-target-that-year";
    case Ambition::Missing: return "missing";
  }
  return "same";
}

Ambition compare_targets(const Indicator& lower_ind, const Target& lower, const Indicator& higher_ind, const Target& higher) {
  if (lower_ind.kind != higher_ind.kind) {
    // A number and a ratio are both numeric targets; anything else differs.
    const auto numeric = [](Kind k) { return k == Kind::Number || k == Kind::Ratio; };
    if (!numeric(lower_ind.kind) || !numeric(higher_ind.kind)) return Ambition::NotComparable;
  }
  switch (higher_ind.kind) {
    case Kind::Milestone: return compare_milestones(lower_ind, lower, higher_ind, higher);
    case Kind::Flag: {
      // "done" is 1, so the lower plan asks less only when it does not ask "done".
      const double l = lower.numeric.value, h = higher.numeric.value;
      if (l + kEps < h) return Ambition::Less;
      return l > h + kEps ? Ambition::More : Ambition::Same;
    }
    default: return compare_numeric(lower_ind, lower, higher_ind, higher);
  }
}

std::vector<const Indicator*> counterparts(const Plan& lower, const Indicator& higher_ind) {
  if (const Indicator* same = lower.find(higher_ind.id)) return {same};
  std::vector<const Indicator*> found;
  for (const Indicator& ind : lower.indicators)
    if (catalogue_key(ind) == catalogue_key(higher_ind) && same_stage(ind, higher_ind)) found.push_back(&ind);
  return found;
}

Alignment align_plans(const Plan& lower, const Plan& higher) {
  Alignment out{lower.file, higher.file, lower.unit.id, higher.unit.id, {}};
  for (const Indicator& h : higher.indicators) {
    const auto mine = counterparts(lower, h);
    for (const Milestone& hm : h.milestones) {
      AlignmentRow base;
      base.higher_id = h.id;
      base.name = h.name;
      base.year_label = hm.year_label;
      base.higher_target = hm.target.text;
      base.higher_where = hm.where;
      if (mine.empty()) {
        base.ambition = Ambition::Missing;
        base.lower_where = lower.unit.where;
        out.rows.push_back(base);
        continue;
      }
      for (const Indicator* l : mine) {
        AlignmentRow row = base;
        row.lower_id = l->id;
        const Milestone* lm = milestone_for(*l, hm.year);
        if (!lm) {
          row.ambition = Ambition::NoYear;
          row.lower_where = l->where;
        } else {
          row.lower_target = lm->target.text;
          row.lower_where = lm->where;
          row.ambition = compare_targets(*l, lm->target, h, hm.target);
        }
        out.rows.push_back(row);
      }
    }
  }
  return out;
}

void alignment_warnings(const Alignment& alignment, Diagnostics& found) {
  for (const AlignmentRow& r : alignment.rows) {
    if (r.ambition == Ambition::Less)
      found.warning(r.lower_where, msg("target {} \"{}\" for {} is less ambitious than the higher plan's \"{}\" ({}, at {})",
                                       r.lower_id, display_text(r.lower_target), r.year_label,
                                       display_text(r.higher_target), r.higher_id, r.higher_where.str()));
  }
  // One warning per missing indicator, listing its targets.
  for (std::size_t i = 0; i < alignment.rows.size();) {
    const AlignmentRow& first = alignment.rows[i];
    std::size_t j = i;
    std::string targets;
    while (j < alignment.rows.size() && alignment.rows[j].higher_id == first.higher_id &&
           alignment.rows[j].ambition == first.ambition) {
      targets += fmt::format("{}{}: \"{}\"", targets.empty() ? "" : ", ", alignment.rows[j].year_label,
                             display_text(alignment.rows[j].higher_target));
      ++j;
    }
    if (first.ambition == Ambition::Missing)
      found.warning(first.lower_where, msg("does not carry the higher plan's indicator {} ({}): targets {} (at {})",
                                           first.higher_id, display_text(first.name), targets,
                                           first.higher_where.str()));
    i = j;
  }
}

}  // namespace plancheck
