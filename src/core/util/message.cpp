#include "core/util/message.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

namespace plancheck {
namespace {

std::string format_phrase(std::string_view format, const std::vector<MessageArg>& args, Lang lang) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  store.reserve(args.size(), 0);
  for (const MessageArg& arg : args)
    std::visit(
        [&](const auto& value) {
          if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Message>)
            store.push_back(value.str(lang));
          else
            store.push_back(value);
        },
        arg);
  return fmt::vformat(format, store);
}

const std::string& text_at(const std::vector<MessageArg>& args, std::size_t i) { return std::get<std::string>(args.at(i)); }

}  // namespace

Message Message::text(Kind kind, std::vector<std::string> texts) {
  auto impl = std::make_shared<Impl>();
  impl->kind = kind;
  for (std::string& t : texts) impl->args.emplace_back(std::in_place_type<std::string>, std::move(t));
  return Message({}, std::move(impl));
}

Message Message::verbatim(std::string text) { return Message::text(Kind::Verbatim, {std::move(text)}); }

Message Message::foreign(std::string text) { return Message::text(Kind::Foreign, {std::move(text)}); }

Message Message::texts(std::string en, std::string vi) { return Message::text(Kind::PerLang, {std::move(en), std::move(vi)}); }

std::string Message::str(Lang lang) const {
  static const std::vector<MessageArg> kNone;
  const std::vector<MessageArg>& args = impl_ ? impl_->args : kNone;
  switch (impl_ ? impl_->kind : Kind::Phrase) {
    case Kind::Verbatim: return text_at(args, 0);
    case Kind::Foreign: return std::string(tr(lang, text_at(args, 0)));
    case Kind::PerLang: return text_at(args, lang == Lang::Vi ? 1 : 0);
    case Kind::Phrase: break;
  }
  if (phrase_.empty()) return {};
  try {
    return format_phrase(tr(lang, phrase_), args, lang);
  } catch (const fmt::format_error&) {
    // A translation with a placeholder too many or a broken spec (the unit
    // tests look for both): the English is better than no message.
  }
  if (lang != Lang::En) return str(Lang::En);
  return std::string(phrase_);  // the English phrase itself is broken: said as written
}

}  // namespace plancheck
