#include "core/model/model.hpp"

#include <algorithm>
#include <utility>

#include "core/util/text.hpp"

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

std::string_view better_name(Better b) {
  switch (b) {
    case Better::Higher: return "higher";
    case Better::Lower: return "lower";
    case Better::Neither: return "neither";
  }
  return "?";
}

bool Indicator::is_count() const {
  if (unit.empty() || unit == "%" || kind == Kind::Milestone || kind == Kind::Flag) return false;
  const std::string u = fold_case(unit);
  // Money ("triệu VNĐ", "million VND", "đồng"), an index, a rate.
  for (std::string_view not_count : {"vnd", "vnđ", "đồng", "index", "chỉ số", "/"})
    if (u.find(not_count) != std::string::npos) return false;
  return !has_word(u, "per");
}

std::optional<Date> parse_date(std::string_view text) {
  const std::string_view s = trim(text);
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t dash = s.find('-', start);
    parts.push_back(s.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  const auto digits = [](std::string_view p, std::size_t min, std::size_t max) {
    return p.size() >= min && p.size() <= max && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (parts.size() > 3 || !digits(parts[0], 4, 4)) return std::nullopt;
  for (std::size_t i = 1; i < parts.size(); ++i)
    if (!digits(parts[i], 1, 2)) return std::nullopt;
  Date d;
  d.text = std::string(s);
  d.year = std::stoi(std::string(parts[0]));
  if (parts.size() > 1) d.month = std::stoi(std::string(parts[1]));
  if (parts.size() > 2) d.day = std::stoi(std::string(parts[2]));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 2100) return std::nullopt;
  if (parts.size() > 1 && (d.month < 1 || d.month > 12)) return std::nullopt;
  if (parts.size() > 2 && (d.day < 1 || d.day > kDays[d.month - 1])) return std::nullopt;
  return d;
}

BudgetEntry* Budget::find(std::string_view id) {
  for (BudgetLine& line : lines) {
    if (line.id == id) return &line;
    for (BudgetEntry& item : line.items)
      if (item.id == id) return &item;
  }
  return nullptr;
}

const Indicator* Plan::find(std::string_view id) const {
  const auto it = std::find_if(indicators.begin(), indicators.end(), [&](const auto& i) { return i.id == id; });
  return it == indicators.end() ? nullptr : &*it;
}

Indicator* Plan::find(std::string_view id) {
  return const_cast<Indicator*>(std::as_const(*this).find(id));
}

}  // namespace plancheck
