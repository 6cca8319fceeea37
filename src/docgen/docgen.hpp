#pragma once
// The man page and the shell completions of plancheck, generated at build
// time from the CLI11 app itself (cli/commands.hpp build_command_line), so
// that they name exactly the commands and options --help shows, with the
// same descriptions. Not installed: plancheck-docgen writes the files that
// are (cmake/Install.cmake).
#include <string>
#include <vector>

namespace plancheck::docgen {

struct OptionDoc {
  std::vector<std::string> names;  // "-h", "--help"; a positional: its name ("paths")
  bool positional = false;
  bool takes_value = false;  // false: a flag
  bool repeatable = false;   // given more than once, or several values (CLI11's "...")
  bool required = false;
  std::string value_type;    // CLI11's type: "TEXT", "INT", "UINT"
  std::string constraint;    // what CLI11 checks beyond the type: "INT in [1900 - 2100]", "{vi,en}", "STAGE"
  std::vector<std::string> words;  // the values it accepts, when they are a set of words
  bool word_list = false;          // a comma-separated list of those words (--status a,b)
  bool path = false;               // the value is a file or directory name
  std::string description;
};

struct CommandDoc {
  std::string name;  // "" for plancheck itself
  std::string description;
  std::vector<OptionDoc> options;  // positionals and options, in --help's order
};

struct AppDoc {
  std::string version;  // the project version, "0.1.0"
  CommandDoc top;       // plancheck's own options (--help, --version, --lang)
  std::vector<CommandDoc> commands;
};

AppDoc describe_app();

// plancheck.1 (roff, man(7) macros). `docdir`: where the documentation is
// installed, named in SEE ALSO.
std::string man_page(const AppDoc& app, const std::string& docdir);
// The bash completion file: defines _plancheck and registers it.
std::string bash_completion(const AppDoc& app);
// The zsh completion file (_plancheck, #compdef plancheck).
std::string zsh_completion(const AppDoc& app);

}  // namespace plancheck::docgen
