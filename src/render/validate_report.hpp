#pragma once
// validate's findings in the machine formats (validate --format json, junit,
// github): the diagnostics stderr shows, as a document a CI job reads. Each
// is written as the walk's diagnostics are read back (walk_diagnostics.hpp),
// so none holds them all; docs/output-formats.md describes them.
#include <ostream>
#include <string>
#include <vector>

#include "core/rollup/walk_diagnostics.hpp"

namespace plancheck {

// What the report says beside the files' diagnostics.
struct ValidateFacts {
  // Errors of the input as a whole, not of a file ("no plan in DIR; …").
  std::vector<std::string> input_errors;
  bool strict = false;  // --strict: a file with warnings fails too (JUnit)
};

// {"plancheck": 1, "files", "plans", "data_files", "errors", "warnings",
// "diagnostics": [{"file", "sheet", "line", "column", "severity", "message"}]}
// in the order stderr shows them.
void write_validate_json(std::ostream& out, WalkDiagnostics& diags, const ValidateFacts& facts);

// One testcase per file of the walk (classname "plan" or "data"), failed
// when it has an error (with --strict, a warning); its warnings in
// <system-out>. A place that is not a file of the walk (a directory that
// cannot be read) and each input error are a failed testcase of classname
// "input".
void write_validate_junit(std::ostream& out, WalkDiagnostics& diags, const ValidateFacts& facts);

// ::error / ::warning file=…,line=…,col=…::message per diagnostic, at most
// GitHub's ten of each kind, then a ::notice of those left out.
void write_validate_github(std::ostream& out, WalkDiagnostics& diags, const ValidateFacts& facts);

}  // namespace plancheck
