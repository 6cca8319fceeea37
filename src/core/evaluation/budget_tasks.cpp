#include "core/evaluation/budget_tasks.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <tuple>

#include "core/model/format.hpp"
#include "core/model/recurrence.hpp"

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

std::optional<int> first_period_year(const Task& task, std::optional<int> plan_start, std::optional<int> as_of) {
  if (task.from) return task.from;
  if (plan_start) return plan_start;
  const auto& marks = task.done_periods;
  const auto earliest =
      std::min_element(marks.begin(), marks.end(), [](const DoneMark& a, const DoneMark& b) { return a.year < b.year; });
  if (earliest != marks.end()) return earliest->year;
  return as_of;
}

bool period_done(const Task& task, std::size_t recurrence, int first_year, const Period& p) {
  return std::any_of(task.done_periods.begin(), task.done_periods.end(), [&](const DoneMark& m) {
    return m.recurrence == recurrence && period_of(task.recurs[recurrence], first_year, m) == p;
  });
}

TaskResult evaluate_recurring(const Task& task, std::optional<int> as_of, std::optional<int> plan_start) {
  TaskResult r{&task, TaskStatus::Pending, first_period_year(task, plan_start, as_of), {}, {}};
  if (!as_of || !r.first_year) return r;
  for (std::size_t i = 0; i < task.recurs.size(); ++i)
    for (const Period& p : periods_ended_by(task.recurs[i], *r.first_year, *as_of)) {
      auto& list = period_done(task, i, *r.first_year, p) ? r.done_periods : r.overdue_periods;
      list.push_back(period_label(task.recurs[i], p));
    }
  if (!r.overdue_periods.empty()) r.status = TaskStatus::Overdue;
  else if (!r.done_periods.empty()) r.status = TaskStatus::Done;
  return r;
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

std::optional<int> plan_start_year(const PlanInfo& info) {
  if (const auto issued = parse_date(info.issued)) return issued->year;
  return info.baseline_year;
}

TaskResult evaluate_task(const Task& task, std::optional<int> as_of, std::optional<int> plan_start) {
  if (task.recurring()) return evaluate_recurring(task, as_of, plan_start);
  TaskResult r{&task, TaskStatus::Pending, {}, {}, {}};
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
                    msg("budget line \"{}\" ({}): its items add up to {}, but the line states {}", line.id, line.name,
                        // clang 14 cannot capture a structured binding: by value, named
                        Message::per_lang([sum = items_sum](Lang l) { return format_plain(sum, l); }),
                        Message::per_lang([&](Lang l) { return format_plain(*line.amount, l); })));
  }
  if (budget.total && (all_lines || lines_sum > *budget.total) && std::fabs(lines_sum - *budget.total) > kCent)
    diags.warning(budget.total_where.line ? budget.total_where : budget.where,
                  msg("budget lines add up to {}, but the stated total is {}",
                      Message::per_lang([sum = lines_sum](Lang l) { return format_plain(sum, l); }),
                      Message::per_lang([&](Lang l) { return format_plain(*budget.total, l); })));
}

}  // namespace plancheck
