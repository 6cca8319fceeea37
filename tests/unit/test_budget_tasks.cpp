#include <doctest/doctest.h>

#include "core/evaluation/budget_tasks.hpp"
#include "core/evaluation/lint.hpp"
#include "core/reading/loader.hpp"
#include "core/model/recurrence.hpp"
#include "test_support.hpp"

using namespace plancheck;

namespace {

struct Loaded {
  Plan plan;
  std::string messages;
};

Loaded load(const std::string& sections, const std::string& actuals = "") {
  Diagnostics diags;
  std::string text = "plancheck: 1\nunit: {id: u, name: U}\nindicators: [{id: a, name: A, targets: {2030: 1}}]\n" + sections;
  if (!actuals.empty()) text += "actuals:\n" + actuals;
  auto doc = load_yaml_document(text, "p.yaml", diags);
  Loaded r;
  if (doc.plan) {
    r.plan = *doc.plan;
    attach_values(r.plan, doc.inline_values, diags);
  }
  r.messages = test::messages(diags);
  return r;
}

const std::string kBudget = R"(budget:
  currency: "million VND"
  total: 344.050
  lines:
    - id: "1"
      name: "Cơ sở vật chất"
      amount: 260000
      items:
        - {id: "1.1", name: "Trường chuẩn", amount: 260000}
        - {id: "1.2", name: "Nhà đa năng"}
    - id: "2"
      name: "Bồi dưỡng"
      amount: 6000
      items:
        - {id: "2.1", name: "Bồi dưỡng", amount: 6000}
        - {id: "2.2", name: "Khuyến khích", amount: 350}
    - {id: "3", name: "Chuyển đổi số", amount: 78050}
)";

}  // namespace

TEST_CASE("lint_budget") {
  const Loaded r = load(kBudget);
  REQUIRE(r.messages == "");
  CHECK(r.plan.budget->total == 344050);  // thousands dots in money
  Diagnostics diags;
  lint_budget(*r.plan.budget, diags);
  CHECK(test::messages(diags) ==
        "p.yaml:16:15: warning: budget line \"2\" (Bồi dưỡng): its items add up to 6350, but the line states 6000\n");
  Budget off = *r.plan.budget;
  off.total = 300000;
  Diagnostics more;
  lint_budget(off, more);
  CHECK(test::messages(more).find("warning: budget lines add up to 344050, but the stated total is 300000") !=
        std::string::npos);
}

TEST_CASE("evaluate_budget") {
  const Loaded r = load(kBudget, "  budget.1: {2025: 100000, 2026: 9700}\n  budget.2.1: {2025: 2000}\n  budget.3: {2027: 5}\n");
  REQUIRE(r.messages == "");
  const BudgetResult b = evaluate_budget(*r.plan.budget, 2026);
  CHECK(b.lines[0].spent == 109700);
  CHECK(*b.lines[0].share == doctest::Approx(109700.0 / 260000));
  CHECK(b.lines[1].spent == 2000);  // spending on an item counts for its line
  CHECK(b.lines[1].items[0].spent == 2000);
  CHECK(b.lines[2].spent == 0);  // 2027 is after the as-of year
  CHECK(b.spent == 111700);
  SUBCASE("spending on a line the plan does not have") {
    CHECK(load(kBudget, "  budget.9: {2025: 1}\n").messages ==
          "p.yaml:22:3: error: spending for undefined budget line \"9\": plan u (p.yaml) has no such budget line or item\n");
    CHECK(load(kBudget, "  budget.1: {2025: -5}\n").messages ==
          "p.yaml:22:20: error: spending \"-5\" on budget line 1 in \"2025\" must be a year and an amount of money of "
          "zero or more\n");
  }
}

