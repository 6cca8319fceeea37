#include "cli/app.hpp"

#include <array>
#include <cstring>
#include <new>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/fd_stream.hpp"
#include "cli/version.hpp"
#include "core/reading/hints.hpp"
#include "core/util/suggest.hpp"
#include "core/util/text.hpp"

namespace plancheck::cli {
namespace {

// CLI11's own words in the help (Formatter::get_label), worded per language.
constexpr std::array<const char*, 6> kHelpLabels{"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "REQUIRED"};

// CLI11's help lines, aligned by display columns: CLI11 pads by bytes, so a
// Vietnamese label ("BẮT BUỘC") pushed the descriptions out of line.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::size_t column = get_column_width(), width = display_width(name);
    std::string out = name + (width >= column ? "\n" + std::string(column, ' ') : std::string(column - width, ' '));
    for (const char c : make_option_desc(opt)) {
      out += c;
      if (c == '\n') out += std::string(column, ' ');
    }
    return out + "\n";
  }
};

// --lang on the commands that do not word tables or headings in a language
// (validate, init): for their messages and help.
void add_message_lang(CLI::App& cmd, std::string& ignored) {
  if (cmd.get_option_no_throw("--lang")) return;
  cmd.add_option("--lang", ignored, "Language of messages and help: vi or en (default: vi when LC_ALL or LANG starts with vi)")
      ->check(CLI::IsMember({"vi", "en"}));
}

void build_app(CLI::App& app, Action& action, std::string& lang_option) {
  app.formatter(std::make_shared<HelpFormatter>());  // before the commands: they share it
  app.name("plancheck");
  app.description("plancheck: check public development plans against their targets");
  app.set_version_flag("--version", version_line());
  app.require_subcommand(1);
  app.fallthrough();
  add_evaluate_command(app, action);
  add_gaps_command(app, action);
  add_project_command(app, action);
  add_summary_command(app, action);
  add_validate_command(app, action);
  add_init_command(app, action);
  add_template_command(app, action);
  add_catalogue_command(app, action);
  add_align_command(app, action);
  add_extract_command(app, action);
  add_message_lang(app, lang_option);
  for (CLI::App* cmd : app.get_subcommands({})) add_message_lang(*cmd, lang_option);
}

// The help's texts through the phrase table: descriptions and option groups
// of the app and each command. Done once the app is built, so the commands
// (one file each) keep their English text in place.
void translate_help(CLI::App& app, Lang lang) {
  app.description(std::string(tr(lang, app.get_description())));
  for (CLI::Option* opt : app.get_options()) {
    opt->description(std::string(tr(lang, opt->get_description())));
    opt->group(std::string(tr(lang, opt->get_group())));
  }
  for (CLI::App* cmd : app.get_subcommands({})) {
    cmd->group(std::string(tr(lang, cmd->get_group())));
    translate_help(*cmd, lang);
  }
}

// CLI11's own labels of the help (Formatter::get_label), shared by every
// command's help.
void translate_labels(CLI::App& app, Lang lang) {
  for (const char* label : kHelpLabels) app.get_formatter()->label(label, std::string(tr(lang, label)));
}

// The last refusal of a validator of ours (validator_refusal).
thread_local std::optional<Message> last_refusal;

// CLI11's usage errors as our phrases: CLI11 words them in English only, so
// its messages are matched by their shape (CLI/Error.hpp, Validators.hpp of
// CLI11 2.1). What is not matched is shown as CLI11 wrote it.
Message usage_error(const std::string& what) {
  static const std::regex not_member(R"(^(\S+): (.*) not in (\{.*\})$)");
  static const std::regex not_in_range(R"(^(\S+): Value (.*) not in range (.*) to (.*)$)");
  static const std::regex not_converted(R"(^(\S+): Value (.*) could not be converted.*$)");
  static const std::regex could_not_convert(R"(^Could not convert: (.*) = (.*)$)");
  static const std::regex missing(R"(^(\S+): (\d+) required (\S+) missing$)");
  static const std::regex one_extra(R"(^The following argument was not expected: (.*)$)");
  static const std::regex extras(R"(^The following arguments were not expected: (.*)$)");
  static const std::regex required(R"(^(.*) is required$)");
  static const std::regex validator(R"(^(-[^:\s]+): (.*)$)");
  std::smatch m;
  const auto match = [&](const std::regex& re) { return std::regex_match(what, m, re); };
  if (what == "A subcommand is required") return msg("A subcommand is required");
  if (match(one_extra)) return msg("The following argument was not expected: {}", m.str(1));
  if (match(extras)) return msg("The following arguments were not expected: {}", m.str(1));
  if (match(not_member)) return msg("{}: {} not in {}", m.str(1), m.str(2), m.str(3));
  if (match(not_in_range)) return msg("{}: value {} not in range {} to {}", m.str(1), m.str(2), m.str(3), m.str(4));
  if (match(not_converted)) return msg("{}: value {} could not be converted", m.str(1), m.str(2));
  if (match(could_not_convert)) return msg("{}: value {} could not be converted", m.str(1), m.str(2));
  if (match(missing)) return msg("{}: {} required {} missing", m.str(1), m.str(2), m.str(3));
  if (match(required)) return msg("{} is required", m.str(1));
  // A validator of ours: its message as it refused (validator_refusal), or
  // its text looked up in the table (init --unit).
  if (match(validator)) {
    if (last_refusal && last_refusal->str(Lang::En) == m.str(2)) return msg("{}: {}", m.str(1), *last_refusal);
    return msg("{}: {}", m.str(1), Message::foreign(m.str(2)));
  }
  return Message::foreign(what);
}

// The line after a usage error.
std::string run_with_help(Lang lang) { return msg("Run with {} for more information.", std::string("--help")).str(lang) + "\n"; }

// The subcommand named on the command line, if any.
const CLI::App* named_subcommand(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i)
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == argv[i]) return sub;
  return nullptr;
}

