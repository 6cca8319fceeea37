// JUnit XML for GitLab, Jenkins and other CI test reports.
#include <algorithm>
#include <fmt/format.h>

#include "render/describe.hpp"
#include "render/formats.hpp"
#include "render/xml_escape.hpp"

namespace plancheck {
namespace {

bool in(const std::vector<Status>& set, Status s) { return std::find(set.begin(), set.end(), s) != set.end(); }

std::string testcase(const Report& report, const MilestoneRef& ref, const std::vector<Status>& failing, JunitCounts& n) {
  const MilestoneResult& m = *ref.milestone;
  const Indicator& ind = *ref.indicator->indicator;
  ++n.tests;
  std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{} {}\" file=\"{}\" line=\"{}\" time=\"0\"",
                                xml_escape(ref.unit->plan->unit.id), xml_escape(ind.id), xml_escape(m.milestone->year_label),
                                xml_escape(ref.unit->plan->file), m.milestone->where.line);
  if (in(failing, m.status)) {
    ++n.failures;
    // A machine format: English whatever --lang says.
    const std::string message = fmt::format("{}: {} {} target \"{}\"{}: {}", status_name(m.status), ind.id,
                                            m.milestone->year_label, m.milestone->target.text,
                                            norm_words(ind, Lang::En), describe_gap(report, ref, Lang::En));
    return out + fmt::format(">\n      <failure type=\"{}\" message=\"{}\">{}&#10;{}</failure>\n    </testcase>\n",
                             status_name(m.status), xml_escape(message), xml_escape(ind.name), xml_escape(message));
  }
  if (m.status == Status::Unknown) {
    ++n.skipped;
    return out + fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", xml_escape(m.reason));
  }
  return out + "/>\n";
}

}  // namespace

std::string junit_suite(const Report& report, const UnitResult& u, const std::vector<Status>& failing, JunitCounts& total) {
  JunitCounts n;
  std::string cases;
  for (const MilestoneRef& ref : unit_milestones(u)) cases += testcase(report, ref, failing, n);
  total.tests += n.tests;
  total.failures += n.failures;
  total.skipped += n.skipped;
  return fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\" "
                     "file=\"{}\">\n{}  </testsuite>\n",
                     xml_escape(u.plan->unit.id), n.tests, n.failures, n.skipped, xml_escape(u.plan->file), cases);
}

std::string junit_head(const JunitCounts& total) {
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plancheck\" tests=\"{}\" "
                     "failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
                     total.tests, total.failures, total.skipped);
}

std::string junit_tail() { return "</testsuites>\n"; }

std::string render_junit(const Report& report, const std::vector<Status>& failing) {
  std::string suites;
  JunitCounts total;
  for (const UnitResult& u : report.units) suites += junit_suite(report, u, failing, total);
  return junit_head(total) + suites + junit_tail();
}

}  // namespace plancheck
