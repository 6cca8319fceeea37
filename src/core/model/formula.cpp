#include "core/model/formula.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/util/number.hpp"

namespace plancheck {

// Recursive descent: expr := term (('+'|'-') term)*, term := factor
// (('*'|'/') factor)*, factor := number | id | '(' expr ')' | '-' factor.
struct FormulaParser {
  explicit FormulaParser(std::string_view t) : text(t) {}

  std::string_view text;
  std::size_t pos = 0;
  Formula out;
  Message error;
  int depth = 0;

  static constexpr int kMaxDepth = 100;  // bounded recursion on hostile input

  void skip_spaces() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  }

  // One operator, ASCII or the typographic × ÷ −.
  bool accept(std::string_view ascii, std::string_view unicode = {}) {
    skip_spaces();
    for (std::string_view op : {ascii, unicode})
      if (!op.empty() && text.substr(pos, op.size()) == op) {
        pos += op.size();
        return true;
      }
    return false;
  }

  int add(Formula::Node n) {
    out.nodes_.push_back(std::move(n));
    return static_cast<int>(out.nodes_.size()) - 1;
  }

  int fail(Message why) {
    if (error.empty()) error = std::move(why);
    return -1;
  }

  int binary(Formula::Node::Type t, int lhs, int rhs) {
    if (lhs < 0 || rhs < 0) return -1;
    Formula::Node n;
    n.type = t;
    n.lhs = lhs;
    n.rhs = rhs;
    return add(n);
  }

  int expr() {
    if (++depth > kMaxDepth) return fail(msg("is nested too deeply"));
    int lhs = term();
    while (lhs >= 0) {
      if (accept("+"))
        lhs = binary(Formula::Node::Add, lhs, term());
      else if (accept("-", "−"))
        lhs = binary(Formula::Node::Sub, lhs, term());
      else
        break;
    }
    --depth;
    return lhs;
  }

  int term() {
    int lhs = factor();
    while (lhs >= 0) {
      if (accept("*", "×"))
        lhs = binary(Formula::Node::Mul, lhs, factor());
      else if (accept("/", "÷"))
        lhs = binary(Formula::Node::Div, lhs, factor());
      else
        break;
    }
    return lhs;
  }

  static bool id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  }

  int factor() {
    skip_spaces();
    if (pos >= text.size()) return fail(msg("ends where a number, an indicator id or '(' was expected"));
    if (accept("(")) {
      const int inner = expr();
      if (inner < 0) return -1;
      if (!accept(")")) return fail(msg("has an unclosed '(' (at character {})", pos + 1));
      return inner;
    }
    if (accept("-", "−")) {
      if (++depth > kMaxDepth) return fail(msg("is nested too deeply"));
      const int operand = factor();
      --depth;
      if (operand < 0) return -1;
      Formula::Node n;
      n.type = Formula::Node::Neg;
      n.lhs = operand;
      return add(n);
    }
    const char c = text[pos];
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) return number_or_id();
    return fail(msg("has \"{}\" where a number, an indicator id or '(' was expected", text.substr(pos, 1)));
  }

  // The whole text as one expression, or the first error.
  FormulaParse parse() {
    const int root = expr();
    skip_spaces();
    if (root >= 0 && pos < text.size()) fail(msg("has \"{}\" after a complete expression", text.substr(pos)));
    if (!error.empty()) return {std::nullopt, error};
    if (out.refs_.empty()) return {std::nullopt, msg("refers to no indicator")};
    out.root_ = root;
    return {std::move(out), {}};
  }

  int number_or_id() {
    const std::size_t start = pos;
    const bool digit = text[pos] >= '0' && text[pos] <= '9';
    while (pos < text.size() && (digit ? (text[pos] >= '0' && text[pos] <= '9') || text[pos] == '.' : id_char(text[pos])))
      ++pos;
    const std::string token(text.substr(start, pos - start));
    Formula::Node n;
    if (digit) {
      const auto v = parse_number(token);
      if (!v) return fail(msg("has \"{}\", which is not a number", token));
      n.number = *v;
      return add(n);
    }
    n.type = Formula::Node::Ref;
    n.ref = token;
    if (std::find(out.refs_.begin(), out.refs_.end(), token) == out.refs_.end()) out.refs_.push_back(token);
    return add(n);
  }
};

FormulaParse parse_formula(std::string_view text) {
  // Evaluation recurses once per operator: keep formulas a human could write.
  constexpr std::size_t kMaxLength = 2000;
  if (text.size() > kMaxLength) return {std::nullopt, msg("is longer than {} characters", kMaxLength)};
  return FormulaParser(text).parse();
}

std::optional<double> Formula::evaluate(const std::function<std::optional<double>(const std::string&)>& value,
                                        bool& divided_by_zero) const {
  divided_by_zero = false;
  return eval(root_, value, divided_by_zero);
}

std::optional<double> Formula::eval(int node, const std::function<std::optional<double>(const std::string&)>& value,
                                    bool& divided_by_zero) const {
  const Node& n = nodes_[static_cast<std::size_t>(node)];
  switch (n.type) {
    case Node::Number: return n.number;
    case Node::Ref: return value(n.ref);
    case Node::Neg: {
      const auto v = eval(n.lhs, value, divided_by_zero);
      return v ? std::optional(-*v) : std::nullopt;
    }
    default: break;
  }
  const auto a = eval(n.lhs, value, divided_by_zero);
  const auto b = eval(n.rhs, value, divided_by_zero);
  if (!a || !b) return std::nullopt;
  switch (n.type) {
    case Node::Add: return *a + *b;
    case Node::Sub: return *a - *b;
    case Node::Mul: return *a * *b;
    default:
      if (*b == 0) {
        divided_by_zero = true;
        return std::nullopt;
      }
      return *a / *b;
  }
}

}  // namespace plancheck
