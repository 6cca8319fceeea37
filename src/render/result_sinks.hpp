#pragma once
// Writers for evaluate, gaps and project: each unit is rendered as it
// streams by (core/stream.hpp) with the pieces of the whole-report
// renderers, so the output is the same text without holding the report.
// What needs the whole input is kept small: totals (JUnit, Markdown: the
// body waits in a temporary file for its head), the worst ten of each kind
// (GitHub), the rows of gaps sorted through temporary files (SpillSort).
// The HTML and XLSX documents are the exception: they keep every unit.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/rollup/stream.hpp"
#include "render/json_writer.hpp"
#include "render/terminal.hpp"

namespace plancheck {

enum class TableLayout { Evaluate, Gaps, Project };

struct ResultSinkOptions {
  std::string format = "table";  // table, json, csv, markdown, junit, github, html, xlsx
  TableLayout table = TableLayout::Evaluate;
  TerminalStyle style;
  JsonStyle json_style = JsonStyle::Pretty;
  std::vector<Status> failing;     // junit, github
  std::optional<int> project_to;   // project --to
  EvaluationOptions eval;          // html, xlsx: their roll-ups
};

std::unique_ptr<UnitSink> make_result_sink(const ResultSinkOptions& opts, std::ostream& out);

}  // namespace plancheck
