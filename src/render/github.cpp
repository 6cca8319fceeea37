// GitHub Actions workflow commands: annotations on the target's line.
#include <algorithm>
#include <fmt/format.h>

#include "render/describe.hpp"
#include "render/formats.hpp"

namespace plancheck {
namespace {

std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

bool in(const std::vector<Status>& set, Status s) { return std::find(set.begin(), set.end(), s) != set.end(); }

}  // namespace

std::string github_annotation(const Report& report, const MilestoneRef& ref, std::string_view kind) {
  const Indicator& ind = *ref.indicator->indicator;
  const Milestone& m = *ref.milestone->milestone;
  // A machine format: English whatever --lang says.
  const std::string title = fmt::format("{}: {} ({}, {})", status_words(ref.milestone->status, Lang::En), ind.name,
                                        ref.unit->plan->unit.id, m.year_label);
  const std::string message = fmt::format("{} {} target \"{}\"{}: {}", ind.id, m.year_label, m.target.text,
                                          norm_words(ind, Lang::En), describe_gap(report, ref, Lang::En));
  return fmt::format("::{} file={},line={},title={}::{}\n", kind, github_escape_property(ref.unit->plan->file),
                     m.where.line, github_escape_property(title), github_escape_data(message));
}

std::string github_escape_data(std::string_view s) { return escape(s, false); }
std::string github_escape_property(std::string_view s) { return escape(s, true); }

std::string_view github_kind(const MilestoneResult& m, const std::vector<Status>& failing) {
  if (m.met) return "";
  if (in(failing, m.status)) return "error";
  if (m.status == Status::AtRisk || m.status == Status::OffTrack || m.status == Status::Missed) return "warning";
  return "";
}

std::string github_notice(std::size_t hidden_errors, std::size_t hidden_warnings, std::string_view full_list) {
  if (hidden_errors + hidden_warnings == 0) return "";
  return fmt::format("::notice title={}::{}\n", github_escape_property("plancheck: more findings"),
                     github_escape_data(fmt::format(
                         "{} more error(s) and {} more warning(s) not shown: GitHub shows {} of each kind per step. {}",
                         hidden_errors, hidden_warnings, kGithubShownPerKind, full_list)));
}

std::string render_github(const Report& report, const std::vector<Status>& failing) {
  std::vector<MilestoneRef> errors, warnings;
  for (const MilestoneRef& ref : gaps_worst_first(report)) {
    const std::string_view kind = github_kind(*ref.milestone, failing);
    if (kind == "error") errors.push_back(ref);
    if (kind == "warning") warnings.push_back(ref);
  }
  std::string out;
  for (std::size_t i = 0; i < errors.size() && i < kGithubShownPerKind; ++i) out += github_annotation(report, errors[i], "error");
  for (std::size_t i = 0; i < warnings.size() && i < kGithubShownPerKind; ++i)
    out += github_annotation(report, warnings[i], "warning");
  const auto hidden = [](std::size_t n) { return n - std::min(n, kGithubShownPerKind); };
  return out + github_notice(hidden(errors.size()), hidden(warnings.size()));
}

}  // namespace plancheck
