#pragma once
// --output FILE: the report is written to a temporary file in the same
// directory, flushed to disk, then renamed over FILE, so a reader never sees
// half a report and a failed or interrupted run leaves the old one intact.
#include <string>
#include <string_view>

namespace plancheck::cli {

// Returns "" on success, else why the file could not be written (the
// temporary file is then removed, FILE untouched).
std::string write_atomically(const std::string& path, std::string_view text);

}  // namespace plancheck::cli
