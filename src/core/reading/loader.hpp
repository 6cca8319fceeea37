#pragma once
// Reading plan files and data files (YAML and CSV) into the model, with every
// problem reported as a located diagnostic.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/diagnostic.hpp"
#include "core/model/model.hpp"

namespace plancheck {

// One YAML document: a plan (with its inline `actuals`) or a data file.
struct LoadedDocument {
  std::optional<Plan> plan;
  std::vector<RawValue> inline_values;  // a plan's `actuals`
  std::optional<DataFile> data;
};

// `file` names the source in diagnostics. Nothing is returned when the text
// has errors that leave no usable document.
LoadedDocument load_yaml_document(std::string_view text, const std::string& file, Diagnostics& diags);

// A CSV data file: unit,indicator,year,value,numerator,denominator,source.
std::optional<DataFile> load_csv_data(std::string_view text, const std::string& file, Diagnostics& diags);

// Whether text without a file name (stdin) is a CSV data file: its first
// line, split at commas, has the columns unit, indicator and year (any
// case, spaces and double quotes around a name ignored). No plan or YAML
// data file starts so.
bool looks_like_csv_data(std::string_view text);

// Reads one value for `indicator` (the kind decides how), or reports why not.
std::optional<Observation> read_observation(const Indicator& indicator, const RawValue& raw, Diagnostics& diags);

// Adds values to the plan's indicators. A value for an undefined indicator
// and the same year given twice with different values are errors.
void attach_values(Plan& plan, const std::vector<RawValue>& values, Diagnostics& diags);

// The error for a file over limits::kMaxFileBytes: its size when known (a
// regular file, checked before reading), else only that it is larger (a
// pipe, a device or stdin, read only one byte past the limit).
Message file_too_large(std::optional<std::uintmax_t> size);

// Checks encoding (UTF-8, optional BOM) and returns the text without a BOM.
std::optional<std::string_view> check_encoding(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace plancheck
