#pragma once
// The words --status, --fail-on and --stage (and init --type) accept: the English names of
// cli.md ("off-track", "preschool") and the words plancheck's own tables
// print for them, in English and in Vietnamese ("off track", "chậm tiến độ";
// "Lower secondary", "Trung học cơ sở"), so an official can type what the
// report shows. Compared whatever the case, NFC or NFD, with '-', '_' and
// runs of spaces alike; a word typed without any diacritics ("cham tien do")
// is compared without them.
#include <optional>
#include <string>
#include <string_view>

#include "core/evaluation/evaluate.hpp"

namespace plancheck::cli {

std::optional<Status> status_from_word(std::string_view word);
// The stage's name in kStageNames ("lower-secondary").
std::optional<std::string_view> stage_from_word(std::string_view word);

// The kind of unit (plan-format.md `unit.type`) a word names: "commune",
// "xã", "Xa" → "commune"; "thành phố" → "city".
std::optional<std::string_view> unit_type_from_word(std::string_view word);

// The English names, for messages: "met, on-track, …"; "preschool, …";
// "commune, ward, district, city".
std::string status_names_list();
std::string stage_names_list();
std::string unit_type_names_list();

}  // namespace plancheck::cli
