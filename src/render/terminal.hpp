#pragma once
// Text for an official at a terminal: the evaluate table grouped by stage,
// the gap summary worst first, the projection table.
#include <string>

#include "core/lang.hpp"
#include "core/report.hpp"

namespace plancheck {

struct TerminalStyle {
  bool color = false;
  std::size_t width = 100;
  Lang lang = Lang::En;
};

std::string render_evaluate_table(const Report& report, const TerminalStyle& style);
std::string render_gaps_text(const Report& report, const TerminalStyle& style);
std::string render_project_table(const Report& report, const TerminalStyle& style);

}  // namespace plancheck
