#pragma once
// Derived indicators: "primary.pupils / primary.classes". A formula is + − × ÷
// over numbers, other indicator ids and parentheses. Ids may contain '-', so
// subtraction needs spaces around it ("a - b"; "a-b" is one id).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/util/message.hpp"
#include <vector>

namespace plancheck {

class Formula {
 public:
  struct Node {
    enum Type { Number, Ref, Neg, Add, Sub, Mul, Div } type = Number;
    double number = 0;
    std::string ref;
    int lhs = -1, rhs = -1;  // child node indexes
  };

  // The ids it reads, each once, in order of first use.
  const std::vector<std::string>& references() const { return refs_; }

  // The value, given each reference's value; nullopt when a reference has
  // no value. `divided_by_zero` is set when a divisor is zero.
  std::optional<double> evaluate(const std::function<std::optional<double>(const std::string&)>& value,
                                 bool& divided_by_zero) const;

 private:
  friend struct FormulaParser;
  std::optional<double> eval(int node, const std::function<std::optional<double>(const std::string&)>& value,
                             bool& divided_by_zero) const;
  std::vector<Node> nodes_;
  int root_ = -1;
  std::vector<std::string> refs_;
};

struct FormulaParse {
  std::optional<Formula> formula;
  Message error;  // what is wrong, quoting the offending text
};

FormulaParse parse_formula(std::string_view text);

}  // namespace plancheck