// A usage error with what was perhaps meant: a command, an option name or
// an option's value one slip away from a known one. Nothing when CLI11's
// own message is all there is to say.
std::optional<Message> usage_hint(const CLI::App& app, int argc, const char* const* argv,
                                  const CLI::ParseError& e) {
  const std::string what = e.what();
  const CLI::App* sub = named_subcommand(app, argc, argv);
  if (!sub && argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> commands;
    for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; })) commands.push_back(s->get_name());
    return unknown_command(argv[1], closest_match(argv[1], commands), commands);
  }
  if (sub && dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // "The following argument was not expected: --formt"
    const std::string extra = what.substr(what.rfind(' ') + 1);
    if (!extra.starts_with("--")) return std::nullopt;
    std::vector<std::string> names;
    for (const CLI::Option* o : sub->get_options())
      for (const std::string& n : o->get_lnames()) names.push_back("--" + n);
    const auto option = closest_match(extra.substr(0, extra.find('=')), names);
    if (!option) return std::nullopt;
    return msg("{}{}", usage_error(what), did_you_mean(option));
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e)) {
    // CLI::IsMember's "--format: jsn not in {table,json,…}"
    const std::size_t colon = what.find(": "), not_in = what.find(" not in {");
    if (colon == std::string::npos || not_in == std::string::npos || not_in < colon || what.back() != '}')
      return std::nullopt;
    const std::string value = what.substr(colon + 2, not_in - colon - 2);
    std::vector<std::string> accepted;
    std::stringstream list(what.substr(not_in + 9, what.size() - not_in - 10));
    for (std::string word; std::getline(list, word, ',');) accepted.push_back(word);
    const auto meant = closest_match(value, accepted);
    if (!meant) return std::nullopt;
    return msg("{}{}", usage_error(what), did_you_mean(meant));
  }
  return std::nullopt;
}

