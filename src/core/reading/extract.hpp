#pragma once
// Drafting a plan from a published plan's text (`plancheck extract`): every
// sentence or table row that carries a checkable commitment (a percentage,
// a count of schools or classes, a floor, ceiling, range or "khoảng", a
// year) becomes a candidate indicator. docs/extract.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/lang.hpp"

namespace plancheck {

struct Candidate {
  int line = 0;             // 1-based line in the document
  int page = 0;             // 1-based page (a PDF's text, pages ended by '\f'); 0 none
  std::string name;         // the sentence's (or row's) wording
  std::string stage;        // from the heading it stands under; "" unknown
  std::string target;       // in plancheck's target grammar, validated
  std::string unit;         // "%" or a counted thing ("schools")
  int year = 0;
  std::string year_label;   // "2030" or "2026-2027"
  std::string ref;          // catalogue entry it looks like, "" none
  std::string unsure;       // why it is kept commented out, in English (a phrase-table key); "" when sure
  std::string kind;         // "" a number; "flag" a standard kept ("duy trì") or reached ("đạt"); "milestone"
  std::vector<std::string> stages;  // a milestone's stages, lowest first
  int baseline_year = 0;            // a table row's baseline column ("Hiện tại năm 2024"); 0 none
  std::string baseline_value;       // its figure, "79.3" (a point, no unit)
};

struct ExtractedPlan {
  std::string title;           // the first line in capitals after the header, if any
  std::optional<int> horizon;  // the latest "đến năm N" of the document
  std::vector<Candidate> candidates;  // in document order
};

// The candidates of a UTF-8 text (the text of a .txt file or of a .docx's
// paragraphs, one paragraph or table cell a line; a table cell's line
// begins with a tab; a PDF's printed lines, each page ended by a form feed,
// which gives the candidates their page).
ExtractedPlan extract_commitments(std::string_view text);

// The draft plan file: the unit, the plan's title and horizon, one
// indicator per sure candidate, the unsure ones as comments with their
// reason. `source` names the document; the comments are in `lang`.
std::string draft_plan_yaml(const ExtractedPlan& plan, std::string_view unit_id, std::string_view unit_name,
                            std::string_view source, Lang lang = Lang::En);

// Every reason a candidate may be unsure (Candidate::unsure), for the test
// that each has its Vietnamese.
std::vector<std::string_view> unsure_reasons();

// Whether the candidate reports a value (a section on results, the present
// or the past, a year before the plan's date) rather than commits to one:
// what `validate --source` does not ask a plan to carry.
bool reports_a_value(const Candidate& c);

}  // namespace plancheck
