#pragma once
// A batch: every plan named on the command line (files, directories, stdin),
// with the data files matched to them by unit id.
#include <optional>
#include <string>
#include <vector>

#include "core/util/diagnostic.hpp"
#include "core/reading/loader.hpp"
#include "core/model/model.hpp"

namespace plancheck {

struct BatchInput {
  std::vector<std::string> paths;       // files, directories, or "-" for stdin
  std::vector<std::string> data_paths;  // --data
  std::optional<std::string> stdin_text;  // the text of "-", read by the caller
  int jobs = 0;                          // threads; 0 = the machine's cores
};

struct Batch {
  std::vector<Plan> plans;  // in input order; directories in sorted order
};

// One file read and parsed, with its own diagnostics (files load in
// parallel; diagnostics are merged in input order).
struct LoadedFile {
  std::string path;
  LoadedDocument doc;
  Diagnostics diags;
};

LoadedFile load_file(const std::string& path, const std::optional<std::string>& stdin_text);

// The name a file's diagnostics give it: its path, "<stdin>" for "-".
std::string diagnostic_file_name(const std::string& path);

Batch load_batch(const BatchInput& input, Diagnostics& diags);

// The error for data whose unit has no plan in the batch, with the plan's
// unit id that was perhaps meant.
Message no_plan_for_data(std::string_view unit, const std::optional<std::string>& suggestion);

}  // namespace plancheck
