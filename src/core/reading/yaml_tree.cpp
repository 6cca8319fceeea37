#include "core/reading/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <sstream>

#include "core/reading/limits.hpp"

namespace plancheck {

// Builds the flat tree from parser events: each node is linked to its
// parent's list of children as it arrives.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(YamlTree& tree) : tree_(tree) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { add(YamlTree::Type::Null, mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    add(YamlTree::Type::Alias, mark);
    tree_.aliases_.push_back(mark);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
    const std::uint32_t n = add(YamlTree::Type::Scalar, mark);
    tree_.nodes_[n].scalar = value;
    tree_.nodes_[n].quoted = tag == "!";  // "!" is the tag of a quoted scalar without one
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(add(YamlTree::Type::Sequence, mark), mark);
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    open(add(YamlTree::Type::Map, mark), mark);
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  // Stops deep nesting before the parser's own recursion goes deep.
  void open(std::uint32_t node, const YAML::Mark& mark) {
    if (open_.size() >= limits::kMaxDepth)
      throw YamlLimitError(mark, msg("nesting deeper than {} levels; a plan needs fewer than 10", limits::kMaxDepth));
    open_.push_back(node);
  }

  std::uint32_t add(YamlTree::Type type, const YAML::Mark& mark) {
    auto& nodes = tree_.nodes_;
    if (nodes.size() >= limits::kMaxNodes)
      throw YamlLimitError(mark, msg("more than {} YAML nodes in one document", limits::kMaxNodes));
    const auto n = static_cast<std::uint32_t>(nodes.size());
    nodes.emplace_back();
    nodes.back().type = type;
    nodes.back().mark = mark;
    if (!open_.empty()) {
      YamlTree::Node& parent = nodes[open_.back()];
      if (parent.first_child == YamlTree::kNone)
        parent.first_child = n;
      else
        nodes[parent.last_child].next_sibling = n;
      parent.last_child = n;
      ++parent.count;
    }
    return n;
  }

  YamlTree& tree_;
  std::vector<std::uint32_t> open_;
};

// Records where the next document starts and stops the parser there: the
// rest of it is never parsed.
struct FirstMark : YAML::EventHandler {
  struct Found {};
  std::optional<YAML::Mark> mark;
  void see(const YAML::Mark& m) {
    mark = m;
    throw Found{};
  }
  void OnDocumentStart(const YAML::Mark& m) override { see(m); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { see(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { see(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { see(m); }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    see(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override { see(m); }
  void OnMapEnd() override {}
};

std::unique_ptr<YamlTree> YamlTree::parse(std::string_view text) {
  auto tree = std::make_unique<YamlTree>();
  std::istringstream in{std::string(text)};
  YAML::Parser parser(in);
  TreeBuilder builder(*tree);
  parser.HandleNextDocument(builder);
  // One more document is looked for, once: yaml-cpp quietly starts a new one
  // where indentation goes wrong, and the rest of the file would be dropped.
  FirstMark next;
  try {
    if (parser.HandleNextDocument(next)) tree->second_document_ = YAML::Mark::null_mark();
  } catch (const FirstMark::Found&) {
    tree->second_document_ = next.mark;
  }
  return tree;
}

bool YNode::IsNull() const { return tree_ && tree_->node(index_).type == YamlTree::Type::Null; }
bool YNode::IsScalar() const { return tree_ && tree_->node(index_).type == YamlTree::Type::Scalar; }
bool YNode::IsMap() const { return tree_ && tree_->node(index_).type == YamlTree::Type::Map; }
bool YNode::IsSequence() const { return tree_ && tree_->node(index_).type == YamlTree::Type::Sequence; }
bool YNode::IsAlias() const { return tree_ && tree_->node(index_).type == YamlTree::Type::Alias; }
bool YNode::Quoted() const { return tree_ && tree_->node(index_).quoted; }

const std::string& YNode::Scalar() const {
  static const std::string empty;
  return IsScalar() ? tree_->node(index_).scalar : empty;
}

YAML::Mark YNode::Mark() const { return tree_ ? tree_->node(index_).mark : YAML::Mark::null_mark(); }

std::size_t YNode::size() const {
  if (!tree_) return 0;
  const auto& n = tree_->node(index_);
  return n.type == YamlTree::Type::Map ? n.count / 2 : n.type == YamlTree::Type::Sequence ? n.count : 0;
}

std::uint32_t YNode::first_child() const { return tree_->node(index_).first_child; }

YNode YNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  for (std::uint32_t k = first_child(); k != YamlTree::kNone;) {
    const std::uint32_t v = tree_->node(k).next_sibling;
    if (v == YamlTree::kNone) break;
    if (tree_->node(k).type == YamlTree::Type::Scalar && tree_->node(k).scalar == key) return {tree_, v};
    k = tree_->node(v).next_sibling;
  }
  return {};
}

YNode::iterator YNode::begin() const {
  if (!IsMap() && !IsSequence()) return end();
  return {tree_, first_child(), IsMap()};
}

YNode::iterator YNode::end() const { return {tree_, YamlTree::kNone, IsMap()}; }

void YNode::iterator::load() {
  if (at_ == YamlTree::kNone) return;
  static_cast<YNode&>(item_) = YNode(tree_, at_);
  if (pairs_) {
    item_.first = YNode(tree_, at_);
    const std::uint32_t v = tree_->node(at_).next_sibling;
    item_.second = v == YamlTree::kNone ? YNode() : YNode(tree_, v);
  }
}

YNode::iterator& YNode::iterator::operator++() {
  std::uint32_t next = tree_->node(at_).next_sibling;
  if (pairs_ && next != YamlTree::kNone) next = tree_->node(next).next_sibling;
  at_ = next;
  load();
  return *this;
}

}  // namespace plancheck
