#pragma once
// A read-only YAML document tree built from yaml-cpp's event parser.
//
// yaml-cpp's own YAML::Load builds nodes out of shared pointers; on large
// batches that tree cost as much as parsing. This tree is a flat array of
// nodes, built in one pass and walked without reference counting. It also
// keeps what the loader must check and YAML::Node hides: whether a scalar
// was quoted, and aliases, which plan files have no use for (a self-
// referencing anchor or an alias bomb cannot make a tree that is walked
// forever, because aliases are never expanded).
//
// The handle API mirrors the part of YAML::Node the loader uses.
#include <yaml-cpp/mark.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/message.hpp"

namespace plancheck {

class YamlTree;

// A document beyond plancheck's limits (nesting, size): reported at `mark`.
struct YamlLimitError : std::runtime_error {
  YamlLimitError(const YAML::Mark& m, Message why) : std::runtime_error(why.str(Lang::En)), mark(m), message(std::move(why)) {}
  YAML::Mark mark;
  Message message;
};

class YNode {
 public:
  YNode() = default;
  YNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  bool IsDefined() const { return tree_ != nullptr; }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsMap() const;
  bool IsSequence() const;
  bool IsAlias() const;   // an alias (*name): kept as a node of its own, never expanded
  bool Quoted() const;    // a scalar written in quotes
  const std::string& Scalar() const;
  YAML::Mark Mark() const;
  std::size_t size() const;  // pairs of a mapping, items of a sequence

  // A mapping's value for `key` (first match), or an undefined node.
  YNode operator[](std::string_view key) const;
  explicit operator bool() const { return IsDefined(); }

  // An element: itself (sequences) with `first`/`second` for mappings.
  struct Item;
  class iterator;
  iterator begin() const;
  iterator end() const;

 private:
  std::uint32_t first_child() const;
  friend class YamlTree;

// A document beyond plancheck's limits (nesting, size): reported at `mark`.
struct YamlLimitError : std::runtime_error {
  YamlLimitError(const YAML::Mark& m, Message why) : std::runtime_error(why.str(Lang::En)), mark(m), message(std::move(why)) {}
  YAML::Mark mark;
  Message message;
};
  const YamlTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

struct YNode::Item : YNode {
  YNode first;   // the key (mappings)
  YNode second;  // the value (mappings)
};

class YNode::iterator {
 public:
  iterator(const YamlTree* tree, std::uint32_t at, bool pairs) : tree_(tree), at_(at), pairs_(pairs) { load(); }
  const Item& operator*() const { return item_; }
  const Item* operator->() const { return &item_; }
  iterator& operator++();
  bool operator!=(const iterator& o) const { return at_ != o.at_; }
  bool operator==(const iterator& o) const { return at_ == o.at_; }

 private:
  void load();
  const YamlTree* tree_;
  std::uint32_t at_;
  bool pairs_;
  Item item_;
};

class YamlTree {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFF;

  enum class Type : std::uint8_t { Null, Scalar, Map, Sequence, Alias };
  struct Node {
    Type type = Type::Null;
    bool quoted = false;
    std::uint32_t first_child = kNone;
    std::uint32_t last_child = kNone;
    std::uint32_t next_sibling = kNone;
    std::uint32_t count = 0;  // children
    YAML::Mark mark;
    std::string scalar;
  };

  // Parses one document. Throws YAML::ParserException on a syntax error.
  static std::unique_ptr<YamlTree> parse(std::string_view text);

  YNode root() const { return nodes_.empty() ? YNode() : YNode(this, 0); }
  const Node& node(std::uint32_t i) const { return nodes_[i]; }
  // Aliases met while parsing (the loader reports them).
  const std::vector<YAML::Mark>& aliases() const { return aliases_; }
  // Where a second document starts, if the text holds more than one.
  const std::optional<YAML::Mark>& second_document() const { return second_document_; }

 private:
  friend class TreeBuilder;
  std::vector<Node> nodes_;
  std::vector<YAML::Mark> aliases_;
  std::optional<YAML::Mark> second_document_;
};

}  // namespace plancheck
