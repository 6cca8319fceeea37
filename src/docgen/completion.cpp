// Shell completions walked from the same app as --help: commands, their
// options, the words an option accepts (CLI11's IsMember sets and our own
// word tables, see model.cpp) and file names where a value or a positional
// is a path (model.cpp says which). Other values (a year, a unit id, a
// search text) propose nothing.
#include <fmt/format.h>

#include "docgen.hpp"

namespace plancheck::docgen {
namespace {

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
  return out;
}

// A single-quoted shell word ('it'\''s').
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::vector<std::string> option_names(const CommandDoc& cmd) {
  std::vector<std::string> out;
  for (const OptionDoc& o : cmd.options)
    if (!o.positional) out.insert(out.end(), o.names.begin(), o.names.end());
  return out;
}

bool has_positionals(const CommandDoc& cmd) {
  for (const OptionDoc& o : cmd.options)
    if (o.positional) return true;
  return false;
}

// The `case $prev in … esac` arms of one command: what follows each option
// that takes a value.
std::string bash_value_arms(const CommandDoc& cmd) {
  std::string out;
  for (const OptionDoc& o : cmd.options) {
    if (o.positional || !o.takes_value) continue;
    std::string action;
    if (!o.words.empty()) action = "_plancheck_words " + quoted(joined(o.words, " ")) + (o.word_list ? " list" : "");
    else if (o.path) action = "_plancheck_files";
    else action = ":";  // nothing to propose
    out += fmt::format("                {}) {}; return ;;\n", joined(o.names, "|"), action);
  }
  return out;
}

std::string bash_command_arm(const CommandDoc& cmd) {
  const std::string arms = bash_value_arms(cmd);
  std::string out = fmt::format("        {})\n", cmd.name.empty() ? "''" : cmd.name);
  if (!arms.empty()) out += "            case $prev in\n" + arms + "            esac\n";
  out += "            opts=" + quoted(joined(option_names(cmd), " ")) + "\n";
  out += std::string("            paths=") + (has_positionals(cmd) ? "1" : "") + "\n            ;;\n";
  return out;
}

// Text for a zsh _arguments spec inside single quotes: the quote closed and
// reopened, brackets and backslashes escaped, colons too (they end a field).
std::string zsh_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\'') out += "'\\''";
    else if (c == '[' || c == ']' || c == '\\' || c == ':') out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

// "--format", "-h" → "format", "h": the message shown over an option's values.
std::string value_label(const OptionDoc& o) {
  std::string name = o.names.back();
  while (!name.empty() && name.front() == '-') name.erase(0, 1);
  return name;
}

std::string zsh_action(const OptionDoc& o) {
  if (!o.words.empty() && o.word_list) return "_values -s , " + value_label(o) + " " + joined(o.words, " ");
  if (!o.words.empty()) return fmt::format("({})", joined(o.words, " "));  // not "(" + …: GCC bug 105329
  if (o.path) return "_files";
  return " ";  // the message alone
}

std::vector<std::string> zsh_specs(const CommandDoc& cmd) {
  std::vector<std::string> out;
  std::size_t position = 0;
  for (const OptionDoc& o : cmd.options) {
    if (o.positional) {
      const std::string where = o.repeatable ? "*" : std::to_string(++position);
      out.push_back("'" + where + ":" + zsh_text(o.names.front()) + ":" + zsh_action(o) + "'");
      continue;
    }
    // --help and --version end the command line: nothing after them.
    const bool final = o.names.back() == "--help" || o.names.back() == "--version";
    const std::string exclusion = final ? "(- *)" : o.repeatable ? "*" : o.names.size() > 1 ? "(" + joined(o.names, " ") + ")" : "";
    for (const std::string& name : o.names) {
      std::string spec = "'" + exclusion + name + (o.takes_value ? "=" : "") + "[" + zsh_text(o.description) + "]";
      if (o.takes_value) spec += fmt::format(":{}:{}", value_label(o), zsh_action(o));
      out.push_back(spec + "'");
    }
  }
  return out;
}

