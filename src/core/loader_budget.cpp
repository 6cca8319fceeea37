// Budget and task sections of a plan.
#include <array>
#include <fmt/format.h>

#include "core/loader_parts.hpp"

namespace plancheck {
namespace {

using namespace std::string_view_literals;

constexpr std::array kBudgetKeys{"currency"sv, "total"sv, "lines"sv, "note"sv};
constexpr std::array kLineKeys{"id"sv, "name"sv, "amount"sv, "source"sv, "items"sv, "note"sv};
constexpr std::array kItemKeys{"id"sv, "name"sv, "amount"sv, "source"sv, "note"sv};
constexpr std::array kTaskKeys{"id"sv, "name"sv, "lead"sv, "partners"sv, "due"sv, "done"sv, "note"sv};

// Fields shared by budget lines and items; money may use thousands dots.
BudgetEntry parse_entry(YamlContext& ctx, const Fields& f, std::string_view what) {
  BudgetEntry e;
  e.where = f.where();
  if (f.require(ctx, "id")) e.id = text_field(ctx, f, "id", what);
  if (f.require(ctx, "name")) e.name = text_field(ctx, f, "name", what);
  e.source = text_field(ctx, f, "source", what);
  e.amount = number_field(ctx, f, "amount", what, true);
  if (const YNode* a = f.get("amount")) e.amount_where = ctx.at(*a);
  if (e.amount && *e.amount < 0) ctx.error(e.amount_where, fmt::format("\"amount\" of {} is negative", what));
  return e;
}

BudgetLine parse_line(YamlContext& ctx, const YNode& node) {
  BudgetLine line;
  if (!expect_map(ctx, node, "a budget line")) return line;
  const Fields f(ctx, node, kLineKeys, "a budget line");
  static_cast<BudgetEntry&>(line) = parse_entry(ctx, f, "a budget line");
  const YNode* items = f.get("items");
  if (!items || !expect_sequence(ctx, *items, fmt::format("\"items\" of budget line {}", line.id))) return line;
  for (const YNode& item : *items) {
    if (!expect_map(ctx, item, "a budget item")) continue;
    line.items.push_back(parse_entry(ctx, Fields(ctx, item, kItemKeys, "a budget item"), "a budget item"));
  }
  return line;
}

void check_unique_ids(YamlContext& ctx, const Budget& b) {
  std::vector<const BudgetEntry*> seen;
  const auto visit = [&](const BudgetEntry& e) {
    for (const BudgetEntry* s : seen)
      if (!e.id.empty() && s->id == e.id) {
        ctx.error(e.where, fmt::format("duplicate budget id \"{}\" (first at line {})", e.id, s->where.line));
        return;
      }
    seen.push_back(&e);
  };
  for (const BudgetLine& line : b.lines) {
    visit(line);
    for (const BudgetEntry& item : line.items) visit(item);
  }
}

std::optional<Date> date_value(YamlContext& ctx, const YNode& node, std::string_view what) {
  const auto text = expect_scalar(ctx, node, what);
  if (!text) return std::nullopt;
  auto d = parse_date(*text);
  if (!d)
    ctx.error(ctx.at(node), fmt::format("{} is \"{}\"; expected a year (2025), a year-month (2025-06) or a date "
                                        "(2025-06-30)", what, *text));
  return d;
}

Task parse_task(YamlContext& ctx, const YNode& node) {
  Task t;
  t.where = ctx.at(node);
  const Fields f(ctx, node, kTaskKeys, "a task");
  if (f.require(ctx, "id")) t.id = text_field(ctx, f, "id", "a task");
  const std::string what = fmt::format("task {}", t.id);
  if (f.require(ctx, "name")) t.name = text_field(ctx, f, "name", what);
  t.lead = text_field(ctx, f, "lead", what);
  t.partners = text_field(ctx, f, "partners", what);
  if (f.require(ctx, "due")) {
    const YNode& due = *f.get("due");
    if (due.IsScalar() && (due.Scalar() == "yearly" || due.Scalar() == "hàng năm"))
      t.yearly = true;
    else
      t.due = date_value(ctx, due, fmt::format("\"due\" of {}", what));
  }
  if (const YNode* done = f.get("done")) {
    const std::string done_what = fmt::format("\"done\" of {}", what);
    if (done->IsSequence()) {
      for (const YNode& d : *done)
        if (auto date = date_value(ctx, d, done_what)) t.done.push_back(*date);
    } else if (auto date = date_value(ctx, *done, done_what)) {
      t.done.push_back(*date);
    }
  }
  return t;
}

}  // namespace

Budget parse_budget(YamlContext& ctx, const YNode& node) {
  Budget b;
  b.where = ctx.at(node);
  if (!expect_map(ctx, node, "\"budget\"")) return b;
  const Fields f(ctx, node, kBudgetKeys, "\"budget\"");
  b.currency = text_field(ctx, f, "currency", "\"budget\"");
  b.total = number_field(ctx, f, "total", "\"budget\"", true);
  if (const YNode* t = f.get("total")) b.total_where = ctx.at(*t);
  if (f.require(ctx, "lines") && expect_sequence(ctx, *f.get("lines"), "\"lines\" of \"budget\""))
    for (const YNode& line : *f.get("lines")) b.lines.push_back(parse_line(ctx, line));
  check_unique_ids(ctx, b);
  return b;
}

std::vector<Task> parse_tasks(YamlContext& ctx, const YNode& node) {
  std::vector<Task> tasks;
  if (!expect_sequence(ctx, node, "\"tasks\"")) return tasks;
  for (const YNode& item : node) {
    if (!expect_map(ctx, item, "a task")) continue;
    Task t = parse_task(ctx, item);
    const auto dup = std::find_if(tasks.begin(), tasks.end(), [&](const Task& o) { return !t.id.empty() && o.id == t.id; });
    if (dup != tasks.end()) {
      ctx.error(t.where, fmt::format("duplicate task id \"{}\" (first at line {})", t.id, dup->where.line));
      continue;
    }
    tasks.push_back(std::move(t));
  }
  return tasks;
}

}  // namespace plancheck
