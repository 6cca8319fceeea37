#pragma once
// Plan lint (semantics.md): targets that are inconsistent or already met.
#include "core/util/diagnostic.hpp"
#include "core/model/model.hpp"

namespace plancheck {

// Adds a warning per finding; never an error.
void lint_plan(const Plan& plan, Diagnostics& diags);

}  // namespace plancheck
