#pragma once
// The command-line front end. Streams are injected so tests run commands
// in-process and capture what they print.
#include <cstddef>
#include <iosfwd>

#include "core/util/lang.hpp"

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
};

// Exit codes (cli.md): 0 ran and nothing failed, 1 checks failed, 2 bad
// usage or input (and then nothing on stdout), or a failure to write the
// results, or out of memory.
enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitBadInput = 2 };

int run_cli(int argc, const char* const* argv, Io& io);

}  // namespace plancheck::cli
