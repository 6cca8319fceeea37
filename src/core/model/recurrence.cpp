#include "core/model/recurrence.hpp"

#include <array>
#include <tuple>
#include <fmt/format.h>

#include "core/util/number.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

using Words = std::vector<std::string>;
using Every = Recurrence::Every;

constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};

// Plans spell "every" both hằng and hàng, "once" both 1 and một.
bool every_word(std::string_view w) { return w == "hằng" || w == "hàng"; }
bool once_words(const Words& w, std::size_t at) {
  return w.size() == at + 2 && (w[at] == "1" || w[at] == "một") && w[at + 1] == "lần";
}

// Folded words of the text, split at runs of spaces.
Words words_of(std::string_view text) {
  Words out;
  std::string word;
  for (const char c : fold_case(trim(text))) {
    if (c != ' ' && c != '\t') {
      word += c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::optional<int> whole_in(std::string_view text, int low, int high) {
  const auto n = parse_integer(text);
  if (!n || *n < low || *n > high) return std::nullopt;
  return static_cast<int>(*n);
}

std::optional<int> english_month(std::string_view word) {
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (fold_case(kMonths[i]) == word) return static_cast<int>(i) + 1;
  return std::nullopt;
}

// Every N years: N from 1 (yearly) to 20, beyond any plan's horizon.
std::optional<Recurrence> every_years(std::string_view n) {
  const auto years = whole_in(n, 1, 20);
  if (!years) return std::nullopt;
  return Recurrence{Every::Years, *years, 0, {}, {}};
}

std::optional<Recurrence> in_month(std::optional<int> month) {
  if (!month) return std::nullopt;
  return Recurrence{Every::MonthOfYear, 1, *month, {}, {}};
}

std::optional<Recurrence> english(const Words& w) {
  if (w == Words{"quarterly"}) return Recurrence{Every::Quarter, 1, 0, {}, {}};
  if (w == Words{"half-yearly"}) return Recurrence{Every::HalfYear, 1, 0, {}, {}};
  if (w == Words{"yearly"}) return Recurrence{};
  if (w.size() == 3 && w[0] == "every" && w[2] == "years") return every_years(w[1]);
  if (w.size() == 3 && w[0] == "yearly" && w[1] == "in") return in_month(english_month(w[2]));
  return std::nullopt;
}

// hằng quý; 6 tháng (một lần); hằng năm; N năm 1 lần; tháng 6 hằng năm.
std::optional<Recurrence> vietnamese(const Words& w) {
  if (w.size() == 2 && every_word(w[0]) && w[1] == "quý") return Recurrence{Every::Quarter, 1, 0, {}, {}};
  if (w.size() >= 2 && w[0] == "6" && w[1] == "tháng" && (w.size() == 2 || once_words(w, 2)))
    return Recurrence{Every::HalfYear, 1, 0, {}, {}};
  if (w.size() == 2 && every_word(w[0]) && w[1] == "năm") return Recurrence{};
  if (w.size() == 4 && w[1] == "năm" && once_words(w, 2)) return every_years(w[0]);
  if (w.size() == 4 && w[0] == "tháng" && every_word(w[2]) && w[3] == "năm") return in_month(whole_in(w[1], 1, 12));
  return std::nullopt;
}

// "2025-Q3" or "2025-H1": the year and the part's number, when `tag` matches.
std::optional<std::pair<int, int>> part_label(std::string_view text, char tag, int parts) {
  const auto tagged = [&] { return text[5] == tag || text[5] == static_cast<char>(tag - 'A' + 'a'); };
  if (text.size() != 7 || text[4] != '-' || !tagged()) return std::nullopt;
  const auto year = parse_date(text.substr(0, 4));
  const auto part = whole_in(text.substr(6), 1, parts);
  if (!year || !part) return std::nullopt;
  return std::pair(year->year, *part);
}

// The period holding a year and month (1 when the month is not known).
Period containing(const Recurrence& r, int first_year, int year, int month) {
  switch (r.every) {
    case Every::Quarter: return {year, (month - 1) / 3 + 1};
    case Every::HalfYear: return {year, month <= 6 ? 1 : 2};
    case Every::MonthOfYear: return {year, r.month};
    case Every::Years: break;
  }
  // Floor division: a year before the first falls in an earlier period.
  const int offset = year - first_year;
  const int k = offset >= 0 ? offset / r.years : -((-offset + r.years - 1) / r.years);
  return {first_year + k * r.years, 0};
}

int parts_per_year(const Recurrence& r) {
  return r.every == Every::Quarter ? 4 : r.every == Every::HalfYear ? 2 : 1;
}

}  // namespace

std::string_view recurrence_forms() {
  return "quarterly, half-yearly, yearly, every N years, yearly in <month> (yearly in June), yearly: {month: 6}, "
         "hằng quý, 6 tháng (một lần), hằng năm, N năm 1 lần, tháng 6 hằng năm";
}

std::optional<Recurrence> parse_recurrence(std::string_view text) {
  const Words w = words_of(text);
  auto r = english(w);
  if (!r) r = vietnamese(w);
  if (r) r->text = std::string(trim(text));
  return r;
}

std::string_view month_name(int month) { return month >= 1 && month <= 12 ? kMonths[month - 1] : "?"; }

std::optional<DoneMark> parse_done_mark(std::string_view text) {
  const std::string_view s = trim(text);
  DoneMark m;
  m.text = std::string(s);
  if (const auto q = part_label(s, 'Q', 4)) {
    std::tie(m.year, m.quarter) = *q;
  } else if (const auto h = part_label(s, 'H', 2)) {
    std::tie(m.year, m.half) = *h;
  } else if (const auto d = parse_date(s)) {
    m.year = d->year;
    m.month = d->month;
  } else {
    return std::nullopt;
  }
  return m;
}

bool fits(const Recurrence& r, const DoneMark& m) {
  if (m.quarter) return r.every == Every::Quarter;
  if (m.half) return r.every == Every::HalfYear;
  return m.month || parts_per_year(r) == 1;
}

std::vector<Period> periods_ended_by(const Recurrence& r, int first_year, int as_of) {
  std::vector<Period> out;
  if (r.every == Every::Years) {
    for (int y = first_year; y + r.years - 1 <= as_of; y += r.years) out.push_back({y, 0});
    return out;
  }
  for (int y = first_year; y <= as_of; ++y)
    for (int part = 1; part <= parts_per_year(r); ++part)
      out.push_back({y, r.every == Every::MonthOfYear ? r.month : part});
  return out;
}

Period period_of(const Recurrence& r, int first_year, const DoneMark& m) {
  if (m.quarter) return {m.year, m.quarter};
  if (m.half) return {m.year, m.half};
  return containing(r, first_year, m.year, m.month ? m.month : 1);
}

std::string period_label(const Recurrence& r, const Period& p) {
  switch (r.every) {
    case Every::Quarter: return fmt::format("{}-Q{}", p.year, p.part);
    case Every::HalfYear: return fmt::format("{}-H{}", p.year, p.part);
    case Every::MonthOfYear: return fmt::format("{}-{:02}", p.year, p.part);
    case Every::Years: break;
  }
  return std::to_string(p.year);
}

std::string example_label(const Recurrence& r, const DoneMark& m) {
  const int month = m.month ? m.month : m.quarter ? m.quarter * 3 - 2 : m.half ? m.half * 6 - 5 : 1;
  return period_label(r, containing(r, m.year, m.year, month));
}

}  // namespace plancheck
