#pragma once
// Runs the CLI in-process with captured streams, for the CLI's unit tests.
#include <sstream>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace plancheck::test {

struct Run {
  int code;
  std::string out;
  std::string err;
};

inline Run run(std::vector<const char*> args, const std::string& input = "", bool out_is_terminal = false) {
  args.insert(args.begin(), "plancheck");
  std::istringstream in(input);
  std::ostringstream out, err;
  cli::Io io{in, out, err, out_is_terminal};
  const int code = cli::run_cli(static_cast<int>(args.size()), args.data(), io);
  return {code, out.str(), err.str()};
}

}  // namespace plancheck::test
