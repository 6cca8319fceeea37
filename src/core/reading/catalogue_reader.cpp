#include "core/reading/catalogue_reader.hpp"

#include <array>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>

#include "core/reading/loader_parts.hpp"
#include "core/reading/yaml_tree.hpp"
#include "core/reading/yaml_walk.hpp"

#include <yaml-cpp/exceptions.h>

namespace plancheck {
namespace {

using namespace std::string_view_literals;

constexpr std::array kCatalogueKeys{"plancheck-catalogue"sv, "sources"sv, "indicators"sv};
constexpr std::array kEntryKeys{"id"sv,        "name"sv,      "name_en"sv,  "group"sv,     "stage"sv,
                                "kind"sv,      "unit"sv,      "better"sv,   "tolerance"sv, "stages"sv,
                                "numerator_label"sv, "denominator_label"sv, "valid_for"sv, "basis"sv,
                                "basis_ref"sv, "note"sv,      "source"sv,   "sdg"sv,       "aliases"sv};

using Sources = std::map<std::string, std::string, std::less<>>;

Sources read_sources(YamlContext& ctx, const YNode& node) {
  Sources sources;
  for (const MapEntry& e : map_entries(ctx, node, quoted_key("sources"))) {
    const auto text = expect_scalar(ctx, e.value, msg("source \"{}\"", e.key));
    if (text && text->empty()) ctx.error(ctx.at(e.value), msg("source \"{}\" has no citation", e.key));
    if (text) sources.emplace(e.key, *text);
  }
  return sources;
}

// A scalar or a list of scalars.
std::vector<std::string> scalars(YamlContext& ctx, const YNode& node, const Message& what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!expect_sequence(ctx, node, what)) return out;
  for (const auto& item : node)
    if (auto text = expect_scalar(ctx, item, what)) out.push_back(*text);
  return out;
}

// Every entry cites at least one national source, by its key in `sources`.
std::vector<std::string> cited_sources(YamlContext& ctx, const Fields& f, const Sources& sources,
                                       const Message& what) {
  std::vector<std::string> cited;
  const YNode* node = f.get("source");
  if (!node) {
    ctx.error(f.where(), msg("{} cites no national source (\"source\")", what));
    return cited;
  }
  for (const std::string& key : scalars(ctx, *node, msg("\"source\" of {}", what))) {
    const auto it = sources.find(key);
    if (it == sources.end())
      ctx.error(ctx.at(*node), msg("\"source\" of {} is \"{}\", which \"sources\" does not define", what, key));
    else
      cited.push_back(it->second);
  }
  return cited;
}

std::optional<CatalogueEntry> read_entry(YamlContext& ctx, const YNode& node, const Sources& sources) {
  if (!expect_map(ctx, node, msg("a catalogue entry"))) return std::nullopt;
  const Fields f(ctx, node, kEntryKeys, msg("a catalogue entry"));
  if (!f.require(ctx, "id") || !f.require(ctx, "name")) return std::nullopt;
  CatalogueEntry entry;
  Indicator& ind = entry.indicator;
  ind.id = text_field(ctx, f, "id", msg("a catalogue entry"));
  ind.where = ctx.at(*f.get("id"));
  const Message what = msg("catalogue entry {}", ind.id);
  ind.name = text_field(ctx, f, "name", what);
  if (!f.has("name_en")) ctx.error(f.where(), msg("{} has no English name (\"name_en\")", what));
  parse_description(ctx, f, ind, what);
  // The note is about the catalogue entry, not about any plan's indicator:
  // an indicator that refers to the entry does not inherit it.
  entry.note = std::move(ind.note);
  ind.note.clear();
  entry.sources = cited_sources(ctx, f, sources, what);
  entry.sdg = text_field(ctx, f, "sdg", what);
  if (const YNode* a = f.get("aliases")) entry.aliases = scalars(ctx, *a, msg("\"aliases\" of {}", what));
  return entry;
}

}  // namespace

Catalogue read_catalogue(std::string_view text, const std::string& file, Diagnostics& diags) {
  YamlContext ctx(file, text, diags);
  std::unique_ptr<YamlTree> tree;
  try {
    tree = YamlTree::parse(text);
  } catch (const YAML::Exception& e) {
    diags.error(ctx.at(e.mark), msg("YAML syntax error: {}", Message::foreign(e.msg)));
    return Catalogue{};
  }
  const YNode root = tree->root();
  if (!expect_map(ctx, root, msg("the catalogue"))) return Catalogue{};
  const Fields f(ctx, root, kCatalogueKeys, msg("the catalogue"));
  if (!f.require(ctx, "plancheck-catalogue") || !f.require(ctx, "sources") || !f.require(ctx, "indicators"))
    return Catalogue{};
  const Sources sources = read_sources(ctx, *f.get("sources"));
  std::vector<CatalogueEntry> entries;
  std::set<std::string, std::less<>> ids;
  const YNode& list = *f.get("indicators");
  if (!expect_sequence(ctx, list, quoted_key("indicators"))) return Catalogue{};
  for (const auto& item : list) {
    auto entry = read_entry(ctx, item, sources);
    if (!entry) continue;
    if (!ids.insert(entry->indicator.id).second) {
      ctx.error(entry->indicator.where, msg("duplicate catalogue id \"{}\"", entry->indicator.id));
      continue;
    }
    entries.push_back(std::move(*entry));
  }
  return Catalogue(std::move(entries));
}

const Catalogue& builtin_catalogue() {
  static const Catalogue catalogue = [] {
    Diagnostics diags;
    Catalogue read = read_catalogue(builtin_catalogue_text(), "catalogue/indicators.yaml", diags);
    // The built-in catalogue is checked by the unit tests; should a build
    // ever carry a broken one, say so rather than use half of it.
    if (diags.has_errors())
      throw std::logic_error("the built-in catalogue has errors: " + format_diagnostic(diags.items().front()));
    return read;
  }();
  return catalogue;
}

Message unknown_catalogue_id(const Catalogue& catalogue, std::string_view id) {
  (void)catalogue;
  return msg("\"ref\" is \"{}\", which is not in plancheck's catalogue; `plancheck catalogue` lists its ids", id);
}

}  // namespace plancheck
