#include "core/format.hpp"

#include <cmath>
#include <fmt/format.h>

namespace plancheck {
namespace {

std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string magnitude(const Indicator& ind, double v) {
  if (ind.is_percent()) return fmt::format("{:.1f}", v);
  if (ind.is_count()) return fmt::format("{:.0f}", v);
  return format_plain(v);
}

std::string signed_text(const std::string& s) { return s.front() == '-' ? s : "+" + s; }

// A delta shown as "+0.0" when it rounds to zero is confusing; show "0".
std::string signed_magnitude(const Indicator& ind, double d) {
  std::string m = magnitude(ind, d);
  if (std::stod(m) == 0) return "0";
  return signed_text(m);
}

}  // namespace

std::string exact_number(double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); }

std::string format_plain(double v) {
  if (std::fabs(v) >= 1e15) return fmt::format("{:.0f}", v);
  return trim_zeros(fmt::format("{:.3f}", v));
}

std::string format_value(const Indicator& ind, double v) {
  switch (ind.kind) {
    case Kind::Milestone: {
      const auto i = static_cast<std::size_t>(std::lround(v));
      return i < ind.stages.size() ? ind.stages[i] : format_plain(v);
    }
    case Kind::Flag: return v >= 0.5 ? "done" : "not done";
    default: break;
  }
  if (ind.is_percent()) return magnitude(ind, v) + "%";
  return magnitude(ind, v);
}

std::string format_delta(const Indicator& ind, double d) {
  if (ind.kind == Kind::Milestone || ind.kind == Kind::Flag) {
    const long n = std::lround(d);
    return fmt::format("{} stage{}", signed_text(std::to_string(n)), std::labs(n) == 1 ? "" : "s");
  }
  const std::string m = signed_magnitude(ind, d);
  if (ind.is_percent()) return m + " pp";
  return ind.unit.empty() ? m : m + " " + ind.unit;
}

std::string format_pace(const Indicator& ind, double per_year) { return format_delta(ind, per_year) + "/yr"; }

}  // namespace plancheck
