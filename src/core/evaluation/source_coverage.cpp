#include "core/evaluation/source_coverage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "core/util/normalize.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

// A warning quotes this many columns of the passage.
constexpr std::size_t kQuoteWidth = 80;

// For each line (1-based; [0] unused) the first line of its table row when
// the table stands one cell a line, else the line itself: references and
// passages are compared by row.
std::vector<int> rows_of(std::string_view document) {
  std::vector<int> row{0};
  bool in_row = false;
  int line = 0;
  for (std::size_t start = 0; start <= document.size();) {
    const std::size_t end = std::min(document.find('\n', start), document.size());
    ++line;
    const bool cell = end > start && document[start] == '\t';
    row.push_back(cell && in_row ? row.back() : line);
    in_row = cell;
    if (end == document.size()) break;
    start = end + 1;
  }
  return row;
}

int row_of(const std::vector<int>& rows, int line) {
  return line >= 1 && static_cast<std::size_t>(line) < rows.size() ? rows[static_cast<std::size_t>(line)] : line;
}

// Numbers as written ("79,3", "1.318", "95"), compared as values: a comma
// is the decimal mark, a dot between digits is read as one too (the same
// text on both sides reads the same).
std::vector<double> numbers_in(std::string_view s) {
  std::vector<double> out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    std::string digits;
    bool mark = false;
    for (; i < s.size(); ++i) {
      const char c = s[i];
      if (c >= '0' && c <= '9') digits += c;
      else if ((c == ',' || c == '.') && !mark && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') digits += '.', mark = true;
      else break;
    }
    out.push_back(std::strtod(digits.c_str(), nullptr));
  }
  return out;
}

// The words of a name without diacritics ("Tỷ lệ trẻ" -> ty, le, tre); digits left out.
std::set<std::string> words_of(std::string_view name) {
  std::set<std::string> out;
  std::string word;
  const std::string folded = fold_diacritics(name) + ' ';
  for (const char c : folded) {
    if (c >= 'a' && c <= 'z') {
      word += c;
    } else if (!(c >= '0' && c <= '9')) {
      if (!word.empty()) out.insert(word);
      word.clear();
    }
  }
  return out;
}

// An item of the plan that refers to passages.
struct Item {
  std::string label;  // "indicator pcgd.primary"
  const SourceLines* source = nullptr;
  std::vector<double> numbers;   // for items with no source line
  std::set<std::string> words;
};

std::vector<Item> items_of(const Plan& plan) {
  std::vector<Item> items;
  for (const Indicator& ind : plan.indicators) {
    Item it{"indicator " + ind.id, &ind.source_lines, {}, words_of(ind.name)};
    for (const Milestone& m : ind.milestones)
      for (const double n : numbers_in(m.target.text)) it.numbers.push_back(n);
    items.push_back(std::move(it));
  }
  for (const Task& t : plan.tasks) items.push_back({"task " + t.id, &t.source_lines, numbers_in(t.name), words_of(t.name)});
  if (plan.budget) {
    const auto entry = [&](const BudgetEntry& e, std::string_view what) {
      Item it{fmt::format("{} {}", what, e.id), &e.source_lines, numbers_in(e.name), words_of(e.name)};
      if (e.amount) it.numbers.push_back(*e.amount);
      items.push_back(std::move(it));
    };
    for (const BudgetLine& line : plan.budget->lines) {
      entry(line, "budget line");
      for (const BudgetEntry& item : line.items) entry(item, "budget item");
    }
  }
  return items;
}

// Same number and most words of the shorter name: at least two words, and
// three in five of the shorter name's.
bool same_commitment(const Item& item, const Candidate& c) {
  const std::vector<double> mine = numbers_in(c.target);
  const bool number = std::any_of(mine.begin(), mine.end(), [&](double n) {
    return std::any_of(item.numbers.begin(), item.numbers.end(), [&](double m) { return std::fabs(n - m) < 1e-9; });
  });
  if (!number) return false;
  const std::set<std::string> words = words_of(c.name);
  const auto shared = static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [&](const std::string& w) {
    return item.words.count(w) > 0;
  }));
  const std::size_t shorter = std::min(words.size(), item.words.size());
  return shared >= 2 && shared * 5 >= shorter * 3;
}

}  // namespace