int parse_and_run(int argc, const char* const* argv, Io& io) {
  CLI::App app;
  Action action;
  std::string lang_option;  // the language is already known (io.lang)
  build_app(app, action, lang_option);
  if (io.lang != Lang::En) {
    translate_help(app, io.lang);
    translate_labels(app, io.lang);
    app.failure_message([lang = io.lang](const CLI::App*, const CLI::Error& e) {
      return usage_error(e.what()).str(lang) + "\n" + run_with_help(lang);
    });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (const auto hint = e.get_exit_code() == 0 ? std::nullopt : usage_hint(app, argc, argv, e)) {
      io.err << hint->str(io.lang) << '\n' << run_with_help(io.lang);
      return kExitBadInput;
    }
    // --help and --version exit 0; every usage error is our exit code 2.
    return app.exit(e, io.out, io.err) == 0 ? kExitOk : kExitBadInput;
  }
  // Each command writes its results only once it knows the input is good
  // (exit 2 prints nothing on stdout): in memory for the single-document
  // formats, through a temporary file for summary's stream.
  return action(io);
}

// Results that did not reach stdout (a full disk, an I/O error) are a failed
// run, whatever the checks found.
int check_written(Io& io, int code) {
  io.out.flush();
  if (io.out) return code;
  const int error = io.out_buf ? io.out_buf->error() : 0;
  print_error(io, error != 0 ? msg("cannot write to standard output: {}", Message::foreign(std::strerror(error)))
                             : msg("cannot write to standard output"));
  return kExitBadInput;
}

void collect_help(CLI::App& app, std::vector<std::string>& out) {
  out.push_back(app.get_description());
  for (CLI::Option* opt : app.get_options()) {
    out.push_back(opt->get_description());
    out.push_back(opt->get_group());
  }
  for (CLI::App* cmd : app.get_subcommands({})) {
    out.push_back(cmd->get_group());
    collect_help(*cmd, out);
  }
}

}  // namespace

Lang message_language(int argc, const char* const* argv, Lang env_lang) {
  Lang lang = env_lang;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    std::optional<Lang> given;
    if (arg == "--lang" && i + 1 < argc) given = parse_lang(argv[++i]);
    else if (arg.starts_with("--lang=")) given = parse_lang(arg.substr(7));
    if (given) lang = *given;
  }
  return lang;
}

std::string validator_refusal(const Message& why) {
  last_refusal = why;
  return why.str(Lang::En);
}

void print_error(Io& io, const Message& message, std::string_view where) {
  io.err << where << ": error: " << message.str(io.lang) << '\n';
}

void build_command_line(CLI::App& app, Action& action, std::string& lang_option) {
  build_app(app, action, lang_option);
}

std::vector<std::string> help_texts() {
  CLI::App app;
  Action action;
  std::string lang_option;
  build_app(app, action, lang_option);
  std::vector<std::string> out;
  collect_help(app, out);
  out.insert(out.end(), kHelpLabels.begin(), kHelpLabels.end());
  return out;
}

int run_cli(int argc, const char* const* argv, Io& io) {
  io.lang = message_language(argc, argv, io.env_lang);
  // Looked up now (the phrase table is built on first use), not once memory
  // has run out.
  const std::string_view out_of_memory =
      tr(io.lang, "out of memory; check fewer or smaller files at a time, or use --jobs 1");
  int code = kExitOk;
  try {
    code = parse_and_run(argc, argv, io);
  } catch (const std::bad_alloc&) {
    // No formatting here: it would allocate. The parallel loader hands a
    // worker's bad_alloc over to this thread.
    io.err << "plancheck: error: " << out_of_memory << '\n';
    return kExitBadInput;
  } catch (const std::runtime_error& e) {
    // A temporary file that cannot be made or written (TMPDIR missing, a
    // full disk): diagnostics and report bodies wait in them.
    io.err << "plancheck: error: " << e.what() << '\n';
    return kExitBadInput;
  }
  return check_written(io, code);
}

}  // namespace plancheck::cli
