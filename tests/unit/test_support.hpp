#pragma once
// Shared helpers for the unit tests.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/reading/batch.hpp"
#include "core/util/diagnostic.hpp"

namespace plancheck::test {

// All diagnostics formatted as the CLI prints them, one per line, so a failed
// CHECK shows the text.
inline std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += format_diagnostic(d) + "\n";
  return out;
}

// Loads plan and data files that must be good (fixtures).
inline Batch load_good(const std::vector<std::string>& paths) {
  Diagnostics diags;
  BatchInput input;
  input.paths = paths;
  Batch batch = load_batch(input, diags);
  REQUIRE_MESSAGE(!diags.has_errors(), messages(diags));
  return batch;
}

}  // namespace plancheck::test
