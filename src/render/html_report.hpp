#pragma once
// `--format html`: one self-contained HTML file for people (inline CSS and
// SVG, no script, nothing fetched from the network) that prints on A4.
#include <string>

#include "core/util/lang.hpp"
#include "core/evaluation/report.hpp"
#include "core/rollup/summary.hpp"

namespace plancheck {

// The header (as-of year, method, units), an overview of the units and the
// roll-up when there are several, then per unit its status counts and per
// stage group a card per indicator (latest value, gap, milestone statuses,
// chart), its budget and tasks. All words in `lang`.
std::string render_html(const Report& report, const SummaryTail& tail, Lang lang);

}  // namespace plancheck
