#pragma once
// `plancheck align`: a plan's targets beside the plan above it, as a
// terminal table, a JSON document or a Markdown table.
#include <cstddef>
#include <string>
#include <vector>

#include "core/evaluation/alignment.hpp"

namespace plancheck {

// Per higher plan a heading, then one row per (indicator, year): the higher
// plan's indicator and target, the lower plan's indicator and target and
// the comparison; `width` columns at most.
std::string render_alignment_table(const std::vector<Alignment>& alignments, std::size_t width);
// {"plancheck": 1, "alignments": [{lower, lower_unit, higher, higher_unit,
// rows: [{indicator, lower_indicator, name, year, higher_target,
// higher_line, lower_target, lower_line, comparison}]}]}
std::string render_alignment_json(const std::vector<Alignment>& alignments);
// Per higher plan a heading and a table, text escaped for Markdown.
std::string render_alignment_markdown(const std::vector<Alignment>& alignments);

}  // namespace plancheck
