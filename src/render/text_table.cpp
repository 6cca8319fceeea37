#include "render/text_table.hpp"

#include <algorithm>
#include <numeric>

#include "core/util/text.hpp"

namespace plancheck {

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  rows_.push_back({false, std::move(cells)});
}

void TextTable::add_section(std::string text) { rows_.push_back({true, {std::move(text)}}); }

std::vector<std::size_t> TextTable::widths(std::size_t width, std::size_t indent) const {
  std::vector<std::size_t> w;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    std::size_t need = display_width(columns_[c].header);
    for (const Row& r : rows_)
      if (!r.section) need = std::max(need, display_width(r.cells[c]));
    w.push_back(std::min(need, std::max(columns_[c].max_width, display_width(columns_[c].header))));
  }
  const std::size_t gaps = 2 * (columns_.size() - 1);
  const std::size_t total = indent + gaps + std::accumulate(w.begin(), w.end(), std::size_t{0});
  if (total > width)
    for (std::size_t c = 0; c < columns_.size(); ++c)
      if (columns_[c].flexible) {
        const std::size_t floor = std::max<std::size_t>(12, display_width(columns_[c].header));
        w[c] = std::max(floor, w[c] > total - width ? w[c] - (total - width) : 0);
      }
  return w;
}

namespace {
std::string rstrip(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}
}  // namespace

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  const std::size_t lead = text.find_first_not_of(' ') == std::string::npos ? 0 : text.find_first_not_of(' ');
  const std::string cont = indent + std::string(lead + 2, ' ');
  std::string out = indent + text.substr(0, lead), line_words;
  std::size_t used = display_width(out);
  bool first_word = true;
  std::size_t start = lead;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const std::string word = text.substr(start, end - start);
    const std::size_t w = display_width(word);
    if (!first_word && used + 1 + w > width) {
      out += "\n" + cont + word;
      used = display_width(cont) + w;
    } else {
      out += (first_word ? "" : " ") + word;
      used += (first_word ? 0 : 1) + w;
    }
    first_word = false;
    start = end + 1;
  }
  return out + "\n";
}

std::string TextTable::render(std::size_t width, const std::string& indent) const {
  const std::vector<std::size_t> w = widths(width, display_width(indent));
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out = indent;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) out += "  ";
      const std::string cell = truncate_to_width(cells[c], w[c]);
      out += columns_[c].align == Align::Left ? pad_right(cell, w[c]) : pad_left(cell, w[c]);
    }
    return rstrip(out) + "\n";
  };
  std::vector<std::string> headers;
  for (const Column& c : columns_) headers.push_back(c.header);
  std::string out = line(headers);
  for (const Row& r : rows_) out += r.section ? wrap(r.cells[0], width, indent) : line(r.cells);
  return out;
}

}  // namespace plancheck
