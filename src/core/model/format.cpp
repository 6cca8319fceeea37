#include "core/model/format.hpp"

#include <algorithm>
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

// "-12345.6" → "-12.345,6" in Vietnamese; English is left as fmt wrote it.
std::string localize(const std::string& s, Lang lang) {
  if (lang == Lang::En) return s;
  const std::size_t sign = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  const std::size_t point = std::min(s.find('.'), s.size());
  std::string out = s.substr(0, sign);
  for (std::size_t i = sign; i < point; ++i) {
    if (i > sign && (point - i) % 3 == 0) out += '.';
    out += s[i];
  }
  if (point < s.size()) out += ',' + s.substr(point + 1);
  return out;
}

std::string magnitude(const Indicator& ind, double v, Lang lang) {
  if (ind.is_percent()) return format_fixed(v, 1, lang);
  if (ind.is_count()) return format_fixed(v, 0, lang);
  return format_plain(v, lang);
}

std::string signed_text(const std::string& s) { return s.front() == '-' || s == kNoNumber ? s : "+" + s; }

// A delta shown as "+0.0" when it rounds to zero is confusing; show "0".
std::string signed_magnitude(const Indicator& ind, double d, Lang lang) {
  const std::string m = magnitude(ind, d, Lang::En);
  if (std::stod(m) == 0) return "0";
  return signed_text(magnitude(ind, d, lang));
}

}  // namespace

std::string exact_number(double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); }

std::string format_fixed(double v, int decimals, Lang lang) {
  if (!std::isfinite(v)) return std::string(kNoNumber);
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s == "-0" || (s.starts_with("-0.") && s.find_first_not_of("0.", 1) == std::string::npos)) s.erase(0, 1);
  return localize(s, lang);
}

std::string format_signed_fixed(double v, int decimals, Lang lang) { return signed_text(format_fixed(v, decimals, lang)); }

std::string format_plain(double v, Lang lang) {
  if (!std::isfinite(v)) return std::string(kNoNumber);
  if (std::fabs(v) >= 1e15) return localize(fmt::format("{:.0f}", v), lang);
  return localize(trim_zeros(fmt::format("{:.3f}", v)), lang);
}

std::string unit_words(const std::string& unit, Lang lang) { return std::string(tr(lang, unit)); }

std::string format_value(const Indicator& ind, double v, Lang lang) {
  if (!std::isfinite(v)) return std::string(kNoNumber);
  switch (ind.kind) {
    case Kind::Milestone: {
      const auto i = static_cast<std::size_t>(std::lround(v));
      return i < ind.stages.size() ? ind.stages[i] : format_plain(v, lang);
    }
    case Kind::Flag: return std::string(tr(lang, v >= 0.5 ? "done" : "not done"));
    default: break;
  }
  if (ind.is_percent()) return magnitude(ind, v, lang) + "%";
  return magnitude(ind, v, lang);
}

std::string format_estimate(const Indicator& ind, double v, Lang lang) {
  if (!ind.is_count() || std::fabs(v - std::round(v)) < 1e-9) return format_value(ind, v, lang);
  return format_fixed(v, 1, lang);
}

std::string format_delta(const Indicator& ind, double d, Lang lang) {
  if (!std::isfinite(d)) return std::string(kNoNumber);
  if (ind.kind == Kind::Milestone || ind.kind == Kind::Flag) {
    // Stages are few; the clamp keeps a corrupt delta from overflowing lround.
    const long n = std::lround(std::clamp(d, -1e9, 1e9));
    return trf(lang, std::labs(n) == 1 ? "{} stage" : "{} stages", signed_text(std::to_string(n)));
  }
  const std::string m = signed_magnitude(ind, d, lang);
  if (ind.is_percent()) return m + " " + std::string(tr(lang, "pp"));
  return ind.unit.empty() ? m : m + " " + unit_words(ind.unit, lang);
}

std::string format_pace(const Indicator& ind, double per_year, Lang lang) {
  if (!std::isfinite(per_year)) return std::string(kNoNumber);
  // Counts move by fractions a year ("+0.5 schools/yr"); rounded to whole
  // things, a slow but real pace would read "0".
  if (ind.is_count() && ind.kind != Kind::Milestone && ind.kind != Kind::Flag) {
    // (Past 1e15 there are no tenths left to round, and ×10 could overflow.)
    const double tenths = std::fabs(per_year) < 1e15 ? std::round(per_year * 10) / 10 : per_year;
    const std::string m = tenths == 0 ? "0" : signed_text(format_plain(tenths, lang));
    return trf(lang, "{}/yr", ind.unit.empty() ? m : m + " " + unit_words(ind.unit, lang));
  }
  return trf(lang, "{}/yr", format_delta(ind, per_year, lang));
}

}  // namespace plancheck
