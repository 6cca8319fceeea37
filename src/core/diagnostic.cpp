#include "core/diagnostic.hpp"

#include "core/limits.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace plancheck {

const std::string& Location::file() const {
  static const std::string none;
  return file_ ? *file_ : none;
}

std::string format_diagnostic(const Diagnostic& d) {
  const char* kind = d.severity == Severity::Error ? "error" : "warning";
  std::string where = d.where.file();
  if (d.where.line > 0) {
    where += fmt::format(":{}", d.where.line);
    if (d.where.column > 0) where += fmt::format(":{}", d.where.column);
  }
  return fmt::format("{}: {}: {}", where, kind, d.message);
}

void Diagnostics::add(Severity severity, Location where, std::string message) {
  (severity == Severity::Error ? errors_ : warnings_) += 1;
  Counts& c = per_file_[where.file()];
  if (c.kept >= limits::kMaxDiagnosticsPerFile) {
    ++(severity == Severity::Error ? c.dropped_errors : c.dropped_warnings);
    return;
  }
  ++c.kept;
  items_.push_back({severity, std::move(where), std::move(message)});
}

void Diagnostics::error(Location where, std::string message) { add(Severity::Error, std::move(where), std::move(message)); }

void Diagnostics::warning(Location where, std::string message) {
  add(Severity::Warning, std::move(where), std::move(message));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) add(d.severity, d.where, d.message);
  // What the other one dropped stays counted.
  for (const auto& [file, counts] : other.per_file_) {
    per_file_[file].dropped_errors += counts.dropped_errors;
    per_file_[file].dropped_warnings += counts.dropped_warnings;
    errors_ += counts.dropped_errors;
    warnings_ += counts.dropped_warnings;
  }
}

void Diagnostics::sort_by_location() {
  for (auto& [file, counts] : per_file_) {
    const std::size_t dropped = counts.dropped_errors + counts.dropped_warnings;
    if (dropped == 0) continue;
    items_.push_back({counts.dropped_errors ? Severity::Error : Severity::Warning, Location(file, 0, 0),
                      fmt::format("… and {} more in this file ({} errors, {} warnings; only the first {} are shown)",
                                  dropped, counts.dropped_errors, counts.dropped_warnings, limits::kMaxDiagnosticsPerFile),
                      true});
    counts.dropped_errors = counts.dropped_warnings = 0;
  }
  std::vector<std::string> files;
  for (const Diagnostic& d : items_)
    if (std::find(files.begin(), files.end(), d.where.file()) == files.end()) files.push_back(d.where.file());
  const auto rank = [&](const Diagnostic& d) {
    return std::tuple(std::find(files.begin(), files.end(), d.where.file()) - files.begin(), d.trailer, d.where.line,
                      d.where.column);
  };
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
}

}  // namespace plancheck
