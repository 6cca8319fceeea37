#pragma once
// Walking yaml-cpp nodes with locations. yaml-cpp keeps duplicate mapping keys
// silently and looks keys up linearly, so each mapping is iterated once here:
// unknown keys, duplicate keys and wrong node types become diagnostics.
#include "core/reading/yaml_tree.hpp"
#include "core/reading/hints.hpp"

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/util/diagnostic.hpp"

namespace plancheck {

class YamlContext {
 public:
  // `text` is the document as parsed, for turning byte columns into
  // character columns (Vietnamese letters take two or three bytes).
  YamlContext(std::string file, std::string_view text, Diagnostics& diags);

  // yaml-cpp marks are 0-based; ours are 1-based. A node without a mark (a
  // missing key) takes its parent's location.
  Location at(const YNode& node, const Location& fallback = {}) const;
  Location at(const YAML::Mark& mark) const;
  Location file_start() const { return {file_, 1, 1}; }
  const std::string& file() const { return *file_; }
  Diagnostics& diags() { return diags_; }

  // An error at a number cut at a decimal comma inside { } or [ ] is said
  // as that (core/reading/hints.hpp), once for the number.
  void error(const Location& where, Message message);
  // Whether a number cut at a decimal comma was said to start here (its
  // first half is no value of its own).
  bool cut_number_at(const Location& where) const;
  bool has_cut_numbers() const { return !decimal_commas_.empty(); }

 private:
  std::shared_ptr<const std::string> file_;
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
  // Character column of each byte of the last line asked for: nodes come in
  // line order, so a line is measured once.
  mutable int cached_line_ = -1;
  mutable std::vector<int> cached_columns_;
  Diagnostics& diags_;
  std::set<std::pair<int, int>> decimal_commas_;
  int cut_line_ = -1;  // the line whose cut numbers are in cuts_
  std::vector<CutNumber> cuts_;  // line and column of the numbers said already
};

// The entries of one mapping, with unknown and duplicate keys reported.
class Fields {
 public:
  // `what` names the mapping in messages ("indicator preschool.x").
  Fields(YamlContext& ctx, const YNode& map, std::span<const std::string_view> known, Message what);

  const YNode* get(std::string_view key) const;  // nullptr when absent
  // An extension key's value (`x-seed-line`), nullptr when absent: the
  // format ignores them, a few features read them (docs/source-coverage.md).
  const YNode* extension(std::string_view key) const;
  bool has(std::string_view key) const { return get(key) != nullptr; }
  // The mapping's location, worked out only when asked for (errors).
  Location where() const { return ctx_->at(mark_); }

  // Reports a missing required key at the mapping's own location.
  bool require(YamlContext& ctx, std::string_view key) const;

 private:
  // Known keys only; the key text lives in the document's nodes.
  struct Entry {
    std::string_view key;
    YAML::Mark key_mark;
    YNode value;
  };
  std::vector<Entry> entries_;
  std::vector<Entry> extensions_;  // the `x-` keys, in order
  std::vector<std::string> suggested_;  // for unknown keys: a missing one is not said again
  const YamlContext* ctx_;
  YAML::Mark mark_;
  Message what_;
};

// Node type names for messages: "a mapping", "a list", "a value", "nothing".
Message node_type_name(const YNode& node);

// A key of the format named in a message: "\"unit\"".
Message quoted_key(std::string_view key);

// Expect a node type; report "<what> must be a mapping, found a list".
bool expect_map(YamlContext& ctx, const YNode& node, const Message& what);
bool expect_sequence(YamlContext& ctx, const YNode& node, const Message& what);
std::optional<std::string> expect_scalar(YamlContext& ctx, const YNode& node, const Message& what);

// A field's text ("\"ref\" of indicator x" must be a value), the type
// checked before `what` is worded (only an error needs it).
std::optional<std::string> field_scalar(YamlContext& ctx, const YNode& node, std::string_view key, const Message& what);

struct MapEntry {
  std::string key;
  YNode key_node;  // for its location: ctx.at(key_node)
  YNode value;
};

// The mapping's entries in order, with duplicate keys reported.
std::vector<MapEntry> map_entries(YamlContext& ctx, const YNode& map, const Message& what);

// Typed fields of a mapping read into `f`; each reports a wrong type or
// value at the value's location and returns nothing (or "") then.
std::string text_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what);
std::optional<int> year_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what);
std::optional<double> number_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what,
                                   bool allow_thousands = false);
std::optional<std::string> choice_field(YamlContext& ctx, const Fields& f, std::string_view key, const Message& what,
                                        std::span<const std::string_view> accepted);

// "\"a\", \"b\"" for messages.
std::string quoted_list(std::span<const std::string_view> items);
std::string quoted_list(const std::vector<std::string>& items);

}  // namespace plancheck
