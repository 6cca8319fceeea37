// The `x-` keys that tie a plan to the lines of its source document
// (`validate --source`, docs/source-coverage.md). Other `x-` keys stay
// ignored; these are read so that a wrong one is said, not silently lost.
#include <array>
#include <string_view>

#include "core/reading/loader_parts.hpp"
#include "core/util/number.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

using namespace std::string_view_literals;

// The keys that give a line of the source document. `x-source` may also be
// a mapping {line: N} (what `plancheck extract` writes).
constexpr std::array kLineKeys{"x-seed-line"sv, "x-source"sv, "x-source-line"sv, "x-body-lines"sv, "x-appendix-line"sv};
constexpr std::array kLeftOutKeys{"line"sv, "reason"sv};

// A line number (a whole number from 1) or a list of them, appended to
// `lines`; false with an error otherwise.
bool read_lines(YamlContext& ctx, const YNode& node, std::string_view key, const Message& what, std::vector<int>& lines) {
  const auto one = [&](const YNode& n) {
    const auto v = n.IsScalar() ? parse_integer(n.Scalar()) : std::nullopt;
    if (!v || *v < 1 || *v > 10'000'000) return false;
    lines.push_back(static_cast<int>(*v));
    return true;
  };
  bool ok = node.IsSequence() ? node.size() > 0 : one(node);
  if (node.IsSequence())
    for (const YNode& n : node) ok = one(n) && ok;
  if (!ok)
    ctx.error(ctx.at(node), msg("\"{}\" of {} must be a line of the source document (a whole number from 1) or a list of them",
                                key, what));
  return ok;
}

// A reason: a non-empty text.
std::optional<std::string> read_reason(YamlContext& ctx, const YNode& node, std::string_view key, const Message& what) {
  if (node.IsScalar() && !trim(node.Scalar()).empty()) return node.Scalar();
  ctx.error(ctx.at(node), msg("\"{}\" of {} must say why the passage is left out (a text that is not empty)", key, what));
  return std::nullopt;
}

}  // namespace

SourceLines parse_source_lines(YamlContext& ctx, const Fields& f, const Message& what) {
  SourceLines s;
  for (const std::string_view key : kLineKeys) {
    const YNode* n = f.extension(key);
    if (!n) continue;
    if (key == "x-source" && n->IsMap()) {
      const Message of = msg("\"{}\" of {}", key, what);
      const Fields inner(ctx, *n, std::array{"line"sv}, of);
      if (inner.require(ctx, "line")) read_lines(ctx, *inner.get("line"), "line", of, s.lines);
      continue;
    }
    read_lines(ctx, *n, key, what, s.lines);
  }
  if (const YNode* n = f.extension("x-not-checkable"))
    s.not_checkable = read_reason(ctx, *n, "x-not-checkable", what).value_or("");
  return s;
}

std::vector<LeftOut> parse_left_out(YamlContext& ctx, const Fields& f, const Message& what) {
  std::vector<LeftOut> out;
  const YNode* list = f.extension("x-not-checkable");
  const Message of = msg("\"{}\" of {}", std::string_view("x-not-checkable"), what);
  if (!list || !expect_sequence(ctx, *list, of)) return out;
  for (const YNode& entry : *list) {
    if (!expect_map(ctx, entry, of)) continue;
    const Fields e(ctx, entry, kLeftOutKeys, of);
    LeftOut left;
    left.where = ctx.at(entry);
    const bool line = e.require(ctx, "line") && read_lines(ctx, *e.get("line"), "line", of, left.lines);
    const bool reason = e.require(ctx, "reason");
    if (reason) left.reason = read_reason(ctx, *e.get("reason"), "reason", of).value_or("");
    if (line && !left.reason.empty()) out.push_back(std::move(left));
  }
  return out;
}

}  // namespace plancheck
