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

namespace {

std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    widest = std::max(widest, display_width(text.substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

std::size_t minus(std::size_t a, std::size_t b) { return a > b ? a - b : 0; }

}  // namespace

std::vector<std::size_t> TextTable::widths(std::size_t width, std::size_t indent) const {
  std::vector<std::size_t> w, need;
  std::size_t total = indent;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const std::size_t header = display_width(columns_[c].header);
    std::size_t n = header;
    for (const Row& r : rows_)
      if (!r.section) n = std::max(n, widest_line(r.cells[c]));
    need.push_back(n);
    w.push_back(std::min(n, std::max(columns_[c].max_width, header)));
    total += w.back() + (c > 0 ? columns_[c].space_before : 0);
  }
  if (total > width) {
    for (std::size_t c = 0; c < columns_.size(); ++c)
      if (columns_[c].flexible) {
        const std::size_t floor = std::max<std::size_t>(12, display_width(columns_[c].header));
        w[c] = std::max(floor, minus(w[c], total - width));
      }
    return w;
  }
  // Room to spare (a wide terminal, --width): the columns grow towards
  // what their cells need, so fewer cells wrap. The fixed ones (short
  // values: a target, a stage) first, up to twice their usual width, then
  // the flexible one (names), then the fixed ones again.
  std::size_t spare = width - total;
  const auto grow = [&](std::size_t c, std::size_t limit) {
    const std::size_t by = std::min(spare, minus(std::min(need[c], limit), w[c]));
    w[c] += by;
    spare -= by;
  };
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (!columns_[c].flexible) grow(c, 2 * columns_[c].max_width);
  for (std::size_t c = 0; c < columns_.size(); ++c)
    if (columns_[c].flexible) grow(c, need[c]);
  for (std::size_t c = 0; c < columns_.size(); ++c) grow(c, need[c]);
  return w;
}

namespace {

std::string rstrip(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// The end of the piece of text starting at `i` that is never split: a
// colour code (ESC [ … final byte), or a character with the combining marks
// after it (a byte that is not UTF-8 on its own).
std::size_t unit_end(std::string_view s, std::size_t i) {
  if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {
    std::size_t j = i + 2;
    while (j < s.size() && !(s[j] >= '@' && s[j] <= '~')) ++j;
    return std::min(j + 1, s.size());
  }
  char32_t cp = 0;
  std::size_t end = i + std::max<std::size_t>(1, decode_utf8(s, i, cp));
  while (end < s.size() && s[end] != '\x1b') {
    const std::size_t len = decode_utf8(s, end, cp);
    if (len == 0 || display_width(s.substr(end, len)) != 0) break;
    end += len;
  }
  return end;
}

// The longest head of `word` that fits `width` columns: up to a '-', '/',
// '_' or '.' when one falls inside it, else as many characters as fit (one
// at least, so that a line always moves on); the whole word when it fits.
// Reads no further than the head.
std::size_t split_point(std::string_view word, std::size_t width) {
  std::size_t used = 0, end = 0, last_break = 0;
  while (end < word.size()) {
    const std::size_t next = unit_end(word, end);
    const std::size_t w = display_width(word.substr(end, next - end));
    if (used + w > width && end > 0) break;
    used += w;
    end = next;
    if (std::string_view("-/_.").find(word[end - 1]) != std::string_view::npos && end < word.size()) last_break = end;
  }
  return last_break > 0 && end < word.size() ? last_break : end;
}

// Greedy word wrap of one paragraph: the first line `first` columns wide,
// the others `rest`.
std::vector<std::string> break_lines(std::string_view text, std::size_t first, std::size_t rest) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0, width = std::max<std::size_t>(first, 1);
  const auto next_line = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(std::move(line));
    line.clear();
    used = 0;
    width = std::max<std::size_t>(rest, 1);
  };
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {  // a run of spaces inside a line is kept ("overdue  1 …"), not at its start
      if (!line.empty() && used < width) {
        line += ' ';
        ++used;
      }
      continue;
    }
    std::size_t w = display_width(word);
    if (!line.empty() && used + 1 + w <= width) {
      line += ' ';
      line += word;
      used += 1 + w;
      continue;
    }
    if (!line.empty()) next_line();
    if (w > width) {  // each piece measured once: a huge word stays linear
      for (std::size_t cut; (cut = split_point(word, width)) < word.size(); word.remove_prefix(cut)) {
        line = word.substr(0, cut);
        next_line();
      }
      w = display_width(word);
    }
    line = word;
    used = w;
  }
  if (!line.empty() || lines.empty()) next_line();
  for (std::string& l : lines) std::replace(l.begin(), l.end(), kNoBreakSpace, ' ');
  return lines;
}

