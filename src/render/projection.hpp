#pragma once
// What `project` shows, in every format for people and in CSV: per
// indicator, the projection of its trend to each milestone's year, or with
// `project --to YEAR` to that year alone, and whether the projection meets
// the target of that year. One place, so the table, Markdown and CSV agree.
#include <optional>
#include <string>
#include <vector>

#include "core/evaluation/report.hpp"
#include "core/util/lang.hpp"

namespace plancheck {

struct ProjectionRow {
  int year = 0;
  std::string year_label;                       // the milestone's ("2026-2027"); with --to that year
  const MilestoneResult* milestone = nullptr;   // the milestone of that year; null when --to names a year without one
  std::optional<double> projected;              // the trend carried to that year
  std::optional<bool> meets;                    // the projection against that milestone's target; none without either
};

// An indicator's rows: one per milestone, or one for report.project_to.
std::vector<ProjectionRow> projection_rows(const Report& report, const IndicatorResult& r);

// The trend as `project` shows it: a pace ("+1.9 pp/yr") for a linear
// trend, a growth rate ("+1.8%/yr") for cagr, "—" without one.
std::string trend_words(const Report& report, const IndicatorResult& r, Lang lang);

}  // namespace plancheck
