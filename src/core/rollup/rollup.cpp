#include "core/rollup/rollup.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace plancheck {

std::string_view aggregation_name(Aggregation a) {
  switch (a) {
    case Aggregation::Pooled: return "pooled";
    case Aggregation::Sum: return "sum";
    case Aggregation::WeightedMean: return "weighted-mean";
    case Aggregation::Mean: return "mean";
  }
  return "?";
}

void Rollup::note_missing(Entry& e, std::uint32_t ordinal) {
  if (!e.missing.empty() && e.missing.back().second == ordinal)
    ++e.missing.back().second;
  else
    e.missing.emplace_back(ordinal, ordinal + 1);
}

std::string Rollup::unit_id(std::uint32_t ordinal) const {
  const std::uint32_t start = id_offsets_[ordinal];
  const std::uint32_t end = ordinal + 1 < id_offsets_.size() ? id_offsets_[ordinal + 1] : static_cast<std::uint32_t>(id_arena_.size());
  return id_arena_.substr(start, end - start);
}

namespace {

bool same_place(const Location& a, const Location& b) { return a.line == b.line && a.column == b.column; }

// Equal in all a roll-up shows or evaluates: the file of a location is never
// shown (only its line), values and weights are the units' own.
bool same_shape(const Indicator& a, const Indicator& b) {
  return a.id == b.id && a.name == b.name && a.name_en == b.name_en && a.group == b.group && a.stage == b.stage &&
         a.kind == b.kind && a.unit == b.unit && a.better == b.better && a.tolerance == b.tolerance &&
         a.valid_for == b.valid_for && a.norm == b.norm && a.basis_ref == b.basis_ref && a.stages == b.stages &&
         a.numerator_label == b.numerator_label && a.denominator_label == b.denominator_label &&
         a.formula == b.formula && a.note == b.note && same_place(a.where, b.where);
}

// A target as a roll-up keeps it: the file of its location is never shown,
// and would keep the name of every group's first file alive.
Milestone without_file(const Milestone& m) {
  Milestone out = m;
  out.where = Location(std::shared_ptr<const std::string>(), m.where.line, m.where.column);
  return out;
}

}  // namespace

std::shared_ptr<const Indicator> ShapePool::intern(const Indicator& ind) {
  auto& shapes = by_id_[ind.id];
  for (const auto& s : shapes)
    if (same_shape(*s, ind)) return s;
  auto shape = std::make_shared<Indicator>(ind);
  shape->actuals.clear();
  shape->milestones.clear();
  shape->baseline.reset();
  shape->weight.reset();
  shapes.push_back(shape);
  return shapes.back();
}

void Rollup::add_points(Entry& e, const Indicator& ind, const IndicatorResult& r) {
  if (ind.weight.has_value() == false) e.weights_everywhere = false;
  const std::optional<int> base = ind.baseline ? std::optional(ind.baseline->year) : std::nullopt;
  if (e.units == 1)
    e.baseline_year = base;
  else if (e.baseline_year != base)
    e.baselines_same_year = false;
  for (const Point& p : r.points) {
    auto it = std::lower_bound(e.years.begin(), e.years.end(), p.year, [](const Year& y, int year) { return y.year < year; });
    if (it == e.years.end() || it->year != p.year) it = e.years.insert(it, Year{p.year});
    Year& y = *it;
    ++y.units;
    y.value_sum += p.value;
    if (p.numerator && p.denominator) {
      y.numerator_sum += *p.numerator;
      y.denominator_sum += *p.denominator;
    } else {
      y.counts_everywhere = false;
    }
    if (ind.weight) {
      y.weighted_sum += *ind.weight * p.value;
      y.weight_sum += *ind.weight;
    }
  }
}

// The first unit's targets are the roll-up's; a year agrees while every
// unit has the same target text for it, and a year some unit lacks, or
// only a later unit has, never does.
void Rollup::add_targets(Entry& e, const Indicator& ind, bool first) {
  for (const Milestone& m : ind.milestones) {
    auto it = std::lower_bound(e.targets.begin(), e.targets.end(), m.year,
                               [](const TargetYear& t, int year) { return t.milestone.year < year; });
    const bool known = it != e.targets.end() && it->milestone.year == m.year;
    if (!known)
      e.targets.insert(it, TargetYear{without_file(m), first, first});
    else if (!first && it->first && it->milestone.target.text != m.target.text)
      it->agree = false;
  }
  for (TargetYear& t : e.targets)
    if (std::none_of(ind.milestones.begin(), ind.milestones.end(), [&](const Milestone& m) { return m.year == t.milestone.year; }))
      t.agree = false;
}

