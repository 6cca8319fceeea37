#include "render/validate_report.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/util/temp_file.hpp"
#include "render/formats.hpp"
#include "render/json_writer.hpp"
#include "render/report_json.hpp"
#include "render/xml_escape.hpp"

namespace plancheck {
namespace {

const char* severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

// "Sheet!C7" of a spreadsheet cell ("" elsewhere): the place after the file
// name, as stderr writes it.
std::string cell_of(const Location& where) {
  return where.sheet().empty() ? std::string() : where.str().substr(where.file().size() + 1);
}

void write_diagnostic(JsonWriter& w, const Diagnostic* d, std::string_view input_error = {}) {
  const auto number_or_null = [&](int n) { n > 0 ? w.value(n) : w.null(); };
  w.begin_object();
  w.key("file");
  d ? w.value(d->where.file()) : w.null();
  w.key("sheet");
  d && !d->where.sheet().empty() ? w.value(d->where.sheet()) : w.null();
  w.key("line");
  number_or_null(d ? d->where.line : 0);
  w.key("column");
  number_or_null(d ? d->where.column : 0);
  w.key("severity").value(d ? severity_name(d->severity) : "error");
  // Machine formats are English, whatever --lang says for stderr.
  w.key("message").value(d ? d->message.str(Lang::En) : std::string(input_error));
  w.end_object();
}

// Lines as stderr shows them, joined for an XML text node.
std::string lines_of(const std::vector<const Diagnostic*>& ds) {
  std::string text;
  for (const Diagnostic* d : ds) {
    if (!text.empty()) text += '\n';
    text += format_diagnostic(*d);
  }
  return text;
}

struct JunitTotals {
  std::size_t tests = 0, failures = 0;
};

std::string junit_case(std::string_view classname, std::string_view name, const std::vector<const Diagnostic*>& failing,
                       const std::string& failure_text, const std::vector<const Diagnostic*>& warnings,
                       JunitTotals& totals) {
  ++totals.tests;
  std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{}\"", xml_escape(classname), xml_escape(name));
  if (classname != "input") out += fmt::format(" file=\"{}\"", xml_escape(name));
  out += " time=\"0\"";
  if (failure_text.empty() && warnings.empty()) return out + "/>\n";
  out += ">\n";
  if (!failure_text.empty()) {
    ++totals.failures;
    const bool errors = failing.empty() || failing.front()->severity == Severity::Error;
    const std::string message = failing.empty() ? failure_text : failing.front()->message.str(Lang::En);
    out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", errors ? "error" : "warning",
                       xml_escape(message), xml_escape(failure_text));
  }
  if (!warnings.empty()) out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(lines_of(warnings)));
  return out + "    </testcase>\n";
}

std::string junit_file_case(const FileDiagnostics& f, bool strict, JunitTotals& totals) {
  std::vector<const Diagnostic*> errors, warnings;
  for (const Diagnostic& d : f.items) (d.severity == Severity::Error ? errors : warnings).push_back(&d);
  // With --strict a file with only warnings fails: they are the failure's
  // text, not repeated in <system-out>.
  const bool warnings_fail = errors.empty() && strict;
  const std::vector<const Diagnostic*> none;
  const std::vector<const Diagnostic*>& failing = warnings_fail ? warnings : errors;
  const std::string_view classname = !f.role ? "input" : *f.role == FileRole::Plan ? "plan" : "data";
  return junit_case(classname, f.file, failing, lines_of(failing), warnings_fail ? none : warnings, totals);
}

std::string github_annotation(const Diagnostic& d) {
  std::string properties = "file=" + github_escape_property(d.where.file());
  std::string message = d.message.str(Lang::En);
  if (!d.where.sheet().empty())  // a cell has no line GitHub could show: the message says where
    message = cell_of(d.where) + ": " + message;
  else if (d.where.line > 0) {
    properties += fmt::format(",line={}", d.where.line);
    if (d.where.column > 0) properties += fmt::format(",col={}", d.where.column);
  }
  return fmt::format("::{} {}::{}\n", severity_name(d.severity), properties, github_escape_data(message));
}

}  // namespace

void write_validate_json(std::ostream& out, WalkDiagnostics& diags, const ValidateFacts& facts) {
  const auto count = [](std::size_t n) { return static_cast<double>(n); };
  JsonWriter head(1);
  head.key("files").value(count(diags.files()));
  head.key("plans").value(count(diags.plan_files()));
  head.key("data_files").value(count(diags.files() - diags.plan_files()));
  head.key("errors").value(count(diags.error_count() + facts.input_errors.size()));
  head.key("warnings").value(count(diags.warning_count()));
  out << fmt::format("{{\n  \"plancheck\": {},", kJsonVersion) << head.fragment() << ",\n  \"diagnostics\": [";
  bool first = true;
  const auto item = [&](const Diagnostic* d, std::string_view input_error) {
    JsonWriter w(2);
    write_diagnostic(w, d, input_error);
    out << (first ? "" : ",") << w.fragment();
    first = false;
  };
  diags.each([&](const Diagnostic& d) { item(&d, {}); });
  for (const std::string& e : facts.input_errors) item(nullptr, e);
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

void write_validate_junit(std::ostream& out, WalkDiagnostics& diags, const ValidateFacts& facts) {
  // The totals open the document: the test cases wait in a temporary file.
  TempFile body;
  JunitTotals totals;
  diags.each_file([&](const FileDiagnostics& f) { body.write(junit_file_case(f, facts.strict, totals)); });
  for (const std::string& e : facts.input_errors) body.write(junit_case("input", e, {}, e, {}, totals));
  const std::string counts = fmt::format("tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\"",
                                         totals.tests, totals.failures);
  out << fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plancheck validate\" {}>\n"
                     "  <testsuite name=\"plancheck validate\" {}>\n",
                     counts, counts);
  body.each_piece([&](std::string_view piece) { out << piece; });
  out << "  </testsuite>\n</testsuites>\n";
}

void write_validate_github(std::ostream& out, WalkDiagnostics& diags, const ValidateFacts& facts) {
  std::size_t errors = 0, warnings = 0;
  diags.each([&](const Diagnostic& d) {
    std::size_t& n = d.severity == Severity::Error ? errors : warnings;
    if (n++ < kGithubShownPerKind) out << github_annotation(d);
  });
  for (const std::string& e : facts.input_errors)
    if (errors++ < kGithubShownPerKind) out << "::error::" << github_escape_data(e) << '\n';
  const auto hidden = [](std::size_t n) { return n - std::min(n, kGithubShownPerKind); };
  out << github_notice(hidden(errors), hidden(warnings), "Run plancheck validate without --format for the full list.");
}

}  // namespace plancheck
