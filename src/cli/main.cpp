// The plancheck executable: a thin shell around plancheck::cli::run_cli.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  plancheck::cli::Io io{std::cin, std::cout, std::cerr, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1,
                        std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0'};
  return plancheck::cli::run_cli(argc, argv, io);
}
