// plancheck gaps PATH...: only what is not met, worst first.
#include "cli/results.hpp"

namespace plancheck::cli {

void add_gaps_command(CLI::App& app, Action& action) {
  add_result_command(app, action, "gaps", "Only milestones not met, worst first, with the gap and the pace needed",
                     {TableLayout::Gaps, keep_gaps_only});
}

}  // namespace plancheck::cli
