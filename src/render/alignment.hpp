#pragma once
// `plancheck align`: a plan's targets beside the plan above it, as a
// terminal table, a JSON document or a Markdown table.
#include <cstddef>
#include <string>
#include <vector>

#include "core/evaluation/alignment.hpp"
#include "core/util/lang.hpp"

namespace plancheck {

// Per higher plan a heading, then one row per (indicator, year): the higher
// plan's indicator and target, the lower plan's indicator and target and
// the comparison; `width` columns at most; headings and comparisons in `lang`.
std::string render_alignment_table(const std::vector<Alignment>& alignments, std::size_t width, Lang lang);
// {"plancheck": 1, "alignments": [{lower, lower_unit, higher, higher_unit,
// rows: [{indicator, lower_indicator, name, year, higher_target,
// higher_line, lower_target, lower_line, comparison}]}]}
std::string render_alignment_json(const std::vector<Alignment>& alignments);
// JSON is English whatever the language.
// Per higher plan a heading and a table, text escaped for Markdown, worded in `lang`.
std::string render_alignment_markdown(const std::vector<Alignment>& alignments, Lang lang);

}  // namespace plancheck
