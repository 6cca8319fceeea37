#pragma once
// Source coverage (`validate PLAN --source DOC`): the commitment-bearing
// passages of the plan's published document that no indicator, task or
// budget line of the plan refers to. docs/source-coverage.md.
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"
#include "core/reading/extract.hpp"
#include "core/util/diagnostic.hpp"

namespace plancheck {

// Whether an extracted candidate is a commitment: every sure one, and the
// unsure ones except those under a results heading or speaking of the
// present or the past (they report, they do not commit).
bool is_commitment(const Candidate& c);

enum class Coverage {
  Referred,  // an item of the plan refers to it
  LeftOut,   // marked `x-not-checkable` with a reason
  Missing,   // neither: a warning
};

// "referred", "left-out", "missing".
std::string_view coverage_name(Coverage c);

// One commitment of the document (one candidate) and what became of it.
struct PassageCoverage {
  int line = 0;  // 1-based, in the document
  std::string name;
  std::string target;
  std::string year_label;
  Coverage coverage = Coverage::Missing;
  // Referred: the item ("indicator pcgd.primary", "task III"); LeftOut:
  // the reason; Missing: "".
  std::string by;
  // The first line of its row in a table of one cell a line, else `line`:
  // the passages of one row share one warning.
  int row = 0;
};

// The document's commitments (the candidates is_commitment keeps) sorted
// by line, each with its coverage. A candidate is referred to by an item
// whose source lines (x-seed-line, x-source, …) hold its line or, in a
// table whose cells stand one a line (lines starting with a tab, a row
// ended by a blank line), any line of its row; an item with no source line
// refers to it when they share a number (the candidate's target, the
// item's targets or amount) and most words of the shorter name.
std::vector<PassageCoverage> source_coverage(const Plan& plan, std::string_view document,
                                             const std::vector<Candidate>& candidates);

// One warning per row (see PassageCoverage::row) with missing commitments,
// at `document_file`'s line of the first:
// the passage's wording (the line as written; in a
// table of one cell a line, the row's name) and the missing targets.
void source_coverage_warnings(const std::vector<PassageCoverage>& passages, std::string_view document,
                              const std::string& document_file, Diagnostics& found);

}  // namespace plancheck
