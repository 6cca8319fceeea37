#include "render/alignment.hpp"

#include <fmt/format.h>

#include "core/util/message.hpp"
#include "core/util/text.hpp"
#include "render/formats.hpp"
#include "render/json_writer.hpp"
#include "render/text_table.hpp"

namespace plancheck {
namespace {

// The renderer's words, in one place (the phrase table words them in the
// report's language; JSON keeps the English keywords of ambition_name).
Message heading(const Alignment& a) {
  return msg("{} ({}) against {} ({})", a.lower_file, a.lower_unit, a.higher_file, a.higher_unit);
}

Message no_rows() { return msg("the higher plan has no targets"); }

std::vector<std::string> headers(Lang lang) {
  return {msg("Indicator").str(lang), msg("Year").str(lang),  msg("Higher").str(lang),
          msg("Lower indicator").str(lang), msg("Lower").str(lang), msg("Comparison").str(lang)};
}

// The comparison in words: the keyword itself in English (docs/alignment.md).
std::string comparison(Ambition a, Lang lang) {
  switch (a) {
    case Ambition::Same: return msg("same").str(lang);
    case Ambition::More: return msg("more").str(lang);
    case Ambition::Less: return msg("less").str(lang);
    case Ambition::NotComparable: return msg("not-comparable").str(lang);
    case Ambition::NoYear: return msg("no-target-that-year").str(lang);
    case Ambition::Missing: return msg("missing").str(lang);
  }
  return std::string(ambition_name(a));
}

// "-" for an empty cell, so a table never shows a blank where a value is missing.
std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

// "=" when the lower plan's indicator has the higher plan's id: the table
// then leaves the room to the names that differ.
std::string lower_id_cell(const AlignmentRow& r) {
  if (r.lower_id.empty()) return "-";
  return r.lower_id == r.higher_id ? "=" : display_text(r.lower_id);
}

}  // namespace

std::string render_alignment_table(const std::vector<Alignment>& alignments, std::size_t width, Lang lang) {
  const std::vector<std::string> names = headers(lang);
  std::string out;
  for (const Alignment& a : alignments) {
    if (!out.empty()) out += "\n";
    out += display_text(heading(a).str(lang)) + "\n";
    if (a.rows.empty()) {
      out += no_rows().str(lang) + "\n";
      continue;
    }
    TextTable table({{names[0], Align::Left, 44, true}, {names[1], Align::Left, 9},
                     {names[2], Align::Left, 14}, {names[3], Align::Left, 24},
                     {names[4], Align::Left, 14}, {names[5], Align::Left, 19}});
    for (const AlignmentRow& r : a.rows)
      table.add_row({display_text(r.higher_id), display_text(r.year_label), display_text(r.higher_target),
                     lower_id_cell(r), or_dash(display_text(r.lower_target)), comparison(r.ambition, lang)});
    out += table.render(width);
  }
  return out;
}

std::string render_alignment_json(const std::vector<Alignment>& alignments) {
  JsonWriter w;
  w.begin_object().key("plancheck").value(1).key("alignments").begin_array();
  for (const Alignment& a : alignments) {
    w.begin_object();
    w.key("lower").value(a.lower_file).key("lower_unit").value(a.lower_unit);
    w.key("higher").value(a.higher_file).key("higher_unit").value(a.higher_unit);
    w.key("rows").begin_array();
    for (const AlignmentRow& r : a.rows) {
      w.begin_object();
      w.key("indicator").value(r.higher_id).key("name").value(r.name).key("year").value(r.year_label);
      w.key("higher_target").value(r.higher_target).key("higher_line").value(r.higher_where.line);
      w.key("lower_indicator");
      r.lower_id.empty() ? w.null() : w.value(r.lower_id);
      w.key("lower_target");
      r.lower_target.empty() ? w.null() : w.value(r.lower_target);
      w.key("lower_line").value(r.lower_where.line);
      w.key("comparison").value(ambition_name(r.ambition));
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return w.str();
}

std::string render_alignment_markdown(const std::vector<Alignment>& alignments, Lang lang) {
  const std::vector<std::string> names = headers(lang);
  std::string out;
  for (const Alignment& a : alignments) {
    if (!out.empty()) out += "\n";
    out += "## " + markdown_escape(heading(a).str(lang)) + "\n\n";
    if (a.rows.empty()) {
      out += no_rows().str(lang) + "\n";
      continue;
    }
    out += "| " + fmt::format("{}", fmt::join(names, " | ")) + " |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const AlignmentRow& r : a.rows)
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_code(r.higher_id), markdown_escape(r.year_label),
                         markdown_escape(r.higher_target), r.lower_id.empty() ? "-" : markdown_code(r.lower_id),
                         r.lower_target.empty() ? "-" : markdown_escape(r.lower_target),
                         markdown_escape(comparison(r.ambition, lang)));
  }
  return out;
}

}  // namespace plancheck
