#include "core/model.hpp"

#include <algorithm>
#include <utility>

#include "core/text.hpp"

namespace plancheck {

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::Number: return "number";
    case Kind::Ratio: return "ratio";
    case Kind::Milestone: return "milestone";
    case Kind::Flag: return "flag";
  }
  return "?";
}

std::string_view better_name(Better b) { return b == Better::Higher ? "higher" : "lower"; }

bool Indicator::is_count() const {
  if (unit.empty() || unit == "%" || kind == Kind::Milestone || kind == Kind::Flag) return false;
  const std::string u = fold_case(unit);
  for (std::string_view not_count : {"index", "chỉ số", "vnd", "đồng", "/", " per ", "rate", "year", "năm"})
    if (u.find(not_count) != std::string::npos) return false;
  return true;
}

const Indicator* Plan::find(std::string_view id) const {
  const auto it = std::find_if(indicators.begin(), indicators.end(), [&](const auto& i) { return i.id == id; });
  return it == indicators.end() ? nullptr : &*it;
}

Indicator* Plan::find(std::string_view id) {
  return const_cast<Indicator*>(std::as_const(*this).find(id));
}

}  // namespace plancheck
