#pragma once
// Escaping of text and attribute values in XML and HTML documents (JUnit,
// the HTML report and its SVG charts, the spreadsheet's strings).
#include <string>
#include <string_view>

namespace plancheck {

// The text with every character XML 1.0 forbids (C0 controls other than tab,
// LF and CR; U+FFFE, U+FFFF) and every byte that is not UTF-8 replaced by
// U+FFFD, so the document stays well-formed. Nothing else is escaped: for
// writers that escape markup themselves (libxlsxwriter).
std::string xml_safe_text(std::string_view s);

// &, <, >, " and ' as entities, line breaks as character references, after
// xml_safe_text.
std::string xml_escape(std::string_view s);

// The same for HTML, except that carriage returns are dropped (HTML parsers
// normalise line breaks anyway, and the reference &#13; is a parse error),
// and DEL, C1 controls and noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF),
// parse errors in HTML, are U+FFFD too.
std::string html_escape(std::string_view s);

}  // namespace plancheck
