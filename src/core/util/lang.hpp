#pragma once
// The language of human-facing text (--lang vi|en). English text is the key:
// call sites read as English and tr() looks up the Vietnamese wording, so a
// phrase and its translation sit in one table (lang.cpp). Machine formats
// (JSON, CSV, JUnit, GitHub) never go through tr().
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

enum class Lang { En, Vi };

std::optional<Lang> parse_lang(std::string_view s);  // "vi", "en"
std::string_view lang_code(Lang lang);               // "vi", "en"

// The default language from the environment: LC_ALL when set and not empty,
// else LANG; a value starting with "vi" means Vietnamese, anything else
// English. Arguments may be null.
Lang lang_from_env(const char* lc_all, const char* lang);

// The wording of an English phrase in `lang`; the English itself when the
// table has no translation (unit tests check every phrase used has one).
std::string_view tr(Lang lang, std::string_view english);

// tr() of a format string, then formatted: trf(lang, "{} more {}", n, what).
template <typename... Args>
std::string trf(Lang lang, std::string_view english, Args&&... args) {
  return fmt::format(fmt::runtime(tr(lang, english)), std::forward<Args>(args)...);
}

// trf() with arguments known only at run time (a reason's years).
std::string trf_list(Lang lang, std::string_view english, const std::vector<std::string>& args);

// The English phrases the Vietnamese table covers, for the tests.
std::vector<std::string_view> translated_phrases();

}  // namespace plancheck
