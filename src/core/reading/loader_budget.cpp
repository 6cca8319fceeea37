// Budget and task sections of a plan.
#include <array>
#include <fmt/format.h>

#include "core/reading/loader_parts.hpp"
#include "core/util/number.hpp"
#include "core/model/recurrence.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

using namespace std::string_view_literals;

constexpr std::array kBudgetKeys{"currency"sv, "total"sv, "lines"sv, "note"sv};
constexpr std::array kLineKeys{"id"sv, "name"sv, "amount"sv, "source"sv, "items"sv, "note"sv};
constexpr std::array kItemKeys{"id"sv, "name"sv, "amount"sv, "source"sv, "note"sv};
constexpr std::array kTaskKeys{"id"sv, "name"sv, "lead"sv, "partners"sv, "due"sv, "from"sv, "done"sv, "note"sv};

// Fields shared by budget lines and items; money may use thousands dots.
BudgetEntry parse_entry(YamlContext& ctx, const Fields& f, const Message& what) {
  BudgetEntry e;
  e.where = f.where();
  if (f.require(ctx, "id")) e.id = text_field(ctx, f, "id", what);
  if (f.require(ctx, "name")) e.name = text_field(ctx, f, "name", what);
  e.source = text_field(ctx, f, "source", what);
  e.amount = number_field(ctx, f, "amount", what, true);
  if (const YNode* a = f.get("amount")) e.amount_where = ctx.at(*a);
  if (e.amount && *e.amount < 0) ctx.error(e.amount_where, msg("\"amount\" of {} is negative", what));
  e.source_lines = parse_source_lines(ctx, f, what);
  return e;
}

BudgetLine parse_line(YamlContext& ctx, const YNode& node) {
  BudgetLine line;
  const Message what = msg("a budget line");
  if (!expect_map(ctx, node, what)) return line;
  const Fields f(ctx, node, kLineKeys, what);
  static_cast<BudgetEntry&>(line) = parse_entry(ctx, f, what);
  const YNode* items = f.get("items");
  if (!items || !expect_sequence(ctx, *items, msg("\"items\" of budget line {}", line.id))) return line;
  const Message item_what = msg("a budget item");
  for (const YNode& item : *items) {
    if (!expect_map(ctx, item, item_what)) continue;
    line.items.push_back(parse_entry(ctx, Fields(ctx, item, kItemKeys, item_what), item_what));
  }
  return line;
}

void check_unique_ids(YamlContext& ctx, const Budget& b) {
  std::vector<const BudgetEntry*> seen;
  const auto visit = [&](const BudgetEntry& e) {
    for (const BudgetEntry* s : seen)
      if (!e.id.empty() && s->id == e.id) {
        ctx.error(e.where, msg("duplicate budget id \"{}\" (first at line {})", e.id, s->where.line));
        return;
      }
    seen.push_back(&e);
  };
  for (const BudgetLine& line : b.lines) {
    visit(line);
    for (const BudgetEntry& item : line.items) visit(item);
  }
}

std::optional<Date> date_value(YamlContext& ctx, const YNode& node, const Message& what) {
  const auto text = expect_scalar(ctx, node, what);
  if (!text) return std::nullopt;
  auto d = parse_date(*text);
  if (!d)
    ctx.error(ctx.at(node),
              msg("{} is \"{}\"; expected a year (2025), a year-month (2025-06) or a date (2025-06-30)", what, *text));
  return d;
}

