#include "fuzz_targets.hpp"

#include <optional>
#include <string>

#include "core/model/derived.hpp"
#include "core/evaluation/evaluate.hpp"
#include "core/model/formula.hpp"
#include "core/evaluation/lint.hpp"
#include "core/reading/loader.hpp"
#include "core/model/model.hpp"
#include "core/util/number.hpp"
#include "core/reading/spreadsheet.hpp"
#include "core/rollup/summary.hpp"
#include "core/model/target.hpp"
#include "render/formats.hpp"
#include "render/html_report.hpp"
#include "render/report_json.hpp"
#include "render/terminal.hpp"

namespace plancheck::fuzz {
namespace {
std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The plan of a fuzzed file, loaded, its values attached and derived, and
// linted; nothing when the bytes are not a valid plan.
std::optional<Plan> valid_plan(const std::uint8_t* data, std::size_t size) {
  Diagnostics diags;
  LoadedDocument doc = load_yaml_document(text(data, size), "fuzz.yaml", diags);
  if (!doc.plan) return std::nullopt;
  attach_values(*doc.plan, doc.inline_values, diags);
  if (diags.has_errors()) return std::nullopt;
  derive_values(*doc.plan, diags);
  lint_plan(*doc.plan, diags);
  if (diags.has_errors()) return std::nullopt;
  return std::move(*doc.plan);
}
}  // namespace

void plan_loader(const std::uint8_t* data, std::size_t size) {
  const auto plan = valid_plan(data, size);
  if (!plan) return;
  for (Method m : {Method::Linear, Method::Cagr}) (void)evaluate_plan(*plan, default_as_of({*plan}), {std::nullopt, m, {}, {}});
}

void target(const std::uint8_t* data, std::size_t size) {
  const std::string_view t = text(data, size);
  for (Better b : {Better::Higher, Better::Lower})
    for (bool percent : {true, false}) {
      const auto r = parse_numeric_target(t, TargetContext{b, percent, std::nullopt});
      if (r.target) (void)satisfies(*r.target, 50.0);
    }
  (void)parse_target_year(t);
  (void)parse_number(t, NumberStyle{true});
  (void)parse_integer(t);
  (void)parse_date(t);
}

void csv(const std::uint8_t* data, std::size_t size) {
  Diagnostics diags;
  (void)load_csv_data(text(data, size), "fuzz.csv", diags);
}

void spreadsheet(const std::uint8_t* data, std::size_t size) {
  for (SpreadsheetType type : {SpreadsheetType::Xlsx, SpreadsheetType::Ods}) {
    Diagnostics diags;
    (void)load_spreadsheet(type, text(data, size), "", "fuzz.xlsx", diags);
  }
}

void formula(const std::uint8_t* data, std::size_t size) {
  const auto parsed = parse_formula(text(data, size));
  if (!parsed.formula) return;
  bool divided_by_zero = false;
  (void)parsed.formula->evaluate(
      [](const std::string& id) -> std::optional<double> {
        if (id.size() % 3 == 0) return std::nullopt;  // some inputs missing
        return static_cast<double>(id.size() % 5);    // zero divisors too
      },
      divided_by_zero);
}

void report(const std::uint8_t* data, std::size_t size) {
  const auto loaded = valid_plan(data, size);
  if (!loaded) return;
  const Plan& plan = *loaded;
  for (Method m : {Method::Linear, Method::Cagr}) {
    const EvaluationOptions eval{std::nullopt, m, {}, {}};
    Report r;
    r.as_of = default_as_of({plan});
    r.method = m;
    r.project_to = 2030;
    r.units.push_back(evaluate_plan(plan, r.as_of, eval));
    const std::vector<Status> failing{Status::Missed, Status::OffTrack};
    (void)render_json(r);
    (void)render_csv(r);
    (void)render_junit(r, failing);
    (void)render_github(r, failing);
    for (Lang lang : {Lang::En, Lang::Vi}) {
      const TerminalStyle style{true, 100, lang};
      (void)render_evaluate_table(r, style);
      (void)render_gaps_text(r, style);
      (void)render_project_table(r, style);
      (void)render_markdown(r, lang);
      (void)render_html(r, summarize(r, eval), lang);
    }
  }
}

Entry entry(std::string_view name) {
  if (name == "plan_loader") return plan_loader;
  if (name == "target") return target;
  if (name == "csv") return csv;
  if (name == "formula") return formula;
  if (name == "report") return report;
  if (name == "spreadsheet") return spreadsheet;
  return nullptr;
}

}  // namespace plancheck::fuzz
