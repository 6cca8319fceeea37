// JUnit XML for GitLab, Jenkins and other CI test reports.
#include <algorithm>
#include <fmt/format.h>

#include "render/describe.hpp"
#include "render/formats.hpp"
#include "render/xml_escape.hpp"

namespace plancheck {
namespace {

bool in(const std::vector<Status>& set, Status s) { return std::find(set.begin(), set.end(), s) != set.end(); }

struct Counts {
  int tests = 0, failures = 0, skipped = 0;
};

std::string testcase(const Report& report, const MilestoneRef& ref, const std::vector<Status>& failing, Counts& n) {
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
                          xml_escape(u.plan->unit.id), n.tests, n.failures, n.skipped, xml_escape(u.plan->file), cases);
    total.tests += n.tests;
    total.failures += n.failures;
    total.skipped += n.skipped;
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"plancheck\" tests=\"{}\" "
                     "failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n{}</testsuites>\n",
                     total.tests, total.failures, total.skipped, suites);
}

}  // namespace plancheck
