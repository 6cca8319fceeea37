#pragma once
// Escaping of text and attribute values in XML and HTML documents (JUnit,
// the HTML report and its SVG charts).
#include <string>
#include <string_view>

namespace plancheck {

// &, <, >, " and ' as entities, line breaks as character references;
// control characters XML 1.0 forbids are dropped.
std::string xml_escape(std::string_view s);

// The same for HTML, except that carriage returns are dropped: HTML parsers
// normalise line breaks anyway, and the reference &#13; is a parse error.
std::string html_escape(std::string_view s);

}  // namespace plancheck