bool is_commitment(const Candidate& c) { return !reports_a_value(c); }

std::string_view coverage_name(Coverage c) {
  switch (c) {
    case Coverage::Referred: return "referred";
    case Coverage::LeftOut: return "left-out";
    case Coverage::Missing: return "missing";
  }
  return "missing";
}

std::vector<PassageCoverage> source_coverage(const Plan& plan, std::string_view document,
                                             const std::vector<Candidate>& candidates) {
  const std::vector<int> rows = rows_of(document);
  const std::vector<Item> items = items_of(plan);
  // Rows referred to and rows left out, with the first item or reason.
  std::map<int, std::string> referred, left_out;
  for (const Item& item : items)
    for (const int line : item.source->lines) {
      if (item.source->not_checkable.empty()) referred.try_emplace(row_of(rows, line), item.label);
      else left_out.try_emplace(row_of(rows, line), item.source->not_checkable);
    }
  for (const LeftOut& l : plan.info.left_out)
    for (const int line : l.lines) left_out.try_emplace(row_of(rows, line), l.reason);

  std::vector<PassageCoverage> out;
  for (const Candidate& c : candidates) {
    if (!is_commitment(c)) continue;
    const int row = row_of(rows, c.line);
    PassageCoverage p{c.line, c.name, c.target, c.year_label, Coverage::Missing, "", row};
    if (const auto r = referred.find(row); r != referred.end()) {
      p.coverage = Coverage::Referred, p.by = r->second;
    } else if (const auto l = left_out.find(row); l != left_out.end()) {
      p.coverage = Coverage::LeftOut, p.by = l->second;
    } else {
      for (const Item& item : items)
        if (item.source->lines.empty() && same_commitment(item, c)) {
          p.coverage = Coverage::Referred, p.by = item.label;
          break;
        }
    }
    out.push_back(std::move(p));
  }
  std::stable_sort(out.begin(), out.end(), [](const PassageCoverage& a, const PassageCoverage& b) { return a.line < b.line; });
  return out;
}

// The text a warning quotes: a prose line or a table row on one line as
// the document has it (cells apart by a space); in a table of one cell a
// line, the row's name cell (the candidate's name).
std::string quoted_passage(std::string_view document, const PassageCoverage& p) {
  std::size_t start = 0;
  for (int line = 1; line < p.line && start != std::string_view::npos; ++line) {
    start = document.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos || start >= document.size() || document[start] == '\t') return p.name;
  std::string text(document.substr(start, document.find('\n', start) - start));
  std::replace(text.begin(), text.end(), '\t', ' ');
  return text;
}

void source_coverage_warnings(const std::vector<PassageCoverage>& passages, std::string_view document,
                              const std::string& document_file, Diagnostics& found) {
  const auto file = std::make_shared<const std::string>(document_file);
  for (std::size_t i = 0; i < passages.size();) {
    const PassageCoverage& first = passages[i];
    const PassageCoverage* missing = nullptr;
    std::string targets, year;
    std::size_t j = i;
    for (; j < passages.size() && passages[j].row == first.row; ++j) {
      const PassageCoverage& p = passages[j];
      if (p.coverage != Coverage::Missing) continue;
      if (!missing) missing = &p;
      // "2030: 95%, 100%": the year said once for the targets that follow it.
      const bool new_year = targets.empty() || p.year_label != year;
      targets += targets.empty() ? "" : ", ";
      targets += new_year && !p.year_label.empty() ? fmt::format("{}: {}", p.year_label, p.target) : p.target;
      year = p.year_label;
    }
    if (missing) {
      const std::string quote = truncate_to_width(trim(quoted_passage(document, *missing)), kQuoteWidth);
      found.warning(Location(file, missing->line, 0),
                    msg("commitment not in the plan: \"{}\" ({})", display_text(quote), display_text(targets)));
    }
    i = j;
  }
}

}  // namespace plancheck
