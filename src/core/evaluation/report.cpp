#include "core/evaluation/report.hpp"

#include <algorithm>
#include <cmath>

namespace plancheck {

bool glob_match(std::string_view pattern, std::string_view text) {
  // Iterative '*' / '?' matching with backtracking to the last star.
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool unit_selected(const Unit& unit, const Selection& sel) {
  return sel.units.empty() || std::find(sel.units.begin(), sel.units.end(), unit.id) != sel.units.end();
}

bool indicator_selected(const Indicator& ind, const Selection& sel) {
  if (!sel.stage.empty() && ind.stage != sel.stage) return false;
  if (!sel.group.empty() && ind.group != sel.group) return false;
  return sel.indicator_glob.empty() || glob_match(sel.indicator_glob, ind.id);
}

namespace {

bool status_selected(Status s, const Selection& sel) {
  return sel.statuses.empty() || std::find(sel.statuses.begin(), sel.statuses.end(), s) != sel.statuses.end();
}

}  // namespace

void apply_selection(Report& report, const Selection& sel) {
  auto& units = report.units;
  std::erase_if(units, [&](const UnitResult& u) { return !unit_selected(u.plan->unit, sel); });
  for (UnitResult& u : units) {
    std::erase_if(u.indicators, [&](const IndicatorResult& r) { return !indicator_selected(*r.indicator, sel); });
    for (IndicatorResult& r : u.indicators)
      std::erase_if(r.milestones, [&](const MilestoneResult& m) { return !status_selected(m.status, sel); });
    if (!sel.statuses.empty())
      std::erase_if(u.indicators, [](const IndicatorResult& r) { return r.milestones.empty(); });
    recount(u);
  }
}

// A milestone without a plan path sorts after those with one.
bool worse(const MilestoneResult& a, const MilestoneResult& b) {
  if (severity(a.status) != severity(b.status)) return severity(a.status) < severity(b.status);
  return a.schedule.value_or(INFINITY) < b.schedule.value_or(INFINITY);
}

std::vector<MilestoneRef> unit_milestones(const UnitResult& u) {
  std::vector<MilestoneRef> refs;
  for (const IndicatorResult& r : u.indicators)
    for (const MilestoneResult& m : r.milestones) refs.push_back({&u, &r, &m});
  return refs;
}

std::vector<MilestoneRef> all_milestones(const Report& report) {
  std::vector<MilestoneRef> refs;
  for (const UnitResult& u : report.units) {
    const std::vector<MilestoneRef> unit = unit_milestones(u);
    refs.insert(refs.end(), unit.begin(), unit.end());
  }
  return refs;
}

bool any_status(const Report& report, const std::vector<Status>& statuses) {
  const auto refs = all_milestones(report);
  return std::any_of(refs.begin(), refs.end(), [&](const MilestoneRef& m) {
    return std::find(statuses.begin(), statuses.end(), m.milestone->status) != statuses.end();
  });
}

std::vector<MilestoneRef> gaps_worst_first(const Report& report) {
  std::vector<MilestoneRef> gaps = all_milestones(report);
  std::erase_if(gaps, [](const MilestoneRef& g) { return g.milestone->met; });
  std::stable_sort(gaps.begin(), gaps.end(), [](const MilestoneRef& a, const MilestoneRef& b) { return worse(*a.milestone, *b.milestone); });
  return gaps;
}

void keep_gaps_only(Report& report) {
  for (UnitResult& u : report.units) {
    for (IndicatorResult& r : u.indicators) {
      std::erase_if(r.milestones, [](const MilestoneResult& m) { return m.met; });
      std::stable_sort(r.milestones.begin(), r.milestones.end(), worse);
    }
    std::erase_if(u.indicators, [](const IndicatorResult& r) { return r.milestones.empty(); });
    std::stable_sort(u.indicators.begin(), u.indicators.end(), [](const IndicatorResult& a, const IndicatorResult& b) {
      return worse(a.milestones.front(), b.milestones.front());
    });
    recount(u);
  }
}

std::optional<double> project_value(const IndicatorResult& r, int year, Method method) {
  if (!r.trend || !r.latest) return std::nullopt;
  return extrapolate(*r.indicator, *r.latest, *r.trend, year, method);
}

std::vector<MilestoneRef> changed_milestones(const UnitResult& u) {
  std::vector<MilestoneRef> changed;
  for (Change c : kAllChanges) {
    if (c == Change::Unchanged) continue;
    for (const MilestoneRef& m : unit_milestones(u))
      if (m.milestone->change == c) changed.push_back(m);
  }
  return changed;
}

}  // namespace plancheck
