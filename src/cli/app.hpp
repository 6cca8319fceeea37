#pragma once
// The command-line front end. Streams are injected so tests run commands
// in-process and capture what they print.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/lang.hpp"
#include "core/util/message.hpp"

namespace plancheck::cli {

class FdStreamBuf;

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
  bool no_color_env = false;  // NO_COLOR is set
  Lang env_lang = Lang::En;   // from LC_ALL / LANG, for --lang's default
  const FdStreamBuf* out_buf = nullptr;  // under `out`, to say why a write failed (null in tests)
  std::size_t terminal_columns = 0;      // stdout's terminal width (terminal_width.hpp); 0: none or unknown
  Lang lang = Lang::En;  // of messages and --help: set by run_cli (message_language)
};

// Exit codes (cli.md): 0 ran and nothing failed, 1 checks failed, 2 bad
// usage or input (and then nothing on stdout), or a failure to write the
// results, or out of memory.
enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitBadInput = 2 };

int run_cli(int argc, const char* const* argv, Io& io);

// The language of messages and --help, needed before CLI11 parses (the help
// is built in it): the last --lang vi|en or --lang=vi|en before "--", else
// `env_lang`. A value other than vi or en is left to CLI11 to refuse.
Lang message_language(int argc, const char* const* argv, Lang env_lang);

// "plancheck: error: <message>" on stderr in the language of messages, or
// "<where>: error: …" for a file. "error" stays English, as in diagnostics.
void print_error(Io& io, const Message& message, std::string_view where = "plancheck");

// A validator's refusal of an option's value (--stage, init --type) for
// CLI11, which carries it as a string in its usage error: the English is
// returned, and the message kept for the usage error to word in the user's
// language (the last refusal on this thread).
std::string validator_refusal(const Message& why);

// Every English text of --help (descriptions, option groups), for the test
// that each has a Vietnamese wording.
std::vector<std::string> help_texts();

}  // namespace plancheck::cli
