#pragma once
// Nothing selected is an error (semantics.md 1.1 §8): a run with no plan, or
// an input filter (--unit, --indicator, --stage, --group) that matches no
// indicator of the input, checked nothing, and must not pass for a check
// that did. `--status` is not an input filter: an empty result there is an
// answer.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/evaluation/report.hpp"
#include "core/util/message.hpp"

namespace plancheck {

// The first few names of a kind, in sorted order, for "what exists" in a
// message; holds at most `limit` of them however many are added.
class NameSample {
 public:
  explicit NameSample(std::size_t limit) : limit_(limit) {}
  void add(const std::string& name);
  // "a, b, c, …" (the ellipsis when more were added); "none" when empty.
  Message text() const;

 private:
  std::size_t limit_;
  std::set<std::string> names_;
  bool more_ = false;
};

// What the input filters match, fed one plan at a time (summary streams its
// plans and keeps nothing per unit, so neither does this).
class SelectionCheck {
 public:
  explicit SelectionCheck(Selection sel);
  void add(const Plan& plan);
  // One message per filter that matches nothing, else one for filters that
  // each match but not together; "no plan" when no plan was added. `paths`
  // name the input in that message. Empty: something is selected.
  std::vector<Message> errors(const std::vector<std::string>& paths) const;

 private:
  std::vector<Message> unmatched_filters() const;
  std::vector<std::string> filters_given() const;

  Selection sel_;
  std::size_t plans_ = 0;
  std::vector<bool> unit_found_;  // per --unit value
  bool stage_found_ = false, group_found_ = false, glob_found_ = false, together_found_ = false;
  NameSample units_{8}, indicators_{8}, stages_{kStageNames.size()}, groups_{12};
};

// The error for an input that holds no plan.
Message no_plan_in(const std::vector<std::string>& paths);

}  // namespace plancheck
