#pragma once
// A batch: every plan named on the command line (files, directories, stdin),
// with the data files matched to them by unit id.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/model.hpp"

namespace plancheck {

struct BatchInput {
  std::vector<std::string> paths;       // files, directories, or "-" for stdin
  std::vector<std::string> data_paths;  // --data
  std::optional<std::string> stdin_text;  // the text of "-", read by the caller
};

struct Batch {
  std::vector<Plan> plans;  // in input order; directories in sorted order
};

// Expands directories (recursively: *.yaml, *.yml, *.csv), sorted by path.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diags);

Batch load_batch(const BatchInput& input, Diagnostics& diags);

}  // namespace plancheck
