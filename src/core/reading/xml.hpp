#pragma once
// Streaming XML (expat): parts of a workbook are parsed as they unpack,
// never held as a tree, so a sheet of a million cells takes the memory of
// one row. Names are given without their namespace prefix; a DTD is refused
// (no entity can expand).
#include <string>
#include <string_view>

#include "core/util/message.hpp"

namespace plancheck {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

// The value of the attribute with this local name, or nullptr.
const char* xml_attr(const char** attrs, std::string_view name);

class XmlParser {
 public:
  explicit XmlParser(XmlHandler& handler);
  ~XmlParser();
  XmlParser(const XmlParser&) = delete;
  XmlParser& operator=(const XmlParser&) = delete;

  // False when parsing ended: an error (error() says which) or stop().
  bool feed(std::string_view chunk, bool last);
  // From a handler: end the parse, without an error.
  void stop();
  bool stopped() const { return stopped_; }
  // Empty, or "line 3, column 5: mismatched tag".
  const Message& error() const { return error_; }

 private:
  void* parser_;
  XmlHandler& handler_;
  bool stopped_ = false;
  Message error_;
  friend struct XmlCallbacks;
};

}  // namespace plancheck
