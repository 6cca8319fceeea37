#pragma once
// Recurring tasks (plan format 1.1): the words `due` accepts for a
// recurrence, the periods a recurrence has up to a year, and the period a
// `done` entry marks. docs/format-choices.md "Tasks" explains the choices.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace plancheck {

// The accepted words, for messages: "quarterly, half-yearly, …".
std::string_view recurrence_forms();

// "quarterly", "Hằng quý", "every 2 years", "tháng 6 hàng năm", … (any case,
// any run of spaces); nullopt for other words.
std::optional<Recurrence> parse_recurrence(std::string_view words);

// "June" for 6: the English month names `yearly in June` accepts.
std::string_view month_name(int month);

// "2025-Q3", "2025-H1" or a date (2025, 2025-06, 2025-06-30); nullopt
// otherwise. The mark's `recurrence` is left 0.
std::optional<DoneMark> parse_done_mark(std::string_view text);

// Whether the mark can name a period of the recurrence: a quarter or a
// half-year only its own cadence; a date any cadence whose period it fixes
// (a bare year fixes no quarter or half-year).
bool fits(const Recurrence& r, const DoneMark& m);

// One period of a recurrence: its first year, and its quarter, half or month
// (0 for periods of whole years).
struct Period {
  int year = 0;
  int part = 0;
  bool operator==(const Period&) const = default;
};

// The periods from `first_year` on that ended in or before year `as_of`:
// every quarter, half-year and month of a year ends in that year; N years
// from Y end in Y+N-1. Periods of N years start at `first_year`.
std::vector<Period> periods_ended_by(const Recurrence& r, int first_year, int as_of);

// The period containing a mark that fits the recurrence.
Period period_of(const Recurrence& r, int first_year, const DoneMark& m);

// "2025-Q3", "2025-H1", "2025" (years: the first), "2025-06".
std::string period_label(const Recurrence& r, const Period& p);

// The label of the recurrence's period that holds the mark's year and month,
// counting periods of N years from that year: an example for messages.
std::string example_label(const Recurrence& r, const DoneMark& m);

}  // namespace plancheck
