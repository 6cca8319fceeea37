// plancheck catalogue [--search TEXT] [--format table|json|markdown] [--lang vi|en]:
// the indicators plans can refer to with `ref:`.
#include <memory>

#include "cli/commands.hpp"
#include "cli/terminal_width.hpp"
#include "core/reading/catalogue_reader.hpp"
#include "core/util/text.hpp"
#include "render/catalogue.hpp"

namespace plancheck::cli {
namespace {

struct CatalogueOptions {
  std::string search;
  std::string format = "table";
  std::string lang;
  std::optional<std::size_t> width;  // --width N
};

int run_catalogue(const CatalogueOptions& opts, Io& io) {
  const Catalogue& catalogue = builtin_catalogue();
  CatalogueEntries entries;
  if (opts.search.empty()) {
    for (const CatalogueEntry& e : catalogue.entries()) entries.push_back(&e);
  } else {
    entries = catalogue.search(opts.search);
  }
  if (entries.empty()) {
    // A filter that matched nothing is a failure, not an empty listing.
    print_error(io, msg("no catalogue indicator matches \"{}\" (searched ids, names, aliases, SDG codes and sources; "
                        "case and diacritics ignored)", display_text(opts.search)));
    return kExitBadInput;
  }
  const Lang lang = parse_lang(opts.lang).value_or(io.env_lang);
  if (opts.format == "json") io.out << render_catalogue_json(entries);
  else if (opts.format == "markdown") io.out << render_catalogue_markdown(entries, lang);
  else io.out << render_catalogue_table(entries, lang, table_width(opts.width, io.out_is_terminal ? io.terminal_columns : 0));
  return kExitOk;
}

}  // namespace

void add_catalogue_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<CatalogueOptions>();
  CLI::App* cmd = app.add_subcommand(
      "catalogue", "List the catalogue of indicators that plans refer to with \"ref: <id>\" (national sources, SDG 4 codes)");
  cmd->add_option("--search", opts->search, "Only entries whose id, name, alias, SDG code or source contains this text");
  cmd->add_option("--format", opts->format, "Output format: table, json, markdown")
      ->check(CLI::IsMember({"table", "json", "markdown"}));
  cmd->add_option("--lang", opts->lang, "Language of names, headings and messages: vi or en (default: vi when LC_ALL or "
                                 "LANG starts with vi)")
      ->check(CLI::IsMember({"vi", "en"}));
  cmd->add_option("--width", opts->width, "Width of the tables in columns (default: the terminal's when wider than 100, else 100)")
      ->check(CLI::Range(40, 1000));
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_catalogue(*opts, io); }; });
}

}  // namespace plancheck::cli
