#include "cli/output.hpp"

#include "core/reading/limits.hpp"

#include <algorithm>
#include <iostream>
#include <iterator>

namespace plancheck::cli {

bool use_color(ColorMode mode, bool is_terminal, bool no_color_env) {
  if (mode == ColorMode::Always) return true;
  if (mode == ColorMode::Never) return false;
  return is_terminal && !no_color_env;
}

namespace {

void print_diagnostic(const Diagnostic& d, bool color, Io& io) {
  std::string line = format_diagnostic(d, io.lang);
  if (color) {
    const std::string word = d.severity == Severity::Error ? "error:" : "warning:";
    const std::string paint = d.severity == Severity::Error ? "\x1b[1;31m" : "\x1b[1;35m";
    if (const auto at = line.find(": " + word); at != std::string::npos)
      line.replace(at + 2, word.size(), paint + word + "\x1b[0m");
  }
  io.err << line << '\n';
}

}  // namespace

void print_diagnostics(Diagnostics diags, Io& io, ColorMode mode) {
  diags.sort_by_location();
  const bool color = use_color(mode, io.err_is_terminal, io.no_color_env);
  for (const Diagnostic& d : diags.items()) print_diagnostic(d, color, io);
}

void print_diagnostics(WalkDiagnostics& diags, Io& io, ColorMode mode) {
  const bool color = use_color(mode, io.err_is_terminal, io.no_color_env);
  diags.each([&](const Diagnostic& d) { print_diagnostic(d, color, io); });
}

BatchInput make_batch_input(const std::vector<std::string>& paths, const std::vector<std::string>& data_paths, Io& io) {
  BatchInput input{paths, data_paths, std::nullopt};
  const bool wants_stdin = std::find(paths.begin(), paths.end(), "-") != paths.end() ||
                           std::find(data_paths.begin(), data_paths.end(), "-") != data_paths.end();
  if (wants_stdin) {
    // Read one byte past the limit: the loader then reports the size.
    std::string text(limits::kMaxFileBytes + 1, '\0');
    io.in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(io.in.gcount()));
    input.stdin_text = std::move(text);
  }
  return input;
}

}  // namespace plancheck::cli
