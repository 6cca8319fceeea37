// The plancheck executable: a thin shell around plancheck::cli::run_cli.
#include <malloc.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/app.hpp"
#include "cli/fd_stream.hpp"
#include "cli/terminal_width.hpp"

int main(int argc, char** argv) {
  // yaml-cpp allocates and frees a whole node tree per file: without these,
  // glibc gives the heap back to the system after every file and takes it
  // again for the next (a quarter of the run time on large batches). Memory
  // already touched stays reusable; the peak is unchanged.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  std::ios::sync_with_stdio(false);
  // stdout through a buffer that keeps the errno of a failed write, so that
  // "No space left on device" can be reported (std::cout only goes bad).
  plancheck::cli::FdStreamBuf out_buf(STDOUT_FILENO);
  std::ostream out(&out_buf);
  plancheck::cli::Io io{std::cin, out, std::cerr, isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1,
                        std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0',
                        plancheck::lang_from_env(std::getenv("LC_ALL"), std::getenv("LANG")), &out_buf,
                        plancheck::cli::terminal_columns(STDOUT_FILENO, std::getenv("COLUMNS"))};
  return plancheck::cli::run_cli(argc, argv, io);
}