// Text of digits and dashes is meant as a date, and gets the date's message.
bool looks_like_date(std::string_view text) {
  const std::string_view s = trim(text);
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

// `yearly: {month: 6}`, the mapping form of "yearly in June".
std::optional<Recurrence> recurrence_map(YamlContext& ctx, const YNode& node, const Message& what) {
  static constexpr std::array kKeys{"yearly"sv};
  static constexpr std::array kYearlyKeys{"month"sv};
  const Fields f(ctx, node, kKeys, what);
  const Message yearly_what = msg("\"yearly\" of {}", what);
  if (!f.require(ctx, "yearly") || !expect_map(ctx, *f.get("yearly"), yearly_what)) return std::nullopt;
  const Fields yearly(ctx, *f.get("yearly"), kYearlyKeys, yearly_what);
  if (!yearly.require(ctx, "month")) return std::nullopt;
  const YNode& month = *yearly.get("month");
  const auto text = expect_scalar(ctx, month, msg("\"month\" of {}", yearly_what));
  if (!text) return std::nullopt;
  const auto m = parse_integer(*text);
  if (!m || *m < 1 || *m > 12) {
    ctx.error(ctx.at(month), msg("\"month\" of {} is \"{}\"; expected a month from 1 to 12", yearly_what, *text));
    return std::nullopt;
  }
  const int month_number = static_cast<int>(*m);
  return Recurrence{Recurrence::Every::MonthOfYear, 1, month_number, fmt::format("yearly: {{month: {}}}", month_number),
                    ctx.at(node)};
}

// One recurrence of a `due` list: words or the mapping form.
std::optional<Recurrence> recurrence_value(YamlContext& ctx, const YNode& node, const Message& what) {
  if (node.IsMap()) return recurrence_map(ctx, node, what);
  const auto text = expect_scalar(ctx, node, what);
  if (!text) return std::nullopt;
  auto r = parse_recurrence(*text);
  if (r) r->where = ctx.at(node);
  else
    ctx.error(ctx.at(node), msg("{} lists \"{}\"; a list of \"due\" holds recurrences: {}", what, *text, recurrence_forms()));
  return r;
}

// Periods of the same length from two recurrences could not be told apart
// in `done` ("2025" would name a year of both).
bool same_periods(const Recurrence& a, const Recurrence& b) {
  using Every = Recurrence::Every;
  const auto length = [](const Recurrence& r) { return r.every == Every::MonthOfYear ? Every::Years : r.every; };
  return length(a) == length(b);
}

void add_recurrence(YamlContext& ctx, Task& t, const Recurrence& r, const Message& what) {
  const auto same =
      std::find_if(t.recurs.begin(), t.recurs.end(), [&](const Recurrence& o) { return same_periods(o, r); });
  if (same != t.recurs.end()) {
    ctx.error(r.where, msg("{} lists \"{}\" and \"{}\", whose periods \"done\" could not tell apart; a task recurs at "
                           "most quarterly, half-yearly and once in years (yearly, every N years or yearly in a month)",
                           what, same->text, r.text));
    return;
  }
  t.recurs.push_back(r);
}

// `due`: a date, a recurrence, or a list of recurrences (format 1.1).
void parse_due(YamlContext& ctx, const YNode& due, const Message& what, Task& t) {
  if (due.IsSequence()) {
    if (due.size() == 0)
      ctx.error(ctx.at(due), msg("{} is an empty list; expected recurrences: {}", what, recurrence_forms()));
    for (const YNode& item : due)
      if (const auto r = recurrence_value(ctx, item, what)) add_recurrence(ctx, t, *r, what);
    return;
  }
  if (due.IsMap()) {
    if (const auto r = recurrence_map(ctx, due, what)) t.recurs.push_back(*r);
    return;
  }
  const auto text = expect_scalar(ctx, due, what);
  if (!text) return;
  if (auto r = parse_recurrence(*text)) {
    r->where = ctx.at(due);
    t.recurs.push_back(*r);
  } else if (looks_like_date(*text)) {
    t.due = date_value(ctx, due, what);
  } else {
    ctx.error(ctx.at(due), msg("{} is \"{}\"; expected a date (2025, 2025-06, 2025-06-30) or a recurrence: {}", what,
                               *text, recurrence_forms()));
  }
}

// The recurrences a `done` entry fits, by index.
std::vector<std::size_t> fitting(const Task& t, const DoneMark& m) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < t.recurs.size(); ++i)
    if (fits(t.recurs[i], m)) out.push_back(i);
  return out;
}

std::string recurrence_texts(const Task& t) {
  std::vector<std::string> texts;
  for (const Recurrence& r : t.recurs) texts.push_back(r.text);
  return quoted_list(texts);
}

std::string example_labels(const Task& t, const DoneMark& m) {
  std::vector<std::string> labels;
  for (const Recurrence& r : t.recurs) labels.push_back(example_label(r, m));
  return fmt::format("{}", fmt::join(labels, ", "));
}

