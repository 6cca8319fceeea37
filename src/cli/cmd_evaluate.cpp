// plancheck evaluate PATH...: every indicator, every milestone, with status.
#include "cli/results.hpp"

namespace plancheck::cli {

void add_evaluate_command(CLI::App& app, Action& action) {
  add_result_command(app, action, "evaluate", "Every indicator and milestone: attainment, gap, trend, status",
                     {TableLayout::Evaluate, {}});
}

}  // namespace plancheck::cli
