// .xlsx (Office Open XML spreadsheets, as Excel, LibreOffice and
// libxlsxwriter write them): the parts read are xl/workbook.xml (sheet names
// and order, the date system), its relationships (where each sheet is),
// xl/sharedStrings.xml, xl/styles.xml (which styles are percent and date
// formats) and each worksheet's sheetData. Formulas are read through their
// cached values (<v>); everything else (charts, comments, drawings) is not
// read. docs/spreadsheets.md.
#include <charconv>
#include <cmath>
#include <fmt/format.h>

#include <map>
#include <vector>

#include "core/util/number.hpp"
#include "core/reading/spreadsheet.hpp"
#include "core/reading/workbook.hpp"
#include "core/reading/xml.hpp"
#include "core/reading/zip.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

enum class NumberKind { Plain, Percent, Date };

// Streams a part through `handler`; empty or why it could not be read.
Message parse_part(Zip& zip, const std::string& part, XmlParser& parser) {
  Message why = zip.read(part, [&](std::string_view chunk) { return parser.feed(chunk, false); });
  if (why.empty() && !parser.stopped()) parser.feed({}, true);
  if (why.empty() && !parser.error().empty()) why = msg("the part {} is not well-formed XML ({})", part, parser.error());
  return why;
}

struct Relationship {
  std::string target;  // a part name
  std::string type;    // the last word of the type URI: "worksheet", "sharedStrings", …
};

struct RelsHandler : XmlHandler {
  std::map<std::string, Relationship> by_id;
  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = xml_attr(attrs, "Id");
    const char* target = xml_attr(attrs, "Target");
    const char* type = xml_attr(attrs, "Type");
    if (!id || !target) return;
    std::string t = target;
    t = t.rfind('/', 0) == 0 ? t.substr(1) : "xl/" + t;
    const std::string_view ty = type ? type : "";
    by_id[id] = {t, std::string(ty.substr(ty.rfind('/') == std::string_view::npos ? 0 : ty.rfind('/') + 1))};
  }
  void end(std::string_view) override {}
};

struct WorkbookHandler : XmlHandler {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
  bool date1904 = false;
  void start(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      const char* n = xml_attr(attrs, "name");
      const char* id = xml_attr(attrs, "id");
      if (n && id) sheets.emplace_back(n, id);
    } else if (name == "workbookPr") {
      const char* d = xml_attr(attrs, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void end(std::string_view) override {}
};

struct SharedStringsHandler : XmlHandler {
  std::vector<std::string> strings;
  std::string current;
  bool in_si = false, in_t = false;
  int in_phonetic = 0;  // <rPh>: a reading aid, not the text
  void start(std::string_view name, const char**) override {
    if (name == "si") in_si = true, current.clear();
    else if (name == "rPh") ++in_phonetic;
    else if (name == "t") in_t = in_si && in_phonetic == 0;
  }
  void end(std::string_view name) override {
    if (name == "si") in_si = false, strings.push_back(std::move(current)), current.clear();
    else if (name == "rPh") --in_phonetic;
    else if (name == "t") in_t = false;
  }
  void text(std::string_view s) override {
    if (in_t && current.size() < (1u << 16)) current += s;
  }
};

// A number format shows a percentage when it has '%' outside quotes, a date
// when it has a year or day code (formats 14-22 and 45-47 are Excel's
// built-in dates, 9 and 10 its percentages).
NumberKind kind_of_format(std::string_view code) {
  bool quoted = false, percent = false, date = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c == '\\') ++i;
    else if (c == '[') i = std::min(code.find(']', i), code.size());
    else if (c == '%') percent = true;
    else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') date = true;
  }
  return percent ? NumberKind::Percent : date ? NumberKind::Date : NumberKind::Plain;
}

NumberKind kind_of_builtin(int id) {
  if (id == 9 || id == 10) return NumberKind::Percent;
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return NumberKind::Date;
  return NumberKind::Plain;
}

