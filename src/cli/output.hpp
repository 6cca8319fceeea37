#pragma once
// What every command shares for printing: diagnostics on stderr (coloured
// only on a terminal without NO_COLOR), reading stdin for "-".
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "core/reading/batch.hpp"
#include "core/rollup/walk_diagnostics.hpp"
#include "core/util/diagnostic.hpp"

namespace plancheck::cli {

enum class ColorMode { Auto, Always, Never };

bool use_color(ColorMode mode, bool is_terminal, bool no_color_env);

// Prints every diagnostic, one per line, in file and line order.
void print_diagnostics(Diagnostics diags, Io& io, ColorMode mode = ColorMode::Auto);
// The same for a walk's diagnostics, read back in that order as they are
// printed (most may wait in a temporary file).
void print_diagnostics(WalkDiagnostics& diags, Io& io, ColorMode mode = ColorMode::Auto);

// Builds the batch input, reading stdin when a path is "-".
BatchInput make_batch_input(const std::vector<std::string>& paths, const std::vector<std::string>& data_paths, Io& io);

}  // namespace plancheck::cli
