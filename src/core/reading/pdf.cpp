#include "core/reading/pdf.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

#include "core/reading/limits.hpp"

namespace plancheck {
namespace {

// poppler prints its own warnings about damaged files on stderr; the
// reason a document cannot be read is ours to say, once.
void quiet(const std::string&, void*) {}

// A printed line as the scanner reads it: the layout's indentation and the
// spaces justified text and table columns leave between words made one
// space, nothing at the end. A table row stays one line (its cells
// separated by a space): there are no tabs in a PDF's text to tell cells.
std::string tidy_line(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool space = false;
  for (char c : line) {
    // poppler ends a page's text with a form feed; the pages are marked by
    // pdf_text, once, so one inside a page is a space.
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A page's text, its lines tidied; "" for a page without text.
std::string page_text(const poppler::page& page) {
  const poppler::byte_array utf8 = page.text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
  const std::string_view text(utf8.data(), utf8.size());
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    out += tidy_line(line);
    out += '\n';
    start = end + 1;
  }
  // No blank lines at the end of a page: the next page's first line follows.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out == "\n" ? "" : out;
}

}  // namespace

std::optional<std::string> pdf_text(std::string_view bytes, Message& why) {
  static const bool silenced = (poppler::set_debug_error_function(quiet, nullptr), true);
  (void)silenced;
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    why = msg("is not a PDF document, or is damaged");
    return std::nullopt;
  }
  // poppler reads the bytes in place: `bytes` outlives the document.
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    why = msg("is not a PDF document, or is damaged");
    return std::nullopt;
  }
  if (doc->is_locked()) {
    why = msg("is a PDF locked with a password; save an unlocked copy (or its text) first");
    return std::nullopt;
  }
  std::string out;
  bool any_text = false;
  for (int i = 0; i < doc->pages(); ++i) {
    const std::unique_ptr<poppler::page> page(doc->create_page(i));
    const std::string text = page ? page_text(*page) : "";
    any_text = any_text || !text.empty();
    out += text;
    out += '\f';  // the end of a page, as pdftotext writes it
    // Text over a plan file's limit is refused by the caller
    // (check_encoding); the pages after it need not be read.
    if (out.size() > limits::kMaxFileBytes) break;
  }
  if (!any_text) {
    why = msg("has no text (a scanned PDF?); plancheck reads a PDF's text, not its images: convert it with OCR first");
    return std::nullopt;
  }
  return out;
}

}  // namespace plancheck
