// .ods (OpenDocument spreadsheets, LibreOffice's own format): content.xml,
// read as it unpacks. A cell's value is its office:value (float, percentage
// as the fraction, currency), office:boolean-value, office:date-value (its
// year) or, for text, its text:p paragraphs; repeated rows and cells
// (table:number-*-repeated) stand for as many copies. docs/spreadsheets.md.
#include <charconv>
#include <cmath>
#include <fmt/format.h>

#include "core/util/number.hpp"
#include "core/reading/spreadsheet.hpp"
#include "core/reading/workbook.hpp"
#include "core/reading/xml.hpp"
#include "core/reading/zip.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

constexpr long kMaxColumns = 16384;
constexpr long kMaxRows = 1048576;

long repeat_count(const char** attrs, std::string_view name, long limit) {
  const char* v = xml_attr(attrs, name);
  const auto n = v ? parse_integer(v) : std::nullopt;
  return n && *n >= 1 ? static_cast<long>(std::min<long long>(*n, limit)) : 1;
}

class ContentHandler : public XmlHandler {
 public:
  explicit ContentHandler(WorkbookSink& sink) : sink_(sink) {}
  void set_parser(XmlParser& parser) { parser_ = &parser; }

  void start(std::string_view name, const char** attrs) override {
    if (name == "annotation") ++annotation_;
    if (annotation_ > 0) return;
    if (name == "table" && depth_++ == 0) {
      const char* n = xml_attr(attrs, "name");
      sink_.begin_sheet(n ? n : "");
      next_row_ = 1;
      skip_ = false;
    } else if (name == "table-row") {
      row_ = next_row_;
      rows_ = repeat_count(attrs, "number-rows-repeated", kMaxRows);
      column_ = 0;
      cells_.clear();
    } else if (name == "table-cell" || name == "covered-table-cell") {
      start_cell(attrs);
    } else if (in_cell_) {
      if (name == "p" && paragraphs_++ > 0) text_ += '\n';
      else if (name == "s") text_.append(static_cast<std::size_t>(repeat_count(attrs, "c", 1000)), ' ');
      else if (name == "tab") text_ += '\t';
      else if (name == "line-break") text_ += '\n';
    }
  }

  void end(std::string_view name) override {
    if (name == "annotation") {
      --annotation_;
      return;
    }
    if (annotation_ > 0) return;
    if (name == "table" && --depth_ == 0) {
      sink_.end_sheet();
    } else if (name == "table-row") {
      end_row();
    } else if ((name == "table-cell" || name == "covered-table-cell") && in_cell_) {
      end_cell();
    }
  }

  void text(std::string_view s) override {
    if (in_cell_ && annotation_ == 0 && text_.size() < (1u << 16)) text_ += s;
  }

 private:
  void start_cell(const char** attrs) {
    in_cell_ = true;
    repeat_ = repeat_count(attrs, "number-columns-repeated", kMaxColumns);
    const char* type = xml_attr(attrs, "value-type");
    type_ = type ? type : "";
    const char* value = xml_attr(attrs, type_ == "boolean" ? "boolean-value" : type_ == "date" ? "date-value" : "value");
    value_ = value ? value : "";
    text_.clear();
    paragraphs_ = 0;
  }

  void end_cell() {
    in_cell_ = false;
    const long first = column_ + 1;
    column_ = std::min(column_ + repeat_, kMaxColumns);
    std::string text;
    if (!cell_text(first, text) || trim(text).empty()) return;
    for (long c = first; c <= column_; ++c) {
      if (!sink_.count_cell(static_cast<int>(row_), static_cast<int>(c))) return parser_->stop();
      cells_.push_back({static_cast<int>(c), text, sink_.at(static_cast<int>(row_), static_cast<int>(c))});
    }
  }

  bool cell_text(long column, std::string& text) {
    if (type_ == "float" || type_ == "percentage" || type_ == "currency") {
      double d = 0;
      const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), d);
      if (ec != std::errc() || end != value_.data() + value_.size() || !std::isfinite(d)) {
        sink_.diags().error(sink_.at(static_cast<int>(row_), static_cast<int>(column)),
                            msg("the stored number \"{}\" is not a number", value_));
        parser_->stop();
        return false;
      }
      text = type_ == "percentage" ? percent_text(d) : number_text(d);
    } else if (type_ == "boolean") {
      text = value_;
    } else if (type_ == "date") {
      text = value_.substr(0, 4);
    } else {
      text = text_;
    }
    return true;
  }

  void end_row() {
    if (skip_) return;
    TableRow row{sink_.at(static_cast<int>(row_), 1), std::move(cells_)};
    cells_.clear();
    next_row_ = std::min(row_ + rows_, kMaxRows + 1);
    // Empty rows repeated to the sheet's end are skipped at once.
    const long copies = row.cells.empty() ? 1 : rows_;
    for (long k = 0; k < copies; ++k) {
      if (k > 0) {
        row.start = sink_.at(static_cast<int>(row_ + k), 1);
        for (TableCell& c : row.cells) {
          if (!sink_.count_cell(static_cast<int>(row_ + k), c.column)) return parser_->stop();
          c.where = sink_.at(static_cast<int>(row_ + k), c.column);
        }
      }
      if (!sink_.row(row)) {
        skip_ = true;  // the rest of this sheet; the next one is read
        return;
      }
    }
  }

  WorkbookSink& sink_;
  XmlParser* parser_ = nullptr;
  std::vector<TableCell> cells_;
  int depth_ = 0, annotation_ = 0, paragraphs_ = 0;
  long row_ = 0, next_row_ = 1, rows_ = 1, column_ = 0, repeat_ = 1;
  bool in_cell_ = false, skip_ = false;
  std::string type_, value_, text_;
};

}  // namespace

void read_ods(std::string_view bytes, WorkbookSink& sink) {
  const auto zip = Zip::open(bytes);
  if (!zip || !zip->has("content.xml")) {
    sink.diags().error(sink.workbook(), msg("the file is not an .ods spreadsheet (no content.xml in a zip archive); "
                                            "save it from the spreadsheet program as .ods"));
    return;
  }
  ContentHandler handler(sink);
  XmlParser content(handler);
  handler.set_parser(content);
  Message why = zip->read("content.xml", [&](std::string_view chunk) { return content.feed(chunk, false); });
  if (why.empty() && !content.stopped()) content.feed({}, true);
  if (why.empty() && !content.error().empty())
    why = msg("the part {} is not well-formed XML ({})", std::string("content.xml"), content.error());
  if (!why.empty()) sink.diags().error(sink.workbook(), why);
}

}  // namespace plancheck
