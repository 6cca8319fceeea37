#include <CLI/CLI.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/option_words.hpp"
#include "docgen.hpp"

namespace plancheck::docgen {
namespace {

// "a, b, c" (option_words' lists for messages) as words.
std::vector<std::string> split_list(const std::string& list, char separator) {
  std::vector<std::string> out;
  std::stringstream in(list);
  for (std::string word; std::getline(in, word, separator);) {
    const std::size_t first = word.find_first_not_of(' ');
    if (first != std::string::npos) out.push_back(word.substr(first));
  }
  return out;
}

// Options whose words are checked by our own tables (cli/option_words)
// rather than by a CLI11 IsMember, which CLI11 cannot show: only their
// English names are proposed.
bool has_name(const OptionDoc& doc, std::string_view name) {
  for (const std::string& n : doc.names)
    if (n == name) return true;
  return false;
}

void add_table_words(OptionDoc& doc) {
  const auto has = [&](const char* name) { return has_name(doc, name); };
  if (has("--stage")) doc.words = split_list(cli::stage_names_list(), ',');
  if (has("--type")) doc.words = split_list(cli::unit_type_names_list(), ',');
  if (has("--status") || has("--fail-on")) {
    doc.words = split_list(cli::status_names_list(), ',');
    doc.word_list = true;
  }
}

OptionDoc describe_option(const CLI::Option& opt) {
  OptionDoc doc;
  doc.positional = !opt.nonpositional();
  if (doc.positional) doc.names.push_back(opt.get_name(true));
  for (const std::string& s : opt.get_snames()) doc.names.push_back("-" + s);
  for (const std::string& l : opt.get_lnames()) doc.names.push_back("--" + l);
  doc.takes_value = opt.get_items_expected_max() > 0;  // a flag expects none
  doc.repeatable = opt.get_expected_max() > 1;
  doc.required = opt.get_required();
  doc.description = opt.get_description();
  // "TEXT:{linear,cagr}", "INT:INT in [1900 - 2100]", "TEXT:STAGE", "TEXT"
  const std::string type = doc.takes_value ? opt.get_type_name() : "";
  const std::size_t colon = type.find(':');
  doc.value_type = type.substr(0, colon);
  if (colon != std::string::npos) doc.constraint = type.substr(colon + 1);
  if (doc.constraint.size() > 2 && doc.constraint.front() == '{' && doc.constraint.back() == '}')
    doc.words = split_list(doc.constraint.substr(1, doc.constraint.size() - 2), ',');
  if (doc.takes_value) add_table_words(doc);
  // Positionals are files, directories or '-' in every command; of the
  // options only these take a path (CLI11 types them all TEXT, like a unit
  // id or a search text, which no completion can guess).
  doc.path = doc.positional || has_name(doc, "--data") || has_name(doc, "--output") || has_name(doc, "--against");
  return doc;
}

CommandDoc describe_command(const CLI::App& app, const std::string& name) {
  CommandDoc doc{name, app.get_description(), {}};
  // Positionals first, as --help shows them.
  for (const CLI::Option* opt : app.get_options())
    if (!opt->nonpositional()) doc.options.push_back(describe_option(*opt));
  for (const CLI::Option* opt : app.get_options())
    if (opt->nonpositional()) doc.options.push_back(describe_option(*opt));
  return doc;
}

}  // namespace

AppDoc describe_app() {
  CLI::App app;
  cli::Action action;
  std::string lang_option;
  cli::build_command_line(app, action, lang_option);
  AppDoc doc{PLANCHECK_VERSION, describe_command(app, ""), {}};
  for (const CLI::App* cmd : app.get_subcommands({})) doc.commands.push_back(describe_command(*cmd, cmd->get_name()));
  return doc;
}

}  // namespace plancheck::docgen
