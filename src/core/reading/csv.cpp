#include "core/reading/csv.hpp"

namespace plancheck {

char detect_separator(std::string_view text) {
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    commas += c == ',';
    semicolons += c == ';';
  }
  return semicolons > commas ? ';' : ',';
}


std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file, Diagnostics& diags, char separator) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::size_t i = 0;
  int line = 1;
  std::size_t line_start = 0;
  const auto column = [&](std::size_t at) { return static_cast<int>(at - line_start) + 1; };
  const auto end_line = [&](std::size_t next) {
    ++line;
    line_start = next;
  };
  while (i < text.size()) {
    CsvField field{{}, line, column(i)};
    if (text[i] == '"') {  // quoted field: "" is a quote, newlines allowed
      ++i;
      while (true) {
        if (i >= text.size()) {
          diags.error({file, field.line, field.column}, msg("unterminated quoted field (a '\"' is missing)"));
          return records;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') end_line(i + 1);
        field.text += text[i++];
      }
      if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        diags.error({file, line, column(i)}, msg("unexpected text after a closing quote; quote the whole field"));
        return records;
      }
    } else {
      while (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') field.text += text[i++];
    }
    record.push_back(std::move(field));
    if (i < text.size() && text[i] == separator) {
      ++i;
      if (i == text.size()) record.push_back({{}, line, column(i)});
      continue;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    end_line(i);
    records.push_back(std::move(record));
    record.clear();
  }
  if (!record.empty()) records.push_back(std::move(record));
  return records;
}

}  // namespace plancheck
