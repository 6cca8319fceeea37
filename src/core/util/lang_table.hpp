#pragma once
// The phrase table's parts (internal to core/util/lang*.cpp): the phrases of
// the reports (lang.cpp) and of the messages, diagnostics and --help
// (lang_messages.cpp). tr() looks in both.
#include <span>
#include <string_view>
#include <utility>

namespace plancheck {

using PhrasePair = std::pair<std::string_view, std::string_view>;  // English, Vietnamese

std::span<const PhrasePair> report_phrases();
std::span<const PhrasePair> message_phrases();

}  // namespace plancheck
