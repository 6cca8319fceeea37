#include "render/xml_escape.hpp"

namespace plancheck {
namespace {

std::string escape(std::string_view s, bool html) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t' && c != '\r') continue;
    if (html && (c == '\r' || u == 0x7f)) continue;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view s) { return escape(s, false); }
std::string html_escape(std::string_view s) { return escape(s, true); }

}  // namespace plancheck
