#include "core/budget_tasks.hpp"

#include <cmath>
#include <fmt/format.h>
#include <tuple>

#include "core/format.hpp"

namespace plancheck {
namespace {

double spent_until(const BudgetEntry& e, std::optional<int> as_of) {
  double sum = 0;
  for (const Observation& o : e.spending)
    if (as_of && o.year <= *as_of) sum += o.value;
  return sum;
}

BudgetEntryResult entry_result(const BudgetEntry& e, double spent) {
  BudgetEntryResult r;
  r.entry = &e;
  r.planned = e.amount;
  r.spent = spent;
  if (e.amount && *e.amount > 0) r.share = spent / *e.amount;
  return r;
}

// Compares at the precision both dates have: a task due 2024-10 and done
// 2024-10-20 is on time.
bool after(const Date& done, const Date& due) {
  const auto key = [&](const Date& d) {
    return std::tuple(d.year, due.month && done.month ? d.month : 0, due.day && done.day ? d.day : 0);
  };
  return key(done) > key(due);
}

}  // namespace

std::string_view task_status_name(TaskStatus s) {
  switch (s) {
    case TaskStatus::Done: return "done";
    case TaskStatus::DoneLate: return "done-late";
    case TaskStatus::Overdue: return "overdue";
    case TaskStatus::Pending: return "pending";
  }
  return "?";
}

BudgetResult evaluate_budget(const Budget& budget, std::optional<int> as_of) {
  BudgetResult r;
  r.budget = &budget;
  for (const BudgetLine& line : budget.lines) {
    double spent = spent_until(line, as_of);
    std::vector<BudgetEntryResult> items;
    for (const BudgetEntry& item : line.items) {
      items.push_back(entry_result(item, spent_until(item, as_of)));
      spent += items.back().spent;
    }
    BudgetLineResult lr;
    static_cast<BudgetEntryResult&>(lr) = entry_result(line, spent);
    lr.items = std::move(items);
    r.spent += spent;
    r.lines.push_back(std::move(lr));
  }
  return r;
}

TaskResult evaluate_task(const Task& task, std::optional<int> as_of) {
  TaskResult r{&task, TaskStatus::Pending};
  if (task.yearly) {
    if (!as_of) return r;
    const bool done_this_year = std::any_of(task.done.begin(), task.done.end(), [&](const Date& d) { return d.year == *as_of; });
    r.status = done_this_year ? TaskStatus::Done : TaskStatus::Overdue;
    return r;
  }
  if (!task.done.empty()) {
    r.status = task.due && after(task.done.front(), *task.due) ? TaskStatus::DoneLate : TaskStatus::Done;
    return r;
  }
  if (task.due && as_of && task.due->year <= *as_of) r.status = TaskStatus::Overdue;
  return r;
}

namespace {
// The sum of the stated amounts, and whether every entry states one.
template <typename Entries>
std::pair<double, bool> stated_sum(const Entries& entries) {
  double sum = 0;
  bool all = true;
  for (const BudgetEntry& e : entries) {
    sum += e.amount.value_or(0);
    all = all && e.amount.has_value();
  }
  return {sum, all};
}
}  // namespace

void lint_budget(const Budget& budget, Diagnostics& diags) {
  constexpr double kCent = 1e-6;
  const auto [lines_sum, all_lines] = stated_sum(budget.lines);
  for (const BudgetLine& line : budget.lines) {
    if (line.items.empty() || !line.amount) continue;
    const auto [items_sum, all_items] = stated_sum(line.items);
    // With items lacking an amount, only a sum above the line is certain.
    if (std::fabs(items_sum - *line.amount) > kCent && (all_items || items_sum > *line.amount))
      diags.warning(line.amount_where.line ? line.amount_where : line.where,
                    fmt::format("budget line \"{}\" ({}): its items add up to {}, but the line states {}", line.id,
                                line.name, format_plain(items_sum, Lang::En), format_plain(*line.amount, Lang::En)));
  }
  if (budget.total && (all_lines || lines_sum > *budget.total) && std::fabs(lines_sum - *budget.total) > kCent)
    diags.warning(budget.total_where.line ? budget.total_where : budget.where,
                  fmt::format("budget lines add up to {}, but the stated total is {}", format_plain(lines_sum, Lang::En),
                              format_plain(*budget.total, Lang::En)));
}

}  // namespace plancheck
