#include "core/reading/docx.hpp"

#include <fmt/format.h>

#include "core/reading/xml.hpp"
#include "core/reading/zip.hpp"

namespace plancheck {
namespace {

const std::string kBody = "word/document.xml";

// w:p paragraphs, w:t text, w:tab and w:br inside runs; w:tc cells of w:tr rows.
class DocumentText : public XmlHandler {
 public:
  void start(std::string_view name, const char**) override {
    if (name == "t") in_text_ = true;
    else if (name == "tab") current() += ' ';
    else if (name == "br") current() += ' ';
    else if (name == "tc") ++cells_, cell_.clear();
    else if (name == "p" && cells_ > 0 && !cell_.empty()) cell_ += ' ';  // a cell's next paragraph
  }
  void end(std::string_view name) override {
    if (name == "t") in_text_ = false;
    else if (name == "p" && cells_ == 0) out_ += paragraph_ + "\n", paragraph_.clear();
    else if (name == "tc" && cells_ > 0) --cells_, out_ += "\t" + cell_ + "\n";
    else if (name == "tr") out_ += "\n";
  }
  void text(std::string_view s) override {
    if (in_text_) current() += s;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string& current() { return cells_ > 0 ? cell_ : paragraph_; }
  bool in_text_ = false;
  int cells_ = 0;  // depth of table cells (a table inside a cell is read into it)
  std::string paragraph_, cell_, out_;
};

}  // namespace

std::optional<std::string> docx_text(std::string_view bytes, Message& why) {
  const auto zip = Zip::open(bytes);
  if (!zip) {
    why = msg("is not a Word document (not a zip archive)");
    return std::nullopt;
  }
  if (!zip->has(kBody)) {
    why = msg("is not a Word document (no word/document.xml)");
    return std::nullopt;
  }
  DocumentText handler;
  XmlParser parser(handler);
  why = zip->read(kBody, [&](std::string_view chunk) { return parser.feed(chunk, false); });
  if (why.empty() && !parser.stopped()) parser.feed({}, true);
  if (why.empty() && !parser.error().empty()) why = msg("word/document.xml is not well-formed XML ({})", parser.error());
  if (!why.empty()) return std::nullopt;
  return handler.take();
}

}  // namespace plancheck
