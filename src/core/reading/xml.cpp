#include "core/reading/xml.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <climits>

namespace plancheck {

namespace {
constexpr char kNamespaceSeparator = '\x01';

std::string_view local_name(const char* name) {
  const std::string_view n(name);
  const std::size_t sep = n.rfind(kNamespaceSeparator);
  return sep == std::string_view::npos ? n : n.substr(sep + 1);
}
}  // namespace

const char* xml_attr(const char** attrs, std::string_view name) {
  for (; attrs && attrs[0]; attrs += 2)
    if (local_name(attrs[0]) == name) return attrs[1];
  return nullptr;
}

struct XmlCallbacks {
  static XmlParser& self(void* data) { return *static_cast<XmlParser*>(data); }
  static void start(void* data, const char* name, const char** attrs) {
    self(data).handler_.start(local_name(name), attrs);
  }
  static void end(void* data, const char* name) { self(data).handler_.end(local_name(name)); }
  static void text(void* data, const char* s, int len) {
    self(data).handler_.text(std::string_view(s, static_cast<std::size_t>(len)));
  }
  // Spreadsheet parts have no DTD; refusing one refuses every entity.
  static void doctype(void* data, const char*, const char*, const char*, int) {
    XmlParser& p = self(data);
    p.error_ = msg("a DTD (<!DOCTYPE>) is not accepted in a spreadsheet part");
    XML_StopParser(static_cast<XML_Parser>(p.parser_), XML_FALSE);
  }
};

XmlParser::XmlParser(XmlHandler& handler) : parser_(XML_ParserCreateNS("UTF-8", kNamespaceSeparator)), handler_(handler) {
  auto* p = static_cast<XML_Parser>(parser_);
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, XmlCallbacks::start, XmlCallbacks::end);
  XML_SetCharacterDataHandler(p, XmlCallbacks::text);
  XML_SetStartDoctypeDeclHandler(p, XmlCallbacks::doctype);
}

XmlParser::~XmlParser() { XML_ParserFree(static_cast<XML_Parser>(parser_)); }

void XmlParser::stop() {
  stopped_ = true;
  XML_StopParser(static_cast<XML_Parser>(parser_), XML_FALSE);
}

bool XmlParser::feed(std::string_view chunk, bool last) {
  if (stopped_ || !error_.empty()) return false;
  auto* p = static_cast<XML_Parser>(parser_);
  if (XML_Parse(p, chunk.data(), static_cast<int>(chunk.size()), last) == XML_STATUS_OK) return true;
  if (stopped_) return false;
  if (error_.empty())
    error_ = msg("line {}, column {}: {}", XML_GetCurrentLineNumber(p), XML_GetCurrentColumnNumber(p) + 1,
                 Message::foreign(XML_ErrorString(XML_GetErrorCode(p))));
  return false;
}

}  // namespace plancheck
