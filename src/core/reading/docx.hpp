#pragma once
// The text of a Word document (.docx) for `plancheck extract`: its
// paragraphs one a line; a table row's cells one a line each, starting with
// a tab, the row ended by a blank line (the layout of the published plans'
// text, docs/extract.md). Read with the zip and XML readers.
#include <optional>
#include <string>
#include <string_view>

#include "core/util/message.hpp"

namespace plancheck {

// The text, or nullopt with `why` set (not a zip archive, no
// word/document.xml, XML that is not well-formed, over a limit).
std::optional<std::string> docx_text(std::string_view bytes, Message& why);

}  // namespace plancheck
