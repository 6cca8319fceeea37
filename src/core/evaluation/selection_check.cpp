#include "core/evaluation/selection_check.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace plancheck {
namespace {

// A filter's value as it would be typed: quoted when it holds a space.
std::string shell_word(const std::string& s) {
  return s.empty() || s.find(' ') != std::string::npos ? fmt::format("\"{}\"", s) : s;
}

}  // namespace

void NameSample::add(const std::string& name) {
  if (names_.count(name)) return;
  names_.insert(name);
  if (names_.size() <= limit_) return;
  names_.erase(std::prev(names_.end()));  // keep the first in sorted order
  more_ = true;
}

Message NameSample::text() const {
  if (names_.empty()) return msg("none");
  return Message::verbatim(fmt::format("{}{}", fmt::join(names_, ", "), more_ ? ", …" : ""));
}

SelectionCheck::SelectionCheck(Selection sel) : sel_(std::move(sel)), unit_found_(sel_.units.size(), false) {}

void SelectionCheck::add(const Plan& plan) {
  ++plans_;
  units_.add(plan.unit.id);
  for (std::size_t i = 0; i < sel_.units.size(); ++i) unit_found_[i] = unit_found_[i] || sel_.units[i] == plan.unit.id;
  const bool unit_in = unit_selected(plan.unit, sel_);
  for (const Indicator& ind : plan.indicators) {
    indicators_.add(ind.id);
    if (!ind.stage.empty()) stages_.add(ind.stage);
    if (!ind.group.empty()) groups_.add(ind.group);
    stage_found_ = stage_found_ || ind.stage == sel_.stage;
    group_found_ = group_found_ || ind.group == sel_.group;
    glob_found_ = glob_found_ || (!sel_.indicator_glob.empty() && glob_match(sel_.indicator_glob, ind.id));
    together_found_ = together_found_ || (unit_in && indicator_selected(ind, sel_));
  }
}

std::vector<Message> SelectionCheck::unmatched_filters() const {
  std::vector<Message> out;
  for (std::size_t i = 0; i < sel_.units.size(); ++i)
    if (!unit_found_[i]) out.push_back(msg("--unit {} matches no unit; units: {}", shell_word(sel_.units[i]), units_.text()));
  if (!sel_.indicator_glob.empty() && !glob_found_)
    out.push_back(msg("--indicator {} matches no indicator; indicators: {}", shell_word(sel_.indicator_glob),
                      indicators_.text()));
  if (!sel_.stage.empty() && !stage_found_)
    out.push_back(msg("--stage {} matches no indicator; stages: {}", sel_.stage, stages_.text()));
  if (!sel_.group.empty() && !group_found_)
    out.push_back(msg("--group {} matches no indicator (a group is matched by its whole name); groups: {}",
                      shell_word(sel_.group), groups_.text()));
  return out;
}

// The input filters given, as typed: {"--unit ha-bac", "--stage preschool"}.
std::vector<std::string> SelectionCheck::filters_given() const {
  std::vector<std::string> given;
  for (const std::string& u : sel_.units) given.push_back("--unit " + shell_word(u));
  if (!sel_.indicator_glob.empty()) given.push_back("--indicator " + shell_word(sel_.indicator_glob));
  if (!sel_.stage.empty()) given.push_back("--stage " + sel_.stage);
  if (!sel_.group.empty()) given.push_back("--group " + shell_word(sel_.group));
  return given;
}

std::vector<Message> SelectionCheck::errors(const std::vector<std::string>& paths) const {
  if (plans_ == 0) return {no_plan_in(paths)};
  std::vector<Message> out = unmatched_filters();
  const std::vector<std::string> given = filters_given();
  if (!out.empty() || given.empty() || together_found_) return out;
  // Each filter matches on its own (a unit it names may have no indicator).
  if (given.size() == 1) return {msg("{} matches no indicator", given.front())};
  return {msg("{} together match no indicator; each matches on its own", fmt::format("{}", fmt::join(given, " ")))};
}

Message no_plan_in(const std::vector<std::string>& paths) {
  std::vector<std::string> names;
  for (const std::string& p : paths) names.push_back(p == "-" ? "<stdin>" : p);
  return msg("no plan in {}; a plan is a YAML file with \"unit:\" and \"indicators:\"",
             fmt::format("{}", fmt::join(names, ", ")));
}

}  // namespace plancheck
