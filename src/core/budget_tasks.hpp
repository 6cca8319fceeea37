#pragma once
// Budget lines (spent / planned) and tasks (done, late, overdue) as of a year.
#include <optional>
#include <string_view>
#include <vector>

#include "core/model.hpp"

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
};

// A line's spending is its own plus its items'.
BudgetResult evaluate_budget(const Budget& budget, std::optional<int> as_of);

// A dated task is overdue when it is not done and due in or before the
// as-of year; done after its due date is done late. A yearly task is
// overdue when the as-of year has no `done` entry.
TaskResult evaluate_task(const Task& task, std::optional<int> as_of);

// Budget sums that do not add up, as warnings with both figures.
void lint_budget(const Budget& budget, Diagnostics& diags);

}  // namespace plancheck
