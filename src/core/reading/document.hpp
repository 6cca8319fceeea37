#pragma once
// The text of a published plan document, for `plancheck extract` and
// `validate --source`: UTF-8 text (.txt) as it is, a Word document (.docx)
// through core/reading/docx, a PDF (.pdf) through core/reading/pdf. One
// place decides which documents are read.
#include <optional>
#include <string>

#include "core/util/diagnostic.hpp"

namespace plancheck {

// The document's UTF-8 text, one paragraph (or table cell) a line, a PDF's
// one printed line a line with a form feed ('\f') ending each page; or
// nullopt with an error in `diags` naming `path` (an extension not read, a
// file that cannot be read, a broken .docx or .pdf, a locked or scanned
// .pdf, text that is not UTF-8).
std::optional<std::string> read_document(const std::string& path, Diagnostics& diags);

}  // namespace plancheck