TEST_CASE("evaluate_task") {
  const Loaded r = load(R"(tasks:
  - {id: "1", name: A, due: 2024-10}
  - {id: "2", name: B, due: 2024-10, done: 2024-10-20}
  - {id: "3", name: C, due: 2024-10, done: 2024-12}
  - {id: "4", name: D, due: 2027}
  - {id: "5", name: E, due: yearly, done: [2025-12-01, 2026-11-30]}
  - {id: "6", name: F, due: yearly, done: [2025-12-01]}
)");
  REQUIRE(r.messages == "");
  const auto status = [&](std::size_t i, std::optional<int> as_of) {
    return evaluate_task(r.plan.tasks.at(i), as_of, std::nullopt).status;
  };
  CHECK(status(0, 2026) == TaskStatus::Overdue);
  CHECK(status(0, 2023) == TaskStatus::Pending);
  CHECK(status(1, 2026) == TaskStatus::Done);
  CHECK(status(2, 2026) == TaskStatus::DoneLate);
  CHECK(status(3, 2026) == TaskStatus::Pending);
  CHECK(status(3, 2027) == TaskStatus::Overdue);
  CHECK(status(4, 2026) == TaskStatus::Done);
  CHECK(status(5, 2026) == TaskStatus::Overdue);
  CHECK(status(5, 2025) == TaskStatus::Done);
  SUBCASE("bad dates and duplicate ids") {
    CHECK(load("tasks:\n  - {id: \"1\", name: A, due: 2024-13}\n  - {id: \"1\", name: B, due: soon}\n").messages ==
          "p.yaml:5:29: error: \"due\" of task 1 is \"2024-13\"; expected a year (2025), a year-month (2025-06) or a "
          "date (2025-06-30)\n"
          "p.yaml:6:29: error: \"due\" of task 1 is \"soon\"; expected a date (2025, 2025-06, 2025-06-30) or a "
          "recurrence: quarterly, half-yearly, yearly, every N years, yearly in <month> (yearly in June), yearly: "
          "{month: 6}, hằng quý, 6 tháng (một lần), hằng năm, N năm 1 lần, tháng 6 hằng năm\n"
          "p.yaml:6:5: error: duplicate task id \"1\" (first at line 5)\n");
  }
}

TEST_CASE("parse_date") {
  CHECK(parse_date("2024")->month == 0);
  CHECK(parse_date("2024-10")->month == 10);
  CHECK(parse_date("2024-02-29")->day == 29);
  for (auto bad : {"2024-02-30", "24-10", "2024-1-2-3", "2024-", "x", "2024-00", "1800"}) CHECK_FALSE(parse_date(bad));
}

namespace {

using Every = Recurrence::Every;

// The recurrence's kind and count as "years:2", "month:6", "quarter", "half".
std::string shape(const std::optional<Recurrence>& r) {
  if (!r) return "none";
  switch (r->every) {
    case Every::Quarter: return "quarter";
    case Every::HalfYear: return "half";
    case Every::MonthOfYear: return "month:" + std::to_string(r->month);
    case Every::Years: break;
  }
  return "years:" + std::to_string(r->years);
}

std::vector<std::string> labels(const Recurrence& r, int first_year, int as_of) {
  std::vector<std::string> out;
  for (const Period& p : periods_ended_by(r, first_year, as_of)) out.push_back(period_label(r, p));
  return out;
}

using Labels = std::vector<std::string>;

// One task evaluated: its status and the periods done and overdue.
struct Evaluated {
  TaskStatus status;
  Labels done;
  Labels overdue;
};

Evaluated evaluate_one(const std::string& task, std::optional<int> as_of, std::optional<int> plan_start = std::nullopt) {
  const Loaded r = load("tasks:\n  - " + task + "\n");
  REQUIRE(r.messages == "");
  const TaskResult t = evaluate_task(r.plan.tasks.at(0), as_of, plan_start);
  return {t.status, t.done_periods, t.overdue_periods};
}

}  // namespace

