#include "core/model/target.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

#include "core/util/number.hpp"
#include "core/util/text.hpp"

namespace plancheck {

Message accepted_target_forms() {
  return msg("95, \"95%\", \">= 95%\", \"> 95%\", \"<= 2%\", \"< 2%\", \"80-85%\", \"~80%\", \"= 100%\", "
             "or in Vietnamese \"đạt 95%\", \"tối thiểu 95%\", \"ít nhất 95%\", \"từ 95% trở lên\", \"trên 95%\", "
             "\"hơn 95%\", \"tối đa 2%\", \"không quá 2%\", \"dưới 2%\", \"từ 80 đến 85%\", \"khoảng 80%\", "
             "\"duy trì 100%\"");
}

std::string_view op_symbol(Op op) {
  switch (op) {
    case Op::AtLeast: return ">=";
    case Op::Above: return ">";
    case Op::AtMost: return "<=";
    case Op::Below: return "<";
    case Op::Between: return "range";
    case Op::About: return "~";
  }
  return "?";
}

namespace {

// The comparison a prefix stands for. Default: the plain "95%" meaning,
// which depends on `better`.
enum class Prefix { Default, AtLeast, Above, AtMost, Below, About, Maintain, From };

struct PrefixWord {
  std::string_view word;  // case-folded
  Prefix prefix;
};

// Longest first where one is a prefix of another ("<=" before "<").
constexpr std::array kPrefixes{
    PrefixWord{">=", Prefix::AtLeast},     PrefixWord{"≥", Prefix::AtLeast},
    PrefixWord{"tối thiểu", Prefix::AtLeast}, PrefixWord{"ít nhất", Prefix::AtLeast},
    PrefixWord{"<=", Prefix::AtMost},      PrefixWord{"≤", Prefix::AtMost},
    PrefixWord{"tối đa", Prefix::AtMost},  PrefixWord{"không quá", Prefix::AtMost},
    PrefixWord{">", Prefix::Above},        PrefixWord{"trên", Prefix::Above},
    PrefixWord{"hơn", Prefix::Above},      PrefixWord{"<", Prefix::Below},
    PrefixWord{"dưới", Prefix::Below},     PrefixWord{"~", Prefix::About},
    PrefixWord{"khoảng", Prefix::About},   PrefixWord{"=", Prefix::Maintain},
    PrefixWord{"duy trì", Prefix::Maintain}, PrefixWord{"từ", Prefix::From},
};

bool consume(std::string_view& s, std::string_view word) {
  if (s.substr(0, word.size()) != word) return false;
  s.remove_prefix(word.size());
  s = trim(s);
  return true;
}

Prefix consume_prefix(std::string_view& s) {
  for (const auto& p : kPrefixes)
    if (consume(s, p.word)) return p.prefix;
  return Prefix::Default;
}

struct Scanned {
  double value = 0;
  bool percent = false;
};

// Reads a number with an optional '%' from the front of s.
std::optional<Scanned> scan_number(std::string_view& s, NumberStyle style) {
  std::size_t n = 0;
  if (n < s.size() && (s[n] == '-' || s[n] == '+')) ++n;
  while (n < s.size() && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.' || s[n] == ',')) ++n;
  const auto value = parse_number(s.substr(0, n), style);
  if (!value) return std::nullopt;
  s = trim(s.substr(n));
  Scanned out{*value, false};
  if (consume(s, "%")) out.percent = true;
  return out;
}

bool consume_range_dash(std::string_view& s) {
  return consume(s, "-") || consume(s, "–") || consume(s, "—");
}

NumericTarget comparison(Op op, const Scanned& n) {
  NumericTarget t;
  t.op = op;
  t.value = n.value;
  t.percent = n.percent;
  return t;
}

NumericTarget range(const Scanned& lo, const Scanned& hi) {
  NumericTarget t;
  t.op = Op::Between;
  t.low = lo.value;
  t.high = hi.value;
  t.value = (lo.value + hi.value) / 2;
  t.percent = lo.percent || hi.percent;
  return t;
}

// A plain "95%": at least for higher-is-better, at most for lower-is-better,
// and for a size with no direction the band "about 95%".
Op default_op(Better better) {
  switch (better) {
    case Better::Higher: return Op::AtLeast;
    case Better::Lower: return Op::AtMost;
    case Better::Neither: return Op::About;
  }
  return Op::AtLeast;
}

TargetParse not_a_target() { return {std::nullopt, msg("is not a number, a range or a comparison")}; }

// After "từ": "từ 95% trở lên" or "từ 80 đến 85%".
TargetParse parse_from(std::string_view s, NumberStyle style) {
  const auto lo = scan_number(s, style);
  if (!lo) return not_a_target();
  if (consume(s, "trở lên") && s.empty()) return {comparison(Op::AtLeast, *lo), {}};
  if (consume(s, "đến") || consume_range_dash(s)) {
    const auto hi = scan_number(s, style);
    if (hi && s.empty()) return {range(*lo, *hi), {}};
  }
  return not_a_target();
}

Op op_for(Prefix p, Better better) {
  switch (p) {
    case Prefix::AtLeast: return Op::AtLeast;
    case Prefix::Above: return Op::Above;
    case Prefix::AtMost: return Op::AtMost;
    case Prefix::Below: return Op::Below;
    case Prefix::About: return Op::About;
    default: return default_op(better);
  }
}

TargetParse parse_expression(std::string_view text, const TargetContext& ctx) {
  const std::string folded = fold_case(trim(text));
  std::string_view s = folded;
  const NumberStyle style{!ctx.percent_unit};
  consume(s, "đạt");  // "đạt 95%" reads as "95%", "đạt duy trì 100%" as "duy trì 100%"
  Prefix prefix = consume_prefix(s);
  const bool maintain = prefix == Prefix::Maintain;
  if (maintain) {
    // "duy trì đạt 100%", "duy trì trên 95%": the comparison after it counts.
    consume(s, "đạt");
    if (const Prefix inner = consume_prefix(s); inner != Prefix::Default && inner != Prefix::From) prefix = inner;
  }
  if (prefix == Prefix::From) return parse_from(s, style);
  const auto first = scan_number(s, style);
  if (!first) return not_a_target();
  if (prefix == Prefix::Default && consume_range_dash(s)) {
    const auto second = scan_number(s, style);
    if (!second || !s.empty()) return not_a_target();
    return {range(*first, *second), {}};
  }
  if (!s.empty()) return not_a_target();
  NumericTarget t = comparison(op_for(prefix, ctx.better), *first);
  t.maintain = maintain;
  if (t.op == Op::About) {
    const double tol = ctx.tolerance.value_or(ctx.percent_unit ? 2.0 : 0.025 * std::fabs(t.value));
    t.low = t.value - tol;
    t.high = t.value + tol;
  }
  return {t, {}};
}

}  // namespace

TargetParse parse_numeric_target(std::string_view text, const TargetContext& ctx) {
  TargetParse parsed = parse_expression(text, ctx);
  if (parsed.target) parsed.target->better = ctx.better;
  return parsed;
}

std::optional<TargetYear> parse_target_year(std::string_view text) {
  const std::string_view s = trim(text);
  const auto in_range = [](long long y) { return y >= 1900 && y <= 2100; };
  if (const auto y = parse_integer(s); y && s.front() != '-' && in_range(*y))
    return TargetYear{static_cast<int>(*y), std::string(s)};
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  const auto from = parse_integer(s.substr(0, dash));
  const auto to = parse_integer(s.substr(dash + 1));
  if (!from || !to || s[dash + 1] == '-' || *to != *from + 1 || !in_range(*to)) return std::nullopt;
  return TargetYear{static_cast<int>(*to), std::string(s)};
}

bool satisfies(const NumericTarget& t, double v) {
  constexpr double eps = 1e-9;
  switch (t.op) {
    case Op::AtLeast: return v >= t.value - eps;
    case Op::Above: return v > t.value + eps;
    case Op::AtMost: return v <= t.value + eps;
    case Op::Below: return v < t.value - eps;
    case Op::Between:
    case Op::About: {
      const bool above_low = v >= t.low - eps, below_high = v <= t.high + eps;
      if (t.better == Better::Higher) return above_low;
      if (t.better == Better::Lower) return below_high;
      return above_low && below_high;
    }
  }
  return false;
}

}  // namespace plancheck
