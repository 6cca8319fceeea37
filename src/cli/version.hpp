#pragma once
// What `plancheck --version` prints. The version is CMake's
// project(VERSION); the JSON output's "plancheck" key is the format's own
// version and does not follow it.
#include <string>
#include <string_view>

namespace plancheck::cli {

// `git describe --always --dirty` of the checkout plancheck was built from
// ("52e13a3-dirty", "v0.1.0-3-g52e13a3"), or "" when it was not built from
// one (a tarball). Defined in a source generated at build time
// (cmake/GitDescribe.cmake).
std::string_view git_description();

// "plancheck 0.1.0", or "plancheck 0.1.0 (git 52e13a3-dirty)".
inline std::string version_line() {
  const std::string_view git = git_description();
  std::string line = "plancheck " PLANCHECK_VERSION;
  if (!git.empty()) line.append(" (git ").append(git).append(")");
  return line;
}

}  // namespace plancheck::cli
