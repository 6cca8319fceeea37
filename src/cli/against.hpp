#pragma once
// The plans named by --against (validate, align): the plans above the one
// checked, whose targets it should carry at least as ambitiously.
#include <optional>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "core/model/model.hpp"
#include "core/util/diagnostic.hpp"

namespace plancheck::cli {

// Each path loaded as a plan; errors (and a data file where a plan was
// expected) go to `diags`, and then nothing is returned.
std::optional<std::vector<Plan>> load_plans(const std::vector<std::string>& paths, Diagnostics& diags);

// The alignment warnings of `plan` against each higher plan.
void check_alignment(const Plan& plan, const std::vector<Plan>& higher, Diagnostics& found);

}  // namespace plancheck::cli