struct StylesHandler : XmlHandler {
  std::map<int, NumberKind> custom;
  std::vector<int> xf_formats;  // cellXfs, in order: a cell's s="N" is the N-th
  bool in_cell_xfs = false;
  void start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = xml_attr(attrs, "numFmtId");
      const char* code = xml_attr(attrs, "formatCode");
      if (id && code)
        if (const auto n = parse_integer(id)) custom[static_cast<int>(*n)] = kind_of_format(code);
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = xml_attr(attrs, "numFmtId");
      const auto n = id ? parse_integer(id) : std::nullopt;
      xf_formats.push_back(n ? static_cast<int>(*n) : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  NumberKind kind(std::size_t style) const {
    if (style >= xf_formats.size()) return NumberKind::Plain;
    const int id = xf_formats[style];
    const auto c = custom.find(id);
    return c != custom.end() ? c->second : kind_of_builtin(id);
  }
};

// "C7" → column 3, row 7; false when not a cell reference within Excel's
// 16384 columns and 1048576 rows.
bool parse_cell_ref(std::string_view ref, int& column, int& row) {
  std::size_t i = 0;
  long col = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= 16384; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  if (i == 0 || col > 16384) return false;
  const auto r = parse_integer(ref.substr(i));
  if (!r || *r < 1 || *r > 1048576) return false;
  column = static_cast<int>(col);
  row = static_cast<int>(*r);
  return true;
}

struct Workbook {
  std::vector<std::string> strings;
  StylesHandler styles;
  bool date1904 = false;
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const Workbook& book, WorkbookSink& sink) : book_(book), sink_(sink) {}
  void set_parser(XmlParser& parser) { parser_ = &parser; }

  void start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      const char* r = xml_attr(attrs, "r");
      const auto n = r ? parse_integer(r) : std::nullopt;
      row_ = n && *n >= 1 && *n <= 1048576 ? static_cast<int>(*n) : row_ + 1;
      column_ = 0;
      cells_.clear();
    } else if (name == "c") {
      start_cell(attrs);
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t") {
      in_value_ = in_inline_ && phonetic_ == 0;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") in_value_ = false;
    else if (name == "is") in_inline_ = false;
    else if (name == "rPh") --phonetic_;
    else if (name == "c") end_cell();
    else if (name == "row") {
      TableRow row{sink_.at(row_, 1), std::move(cells_)};
      cells_.clear();
      if (!sink_.row(row)) parser_->stop();
    }
  }

  void text(std::string_view s) override {
    if (in_value_ && value_.size() < (1u << 16)) value_ += s;
  }

 private:
  void start_cell(const char** attrs) {
    const char* r = xml_attr(attrs, "r");
    int column = column_ + 1, row = row_;
    if (r && !parse_cell_ref(r, column, row)) {
      fail(sink_.at(row_, column_ + 1), msg("\"{}\" is not a cell reference", std::string(r)));
      return;
    }
    (void)row;  // a cell belongs to the row element it is in
    column_ = column;
    const char* t = xml_attr(attrs, "t");
    type_ = t ? t : "n";
    const char* s = xml_attr(attrs, "s");
    const auto style = s ? parse_integer(s) : std::nullopt;
    style_ = style && *style >= 0 ? static_cast<std::size_t>(*style) : 0;
    value_.clear();
  }

  void end_cell() {
    const Location where = sink_.at(row_, column_);
    std::string text;
    if (!cell_text(where, text) || trim(text).empty()) return;
    if (!sink_.count_cell(row_, column_)) {
      parser_->stop();
      return;
    }
    cells_.push_back({column_, std::move(text), where});
  }

  bool cell_text(const Location& where, std::string& text) {
    if (type_ == "s") {
      if (trim(value_).empty()) return false;
      const auto i = parse_integer(trim(value_));
      if (!i || *i < 0 || static_cast<std::size_t>(*i) >= book_.strings.size())
        return fail(where, msg("shared string {} does not exist (the workbook has {})", trim(value_), book_.strings.size()));
      text = book_.strings[static_cast<std::size_t>(*i)];
      return true;
    }
    if (type_ == "b") text = trim(value_) == "1" ? "true" : trim(value_) == "0" ? "false" : value_;
    else if (type_ == "d") text = value_.substr(0, 4);  // an ISO date: its year
    else if (type_ != "n") text = value_;                // str, inlineStr, e (#DIV/0!)
    else return number(where, text);
    return true;
  }

  bool number(const Location& where, std::string& text) {
    const std::string_view v = trim(value_);
    if (v.empty()) return false;
    double d = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d))
      return fail(where, msg("the stored number \"{}\" is not a number", v));
    switch (book_.styles.kind(style_)) {
      case NumberKind::Percent: text = percent_text(d); break;
      case NumberKind::Date: text = std::to_string(year_of_serial(d, book_.date1904)); break;
      case NumberKind::Plain: text = number_text(d); break;
    }
    return true;
  }

  bool fail(const Location& where, Message message) {
    sink_.diags().error(where, std::move(message));
    parser_->stop();
    return false;
  }

  const Workbook& book_;
  WorkbookSink& sink_;
  XmlParser* parser_ = nullptr;
  std::vector<TableCell> cells_;
  int row_ = 0, column_ = 0;
  std::string type_, value_;
  std::size_t style_ = 0;
  bool in_value_ = false, in_inline_ = false;
  int phonetic_ = 0;
};

