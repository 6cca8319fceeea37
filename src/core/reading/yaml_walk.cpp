#include "core/reading/yaml_walk.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/reading/hints.hpp"
#include "core/util/number.hpp"
#include "core/util/suggest.hpp"

namespace plancheck {

YamlContext::YamlContext(std::string file, std::string_view text, Diagnostics& diags)
    : file_(std::make_shared<const std::string>(std::move(file))), text_(text), diags_(diags) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

Location YamlContext::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return file_start();
  // Count characters, not bytes, before the mark on its line.
  const auto line = static_cast<std::size_t>(mark.line);
  if (line >= line_starts_.size()) return {file_, mark.line + 1, mark.column + 1};
  if (cached_line_ != mark.line) {
    const std::size_t start = line_starts_[line];
    const std::size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] : text_.size();
    cached_columns_.assign(1, 1);
    for (std::size_t i = start; i < end; ++i)
      cached_columns_.push_back(cached_columns_.back() + ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80));
    cached_line_ = mark.line;
  }
  const auto byte = static_cast<std::size_t>(mark.column);
  const int column = byte < cached_columns_.size() ? cached_columns_[byte] : mark.column + 1;
  return {file_, mark.line + 1, column};
}

void YamlContext::error(const Location& where, Message message) {
  const auto line = static_cast<std::size_t>(where.line);
  if (line < 1 || line > line_starts_.size() || where.column < 1) return diags_.error(where, std::move(message));
  const std::size_t start = line_starts_[line - 1];
  const std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  const std::string_view text = text_.substr(start, end - start);
  if (cut_line_ != where.line) {  // errors come in line order: a line is looked at once
    cuts_ = flow_decimal_commas(text);
    cut_line_ = where.line;
  }
  if (cuts_.empty()) return diags_.error(where, std::move(message));
  // The byte of the location's character column.
  std::size_t byte = 0;
  for (int chars = 1; byte < text.size() && chars < where.column; ++chars)
    for (++byte; byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80;) ++byte;
  const auto cut = std::find_if(cuts_.begin(), cuts_.end(), [&](auto& c) { return byte >= c.start && byte <= c.reach; });
  if (cut == cuts_.end()) return diags_.error(where, std::move(message));
  // Placed at the number, whichever of its halves the error was about.
  const auto chars = std::count_if(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(cut->start),
                                   [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  const Location at(file_, where.line, static_cast<int>(chars) + 1);
  if (decimal_commas_.emplace(at.line, at.column).second) diags_.error(at, decimal_comma(cut->written));
}

bool YamlContext::cut_number_at(const Location& where) const {
  return decimal_commas_.contains({where.line, where.column});
}

Location YamlContext::at(const YNode& node, const Location& fallback) const {
  if (!node.IsDefined() || node.Mark().is_null()) return !fallback.has_file() ? file_start() : fallback;
  return at(node.Mark());
}

Message node_type_name(const YNode& node) {
  if (!node.IsDefined() || node.IsNull()) return msg("nothing");
  if (node.IsMap()) return msg("a mapping");
  if (node.IsSequence()) return msg("a list");
  return msg("a value");
}

Message quoted_key(std::string_view key) { return msg("\"{}\"", key); }

namespace {
bool expect(YamlContext& ctx, const YNode& node, bool ok, const Message& what, Message want) {
  if (!ok) ctx.error(ctx.at(node), msg("{} must be {}, found {}", what, std::move(want), node_type_name(node)));
  return ok;
}

std::string key_text(const YNode& key) { return key.IsScalar() ? key.Scalar() : std::string("<non-scalar key>"); }
}  // namespace

std::optional<std::string> field_scalar(YamlContext& ctx, const YNode& node, std::string_view key, const Message& what) {
  if (node.IsScalar()) return node.Scalar();
  return expect_scalar(ctx, node, msg("\"{}\" of {}", key, what));
}

bool expect_map(YamlContext& ctx, const YNode& node, const Message& what) {
  return expect(ctx, node, node.IsMap(), what, msg("a mapping"));
}

bool expect_sequence(YamlContext& ctx, const YNode& node, const Message& what) {
  return expect(ctx, node, node.IsSequence(), what, msg("a list"));
}

std::optional<std::string> expect_scalar(YamlContext& ctx, const YNode& node, const Message& what) {
  if (!expect(ctx, node, node.IsScalar(), what, msg("a value"))) return std::nullopt;
  return node.Scalar();
}

std::vector<MapEntry> map_entries(YamlContext& ctx, const YNode& map, const Message& what) {
  std::vector<MapEntry> out;
  out.reserve(map.size());
  for (auto it = map.begin(); it != map.end(); ++it) {
    std::string key = key_text(it->first);
    const auto dup = std::find_if(out.begin(), out.end(), [&](const MapEntry& e) { return e.key == key; });
    if (dup != out.end()) {
      ctx.error(ctx.at(it->first), msg("duplicate key \"{}\" in {} (first at line {}); only one may be given", key, what,
                                       ctx.at(dup->key_node).line));
      continue;
    }
    out.push_back({std::move(key), it->first, it->second});
  }
  return out;
}

Fields::Fields(YamlContext& ctx, const YNode& map, std::span<const std::string_view> known, Message what)
    : ctx_(&ctx), mark_(map.Mark()), what_(std::move(what)) {
  entries_.reserve(map.size());
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      ctx.error(ctx.at(it->first), msg("a key in {} is {}; keys are plain words", what_, node_type_name(it->first)));
      continue;
    }
    const std::string& key = it->first.Scalar();  // lives as long as the document
    if (key.rfind("x-", 0) == 0) {  // extension keys are not checked by design
      extensions_.push_back({key, it->first.Mark(), it->second});
      continue;
    }
    const auto dup = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
    if (dup != entries_.end()) {
      ctx.error(ctx.at(it->first), msg("duplicate key \"{}\" in {} (first at line {}); only one may be given", key, what_,
                                       dup->key_mark.line + 1));
      continue;
    }
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      const auto meant = closest_match(key, known);
      ctx.error(ctx.at(it->first), msg("unknown key \"{}\"{} in {}; accepted keys: {}", key, did_you_mean(meant), what_,
                                       fmt::format("{}", fmt::join(known, ", "))));
      if (meant) suggested_.push_back(*meant);
      continue;
    }
    entries_.push_back({key, it->first.Mark(), it->second});
  }
}