bool is_reset(std::string_view sgr) { return sgr == "\x1b[0m" || sgr == "\x1b[m"; }

// A colour opened on one line and closed on a later one would colour the
// padding and the columns between: each line closes what is still open and
// the next line opens it again.
void carry_colours(std::vector<std::string>& lines) {
  std::string open;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string& line = lines[n];
    line.insert(0, open);
    for (std::size_t i = 0; i < line.size();) {
      const std::size_t end = unit_end(line, i);
      if (line[i] == '\x1b') open = is_reset(std::string_view(line).substr(i, end - i)) ? "" : line.substr(i, end - i);
      i = end;
    }
    if (!open.empty() && n + 1 < lines.size()) line += "\x1b[0m";
  }
}

std::size_t leading_spaces(std::string_view s) {
  const std::size_t lead = s.find_first_not_of(' ');
  return lead == std::string_view::npos ? 0 : lead;
}

}  // namespace

std::string unbreakable(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), ' ', kNoBreakSpace);
  return out;
}

std::vector<std::string> wrap_cell(std::string_view text, std::size_t width) {
  if (text.find_first_of(std::string_view("\n\x1f", 2)) == std::string_view::npos && display_width(text) <= width)
    return {std::string(text)};
  const std::size_t lead = leading_spaces(text);
  const std::string pad(lead, ' ');
  const std::size_t room = minus(width, lead);
  std::vector<std::string> lines;
  for (std::size_t start = lead; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    for (std::string& l : break_lines(text.substr(start, end - start), room, room)) lines.push_back(pad + l);
    start = end + 1;
  }
  carry_colours(lines);
  return lines;
}

std::string layout_row(const std::vector<Column>& columns, const std::vector<std::size_t>& widths,
                       const std::vector<std::string>& cells, const std::string& indent) {
  std::vector<std::vector<std::string>> wrapped;
  std::size_t height = 1;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    wrapped.push_back(c < cells.size() ? wrap_cell(cells[c], widths[c]) : std::vector<std::string>{""});
    height = std::max(height, wrapped.back().size());
  }
  std::string out;
  for (std::size_t n = 0; n < height; ++n) {
    std::string line = indent;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) line.append(columns[c].space_before, ' ');
      const std::string& piece = n < wrapped[c].size() ? wrapped[c][n] : "";
      line += columns[c].align == Align::Left ? pad_right(piece, widths[c]) : pad_left(piece, widths[c]);
    }
    out += rstrip(std::move(line)) + "\n";
  }
  return out;
}

namespace {

std::string wrap_with(const std::string& text, std::size_t width, const std::string& first, const std::string& cont) {
  std::vector<std::string> lines =
      break_lines(std::string_view(text).substr(leading_spaces(text)), minus(width, display_width(first)),
                  minus(width, display_width(cont)));
  carry_colours(lines);
  std::string out;
  for (std::size_t n = 0; n < lines.size(); ++n) out += (n == 0 ? first : cont) + lines[n] + "\n";
  return out;
}

}  // namespace

std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  const std::size_t lead = leading_spaces(text);
  return wrap_with(text, width, indent + std::string(lead, ' '), indent + std::string(lead + 2, ' '));
}

std::string wrap_hanging(const std::string& text, std::size_t width, std::size_t hang) {
  return wrap_with(text, width, std::string(leading_spaces(text), ' '), std::string(hang, ' '));
}

std::string TextTable::render(std::size_t width, const std::string& indent) const {
  const std::vector<std::size_t> w = widths(width, display_width(indent));
  std::vector<std::string> headers;
  for (const Column& c : columns_) headers.push_back(c.header);
  std::string out = layout_row(columns_, w, headers, indent);
  for (const Row& r : rows_) out += r.section ? wrap(r.cells[0], width, indent) : layout_row(columns_, w, r.cells, indent);
  return out;
}

}  // namespace plancheck
