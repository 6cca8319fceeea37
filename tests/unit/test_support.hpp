#pragma once
// Shared helpers for the unit tests.
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace plancheck::test {

// All diagnostics formatted as the CLI prints them, one per line, so a failed
// CHECK shows the text.
inline std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += format_diagnostic(d) + "\n";
  return out;
}

}  // namespace plancheck::test
