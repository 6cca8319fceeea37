#pragma once
// The plan model: a unit's indicators, their targets (milestones) and the
// observed values, as loaded from plan and data files.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/util/diagnostic.hpp"
#include "core/model/formula.hpp"
#include "core/model/target.hpp"

namespace plancheck {

enum class Kind { Number, Ratio, Milestone, Flag };

// The lines of the plan's source document (`plan.source`) an indicator,
// task or budget entry was transcribed from, for `validate --source`
// (docs/source-coverage.md): `x-seed-line`, `x-source`, `x-source-line`,
// `x-body-lines`, `x-appendix-line`. `not_checkable` is its
// `x-not-checkable` reason, "" when none.
struct SourceLines {
  std::vector<int> lines;
  std::string not_checkable;
};

// A passage of the source document the plan leaves out on purpose, with
// why (`plan: {x-not-checkable: [{line: 57, reason: "…"}]}`).
struct LeftOut {
  std::vector<int> lines;
  std::string reason;
  Location where;  // the entry in the plan file
};

std::string_view kind_name(Kind k);

// The values of an indicator's `stage`, in the order stages are shown.
// "general": general education as a whole (giáo dục phổ thông: primary,
// lower and upper secondary), for targets on "general schools".
inline constexpr std::array<std::string_view, 8> kStageNames{"preschool",  "primary",    "lower-secondary",
                                                             "upper-secondary", "general", "continuing", "vocational",
                                                             "all"};
std::string_view better_name(Better b);

// One observed value in one year. Milestone values hold the stage index,
// flags 1 (done) or 0, so every kind compares as a number.
struct Observation {
  int year = 0;
  std::string year_label;  // as written ("2025" or "2024-2025")
  double value = 0;
  std::optional<double> numerator;
  std::optional<double> denominator;
  // The value written beside a numerator and denominator (the value itself
  // is then computed from them); plan lint checks that they agree.
  std::optional<double> written;
  Location where;
};

struct Target {
  std::string text;  // as written
  // Number and ratio indicators:
  NumericTarget numeric;
  // Milestones: the target stage index (in numeric.value too, as AtLeast).
  // Flags: target "done" (1, AtLeast); `maintain` when it must hold every
  // year from the baseline year to the milestone year ("duy trì").
  bool maintain = false;
};

struct Milestone {
  int year = 0;
  std::string year_label;
  Target target;
  Location where;  // the target's node
};

struct Indicator {
  std::string id;
  std::string ref;  // the catalogue entry it refers to (`ref:`), "" when none
  std::string name;
  std::string name_en;
  std::string group;
  std::string stage;
  Kind kind = Kind::Number;
  std::string unit;
  Better better = Better::Higher;
  std::optional<double> tolerance;
  std::optional<double> weight;
  // Milestones and flags whose values are recognitions that expire
  // (national-standard schools: 5 years): a value of year Y holds until
  // Y + valid_for - 1.
  std::optional<int> valid_for;
  // `basis: norm`: the targets restate a national norm (class sizes of
  // Thông tư 28/2020), not a commitment of the plan; reports label them.
  bool norm = false;
  std::string basis_ref;
  std::vector<std::string> stages;  // kind: milestone, lowest first
  std::string numerator_label;
  std::string denominator_label;
  std::string formula;               // as written
  std::optional<Formula> derivation;  // parsed; values are computed, not given
  std::string note;
  std::optional<Observation> baseline;
  std::vector<Milestone> milestones;  // as written
  std::vector<Observation> actuals;   // sorted by year, one per year
  SourceLines source_lines;
  Location where;                     // the indicator's `id`

  bool is_percent() const { return unit == "%"; }
  // Counted things (schools, pupils, …): not "%", not an index, not money
  // or a rate (semantics 1.1 §6); only counts are clamped at 0 and shown
  // as whole numbers.
  bool is_count() const;
};

// A date as plans write them: a year, a year-month or a full date.
struct Date {
  int year = 0;
  int month = 0;  // 0 when not given
  int day = 0;    // 0 when not given
  std::string text;
};

std::optional<Date> parse_date(std::string_view text);

// A budget line or item, with the amount the plan states (if any) and the
// spending reported under `actuals` as budget.<id>.
struct BudgetEntry {
  std::string id;
  std::string name;
  std::string source;
  std::optional<double> amount;
  Location where;
  Location amount_where;
  std::vector<Observation> spending;  // by year
  SourceLines source_lines;
};

struct BudgetLine : BudgetEntry {
  std::vector<BudgetEntry> items;
};

struct Budget {
  std::string currency;
  std::optional<double> total;  // as stated
  Location total_where;
  std::vector<BudgetLine> lines;
  Location where;

  BudgetEntry* find(std::string_view id);  // a line or an item
};

// How often a recurring task falls due (format 1.1): every quarter, every
// half-year, every `years` years (1: yearly), or yearly in `month`.
struct Recurrence {
  enum class Every { Quarter, HalfYear, Years, MonthOfYear };
  Every every = Every::Years;
  int years = 1;  // Every::Years
  int month = 0;  // Every::MonthOfYear, 1-12
  std::string text;  // as written
  Location where;
};

// A `done` entry of a recurring task: a quarter ("2025-Q3") or half-year
// ("2025-H1"), or a date (2025, 2025-06, 2025-06-30) that marks the period
// containing it.
struct DoneMark {
  std::string text;  // as written
  int year = 0;
  int month = 0;     // 0 unless a year-month or a full date
  int quarter = 0;   // 1-4 for "2025-Q3"
  int half = 0;      // 1-2 for "2025-H1"
  std::size_t recurrence = 0;  // the task's recurrence it marks
  Location where;
};

struct Task {
  std::string id;
  std::string name;
  std::string lead;
  std::string partners;
  std::optional<Date> due;         // a dated task
  std::vector<Recurrence> recurs;  // a recurring task, in the order written
  std::optional<int> from;         // recurring: the first period's year
  std::vector<Date> done;          // dated task: completion date(s)
  std::vector<DoneMark> done_periods;  // recurring task: the periods done
  SourceLines source_lines;
  Location where;

  bool recurring() const { return !recurs.empty(); }
};

struct Unit {
  std::string id;
  std::string name;
  std::string type;
  std::string parent;
  Location where;
};

struct PlanInfo {
  std::string title;
  std::string title_en;
  std::string number;
  std::string issued;
  std::optional<int> baseline_year;
  std::optional<int> horizon;
  std::string source;
  std::vector<LeftOut> left_out;  // `x-not-checkable` of `plan:`
};

struct Plan {
  std::string file;
  Unit unit;
  PlanInfo info;
  std::vector<Indicator> indicators;
  std::optional<Budget> budget;
  std::vector<Task> tasks;

  const Indicator* find(std::string_view id) const;
  Indicator* find(std::string_view id);
};

// A value from a data file or an inline `actuals` block, before it is
// checked against its indicator (the kind decides how it is read).
struct RawValue {
  std::string indicator;
  std::string year_text;
  std::string text;                    // scalar value as written
  std::optional<std::string> numerator;
  std::optional<std::string> denominator;
  Location where;          // the value
  Location indicator_where;  // the indicator key
  // A wide table (the data-entry template) shows the baseline in its year's
  // column: there the same value is the baseline again, not an actual.
  bool may_repeat_baseline = false;
};

struct DataFile {
  std::string file;
  std::string unit;  // empty for CSV files: each row names its unit
  Location unit_where;
  std::vector<std::pair<std::string, RawValue>> values;  // (unit id, value)
};

}  // namespace plancheck
