#pragma once
// The CI and document formats of cli.md: CSV, Markdown, JUnit XML and GitHub
// Actions workflow commands. Each returns the whole text.
#include <string>
#include <vector>

#include "core/util/lang.hpp"
#include "core/evaluation/report.hpp"

namespace plancheck {

// One row per (unit, indicator, milestone), RFC 4180, a header row, numbers
// unrounded.
std::string render_csv(const Report& report);
// Its pieces, for output written a unit at a time: the header row, a unit's rows.
// With --since, two more columns: status_since and change.
std::string csv_header(bool since = false);
std::string csv_unit_rows(const UnitResult& u, bool since = false);
// `project`'s CSV: one row per (unit, indicator, year projected to: each
// milestone's, or report.project_to), with the projection, the target of
// that year and whether it would be met. The header row, a unit's rows.
std::string projection_csv_header();
std::string projection_csv_rows(const Report& report, const UnitResult& u);

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
// Its pieces: the title (with the number of units), a unit's section.
std::string markdown_head(const Report& report, std::size_t units, Lang lang);
std::string markdown_unit(const Report& report, const UnitResult& u, Lang lang);
// `project`'s Markdown: per unit the projection table of the terminal
// (render/projection.hpp). The title, a unit's section.
std::string projection_markdown_head(const Report& report, std::size_t units, Lang lang);
std::string projection_markdown_unit(const Report& report, const UnitResult& u, Lang lang);

// One testsuite per unit, one testcase per (indicator, milestone); statuses
// in `failing` are failures, unknown (unless failing) is skipped.
std::string render_junit(const Report& report, const std::vector<Status>& failing);
// Its pieces: a unit's testsuite (adding to `total`), the root element that
// opens the document with the totals, its end.
struct JunitCounts {
  int tests = 0, failures = 0, skipped = 0;
};
std::string junit_suite(const Report& report, const UnitResult& u, const std::vector<Status>& failing, JunitCounts& total);
std::string junit_head(const JunitCounts& total);
std::string junit_tail();

// ::error for statuses in `failing`, ::warning for other milestones at risk
// or off track, worst first, at most GitHub's 10 of each kind per step, with
// a ::notice when some were left out.
std::string render_github(const Report& report, const std::vector<Status>& failing);
// Its pieces: "error", "warning" or "" (not shown) for a milestone; one
// annotation; the notice for those left out ("" when none).
inline constexpr std::size_t kGithubShownPerKind = 10;  // GitHub shows 10 errors and 10 warnings per step
std::string_view github_kind(const MilestoneResult& m, const std::vector<Status>& failing);
std::string github_annotation(const Report& report, const MilestoneRef& ref, std::string_view kind);
// `full_list` says where every one is.
std::string github_notice(std::size_t hidden_errors, std::size_t hidden_warnings,
                          std::string_view full_list = "Run plancheck gaps for the full list.");

// Escaping of workflow commands: data escapes %, CR, LF; properties also
// ':' and ','.
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

}  // namespace plancheck
