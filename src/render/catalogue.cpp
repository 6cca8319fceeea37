#include "render/catalogue.hpp"

#include <fmt/format.h>

#include "render/formats.hpp"
#include "render/json_writer.hpp"
#include "render/report_json.hpp"
#include "core/util/text.hpp"
#include "render/text_table.hpp"

namespace plancheck {
namespace {

const std::string& name_in(const Indicator& ind, Lang lang) {
  return lang == Lang::En && !ind.name_en.empty() ? ind.name_en : ind.name;
}

// "number, %", "flag", "ratio, pupils/class".
std::string kind_and_unit(const Indicator& ind) {
  const std::string kind(kind_name(ind.kind));
  return ind.unit.empty() ? kind : fmt::format("{}, {}", kind, ind.unit);
}

void string_list(JsonWriter& json, std::string_view key, const std::vector<std::string>& items) {
  json.key(key).begin_array();
  for (const std::string& item : items) json.value(item);
  json.end_array();
}

void optional_text(JsonWriter& json, std::string_view key, const std::string& text) {
  json.key(key);
  if (text.empty()) json.null();
  else json.value(text);
}

void entry_json(JsonWriter& json, const CatalogueEntry& e) {
  const Indicator& ind = e.indicator;
  json.begin_object();
  json.key("id").value(ind.id).key("name").value(ind.name).key("name_en").value(ind.name_en);
  json.key("kind").value(kind_name(ind.kind));
  optional_text(json, "unit", ind.unit);
  json.key("better").value(better_name(ind.better));
  optional_text(json, "stage", ind.stage);
  optional_text(json, "group", ind.group);
  optional_text(json, "numerator_label", ind.numerator_label);
  optional_text(json, "denominator_label", ind.denominator_label);
  string_list(json, "stages", ind.stages);
  json.key("valid_for").value(ind.valid_for);
  json.key("basis").value(ind.norm ? "norm" : "plan");
  optional_text(json, "basis_ref", ind.basis_ref);
  string_list(json, "sources", e.sources);
  optional_text(json, "sdg", e.sdg);
  string_list(json, "aliases", e.aliases);
  optional_text(json, "note", e.note);
  json.end_object();
}

}  // namespace

std::string render_catalogue_table(const CatalogueEntries& entries, Lang lang, std::size_t width) {
  TextTable table({{std::string(tr(lang, "id")), Align::Left, 40},
                   {std::string(tr(lang, "name")), Align::Left, 70, true},
                   {std::string(tr(lang, "kind")), Align::Left, 24},
                   {std::string(tr(lang, "stage")), Align::Left, 16},
                   {"SDG", Align::Left, 8}});
  for (const CatalogueEntry* e : entries)
    table.add_row({display_text(e->indicator.id), display_text(name_in(e->indicator, lang)), kind_and_unit(e->indicator),
                   e->indicator.stage, e->sdg});
  return table.render(width) + trf(lang, "{} indicators in the catalogue", entries.size()) + "\n";
}

std::string render_catalogue_json(const CatalogueEntries& entries) {
  JsonWriter json;
  json.begin_object().key("plancheck").value(kJsonVersion).key("catalogue").begin_array();
  for (const CatalogueEntry* e : entries) entry_json(json, *e);
  json.end_array().end_object();
  return json.str();
}

std::string render_catalogue_markdown(const CatalogueEntries& entries, Lang lang) {
  std::string out = fmt::format("# {}\n\n| {} | {} | {} | {} | SDG | {} |\n|---|---|---|---|---|---|\n",
                                tr(lang, "Catalogue of indicators"), tr(lang, "id"), tr(lang, "name"), tr(lang, "kind"),
                                tr(lang, "stage"), tr(lang, "national source"));
  for (const CatalogueEntry* e : entries) {
    std::string sources;
    for (const std::string& s : e->sources) sources += (sources.empty() ? "" : "; ") + markdown_escape(s);
    out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_code(e->indicator.id),
                       markdown_escape(name_in(e->indicator, lang)), markdown_escape(kind_and_unit(e->indicator)),
                       markdown_escape(e->indicator.stage), markdown_escape(e->sdg), sources);
  }
  return out;
}

}  // namespace plancheck
