#include "core/yaml_walk.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/number.hpp"

namespace plancheck {

YamlContext::YamlContext(std::string file, std::string_view text, Diagnostics& diags)
    : file_(std::move(file)), text_(text), diags_(diags) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

Location YamlContext::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return file_start();
  // Count characters, not bytes, before the mark on its line.
  int column = 1;
  const auto line = static_cast<std::size_t>(mark.line);
  if (line < line_starts_.size()) {
    const std::size_t start = line_starts_[line];
    const std::size_t end = std::min(text_.size(), start + static_cast<std::size_t>(mark.column));
    for (std::size_t i = start; i < end; ++i) column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  } else {
    column = mark.column + 1;
  }
  return {file_, mark.line + 1, column};
}

Location YamlContext::at(const YAML::Node& node, const Location& fallback) const {
  if (!node.IsDefined() || node.Mark().is_null()) return fallback.file.empty() ? file_start() : fallback;
  return at(node.Mark());
}

std::string_view node_type_name(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  return "a value";
}

namespace {
bool expect(YamlContext& ctx, const YAML::Node& node, bool ok, std::string_view what, std::string_view want) {
  if (!ok) ctx.error(ctx.at(node), fmt::format("{} must be {}, found {}", what, want, node_type_name(node)));
  return ok;
}

std::string key_text(const YAML::Node& key) { return key.IsScalar() ? key.Scalar() : std::string("<non-scalar key>"); }
}  // namespace

bool expect_map(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  return expect(ctx, node, node.IsMap(), what, "a mapping");
}

bool expect_sequence(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  return expect(ctx, node, node.IsSequence(), what, "a list");
}

std::optional<std::string> expect_scalar(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  if (!expect(ctx, node, node.IsScalar(), what, "a value")) return std::nullopt;
  return node.Scalar();
}

std::vector<MapEntry> map_entries(YamlContext& ctx, const YAML::Node& map, std::string_view what) {
  std::vector<MapEntry> out;
  std::vector<std::pair<std::string, Location>> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = key_text(it->first);
    const Location here = ctx.at(it->first);
    const auto dup = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key; });
    if (dup != seen.end()) {
      ctx.error(here, fmt::format("duplicate key \"{}\" in {} (first at line {}); only one may be given", key,
                                  what, dup->second.line));
      continue;
    }
    seen.emplace_back(key, here);
    out.push_back({std::move(key), here, it->second});
  }
  return out;
}

Fields::Fields(YamlContext& ctx, const YAML::Node& map, std::span<const std::string_view> known,
               std::string_view what)
    : where_(ctx.at(map)), what_(what) {
  for (auto& e : map_entries(ctx, map, what)) {
    if (e.key.rfind("x-", 0) == 0) continue;  // extension keys are ignored by design
    if (std::find(known.begin(), known.end(), e.key) == known.end()) {
      ctx.error(e.where, fmt::format("unknown key \"{}\" in {}; accepted keys: {}", e.key, what,
                                     fmt::join(known, ", ")));
      continue;
    }
    entries_.emplace_back(std::move(e.key), e.value);
  }
}

const YAML::Node* Fields::get(std::string_view key) const {
  for (const auto& [k, v] : entries_)
    if (k == key) return &v;
  return nullptr;
}

bool Fields::require(YamlContext& ctx, std::string_view key) const {
  if (has(key)) return true;
  ctx.error(where_, fmt::format("{} has no \"{}\" (required)", what_, key));
  return false;
}

// --- Typed fields -----------------------------------------------------------

std::string quoted_list(std::span<const std::string_view> items) {
  std::vector<std::string> q;
  for (auto i : items) q.push_back(fmt::format("\"{}\"", i));
  return fmt::format("{}", fmt::join(q, ", "));
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::vector<std::string_view> v(items.begin(), items.end());
  return quoted_list(std::span<const std::string_view>(v));
}

// A required or optional text field.
std::string text_field(YamlContext& ctx, const Fields& f, std::string_view key, std::string_view what) {
  const YAML::Node* n = f.get(key);
  if (!n) return {};
  return expect_scalar(ctx, *n, fmt::format("\"{}\" of {}", key, what)).value_or("");
}

std::optional<int> year_field(YamlContext& ctx, const Fields& f, std::string_view key, std::string_view what) {
  const YAML::Node* n = f.get(key);
  if (!n) return std::nullopt;
  const auto text = expect_scalar(ctx, *n, fmt::format("\"{}\" of {}", key, what));
  if (!text) return std::nullopt;
  const auto y = parse_integer(*text);
  if (!y || *y < 1900 || *y > 2100) {
    ctx.error(ctx.at(*n), fmt::format("\"{}\" of {} is \"{}\"; expected a year between 1900 and 2100", key, what, *text));
    return std::nullopt;
  }
  return static_cast<int>(*y);
}

std::optional<double> number_field(YamlContext& ctx, const Fields& f, std::string_view key, std::string_view what,
                                   bool allow_thousands) {
  const YAML::Node* n = f.get(key);
  if (!n) return std::nullopt;
  const auto text = expect_scalar(ctx, *n, fmt::format("\"{}\" of {}", key, what));
  if (!text) return std::nullopt;
  const auto v = parse_number(*text, NumberStyle{allow_thousands});
  if (!v) ctx.error(ctx.at(*n), fmt::format("\"{}\" of {} is \"{}\", not a number", key, what, *text));
  return v;
}

// One of a fixed set of words; reports the accepted ones otherwise.
std::optional<std::string> choice_field(YamlContext& ctx, const Fields& f, std::string_view key,
                                        std::string_view what, std::span<const std::string_view> accepted) {
  const YAML::Node* n = f.get(key);
  if (!n) return std::nullopt;
  const auto text = expect_scalar(ctx, *n, fmt::format("\"{}\" of {}", key, what));
  if (!text) return std::nullopt;
  if (std::find(accepted.begin(), accepted.end(), *text) == accepted.end()) {
    ctx.error(ctx.at(*n), fmt::format("\"{}\" of {} is \"{}\"; accepted: {}", key, what, *text, quoted_list(accepted)));
    return std::nullopt;
  }
  return text;
}

}  // namespace plancheck
