#pragma once
// The JSON contract of cli.md for evaluate, gaps and project.
#include <string>

#include "core/report.hpp"

namespace plancheck {

// Version of the JSON output (the "plancheck" key); docs/plancheck-output.schema.json
// describes it.
inline constexpr int kJsonVersion = 1;

std::string render_json(const Report& report);

}  // namespace plancheck