template <typename Handler>
Message read_part(Zip& zip, const std::string& part, Handler& handler) {
  XmlParser parser(handler);
  return parse_part(zip, part, parser);
}

std::string find_part(const RelsHandler& rels, std::string_view type, std::string fallback) {
  for (const auto& [id, rel] : rels.by_id)
    if (rel.type == type) return rel.target;
  return fallback;
}

}  // namespace

void read_xlsx(std::string_view bytes, WorkbookSink& sink) {
  Diagnostics& diags = sink.diags();
  const auto zip = Zip::open(bytes);
  if (!zip) {
    diags.error(sink.workbook(), bytes.substr(0, 4) == "\xD0\xCF\x11\xE0"
                                     ? msg("the file is not an .xlsx workbook but an encrypted workbook or an old .xls "
                                           "one; save it without a password as .xlsx")
                                     : msg("the file is not an .xlsx workbook (not a zip archive); save it from the "
                                           "spreadsheet program as .xlsx"));
    return;
  }
  const auto failed = [&](const Message& why) {
    if (!why.empty()) diags.error(sink.workbook(), why);
    return !why.empty();
  };
  if (!zip->has("xl/workbook.xml")) {
    diags.error(sink.workbook(), msg("the file is a zip archive without xl/workbook.xml: not an .xlsx workbook"));
    return;
  }
  WorkbookHandler wb;
  RelsHandler rels;
  if (failed(read_part(*zip, "xl/workbook.xml", wb)) || failed(read_part(*zip, "xl/_rels/workbook.xml.rels", rels)))
    return;
  Workbook book;
  book.date1904 = wb.date1904;
  if (const std::string part = find_part(rels, "sharedStrings", "xl/sharedStrings.xml"); zip->has(part)) {
    SharedStringsHandler strings;
    if (failed(read_part(*zip, part, strings))) return;
    book.strings = std::move(strings.strings);
  }
  if (const std::string part = find_part(rels, "styles", "xl/styles.xml"); zip->has(part))
    if (failed(read_part(*zip, part, book.styles))) return;
  for (const auto& [name, id] : wb.sheets) {
    const auto rel = rels.by_id.find(id);
    if (rel == rels.by_id.end() || rel->second.type != "worksheet") continue;  // a chart sheet
    sink.begin_sheet(name);
    SheetHandler handler(book, sink);
    XmlParser parser(handler);
    handler.set_parser(parser);
    if (const Message why = parse_part(*zip, rel->second.target, parser); !why.empty()) {
      diags.error(sink.at(0, 0), why);
      return;
    }
    sink.end_sheet();
  }
}

}  // namespace plancheck
