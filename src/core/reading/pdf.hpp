#pragma once
// The text of a PDF document for `plancheck extract` (and `validate
// --source`), read with poppler's C++ interface (Debian libpoppler-cpp-dev):
// each page laid out as printed (poppler's physical layout, as `pdftotext
// -layout`), one printed line a line, each page ended by a form feed ('\f',
// as pdftotext does) so that a line's page can be told (docs/extract.md).
#include <optional>
#include <string>
#include <string_view>

#include "core/util/message.hpp"

namespace plancheck {

// The text, or nullopt with `why` set: not a PDF or damaged, locked with a
// password, or no text on any page (a scan).
std::optional<std::string> pdf_text(std::string_view bytes, Message& why);

}  // namespace plancheck
