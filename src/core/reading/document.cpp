#include "core/reading/document.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/reading/docx.hpp"
#include "core/reading/loader.hpp"
#include "core/reading/pdf.hpp"

namespace plancheck {

namespace {

std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  // Read to the end (an empty file is read as empty: "<<" of an empty
  // stream buffer would fail), then fail on an error.
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return std::nullopt;
  return bytes;
}

}  // namespace

std::optional<std::string> read_document(const std::string& path, Diagnostics& diags) {
  // "KẾ HOẠCH.PDF" as well as ".pdf": published files are named either way.
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool docx = extension == ".docx", pdf = extension == ".pdf";
  if (!docx && !pdf && extension != ".txt") {
    diags.error(Location(path), msg("plan documents are read as PDF (.pdf), Word (.docx) or UTF-8 text (.txt); "
                                    "convert the document to one of them first"));
    return std::nullopt;
  }
  auto raw = read_bytes(path);
  if (!raw) {
    diags.error(Location(path), msg("cannot read the document"));
    return std::nullopt;
  }
  if (docx || pdf) {
    Message why;
    auto text = docx ? docx_text(*raw, why) : pdf_text(*raw, why);
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