TEST_CASE("parse_recurrence") {
  SUBCASE("English, any case and spacing") {
    CHECK(shape(parse_recurrence("quarterly")) == "quarter");
    CHECK(shape(parse_recurrence("Half-Yearly")) == "half");
    CHECK(shape(parse_recurrence(" yearly ")) == "years:1");
    CHECK(shape(parse_recurrence("every 2 years")) == "years:2");
    CHECK(shape(parse_recurrence("Every  3   Years")) == "years:3");
    CHECK(shape(parse_recurrence("yearly in June")) == "month:6");
    CHECK(shape(parse_recurrence("YEARLY IN december")) == "month:12");
  }
  SUBCASE("Vietnamese, hằng and hàng, 1 and một") {
    CHECK(shape(parse_recurrence("hằng quý")) == "quarter");
    CHECK(shape(parse_recurrence("Hàng quý")) == "quarter");
    CHECK(shape(parse_recurrence("6 tháng")) == "half");
    CHECK(shape(parse_recurrence("6 tháng một lần")) == "half");
    CHECK(shape(parse_recurrence("6 tháng 1 lần")) == "half");
    CHECK(shape(parse_recurrence("hằng năm")) == "years:1");
    CHECK(shape(parse_recurrence("Hàng năm")) == "years:1");
    CHECK(shape(parse_recurrence("2 năm 1 lần")) == "years:2");
    CHECK(shape(parse_recurrence("5 năm một lần")) == "years:5");
    CHECK(shape(parse_recurrence("tháng 6 hằng năm")) == "month:6");
    CHECK(shape(parse_recurrence("Tháng 10 hàng năm")) == "month:10");
  }
  SUBCASE("the text as written is kept") { CHECK(parse_recurrence(" Hằng quý ")->text == "Hằng quý"); }
  SUBCASE("other words") {
    for (auto bad : {"soon", "2025", "every 0 years", "every 21 years", "every two years", "yearly in Juno",
                     "tháng 13 hằng năm", "3 tháng", "hằng", "2 năm 2 lần", ""}) {
      INFO(bad);
      CHECK_FALSE(parse_recurrence(bad));
    }
  }
}

TEST_CASE("parse_done_mark") {
  CHECK(parse_done_mark("2025-Q3")->quarter == 3);
  CHECK(parse_done_mark("2025-h2")->half == 2);
  CHECK(parse_done_mark("2025-06")->month == 6);
  CHECK(parse_done_mark("2025-06-30")->month == 6);
  CHECK(parse_done_mark("2025")->year == 2025);
  for (auto bad : {"2025-Q5", "2025-Q0", "2025-H3", "25-Q1", "2025-13", "Q3", "soon"}) {
    INFO(bad);
    CHECK_FALSE(parse_done_mark(bad));
  }
}

