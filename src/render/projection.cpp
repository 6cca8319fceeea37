#include "render/projection.hpp"

#include <algorithm>

#include "core/model/format.hpp"
#include "render/describe.hpp"

namespace plancheck {

std::vector<ProjectionRow> projection_rows(const Report& report, const IndicatorResult& r) {
  const auto row = [&](int year, std::string label, const MilestoneResult* m, std::optional<double> projected) {
    ProjectionRow out{year, std::move(label), m, projected, std::nullopt};
    if (m && projected) out.meets = satisfies(m->milestone->target.numeric, *projected);
    return out;
  };
  if (report.project_to) {
    const int year = *report.project_to;
    const auto m = std::find_if(r.milestones.begin(), r.milestones.end(),
                                [&](const MilestoneResult& x) { return x.milestone->year == year; });
    const MilestoneResult* at = m == r.milestones.end() ? nullptr : &*m;
    return {row(year, std::to_string(year), at, project_value(r, year, report.method))};
  }
  std::vector<ProjectionRow> rows;
  for (const MilestoneResult& m : r.milestones) rows.push_back(row(m.milestone->year, m.milestone->year_label, &m, m.projected));
  return rows;
}

std::string trend_words(const Report& report, const IndicatorResult& r, Lang lang) {
  if (!r.trend) return "—";
  return report.method == Method::Cagr ? growth_rate_text(*r.trend, lang) : format_pace(*r.indicator, *r.trend, lang);
}

}  // namespace plancheck
