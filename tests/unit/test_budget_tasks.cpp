#include <doctest/doctest.h>

#include "core/budget_tasks.hpp"
#include "core/lint.hpp"
#include "core/loader.hpp"
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
  const auto status = [&](std::size_t i, std::optional<int> as_of) { return evaluate_task(r.plan.tasks.at(i), as_of).status; };
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
          "p.yaml:6:29: error: \"due\" of task 1 is \"soon\"; expected a year (2025), a year-month (2025-06) or a date "
          "(2025-06-30)\n"
          "p.yaml:6:5: error: duplicate task id \"1\" (first at line 5)\n");
  }
}

TEST_CASE("parse_date") {
  CHECK(parse_date("2024")->month == 0);
  CHECK(parse_date("2024-10")->month == 10);
  CHECK(parse_date("2024-02-29")->day == 29);
  for (auto bad : {"2024-02-30", "24-10", "2024-1-2-3", "2024-", "x", "2024-00", "1800"}) CHECK_FALSE(parse_date(bad));
}
