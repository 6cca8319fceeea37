#pragma once
// Parts of the plan loader in their own files (internal to plancheck_core).
#include "core/reading/yaml_tree.hpp"

#include "core/model/model.hpp"
#include "core/reading/yaml_walk.hpp"

namespace plancheck {

// The descriptive fields of an indicator (name_en, group, stage, kind, unit,
// better, tolerance, weight, note, valid_for, basis, labels, stages), each
// set only when `f` has it: plan indicators and catalogue entries alike.
void parse_description(YamlContext& ctx, const Fields& f, Indicator& ind, const Message& what);

// `budget:` (plan-format.md "Budget").
Budget parse_budget(YamlContext& ctx, const YNode& node);

// `tasks:` (plan-format.md "Tasks").
std::vector<Task> parse_tasks(YamlContext& ctx, const YNode& node);

// The source document's lines an indicator, task or budget entry stands
// for, and its `x-not-checkable` reason (docs/source-coverage.md).
SourceLines parse_source_lines(YamlContext& ctx, const Fields& f, const Message& what);

// `x-not-checkable` of `plan:`: the passages of the source document the
// plan leaves out on purpose, each {line, reason}.
std::vector<LeftOut> parse_left_out(YamlContext& ctx, const Fields& f, const Message& what);

// Formula references: unknown ids, non-numeric inputs and cycles are errors
// naming the derived indicator and its line.
void check_formulas(const Plan& plan, Diagnostics& diags);

}  // namespace plancheck
