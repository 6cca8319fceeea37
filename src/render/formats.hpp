#pragma once
// The CI and document formats of cli.md: CSV, Markdown, JUnit XML and GitHub
// Actions workflow commands. Each returns the whole text.
#include <string>
#include <vector>

#include "core/lang.hpp"
#include "core/report.hpp"

namespace plancheck {

// One row per (unit, indicator, milestone), RFC 4180, a header row, numbers
// unrounded.
std::string render_csv(const Report& report);

// Text for a Markdown table cell or heading, shown literally: line breaks
// flattened to spaces, controls as display_text shows them, `\ | [ ] \` < &`
// backslash-escaped: no table cell break, link, image, code span, raw HTML
// or entity.
std::string markdown_escape(std::string_view s);
// An inline code span showing `s` literally: fenced by more backticks than
// any run inside it, line breaks and controls as display_text shows them.
std::string markdown_code(std::string_view s);

// Per unit a status summary and a table of milestones, worst first, in `lang`.
std::string render_markdown(const Report& report, Lang lang);

// One testsuite per unit, one testcase per (indicator, milestone); statuses
// in `failing` are failures, unknown (unless failing) is skipped.
std::string render_junit(const Report& report, const std::vector<Status>& failing);

// ::error for statuses in `failing`, ::warning for other milestones at risk
// or off track, worst first, at most GitHub's 10 of each kind per step, with
// a ::notice when some were left out.
std::string render_github(const Report& report, const std::vector<Status>& failing);

// Escaping of workflow commands: data escapes %, CR, LF; properties also
// ':' and ','.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

}  // namespace plancheck
