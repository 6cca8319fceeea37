#include "core/diagnostic.hpp"

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

void Diagnostics::error(Location where, std::string message) {
  items_.push_back({Severity::Error, std::move(where), std::move(message)});
  ++errors_;
}

void Diagnostics::warning(Location where, std::string message) {
  items_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  errors_ += other.errors_;
}

void Diagnostics::sort_by_location() {
  std::vector<std::string> files;
  for (const Diagnostic& d : items_)
    if (std::find(files.begin(), files.end(), d.where.file()) == files.end()) files.push_back(d.where.file());
  const auto rank = [&](const Diagnostic& d) {
    return std::tuple(std::find(files.begin(), files.end(), d.where.file()) - files.begin(), d.where.line, d.where.column);
  };
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
}

}  // namespace plancheck
