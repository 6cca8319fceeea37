#include "cli/option_words.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <utility>
#include <vector>

#include "core/model/model.hpp"
#include "core/util/normalize.hpp"
#include "render/describe.hpp"

namespace plancheck::cli {
namespace {

// '-', '_' and runs of white space as one space, none at the ends:
// "on-track", "on track" and "on  track" are one word.
std::string squeezed(std::string_view folded) {
  std::string out;
  for (char c : folded) {
    const bool space = c == ' ' || c == '-' || c == '_' || c == '\t';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// True when `word` names `candidate`: equal with diacritics, or, when the
// word has none, equal once the candidate's are taken off too. A word with
// some marks must have them right ("chạm" is another word than "chậm").
bool names(std::string_view word, std::string_view candidate) {
  const std::string key = squeezed(canonical_fold(word));
  const std::string bare = squeezed(fold_diacritics(word));
  if (key == bare) return bare == squeezed(fold_diacritics(candidate));
  return key == squeezed(canonical_fold(candidate));
}

std::vector<std::string> status_words_all(Status s) {
  return {std::string(status_name(s)), std::string(status_words(s, Lang::En)), std::string(status_words(s, Lang::Vi))};
}

std::vector<std::string> stage_words_all(std::string_view stage) {
  return {std::string(stage), stage_title(stage, Lang::En), stage_title(stage, Lang::Vi)};
}

// The kinds of unit of plan-format.md with the Vietnamese word the loader
// also reads (core/reading/loader.cpp).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kUnitTypes{
    {{"commune", "xã"}, {"ward", "phường"}, {"district", "huyện"}, {"city", "thành phố"}}};

}  // namespace

std::optional<std::string_view> unit_type_from_word(std::string_view word) {
  for (const auto& [type, vietnamese] : kUnitTypes)
    if (names(word, type) || names(word, vietnamese)) return type;
  return std::nullopt;
}

std::string unit_type_names_list() {
  std::vector<std::string_view> out;
  for (const auto& t : kUnitTypes) out.push_back(t.first);
  return fmt::format("{}", fmt::join(out, ", "));
}

std::optional<Status> status_from_word(std::string_view word) {
  for (Status s : kAllStatuses)
    for (const std::string& w : status_words_all(s))
      if (names(word, w)) return s;
  return std::nullopt;
}

std::optional<std::string_view> stage_from_word(std::string_view word) {
  for (std::string_view stage : kStageNames)
    for (const std::string& w : stage_words_all(stage))
      if (names(word, w)) return stage;
  return std::nullopt;
}

std::string status_names_list() {
  std::vector<std::string_view> out;
  for (Status s : kAllStatuses) out.push_back(status_name(s));
  return fmt::format("{}", fmt::join(out, ", "));
}

std::string stage_names_list() { return fmt::format("{}", fmt::join(kStageNames, ", ")); }

}  // namespace plancheck::cli
