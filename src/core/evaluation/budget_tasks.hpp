#pragma once
// Budget lines (spent / planned) and tasks (done, late, overdue) as of a year.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace plancheck {

struct BudgetEntryResult {
  const BudgetEntry* entry = nullptr;
  std::optional<double> planned;  // the amount the plan states
  double spent = 0;               // reported spending up to the as-of year
  std::optional<double> share;    // spent / planned
};

struct BudgetLineResult : BudgetEntryResult {
  std::vector<BudgetEntryResult> items;
};

struct BudgetResult {
  const Budget* budget = nullptr;
  std::vector<BudgetLineResult> lines;
  double spent = 0;
};

enum class TaskStatus { Done, DoneLate, Overdue, Pending };
std::string_view task_status_name(TaskStatus s);  // "done", "done-late", "overdue", "pending"

struct TaskResult {
  const Task* task = nullptr;
  TaskStatus status = TaskStatus::Pending;
  // Recurring tasks: the first period's year (nullopt when nothing fixes
  // it), and the labels of the periods that ended by the as-of year, done
  // or overdue, in the order of the task's recurrences ("2025-Q3").
  std::optional<int> first_year;
  std::vector<std::string> done_periods;
  std::vector<std::string> overdue_periods;
};

// A line's spending is its own plus its items'.
BudgetResult evaluate_budget(const Budget& budget, std::optional<int> as_of);

// The year a plan's recurring tasks start from unless they say `from`: the
// year the plan was issued, else its baseline year.
std::optional<int> plan_start_year(const PlanInfo& info);

// A dated task is overdue when it is not done and due in or before the
// as-of year; done after its due date is done late. A recurring task has
// periods from its `from` year (else `plan_start`, else the year of its
// earliest `done` entry, else the as-of year); it is overdue when a period
// that ended in or before the as-of year is not done, done when every such
// period is done, pending when none has ended.
TaskResult evaluate_task(const Task& task, std::optional<int> as_of, std::optional<int> plan_start);

// Budget sums that do not add up, as warnings with both figures.
void lint_budget(const Budget& budget, Diagnostics& diags);

}  // namespace plancheck