void Rollup::add(const Plan& plan, const UnitResult& result) {
  const auto ordinal = static_cast<std::uint32_t>(id_offsets_.size());
  id_offsets_.push_back(static_cast<std::uint32_t>(id_arena_.size()));
  id_arena_ += plan.unit.id;
  std::vector<bool> seen(entries_.size(), false);
  for (const IndicatorResult& r : result.indicators) {
    const Indicator& ind = *r.indicator;
    if (ind.kind == Kind::Milestone) continue;  // stages cannot be added up
    // find before emplace: emplace would build (and drop) a node per call.
    auto it = index_.find(ind.id);
    const bool fresh = it == index_.end();
    if (fresh) {
      it = index_.emplace(ind.id, entries_.size()).first;
      entries_.emplace_back();
      entries_.back().shape = pool_->intern(ind);
      if (ordinal > 0) entries_.back().missing.emplace_back(0, ordinal);
      seen.push_back(false);
    }
    Entry& e = entries_[it->second];
    if (seen[it->second]) continue;  // an id twice in one plan is a load error
    seen[it->second] = true;
    if (!fresh && (e.shape->kind != ind.kind || e.shape->unit != ind.unit || e.shape->better != ind.better)) {
      const std::string note = fmt::format("{} ({}) defines it as {} \"{}\", {}; the roll-up uses the first unit's "
                                           "definition", plan.unit.id, plan.file, kind_name(ind.kind), ind.unit,
                                           better_name(ind.better));
      if (e.notes.size() < 10) e.notes.push_back(note);
    }
    ++e.units;
    ++e.unit_statuses[static_cast<std::size_t>(r.status)];
    add_points(e, ind, r);
    add_targets(e, ind, e.units == 1);
  }
  for (std::size_t i = 0; i < entries_.size(); ++i)
    if (!seen[i]) note_missing(entries_[i], ordinal);
}

namespace {

// The target year a roll-up is judged at as of `as_of`: the first at or
// after it, else the last (the next milestone of semantics.md).
const Milestone* next_target_year(const std::vector<Milestone>& years, std::optional<int> as_of) {
  if (years.empty()) return nullptr;
  for (const Milestone& m : years)
    if (as_of && m.year >= *as_of) return &m;
  return &years.back();
}

Status most_common(const std::array<int, kAllStatuses.size()>& counts) {
  Status best = Status::Unknown;
  int best_count = -1;
  for (Status s : kAllStatuses) {
    const int n = counts[static_cast<std::size_t>(s)];
    if (n > best_count || (n == best_count && n > 0 && severity(s) < severity(best))) {
      best = s;
      best_count = n;
    }
  }
  return best;
}

Aggregation choose(const Indicator& shape, bool counts_everywhere, bool weights_everywhere) {
  if (shape.kind == Kind::Ratio && counts_everywhere) return Aggregation::Pooled;
  if (shape.is_count()) return Aggregation::Sum;
  if (weights_everywhere) return Aggregation::WeightedMean;
  return Aggregation::Mean;
}

}  // namespace

std::vector<RollupIndicator> Rollup::finish(std::optional<int> as_of, const EvaluationOptions& opts) const {
  std::vector<RollupIndicator> out;
  for (const Entry& e : entries_) {
    if (e.units < 2) continue;
    bool counts_everywhere = true;
    for (const Year& y : e.years)
      if (y.units == e.units) counts_everywhere = counts_everywhere && y.counts_everywhere;
    RollupIndicator ri;
    ri.aggregation = choose(*e.shape, counts_everywhere, e.weights_everywhere);
    ri.units_count = e.units;
    ri.notes = e.notes;
    for (const auto& [first, last] : e.missing)
      for (std::uint32_t o = first; o < last; ++o) ri.missing.push_back(unit_id(o));
    auto ind = std::make_unique<Indicator>(*e.shape);
    ind->milestones.clear();
    // Only years in which every unit with the indicator has a value: an
    // aggregate over the units that happened to report would compare
    // different sets of units from year to year.
    for (const Year& y : e.years) {
      if (y.units != e.units) continue;
      Observation o;
      o.year = y.year;
      o.year_label = std::to_string(y.year);
      switch (ri.aggregation) {
        case Aggregation::Pooled:
          o.value = y.denominator_sum > 0 ? y.numerator_sum / y.denominator_sum * (ind->is_percent() ? 100.0 : 1.0) : 0;
          o.numerator = y.numerator_sum;
          o.denominator = y.denominator_sum;
          break;
        case Aggregation::Sum: o.value = y.value_sum; break;
        case Aggregation::WeightedMean: o.value = y.weight_sum > 0 ? y.weighted_sum / y.weight_sum : 0; break;
        case Aggregation::Mean: o.value = y.value_sum / y.units; break;
      }
      if (e.baselines_same_year && e.baseline_year == y.year)
        ind->baseline = o;
      else
        ind->actuals.push_back(o);
    }
    std::vector<Milestone> all_years;
    for (const TargetYear& t : e.targets) all_years.push_back(t.milestone);
    std::sort(all_years.begin(), all_years.end(), [](const Milestone& a, const Milestone& b) { return a.year < b.year; });
    const Milestone* next = next_target_year(all_years, as_of);
    for (const TargetYear& t : e.targets) {
      if (next && t.milestone.year == next->year && !t.agree) ri.status_from_units = true;
      if (t.agree) {
        ind->milestones.push_back(t.milestone);
      } else {
        ri.notes.push_back(fmt::format("targets for {} differ across units; no roll-up milestone that year",
                                       t.milestone.year_label));
      }
    }
    ri.indicator = std::move(ind);
    ri.result = evaluate_indicator(*ri.indicator, as_of, opts);
    ri.unit_statuses = e.unit_statuses;
    if (ri.status_from_units) ri.result.status = most_common(e.unit_statuses);
    out.push_back(std::move(ri));
  }
  return out;
}

RollupStatusCount rollup_status_count(const RollupIndicator& ri) {
  return {ri.unit_statuses[static_cast<std::size_t>(ri.result.status)], total(ri.unit_statuses)};
}

}  // namespace plancheck
