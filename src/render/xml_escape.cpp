#include "render/xml_escape.hpp"

#include "core/util/text.hpp"

namespace plancheck {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool allowed_in_xml(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool allowed_in_html(char32_t cp) {
  const bool noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
  return allowed_in_xml(cp) && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F) && !noncharacter;
}

std::string replace_forbidden(std::string_view s, bool html) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(s, i, cp);
    i += len == 0 ? 1 : len;
    append_utf8(len > 0 && (html ? allowed_in_html(cp) : allowed_in_xml(cp)) ? cp : kReplacement, out);
  }
  return out;
}

// Markup characters are ASCII, so they are replaced byte by byte.
std::string escape(std::string_view s, bool html) {
  std::string out;
  for (char c : replace_forbidden(s, html)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += html ? "" : "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string xml_safe_text(std::string_view s) { return replace_forbidden(s, false); }
std::string xml_escape(std::string_view s) { return escape(s, false); }
std::string html_escape(std::string_view s) { return escape(s, true); }

}  // namespace plancheck
