#pragma once
// Writers for `summary`: each unit's row is written as it arrives, then the
// roll-ups and the ranking.
#include <iosfwd>
#include <memory>
#include <string>

#include "core/rollup/summary.hpp"
#include "render/json_writer.hpp"
#include "render/terminal.hpp"

namespace plancheck {

// format: "table", "json" or "markdown"; `since`: --since YEAR.
std::unique_ptr<SummarySink> make_summary_sink(const std::string& format, std::ostream& out, const TerminalStyle& style,
                                               JsonStyle json_style = JsonStyle::Pretty,
                                               std::optional<int> since = std::nullopt);

}  // namespace plancheck