TEST_CASE("periods_ended_by") {
  const Recurrence quarterly = *parse_recurrence("quarterly");
  SUBCASE("a quarter just due: every quarter of the as-of year, nothing of the next") {
    CHECK(labels(quarterly, 2025, 2025) == Labels{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"});
    CHECK(labels(quarterly, 2026, 2025).empty());
  }
  SUBCASE("half-years, years and a month from the first year on") {
    CHECK(labels(*parse_recurrence("6 tháng"), 2025, 2026) == Labels{"2025-H1", "2025-H2", "2026-H1", "2026-H2"});
    CHECK(labels(*parse_recurrence("hằng năm"), 2024, 2026) == Labels{"2024", "2025", "2026"});
    CHECK(labels(*parse_recurrence("yearly in June"), 2025, 2026) == Labels{"2025-06", "2026-06"});
  }
  SUBCASE("every N years: a period has ended once its last year is the as-of year") {
    const Recurrence biennial = *parse_recurrence("every 2 years");
    CHECK(labels(biennial, 2024, 2024).empty());
    CHECK(labels(biennial, 2024, 2025) == Labels{"2024"});
    CHECK(labels(biennial, 2024, 2026) == Labels{"2024"});
    CHECK(labels(biennial, 2024, 2027) == Labels{"2024", "2026"});
    CHECK(labels(*parse_recurrence("3 năm 1 lần"), 2025, 2030) == Labels{"2025", "2028"});
  }
}

TEST_CASE("period_of") {
  const auto of = [](std::string_view due, int first_year, std::string_view done) {
    const Recurrence r = *parse_recurrence(due);
    return period_label(r, period_of(r, first_year, *parse_done_mark(done)));
  };
  SUBCASE("a date marks the period containing it") {
    CHECK(of("quarterly", 2025, "2025-06-30") == "2025-Q2");
    CHECK(of("quarterly", 2025, "2025-07") == "2025-Q3");
    CHECK(of("half-yearly", 2025, "2025-06-30") == "2025-H1");
    CHECK(of("half-yearly", 2025, "2025-07-01") == "2025-H2");
    CHECK(of("yearly", 2025, "2026-11-30") == "2026");
    CHECK(of("yearly in June", 2025, "2026-05-20") == "2026-06");
    CHECK(of("every 2 years", 2025, "2026-03") == "2025");
    CHECK(of("every 2 years", 2025, "2027") == "2027");
    CHECK(of("every 2 years", 2025, "2024") == "2023");  // before the first period
  }
  SUBCASE("a label marks its own period") {
    CHECK(of("quarterly", 2025, "2025-Q4") == "2025-Q4");
    CHECK(of("6 tháng", 2025, "2026-H1") == "2026-H1");
    CHECK(of("tháng 6 hằng năm", 2025, "2026-06") == "2026-06");
  }
}

TEST_CASE("evaluate_task (recurring)") {
  SUBCASE("a quarter just due is overdue as of its year") {
    const Evaluated e = evaluate_one("{id: q, name: Q, due: quarterly, from: 2025, done: [2025-Q1, 2025-Q2, 2025-09-30]}", 2025);
    CHECK(e.status == TaskStatus::Overdue);
    CHECK(e.done == Labels{"2025-Q1", "2025-Q2", "2025-Q3"});
    CHECK(e.overdue == Labels{"2025-Q4"});
    CHECK(evaluate_one("{id: q, name: Q, due: hằng quý, from: 2026}", 2025).status == TaskStatus::Pending);
  }
  SUBCASE("done when every period ended is done") {
    const Evaluated e = evaluate_one("{id: h, name: H, due: 6 tháng 1 lần, from: 2025, done: [2025-H1, 2025-12]}", 2025);
    CHECK(e.status == TaskStatus::Done);
    CHECK(e.done == Labels{"2025-H1", "2025-H2"});
    CHECK(e.overdue.empty());
  }
  SUBCASE("several cadences, in the order written") {
    const Evaluated e = evaluate_one("{id: r, name: R, due: [hằng quý, 6 tháng, hằng năm], from: 2026, done: [2026-Q1, 2026-H1, 2026]}", 2026);
    CHECK(e.done == Labels{"2026-Q1", "2026-H1", "2026"});
    CHECK(e.overdue == Labels{"2026-Q2", "2026-Q3", "2026-Q4", "2026-H2"});
  }
  SUBCASE("every 2 years: pending until the first period ends") {
    const std::string task = "{id: b, name: B, due: 2 năm 1 lần, from: 2025, done: [2026-10]}";
    CHECK(evaluate_one(task, 2025).status == TaskStatus::Pending);
    CHECK(evaluate_one(task, 2026).status == TaskStatus::Done);
    CHECK(evaluate_one(task, 2028).overdue == Labels{"2027"});
    CHECK(evaluate_one(task, 2028).done == Labels{"2025"});
  }
  SUBCASE("yearly in a month, in words and as a mapping") {
    CHECK(evaluate_one("{id: m, name: M, due: tháng 6 hằng năm, done: [2025-06]}", 2026).overdue == Labels{"2026-06"});
    CHECK(evaluate_one("{id: m, name: M, due: {yearly: {month: 6}}, done: [2025-06-20, 2026-06]}", 2026).status ==
          TaskStatus::Done);
    CHECK(evaluate_one("{id: m, name: M, due: yearly in June, from: 2025}", 2026).overdue == Labels{"2025-06", "2026-06"});
  }
  SUBCASE("the first year: from, else the plan's, else the earliest done, else the as-of year") {
    const std::string task = "{id: y, name: Y, due: yearly, done: [2025]}";
    CHECK(evaluate_one("{id: y, name: Y, due: yearly, from: 2026, done: [2025]}", 2026, 2024).overdue == Labels{"2026"});
    CHECK(evaluate_one(task, 2026, 2024).overdue == Labels{"2024", "2026"});
    CHECK(evaluate_one(task, 2026).overdue == Labels{"2026"});
    CHECK(evaluate_one("{id: y, name: Y, due: yearly}", 2026).overdue == Labels{"2026"});
  }
  SUBCASE("done after the as-of year does not count; no as-of year, nothing is due") {
    CHECK(evaluate_one("{id: y, name: Y, due: yearly, from: 2025, done: [2026]}", 2025).overdue == Labels{"2025"});
    CHECK(evaluate_one("{id: y, name: Y, due: yearly, from: 2025}", std::nullopt).status == TaskStatus::Pending);
  }
  SUBCASE("first_year") {
    const Loaded r = load("tasks:\n  - {id: b, name: B, due: every 2 years}\n");
    CHECK(evaluate_task(r.plan.tasks.at(0), 2026, 2024).first_year == 2024);
  }
}

TEST_CASE("parse_tasks (recurring)") {
  const auto errors = [](const std::string& task) { return load("tasks:\n  - " + task + "\n").messages; };
  SUBCASE("a label of another cadence") {
    CHECK(errors("{id: \"1\", name: A, due: yearly, done: [2025-Q3]}") ==
          "p.yaml:5:44: error: \"done\" of task 1 is \"2025-Q3\", which is not a period of \"yearly\"; expected a "
          "period such as 2025 or a date in it\n");
    CHECK(errors("{id: \"1\", name: A, due: hằng quý, done: 2025}") ==
          "p.yaml:5:45: error: \"done\" of task 1 is \"2025\", which is not a period of \"hằng quý\"; expected a "
          "period such as 2025-Q1 or a date in it\n");
    CHECK(errors("{id: \"1\", name: A, due: quarterly, done: 2025-H2}") ==
          "p.yaml:5:46: error: \"done\" of task 1 is \"2025-H2\", which is not a period of \"quarterly\"; expected a "
          "period such as 2025-Q3 or a date in it\n");
  }
  SUBCASE("a date in periods of two cadences") {
    CHECK(errors("{id: \"1\", name: A, due: [half-yearly, yearly], done: 2025-06-30}") ==
          "p.yaml:5:58: error: \"done\" of task 1 is \"2025-06-30\", a date in periods of more than one of the task's "
          "recurrences; write the period instead, such as 2025-H1, 2025\n");
  }
  SUBCASE("not a period") {
    CHECK(errors("{id: \"1\", name: A, due: yearly, done: 2025-Q5}") ==
          "p.yaml:5:43: error: \"done\" of task 1 is \"2025-Q5\"; expected a period (2025, 2025-H1, 2025-Q3, 2025-06) "
          "or a date (2025-06-30)\n");
  }
  SUBCASE("lists of recurrences") {
    CHECK(errors("{id: \"1\", name: A, due: [yearly, 2 năm 1 lần]}") ==
          "p.yaml:5:38: error: \"due\" of task 1 lists \"yearly\" and \"2 năm 1 lần\", whose periods \"done\" could "
          "not tell apart; a task recurs at most quarterly, half-yearly and once in years (yearly, every N years or "
          "yearly in a month)\n");
    CHECK(errors("{id: \"1\", name: A, due: [quarterly, 2025]}").find(
              "p.yaml:5:41: error: \"due\" of task 1 lists \"2025\"; a list of \"due\" holds recurrences: quarterly") == 0);
  }
  SUBCASE("the mapping form and from") {
    CHECK(errors("{id: \"1\", name: A, due: {yearly: {month: 0}}}") ==
          "p.yaml:5:46: error: \"month\" of \"yearly\" of \"due\" of task 1 is \"0\"; expected a month from 1 to 12\n");
    CHECK(errors("{id: \"1\", name: A, due: {monthly: {day: 1}}}") ==
          "p.yaml:5:30: error: unknown key \"monthly\" in \"due\" of task 1; accepted keys: yearly\n"
          "p.yaml:5:29: error: \"due\" of task 1 has no \"yearly\" (required)\n");
    CHECK(errors("{id: \"1\", name: A, due: 2025-10, from: 2024}") ==
          "p.yaml:5:44: error: \"from\" of task 1 applies to a recurring \"due\" only; this task is due 2025-10\n");
  }
}
