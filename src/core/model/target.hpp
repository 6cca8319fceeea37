#pragma once
// Target expressions ("> 56%", "dưới 2%", "80-85%", "khoảng 80%", …) and
// target years (2030 or the school year "2026-2027").
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/util/message.hpp"

namespace plancheck {

// Which way is good. `Neither`: the plan states a size (a forecast of
// classes or pupils), so "about" and range targets are two-sided bands.
enum class Better { Higher, Lower, Neither };

// How a numeric target constrains a value v.
enum class Op {
  AtLeast,  // v >= value
  Above,    // v >  value
  AtMost,   // v <= value
  Below,    // v <  value
  Between,  // low <= v <= high
  About,    // |v - value| <= tolerance, i.e. low <= v <= high
};

// The symbol used in JSON and tables: ">=", ">", "<=", "<", "range", "~".
std::string_view op_symbol(Op op);

struct NumericTarget {
  Op op = Op::AtLeast;
  double value = 0;  // the threshold (AtLeast…Below, About)
  double low = 0;    // Between/About: the accepted band
  double high = 0;
  bool percent = false;  // written with '%'
  // A range or "about" target is one-sided unless `better` is Neither:
  // exceeding a higher-is-better target is never a failure (format 1.1).
  Better better = Better::Higher;
  bool maintain = false;  // "duy trì 100%", "= 100%": must hold every year
};

// The accepted forms, quoted in error messages.
Message accepted_target_forms();

struct TargetParse {
  std::optional<NumericTarget> target;
  Message error;  // set when target is empty: why, without the location
};

struct TargetContext {
  Better better = Better::Higher;
  bool percent_unit = false;          // indicator unit is "%"
  std::optional<double> tolerance;    // indicator key `tolerance`
};

// Parses one numeric target expression as written in the plan.
TargetParse parse_numeric_target(std::string_view text, const TargetContext& ctx);

struct TargetYear {
  int year = 0;        // a school year "2026-2027" is stored as its end year
  std::string label;   // as written
};

// Parses 2030 or "2026-2027"; nullopt when neither (or outside 1900–2100).
std::optional<TargetYear> parse_target_year(std::string_view text);

// True when v satisfies the target; comparisons within 1e-9 of a bound
// count as on the bound. Ranges and "about" targets are one-sided for
// higher/lower-is-better indicators (see NumericTarget::better).
bool satisfies(const NumericTarget& t, double v);

}  // namespace plancheck