const YNode* Fields::get(std::string_view key) const {
  for (const Entry& e : entries_)
    if (e.key == key) return &e.value;
  return nullptr;
}

const YNode* Fields::extension(std::string_view key) const {
  for (const Entry& e : extensions_)
    if (e.key == key) return &e.value;
  return nullptr;
}

bool Fields::require(YamlContext& ctx, std::string_view key) const {
  if (has(key)) return true;
  // "target" was said as an unknown key that perhaps meant "targets".
  if (std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end()) return false;
  ctx.error(where(), msg("{} has no \"{}\" (required)", what_, key));
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
std::string text_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what) {
  const YNode* n = f.get(key);
  if (!n) return {};
  return field_scalar(ctx, *n, key, what).value_or("");
}

std::optional<int> year_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what) {
  const YNode* n = f.get(key);
  if (!n) return std::nullopt;
  const auto text = field_scalar(ctx, *n, key, what);
  if (!text) return std::nullopt;
  const auto y = parse_integer(*text);
  if (!y || *y < 1900 || *y > 2100) {
    ctx.error(ctx.at(*n), msg("\"{}\" of {} is \"{}\"; expected a year between 1900 and 2100{}", key, what, *text,
                              school_year_as_year_hint(*text)));
    return std::nullopt;
  }
  return static_cast<int>(*y);
}

std::optional<double> number_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what,
                                   bool allow_thousands) {
  const YNode* n = f.get(key);
  if (!n) return std::nullopt;
  const auto text = field_scalar(ctx, *n, key, what);
  if (!text) return std::nullopt;
  const auto v = parse_number(*text, NumberStyle{allow_thousands});
  if (!v) ctx.error(ctx.at(*n), msg("\"{}\" of {} is \"{}\", not a number", key, what, *text));
  return v;
}

// One of a fixed set of words; reports the accepted ones otherwise.
std::optional<std::string> choice_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what,
                                        std::span<const std::string_view> accepted) {
  const YNode* n = f.get(key);
  if (!n) return std::nullopt;
  const auto text = field_scalar(ctx, *n, key, what);
  if (!text) return std::nullopt;
  if (std::find(accepted.begin(), accepted.end(), *text) == accepted.end()) {
    ctx.error(ctx.at(*n), msg("\"{}\" of {} is \"{}\"{}; accepted: {}", key, what, *text,
                              did_you_mean(closest_match(*text, accepted)), quoted_list(accepted)));
    return std::nullopt;
  }
  return text;
}

}  // namespace plancheck