std::string zsh_arguments(const std::vector<std::string>& specs, std::string_view indent) {
  std::string out;
  for (const std::string& s : specs) out += fmt::format(" \\\n{}{}", indent, s);
  return out;
}

}  // namespace

std::string bash_completion(const AppDoc& app) {
  std::vector<std::string> commands;
  for (const CommandDoc& c : app.commands) commands.push_back(c.name);
  std::string out = R"(# bash completion for plancheck                              -*- shell-script -*-
# Generated at build time by plancheck-docgen from plancheck's command line
# (src/docgen/): do not edit.

# The words in $1 that start like $cur; with "list", $cur is a comma-separated
# list and its last item is completed (--status met,off-<TAB>).
_plancheck_words()
{
    local prefix=""
    if [[ ${2-} == list && $cur == *,* ]]; then
        prefix=${cur%,*},
        cur=${cur##*,}
    fi
    mapfile -t COMPREPLY < <(compgen -P "$prefix" -W "$1" -- "$cur")
}

_plancheck_files()
{
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}

_plancheck()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev="" cmd="" opts="" paths="" i
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # --option=value: bash splits the word at '='.
    if [[ $cur == = ]]; then
        cur=""
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
)";
  out += "            " + joined(commands, "|") + ") cmd=${COMP_WORDS[i]}; break ;;\n";
  out += "        esac\n    done\n    COMPREPLY=()\n    case $cmd in\n";
  out += bash_command_arm(app.top);
  for (const CommandDoc& c : app.commands) out += bash_command_arm(c);
  out += "    esac\n";
  out += "    if [[ $cur == -* ]]; then\n"
         "        mapfile -t COMPREPLY < <(compgen -W \"$opts\" -- \"$cur\")\n"
         "    elif [[ -z $cmd ]]; then\n"
         "        mapfile -t COMPREPLY < <(compgen -W " + quoted(joined(commands, " ")) + " -- \"$cur\")\n"
         "    elif [[ -n $paths ]]; then\n"
         "        _plancheck_files\n"
         "    fi\n"
         "}\n\n"
         "complete -F _plancheck plancheck\n";
  return out;
}

std::string zsh_completion(const AppDoc& app) {
  std::string out = "#compdef plancheck\n"
                    "# zsh completion for plancheck. Generated at build time by plancheck-docgen\n"
                    "# from plancheck's command line (src/docgen/): do not edit.\n\n";
  for (const CommandDoc& c : app.commands)
    out += "_plancheck_" + c.name + "() {\n  _arguments -s -S" + zsh_arguments(zsh_specs(c), "    ") + "\n}\n\n";
  out += "_plancheck() {\n"
         "  local curcontext=\"$curcontext\" state line ret=1\n"
         "  typeset -A opt_args\n"
         "  _arguments -C";
  std::vector<std::string> top = zsh_specs(app.top);
  top.push_back("'1: :->command'");
  top.push_back("'*:: :->argument'");
  out += zsh_arguments(top, "    ") + " && ret=0\n";
  out += "  case $state in\n"
         "    command)\n"
         "      local -a commands\n"
         "      commands=(\n";
  // _describe splits at the first colon only: the description's own stay.
  for (const CommandDoc& c : app.commands) out += "        " + quoted(c.name + ":" + c.description) + "\n";
  out += "      )\n"
         "      _describe -t commands 'plancheck command' commands && ret=0\n"
         "      ;;\n"
         "    argument)\n"
         "      curcontext=\"${curcontext%:*:*}:plancheck-$words[1]:\"\n"
         "      case $words[1] in\n";
  for (const CommandDoc& c : app.commands) out += "        " + c.name + ") _plancheck_" + c.name + " && ret=0 ;;\n";
  out += "      esac\n"
         "      ;;\n"
         "  esac\n"
         "  return ret\n"
         "}\n\n"
         "_plancheck \"$@\"\n";
  return out;
}

}  // namespace plancheck::docgen
