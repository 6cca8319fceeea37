#pragma once
// Alignment of a plan with the plan above it (a commune's with its
// district's, a district's with its city's): for every indicator the higher
// plan carries, whether the lower plan carries it too and whether its target
// for the same year is at least as ambitious. docs/alignment.md.
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"

namespace plancheck {

// How the lower plan's target compares with the higher plan's.
enum class Ambition {
  Same,           // the same requirement
  More,           // asks more (never a warning)
  Less,           // asks less: a warning
  NotComparable,  // different kinds, units or stage lists; counts; sizes
  NoYear,         // the lower plan carries the indicator, not for this year
  Missing,        // the lower plan does not carry the indicator: a warning
};

// "same", "more", "less", "not-comparable", "no-target-that-year", "missing".
std::string_view ambition_name(Ambition a);

// Compares two targets of the same year. The direction is the higher
// plan's indicator's `better`; numeric targets compare by the bound they
// set on the good side (a floor when higher is better, a ceiling when
// lower is better; ranges and "about" targets by that side of their band),
// a strict bound asking more than the same inclusive one. Milestones compare
// by stage name, flags by done/not done.
Ambition compare_targets(const Indicator& lower_ind, const Target& lower, const Indicator& higher_ind, const Target& higher);

struct AlignmentRow {
  std::string higher_id;
  std::string lower_id;  // "" when Missing
  std::string name;      // the higher plan's wording
  std::string year_label;
  std::string higher_target;
  std::string lower_target;  // "" when Missing or NoYear
  Location higher_where;     // the higher plan's target (or indicator)
  Location lower_where;      // the lower plan's target, indicator or unit
  Ambition ambition = Ambition::Same;
};

struct Alignment {
  std::string lower_file;
  std::string higher_file;
  std::string lower_unit;
  std::string higher_unit;
  std::vector<AlignmentRow> rows;  // the higher plan's order
};

// The lower plan's indicators that stand for `higher_ind`: the one with the
// same id; else those with the same catalogue reference (one's `ref` or id
// is the other's `ref` or id) whose stage is the same.
std::vector<const Indicator*> counterparts(const Plan& lower, const Indicator& higher_ind);

Alignment align_plans(const Plan& lower, const Plan& higher);

// One warning per Less and Missing row, at the lower plan's place, naming
// the higher plan's file and line.
void alignment_warnings(const Alignment& alignment, Diagnostics& found);

}  // namespace plancheck
