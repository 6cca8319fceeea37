// plancheck.1: one page, a section per command with each option as --help
// shows it (names, CLI11's type and checks, description). The prose around
// it (description, exit status, environment) is the page's own summary of
// docs/cli.md.
#include <fmt/format.h>

#include <cstdint>

#include "core/util/text.hpp"
#include "docgen.hpp"

namespace plancheck::docgen {
namespace {

// Text for roff: backslashes as \e, every '-' as \- (a minus that can be
// copied back to a shell, not a typographic hyphen), and a leading '.' or
// '\'' made harmless. Letters beyond ASCII ("Mầm non") as groff's \[uXXXX],
// so the page reads the same whatever the reader's locale.
std::string roff(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(text, i, cp);
    if (length == 0) cp = U'\uFFFD';  // not UTF-8: never in our own help texts
    if (cp == U'\\') out += "\\e";
    else if (cp == U'-') out += "\\-";
    else if (cp < 0x80) out += static_cast<char>(cp);
    else out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(cp));
    i += length == 0 ? 1 : length;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string bold(std::string_view s) { return "\\fB" + roff(s) + "\\fR"; }
std::string italic(std::string_view s) { return "\\fI" + roff(s) + "\\fR"; }

// "\fB\-h\fR, \fB\-\-help\fR", "\fB\-\-format\fR \fITEXT\fR:{table,json}",
// "\fIpaths\fR \fITEXT\fR ...".
std::string option_tag(const OptionDoc& o) {
  std::string tag;
  for (const std::string& name : o.names) tag += (tag.empty() ? "" : ", ") + (o.positional ? italic(name) : bold(name));
  // Appended piece by piece: GCC 12 misreads "literal" + std::string&& as an
  // overlapping copy at -O2 (bug 105329; docs/building.md).
  if (o.takes_value) {
    tag += ' ';
    tag += italic(o.value_type);
    if (!o.constraint.empty()) {
      tag += ':';
      tag += roff(o.constraint);
    }
  }
  if (o.repeatable) tag += " ...";
  if (o.required) tag += " (required)";
  return tag;
}

std::string option_entry(const OptionDoc& o) {
  std::string out = ".TP\n" + option_tag(o) + "\n" + roff(o.description) + "\n";
  // Words our own tables accept, which CLI11's type does not show.
  if (!o.words.empty() && o.constraint.find('{') == std::string::npos) {
    std::string words;
    for (const std::string& w : o.words) words += (words.empty() ? "" : ", ") + bold(w);
    out += ".br\n" + std::string(o.word_list ? "One or more, separated by commas: " : "One of: ") + words + ".\n";
  }
  return out;
}

// "plancheck evaluate [OPTIONS] paths..."
std::string usage(const CommandDoc& cmd) {
  std::string out = "plancheck " + cmd.name;
  bool options = false;
  for (const OptionDoc& o : cmd.options) options = options || !o.positional;
  if (options) out += " [OPTIONS]";
  for (const OptionDoc& o : cmd.options) {
    if (!o.positional) continue;
    const std::string name = o.names.front() + (o.repeatable ? "..." : "");
    out += " " + (o.required ? name : "[" + name + "]");
  }
  return out;
}

constexpr const char* kDescription = R"(.SH DESCRIPTION
.B plancheck
reads education development plans written as YAML (the targets of a commune,
district or city, year by year) and the figures reported against them (YAML,
CSV or spreadsheets), and says for every indicator and milestone whether the
target is met, on track, at risk, off track or missed, with the gap and the
pace still needed.
It also checks plan files for mistakes, writes data\-entry templates, rolls
many units up into a summary, and compares a plan with the plans above it.
.PP
Each command below has its own options;
.B plancheck
.I command
.B \-\-help
prints them, in Vietnamese with
.BR "\-\-lang vi" .
)";

constexpr const char* kAfterCommands = R"(.SH "EXIT STATUS"
.TP
.B 0
Ran; no milestone shown has a status listed in \fB\-\-fail\-on\fR.
.TP
.B 1
Ran; some milestone shown has a status listed in \fB\-\-fail\-on\fR
(for \fBvalidate \-\-strict\fR: some warning).
.TP
.B 2
Bad usage or bad input (an unknown option, a file that cannot be read, a
format error, no plan), a failure to write the results, or out of memory.
Nothing is printed on standard output and no \fB\-\-output\fR file is written.
.SH ENVIRONMENT
.TP
.BR LC_ALL ", then " LANG
A value starting with \fBvi\fR makes Vietnamese the default \fB\-\-lang\fR.
.TP
.B NO_COLOR
When set and not empty, \fB\-\-color auto\fR gives no colour.
.TP
.B PLANCHECK_JOBS
Default thread count when \fB\-\-jobs\fR is not given.
.TP
.B TMPDIR
Where temporary files go when no \fB\-\-output\fR directory is at hand.
)";

}  // namespace

std::string man_page(const AppDoc& app, const std::string& docdir) {
  std::string out = ".\\\" Generated at build time by plancheck-docgen from plancheck's command line\n"
                    ".\\\" (src/docgen/): do not edit.\n";
  out += fmt::format(".TH PLANCHECK 1 \"\" \"plancheck {}\" \"User Commands\"\n", app.version);
  std::string summary = app.top.description;
  if (summary.starts_with("plancheck: ")) summary.erase(0, 11);
  out += ".SH NAME\nplancheck \\- " + roff(summary) + "\n";
  out += ".SH SYNOPSIS\n.B plancheck\n.I command\n.RI [ options ]\n.RI [ path ...]\n.br\n"
         ".B plancheck \\-\\-version\n.br\n.B plancheck\n.RI [ command ]\n.B \\-\\-help\n";
  out += kDescription;
  out += ".SH OPTIONS\nBefore the command:\n";
  for (const OptionDoc& o : app.top.options) out += option_entry(o);
  out += ".SH COMMANDS\n";
  for (const CommandDoc& cmd : app.commands) out += ".TP\n" + bold(cmd.name) + "\n" + roff(cmd.description) + "\n";
  for (const CommandDoc& cmd : app.commands) {
    out += ".SS \"" + roff(usage(cmd)) + "\"\n" + roff(cmd.description) + "\n";
    for (const OptionDoc& o : cmd.options) out += option_entry(o);
  }
  out += kAfterCommands;
  // Paths are not hyphenated (.nh): they are copied to a shell.
  out += ".SH \"SEE ALSO\"\n.nh\n";
  out += ".TP\n" + italic(docdir + "/docs/cli.md") + "\nThe full reference of the command line.\n";
  out += ".TP\n" + italic(docdir + "/docs/plan-format.md") + "\nThe plan and data file format.\n";
  out += ".TP\n" + italic(docdir + "/plans/") + "\nThe five bundled plans.\n";
  out += ".TP\n" + italic(docdir + "/examples/") + "\nTheir data, and a script for a CI job.\n.hy\n";
  return out;
}

}  // namespace plancheck::docgen
