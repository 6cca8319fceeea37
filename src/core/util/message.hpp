#pragma once
// A message for people (a diagnostic, a command-line error) kept as its
// English phrase and its arguments, and worded in a language only when it is
// printed: the same diagnostic is Vietnamese on a terminal with --lang vi and
// English in the JSON, JUnit and GitHub outputs.
//
//   msg("unknown key \"{}\"{} in {}; accepted keys: {}", key, did_you_mean(meant), what, list)
//
// The phrase is the key of the phrase table (core/util/lang.cpp), in fmt
// syntax ({} and specs such as {:.1f}; a literal brace is {{ or }}). It can
// only be a string literal written in the call of msg, which is how the unit test
// "translated_phrases" finds every phrase to check it has a translation.
// Arguments are kept typed:
//   - std::string / std::string_view: text from the user's files or the
//     command line (names, values, paths), never translated;
//   - integers and doubles, formatted by the phrase's placeholder;
//   - a Message: an English fragment ("baseline of {}"), worded in the same
//     language as the message around it.
// A string literal is not an argument: it is either a fragment (a Message of
// its own) or, deliberately, verbatim text (a std::string).
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "core/util/lang.hpp"

namespace plancheck {

// The English phrase of a message: a string literal, checked at compile time.
class Phrase {
 public:
  template <std::size_t N>
  consteval Phrase(const char (&text)[N]) : text_(text, N - 1) {}  // NOLINT: implicit on purpose
  constexpr std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

class Message {
 public:
  Message() = default;  // no message: empty()

  // Text that is not ours to translate, shown as it is.
  static Message verbatim(std::string text);
  // A library's or the system's own message (yaml-cpp's parser errors,
  // strerror, expat): translated when the phrase table knows the text, else
  // shown as the library wrote it.
  static Message foreign(std::string text);
  // Text that our formatting helpers word per language (a value with its
  // unit: "52.1%" / "52,1%", "+3.9 pp/yr" / "+3,9 điểm %/năm"): both
  // wordings are made now, `render(Lang)` is not kept.
  template <typename Render>
  static Message per_lang(Render&& render) {
    return texts(render(Lang::En), render(Lang::Vi));
  }

  // The message in `lang`. Never throws on a broken translation: a phrase
  // that fmt cannot format falls back to the English.
  std::string str(Lang lang) const;
  bool empty() const { return phrase_.empty() && !impl_; }
  // The English phrase (the table's key); "" for the text kinds above.
  std::string_view phrase() const { return phrase_; }

  template <typename... Args>
  friend Message msg(Phrase phrase, Args&&... args);

 private:
  enum class Kind : unsigned char { Phrase, Verbatim, Foreign, PerLang };
  struct Impl;
  Message(std::string_view phrase, std::shared_ptr<const Impl> impl) : phrase_(phrase), impl_(std::move(impl)) {}
  static Message text(Kind kind, std::vector<std::string> texts);
  static Message texts(std::string en, std::string vi);

  // Small on purpose (two pointers' worth and a length): diagnostics are
  // kept per file, and a phrase without arguments allocates nothing.
  std::string_view phrase_;
  std::shared_ptr<const Impl> impl_;
};

using MessageArg = std::variant<std::string, long long, unsigned long long, double, Message>;

struct Message::Impl {
  Kind kind = Kind::Phrase;
  std::vector<MessageArg> args;
};

namespace detail {

template <typename T>
inline constexpr bool kNotAMessageArgument = false;

template <typename T>
MessageArg message_arg(T&& value) {
  using D = std::remove_cvref_t<T>;
  if constexpr (std::is_same_v<D, Message>) {
    return MessageArg(std::forward<T>(value));
  } else if constexpr (std::is_same_v<D, std::string>) {
    return MessageArg(std::in_place_type<std::string>, std::forward<T>(value));
  } else if constexpr (std::is_same_v<D, std::string_view>) {
    return MessageArg(std::in_place_type<std::string>, value);
  } else if constexpr (std::is_same_v<D, bool> || std::is_same_v<D, char> || std::is_enum_v<D>) {
    static_assert(kNotAMessageArgument<T>, "say a bool, char or enum in words: a Message fragment");
    return {};
  } else if constexpr (std::is_integral_v<D> && std::is_signed_v<D>) {
    return MessageArg(static_cast<long long>(value));
  } else if constexpr (std::is_integral_v<D>) {
    return MessageArg(static_cast<unsigned long long>(value));
  } else if constexpr (std::is_floating_point_v<D>) {
    return MessageArg(static_cast<double>(value));
  } else {
    static_assert(kNotAMessageArgument<T>,
                  "a msg() argument is a Message (an English fragment, translated), a std::string or "
                  "std::string_view (the user's text, never translated) or a number; a literal is a Message "
                  "fragment or a std::string");
    return {};
  }
}

}  // namespace detail

// A message from a phrase and its arguments (see the top of this file).
template <typename... Args>
Message msg(Phrase phrase, Args&&... args) {
  if constexpr (sizeof...(Args) == 0) {
    return Message(phrase.text(), nullptr);
  } else {
    auto impl = std::make_shared<Message::Impl>();
    impl->args.reserve(sizeof...(Args));
    (impl->args.push_back(detail::message_arg(std::forward<Args>(args))), ...);
    return Message(phrase.text(), std::move(impl));
  }
}

}  // namespace plancheck
