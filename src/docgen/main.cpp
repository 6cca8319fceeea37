// plancheck-docgen: writes plancheck's man page and shell completions from
// its command line, at build time (cmake/Install.cmake).
//   plancheck-docgen man DOCDIR OUT | bash OUT | zsh OUT
#include <fstream>
#include <iostream>
#include <string>

#include "docgen.hpp"

int main(int argc, char** argv) {
  using namespace plancheck::docgen;
  const std::string what = argc > 1 ? argv[1] : "";
  const int need = what == "man" ? 4 : 3;
  if (argc != need || (what != "man" && what != "bash" && what != "zsh")) {
    std::cerr << "usage: plancheck-docgen man DOCDIR OUT | bash OUT | zsh OUT\n";
    return 2;
  }
  const AppDoc app = describe_app();
  const std::string text = what == "man" ? man_page(app, argv[2]) : what == "bash" ? bash_completion(app) : zsh_completion(app);
  std::ofstream out(argv[need - 1], std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::cerr << "plancheck-docgen: cannot write " << argv[need - 1] << '\n';
    return 1;
  }
  return 0;
}