// A `done` entry of a recurring task must name one period of one of its
// recurrences: a date inside periods of two is ambiguous.
void add_done_mark(YamlContext& ctx, Task& t, const YNode& node, const Message& what) {
  const auto text = expect_scalar(ctx, node, what);
  if (!text) return;
  auto m = parse_done_mark(*text);
  if (!m) {
    ctx.error(ctx.at(node),
              msg("{} is \"{}\"; expected a period (2025, 2025-H1, 2025-Q3, 2025-06) or a date (2025-06-30)", what, *text));
    return;
  }
  m->where = ctx.at(node);
  const std::vector<std::size_t> fit = fitting(t, *m);
  if (fit.size() == 1) {
    m->recurrence = fit.front();
    t.done_periods.push_back(*m);
  } else if (fit.empty()) {
    ctx.error(m->where, msg("{} is \"{}\", which is not a period of {}; expected a period such as {} or a date in it",
                            what, *text, recurrence_texts(t), example_labels(t, *m)));
  } else {
    ctx.error(m->where, msg("{} is \"{}\", a date in periods of more than one of the task's recurrences; write the "
                            "period instead, such as {}", what, *text, example_labels(t, *m)));
  }
}

void parse_done(YamlContext& ctx, Task& t, const YNode& done, const Message& what) {
  const auto add = [&](const YNode& d) {
    if (t.recurring()) add_done_mark(ctx, t, d, what);
    else if (auto date = date_value(ctx, d, what)) t.done.push_back(*date);
  };
  if (!done.IsSequence()) return add(done);
  for (const YNode& d : done) add(d);
}

Task parse_task(YamlContext& ctx, const YNode& node) {
  Task t;
  t.where = ctx.at(node);
  const Fields f(ctx, node, kTaskKeys, msg("a task"));
  if (f.require(ctx, "id")) t.id = text_field(ctx, f, "id", msg("a task"));
  const Message what = msg("task {}", t.id);
  if (f.require(ctx, "name")) t.name = text_field(ctx, f, "name", what);
  t.lead = text_field(ctx, f, "lead", what);
  t.partners = text_field(ctx, f, "partners", what);
  if (f.require(ctx, "due")) parse_due(ctx, *f.get("due"), msg("\"due\" of {}", what), t);
  t.from = year_field(ctx, f, "from", what);
  if (t.from && t.due)
    ctx.error(ctx.at(*f.get("from")),
              msg("\"from\" of {} applies to a recurring \"due\" only; this task is due {}", what, t.due->text));
  if (const YNode* done = f.get("done")) parse_done(ctx, t, *done, msg("\"done\" of {}", what));
  t.source_lines = parse_source_lines(ctx, f, what);
  return t;
}

}  // namespace

Budget parse_budget(YamlContext& ctx, const YNode& node) {
  Budget b;
  b.where = ctx.at(node);
  const Message what = quoted_key("budget");
  if (!expect_map(ctx, node, what)) return b;
  const Fields f(ctx, node, kBudgetKeys, what);
  b.currency = text_field(ctx, f, "currency", what);
  b.total = number_field(ctx, f, "total", what, true);
  if (const YNode* t = f.get("total")) b.total_where = ctx.at(*t);
  if (f.require(ctx, "lines") && expect_sequence(ctx, *f.get("lines"), msg("\"{}\" of {}", std::string("lines"), what)))
    for (const YNode& line : *f.get("lines")) b.lines.push_back(parse_line(ctx, line));
  check_unique_ids(ctx, b);
  return b;
}

std::vector<Task> parse_tasks(YamlContext& ctx, const YNode& node) {
  std::vector<Task> tasks;
  if (!expect_sequence(ctx, node, quoted_key("tasks"))) return tasks;
  for (const YNode& item : node) {
    if (!expect_map(ctx, item, msg("a task"))) continue;
    Task t = parse_task(ctx, item);
    const auto dup = std::find_if(tasks.begin(), tasks.end(), [&](const Task& o) { return !t.id.empty() && o.id == t.id; });
    if (dup != tasks.end()) {
      ctx.error(t.where, msg("duplicate task id \"{}\" (first at line {})", t.id, dup->where.line));
      continue;
    }
    tasks.push_back(std::move(t));
  }
  return tasks;
}

}  // namespace plancheck
