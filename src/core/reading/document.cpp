#include "core/reading/document.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/reading/docx.hpp"
#include "core/reading/loader.hpp"

namespace plancheck {

namespace {

std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  if (!in || !(buffer << in.rdbuf())) return std::nullopt;
  return buffer.str();
}

}  // namespace

std::optional<std::string> read_document(const std::string& path, Diagnostics& diags) {
  const std::string extension = std::filesystem::path(path).extension().string();
  const bool docx = extension == ".docx";
  if (!docx && extension != ".txt") {
    diags.error(Location(path), msg("extract reads Word documents (.docx) and UTF-8 text (.txt); convert the "
                                    "document to one of them first"));
    return std::nullopt;
  }
  auto raw = read_bytes(path);
  if (!raw) {
    diags.error(Location(path), msg("cannot read the document"));
    return std::nullopt;
  }
  if (docx) {
    Message why;
    auto text = docx_text(*raw, why);
    if (!text) {
      diags.error(Location(path), why);
      return std::nullopt;
    }
    raw = std::move(text);
  }
  const auto text = check_encoding(*raw, path, diags);
  if (!text) return std::nullopt;
  return std::string(*text);
}

}  // namespace plancheck
