// JUnit XML for GitLab, Jenkins and other CI test reports.
#include <algorithm>
#include <fmt/format.h>

#include "render/describe.hpp"
#include "render/formats.hpp"

namespace plancheck {
namespace {

// XML text and attribute escaping; characters XML 1.0 forbids are dropped.
std::string xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

bool in(const std::vector<Status>& set, Status s) { return std::find(set.begin(), set.end(), s) != set.end(); }

struct Counts {
  int tests = 0, failures = 0, skipped = 0;
};

std::string testcase(const Report& report, const MilestoneRef& ref, const std::vector<Status>& failing, Counts& n) {
  const MilestoneResult& m = *ref.milestone;
  const Indicator& ind = *ref.indicator->indicator;
  ++n.tests;
  std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{} {}\" file=\"{}\" line=\"{}\" time=\"0\"",
                                xml(ref.unit->plan->unit.id), xml(ind.id), xml(m.milestone->year_label),
                                xml(ref.unit->plan->file), m.milestone->where.line);
  if (in(failing, m.status)) {
    ++n.failures;
    // A machine format: English whatever --lang says.
    const std::string message = fmt::format("{}: {} {} target \"{}\": {}", status_name(m.status), ind.id,
                                            m.milestone->year_label, m.milestone->target.text,
                                            describe_gap(report, ref, Lang::En));
    return out + fmt::format(">\n      <failure type=\"{}\" message=\"{}\">{}&#10;{}</failure>\n    </testcase>\n",
                             status_name(m.status), xml(message), xml(ind.name), xml(message));
  }
  if (m.status == Status::Unknown) {
    ++n.skipped;
    return out + fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", xml(m.reason));
  }
  return out + "/>\n";
}

}  // namespace

std::string render_junit(const Report& report, const std::vector<Status>& failing) {
  const std::vector<MilestoneRef> refs = all_milestones(report);
  std::string suites;
  Counts total;
  for (const UnitResult& u : report.units) {
    Counts n;
    std::string cases;
    for (const MilestoneRef& ref : refs)
      if (ref.unit == &u) cases += testcase(report, ref, failing, n);
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\" "
                          "file=\"{}\">\n{}  </testsuite>\n",
                          xml(u.plan->unit.id), n.tests, n.failures, n.skipped, xml(u.plan->file), cases);
    total.tests += n.tests;
    total.failures += n.failures;
    total.skipped += n.skipped;
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plancheck\" tests=\"{}\" "
                     "failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n{}</testsuites>\n",
                     total.tests, total.failures, total.skipped, suites);
}

}  // namespace plancheck
