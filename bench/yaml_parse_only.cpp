// The floor set by the parser: every file under DIR loaded with yaml-cpp's
// YAML::Load, one thread, nothing else done with it.
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: yaml_parse_only DIR\n";
    return 2;
  }
  std::size_t files = 0, nodes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const YAML::Node doc = YAML::Load(text.str());
    nodes += doc.size();
    ++files;
  }
  std::cout << files << " files, " << nodes << " top-level nodes\n";
}
