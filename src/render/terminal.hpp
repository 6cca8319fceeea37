#pragma once
// Text for an official at a terminal: the evaluate table grouped by stage,
// the gap summary worst first, the projection table.
#include <array>
#include <string>

#include "core/util/lang.hpp"
#include "core/evaluation/report.hpp"

namespace plancheck {

struct TerminalStyle {
  bool color = false;
  std::size_t width = 100;
  Lang lang = Lang::En;
};

std::string render_evaluate_table(const Report& report, const TerminalStyle& style);
std::string render_gaps_text(const Report& report, const TerminalStyle& style);
std::string render_project_table(const Report& report, const TerminalStyle& style);

// Their pieces, for output written a unit at a time. The evaluate and
// project tables: a block per unit, a blank line between blocks, and a
// line of its own when there is no unit.
std::string render_evaluate_unit(const Report& report, const UnitResult& u, const TerminalStyle& style);
std::string render_project_unit(const Report& report, const UnitResult& u, const TerminalStyle& style);
std::string no_plans_selected(const TerminalStyle& style);

// The gaps text: a head line with the counts of all gaps, then a row per
// milestone not met, worst first across units.
struct GapCounts {
  std::array<int, kAllStatuses.size()> by_status{};
  std::size_t total = 0;
  void add(const MilestoneResult& m);
};
std::string gaps_head(const Report& report, const GapCounts& counts, const TerminalStyle& style);
std::string gaps_row(const Report& report, const MilestoneRef& g, const TerminalStyle& style);

}  // namespace plancheck
