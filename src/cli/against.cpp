#include "cli/against.hpp"

#include "core/evaluation/alignment.hpp"
#include "core/reading/batch.hpp"

namespace plancheck::cli {

std::optional<std::vector<Plan>> load_plans(const std::vector<std::string>& paths, Diagnostics& diags) {
  std::vector<Plan> plans;
  for (const std::string& path : paths) {
    LoadedFile f = load_file(path, std::nullopt);
    diags.append(f.diags);
    if (f.diags.has_errors()) continue;
    if (!f.doc.plan) {
      diags.error({path}, msg("is a data file, not a plan: --against takes the plans above this one"));
      continue;
    }
    // A plan's inline values are not needed to compare targets.
    plans.push_back(std::move(*f.doc.plan));
  }
  if (diags.has_errors()) return std::nullopt;
  return plans;
}

void check_alignment(const Plan& plan, const std::vector<Plan>& higher, Diagnostics& found) {
  for (const Plan& h : higher) alignment_warnings(align_plans(plan, h), found);
}

}  // namespace plancheck::cli
