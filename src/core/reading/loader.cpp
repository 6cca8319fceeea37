#include "core/reading/loader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <unordered_map>
#include <fmt/format.h>
#include "core/reading/yaml_tree.hpp"

#include "core/reading/hints.hpp"
#include "core/reading/limits.hpp"
#include "core/reading/catalogue_reader.hpp"
#include "core/reading/loader_parts.hpp"
#include "core/util/number.hpp"
#include "core/util/suggest.hpp"
#include "core/util/text.hpp"
#include "core/reading/yaml_walk.hpp"

#include <yaml-cpp/exceptions.h>

namespace plancheck {
namespace {

using namespace std::string_view_literals;

constexpr std::array kTopKeys{"plancheck"sv, "unit"sv, "plan"sv, "indicators"sv, "actuals"sv, "budget"sv, "tasks"sv};
constexpr std::array kDataTopKeys{"plancheck"sv, "data"sv, "values"sv};
constexpr std::array kUnitKeys{"id"sv, "name"sv, "type"sv, "parent"sv};
constexpr std::array kPlanKeys{"title"sv, "title_en"sv, "number"sv, "issued"sv,
                               "baseline_year"sv, "horizon"sv, "source"sv};
constexpr std::array kDataKeys{"unit"sv, "as_of"sv, "source"sv};
constexpr std::array kIndicatorKeys{"id"sv,        "name"sv,      "name_en"sv, "group"sv,
                                    "stage"sv,     "kind"sv,      "unit"sv,    "better"sv,
                                    "baseline"sv,  "targets"sv,   "note"sv,    "tolerance"sv,
                                    "weight"sv,    "stages"sv,    "numerator_label"sv,
                                    "denominator_label"sv, "formula"sv, "valid_for"sv,
                                    "basis"sv,     "basis_ref"sv, "ref"sv};
constexpr std::array kBaselineKeys{"year"sv, "value"sv, "numerator"sv, "denominator"sv};
constexpr std::array kRatioValueKeys{"value"sv, "numerator"sv, "denominator"sv};
constexpr std::array kKindNames{"number"sv, "ratio"sv, "milestone"sv, "flag"sv};

// Unit types, with the Vietnamese words for them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kUnitTypes{{
    {"commune", "commune"}, {"ward", "ward"}, {"district", "district"}, {"city", "city"},
    {"xã", "commune"}, {"phường", "ward"}, {"huyện", "district"}, {"thành phố", "city"},
}};

std::vector<std::string> unit_type_words() {
  std::vector<std::string> words;
  for (const auto& [word, type] : kUnitTypes) words.emplace_back(word);
  return words;
}

bool is_slug(std::string_view s, std::string_view extra) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || extra.find(c) != std::string_view::npos;
  });
}

Unit parse_unit(YamlContext& ctx, const YNode& node, Location parent) {
  Unit u;
  u.where = ctx.at(node, parent);
  if (!expect_map(ctx, node, quoted_key("unit"))) return u;
  const Message what = msg("unit");
  const Fields f(ctx, node, kUnitKeys, what);
  if (f.require(ctx, "id")) {
    u.id = text_field(ctx, f, "id", what);
    if (!u.id.empty() && !is_slug(u.id, ""))
      ctx.error(ctx.at(*f.get("id")), msg("unit id \"{}\" must be a slug of a-z, 0-9 and '-'", u.id));
  }
  if (f.require(ctx, "name")) u.name = text_field(ctx, f, "name", what);
  u.parent = text_field(ctx, f, "parent", what);
  if (const YNode* t = f.get("type")) {
    const std::string type = text_field(ctx, f, "type", what);
    const auto it = std::find_if(kUnitTypes.begin(), kUnitTypes.end(), [&](auto& p) { return p.first == fold_case(type); });
    if (it == kUnitTypes.end())
      ctx.error(ctx.at(*t), msg("\"type\" of unit is \"{}\"{}; accepted: \"commune\", \"ward\", \"district\", "
                                "\"city\" (or \"xã\", \"phường\", \"huyện\", \"thành phố\")",
                                type, did_you_mean(closest_match(type, unit_type_words()))));
    else
      u.type = it->second;
  }
  return u;
}

PlanInfo parse_plan_info(YamlContext& ctx, const YNode& node) {
  PlanInfo p;
  if (!expect_map(ctx, node, quoted_key("plan"))) return p;
  const Message what = msg("plan");
  const Fields f(ctx, node, kPlanKeys, what);
  p.title = text_field(ctx, f, "title", what);
  p.title_en = text_field(ctx, f, "title_en", what);
  p.number = text_field(ctx, f, "number", what);
  p.issued = text_field(ctx, f, "issued", what);
  p.source = text_field(ctx, f, "source", what);
  p.baseline_year = year_field(ctx, f, "baseline_year", what);
  p.horizon = year_field(ctx, f, "horizon", what);
  p.left_out = parse_left_out(ctx, f, what);
  return p;
}

// value / numerator / denominator of a mapping already read into `f`.
std::optional<RawValue> raw_value_fields(YamlContext& ctx, const Fields& f, const Message& what) {
  RawValue raw;
  raw.where = f.where();
  raw.text = text_field(ctx, f, "value", what);
  if (f.has("numerator") || f.has("denominator")) {
    if (!f.require(ctx, "numerator") || !f.require(ctx, "denominator")) return std::nullopt;
    raw.numerator = text_field(ctx, f, "numerator", what);
    raw.denominator = text_field(ctx, f, "denominator", what);
  } else if (!f.has("value")) {
    ctx.error(raw.where, msg("{} has no \"value\" and no \"numerator\"/\"denominator\"", what));
    return std::nullopt;
  }
  return raw;
}

// A value as written: a scalar, or a mapping {value, numerator, denominator}.
// `what` names it, worded only for a mapping (errors are possible there).
template <typename What>
std::optional<RawValue> raw_value(YamlContext& ctx, const YNode& node, const What& what) {
  if (node.IsScalar()) {
    RawValue raw;
    raw.where = ctx.at(node);
    raw.text = node.Scalar();
    return raw;
  }
  if (!node.IsMap()) {
    ctx.error(ctx.at(node), msg("{} must be a value or a mapping with numerator and denominator, found {}", what(),
                                node_type_name(node)));
    return std::nullopt;
  }
  const Message name = what();
  return raw_value_fields(ctx, Fields(ctx, node, kRatioValueKeys, name), name);
}

// `{year: value, …}` for one indicator, as raw values.
void parse_year_values(YamlContext& ctx, const std::string& indicator, const YNode& node, Location key_where,
                       std::vector<RawValue>& out) {
  const Message what = msg("values of {}", indicator);
  if (!expect_map(ctx, node, what)) return;
  const std::size_t first = out.size();
  for (auto& e : map_entries(ctx, node, what)) {
    auto raw = raw_value(ctx, e.value, [&] { return msg("value of {} in {}", indicator, e.key); });
    if (!raw) continue;
    raw->indicator = indicator;
    raw->year_text = e.key;
    raw->where = ctx.at(e.value.IsScalar() ? e.value : e.key_node);
    raw->indicator_where = key_where;
    out.push_back(std::move(*raw));
  }
  // "{2025: 3,4}" was said as a decimal comma: its "3" is not read as a value.
  if (ctx.has_cut_numbers())
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                             [&](const RawValue& v) { return ctx.cut_number_at(v.where); }),
              out.end());
}

// `actuals:` of a plan or `values:` of a data file.
std::vector<RawValue> parse_values(YamlContext& ctx, const YNode& node, const Message& what) {
  std::vector<RawValue> out;
  if (!expect_map(ctx, node, what)) return out;
  for (auto& e : map_entries(ctx, node, what)) parse_year_values(ctx, e.key, e.value, ctx.at(e.key_node), out);
  return out;
}

std::vector<std::string> parse_stages(YamlContext& ctx, const YNode& node, const std::string& id) {
  std::vector<std::string> stages;
  const Message what = msg("\"stages\" of {}", id);
  if (!expect_sequence(ctx, node, what)) return stages;
  for (const auto& s : node)
    if (auto text = expect_scalar(ctx, s, msg("a stage of {}", id))) stages.push_back(std::move(*text));
  if (stages.size() < 2) ctx.error(ctx.at(node), msg("{} must list at least two stages, lowest first", what));
  return stages;
}

std::optional<std::size_t> find_stage(const Indicator& ind, std::string_view text) {
  const std::string folded = fold_case(trim(text));
  for (std::size_t i = 0; i < ind.stages.size(); ++i)
    if (fold_case(trim(ind.stages[i])) == folded) return i;
  return std::nullopt;
}

// Flag words: done / not done.
std::optional<bool> read_flag(std::string_view text) {
  const std::string f = fold_case(trim(text));
  if (f == "true" || f == "đạt" || f == "có") return true;
  if (f == "false" || f == "chưa đạt" || f == "không") return false;
  return std::nullopt;
}

std::optional<Target> read_target(YamlContext& ctx, const Indicator& ind, const std::string& text, const Location& where,
                                  const std::string& year_label) {
  Target t;
  t.text = text;
  const auto fail = [&](Message why) {
    ctx.error(where, msg("target \"{}\" for {} in {} {}", text, ind.id, year_label, std::move(why)));
    return std::nullopt;
  };
  switch (ind.kind) {
    case Kind::Milestone: {
      if (ind.stages.empty()) return std::nullopt;  // already reported: no stages to match
      // "duy trì <stage>": the stage must hold every year (unless a stage is
      // itself named so).
      std::string_view stage = text;
      if (!find_stage(ind, text) && starts_with_folded(trim(text), "duy trì")) {
        stage = trim(trim(text).substr(std::string_view("duy trì").size()));
        t.maintain = true;
      }
      const auto idx = find_stage(ind, stage);
      if (!idx)
        return fail(msg("is not one of its stages{}: {}", did_you_mean(closest_match(stage, ind.stages)),
                        quoted_list(ind.stages)));
      t.numeric.value = static_cast<double>(*idx);
      return t;
    }
    case Kind::Flag: {
      const std::string f = fold_case(trim(text));
      t.maintain = f == "duy trì" || f == "duy trì đạt";
      if (!t.maintain && read_flag(text) != true)
        return fail(msg("is not a flag target; accepted: true, \"đạt\", \"có\", or \"duy trì\" (held every year)"));
      t.numeric.value = 1;
      return t;
    }
    default: {
      const TargetContext tc{ind.better, ind.is_percent(), ind.tolerance};
      auto parsed = parse_numeric_target(text, tc);
      if (!parsed.target) return fail(msg("{}; accepted forms: {}", std::move(parsed.error), accepted_target_forms()));
      t.numeric = *parsed.target;
      if (t.numeric.op == Op::Between && t.numeric.low > t.numeric.high)
        return fail(msg("is a range whose lower bound {} is above its upper bound {}", t.numeric.low, t.numeric.high));
      t.maintain = t.numeric.maintain;
      return t;
    }
  }
}

void parse_targets(YamlContext& ctx, const YNode& node, Indicator& ind) {
  const Message what = msg("targets of {}", ind.id);
  if (!expect_map(ctx, node, what)) return;
  for (auto& e : map_entries(ctx, node, what)) {
    const auto year = parse_target_year(e.key);
    if (!year) {
      ctx.error(ctx.at(e.key_node), msg("target year \"{}\" for {} is not a year (2030) or a school year "
                                        "(\"2026-2027\"){}", e.key, ind.id, school_year_hint(e.key)));
      continue;
    }
    const auto same = std::find_if(ind.milestones.begin(), ind.milestones.end(), [&](auto& m) { return m.year == year->year; });
    if (same != ind.milestones.end()) {
      ctx.error(ctx.at(e.key_node), msg("target year \"{}\" for {} is the same year as \"{}\" at line {}", e.key, ind.id,
                                        same->year_label, same->where.line));
      continue;
    }
    const auto text = e.value.IsScalar() ? std::optional(e.value.Scalar())
                                         : expect_scalar(ctx, e.value, msg("target of {} in {}", ind.id, e.key));
    if (!text) continue;
    const Location where = ctx.at(e.value);
    if (auto t = read_target(ctx, ind, *text, where, year->label))
      ind.milestones.push_back({year->year, year->label, std::move(*t), where});
  }
  if (node.size() == 0) ctx.error(ctx.at(node), msg("{} is empty; give at least one year", what));
}

void parse_baseline(YamlContext& ctx, const YNode& node, Indicator& ind) {
  const Message what = msg("baseline of {}", ind.id);
  if (!expect_map(ctx, node, what)) return;
  const Fields f(ctx, node, kBaselineKeys, what);
  if (!f.require(ctx, "year")) return;
  // "value: 1,5" was said as a decimal comma: its "1" is no baseline.
  if (const YNode* v = f.get("value"); v && ctx.cut_number_at(ctx.at(*v))) return;
  auto raw = raw_value_fields(ctx, f, what);
  if (!raw) return;
  raw->indicator = ind.id;
  raw->year_text = text_field(ctx, f, "year", what);
  raw->where = ctx.at(node);
  raw->indicator_where = ind.where;
  ind.baseline = read_observation(ind, *raw, ctx.diags());
}

// A derived indicator: its values are computed, so it is a number with no
// baseline or values of its own.
void parse_formula_field(YamlContext& ctx, const YNode& node, const Fields& f, Indicator& ind) {
  const auto text = expect_scalar(ctx, node, msg("\"formula\" of {}", ind.id));
  if (!text) return;
  ind.formula = *text;
  auto parsed = parse_formula(*text);
  if (!parsed.formula) {
    ctx.error(ctx.at(node), msg("formula \"{}\" of {} {}; a formula uses + - * / ( ), numbers and indicator ids "
                                "(put spaces around '-': ids may contain it)", *text, ind.id, std::move(parsed.error)));
    return;
  }
  ind.derivation = std::move(parsed.formula);
  if (ind.kind != Kind::Number)
    ctx.error(ctx.at(node), msg("{} has a formula, so its kind must be number (it is {})", ind.id, kind_name(ind.kind)));
  if (const YNode* b = f.get("baseline"))
    ctx.error(ctx.at(*b), msg("{} has a formula: its baseline is computed from its inputs, remove \"baseline\"", ind.id));
}

Better better_from(const std::optional<std::string>& s) {
  if (s == "lower") return Better::Lower;
  if (s == "neither") return Better::Neither;
  return Better::Higher;
}

// `valid_for: N`: a whole number of years, on recognitions only.
void parse_validity(YamlContext& ctx, const Fields& f, Indicator& ind, const Message& what) {
  const YNode* node = f.get("valid_for");
  if (!node) return;
  const auto years = number_field(ctx, f, "valid_for", what);
  if (!years) return;
  if (*years < 1 || *years > 100 || std::floor(*years) != *years) {
    ctx.error(ctx.at(*node), msg("\"valid_for\" of {} must be a whole number of years from 1 to 100", ind.id));
    return;
  }
  if (ind.kind != Kind::Milestone && ind.kind != Kind::Flag) {
    ctx.error(ctx.at(*node), msg("\"valid_for\" of {}: only milestone and flag indicators hold recognitions that expire "
                                 "(it is {})", ind.id, kind_name(ind.kind)));
    return;
  }
  ind.valid_for = static_cast<int>(*years);
}

// `basis: norm` with `basis_ref`: targets restating a national norm.
void parse_basis(YamlContext& ctx, const Fields& f, Indicator& ind, const Message& what) {
  if (auto basis = choice_field(ctx, f, "basis", what, std::array{"plan"sv, "norm"sv})) ind.norm = *basis == "norm";
  if (f.has("basis_ref")) ind.basis_ref = text_field(ctx, f, "basis_ref", what);
}

Kind kind_from(std::string_view s) {
  return s == "ratio" ? Kind::Ratio : s == "milestone" ? Kind::Milestone : s == "flag" ? Kind::Flag : Kind::Number;
}

}  // namespace

// Each field read only when given: an indicator that refers to a catalogue
// entry starts as a copy of it and keeps what it does not set.
void parse_description(YamlContext& ctx, const Fields& f, Indicator& ind, const Message& what) {
  if (f.has("name_en")) ind.name_en = text_field(ctx, f, "name_en", what);
  if (f.has("group")) ind.group = text_field(ctx, f, "group", what);
  if (auto stage = choice_field(ctx, f, "stage", what, kStageNames)) ind.stage = *stage;
  if (auto kind = choice_field(ctx, f, "kind", what, kKindNames)) ind.kind = kind_from(*kind);
  if (f.has("unit")) ind.unit = text_field(ctx, f, "unit", what);
  if (auto better = choice_field(ctx, f, "better", what, std::array{"higher"sv, "lower"sv, "neither"sv}))
    ind.better = better_from(better);
  if (f.has("tolerance")) ind.tolerance = number_field(ctx, f, "tolerance", what);
  if (f.has("weight")) ind.weight = number_field(ctx, f, "weight", what);
  if (f.has("note")) ind.note = text_field(ctx, f, "note", what);
  parse_validity(ctx, f, ind, what);
  parse_basis(ctx, f, ind, what);
  if (f.has("numerator_label")) ind.numerator_label = text_field(ctx, f, "numerator_label", what);
  if (f.has("denominator_label")) ind.denominator_label = text_field(ctx, f, "denominator_label", what);
  if (const YNode* s = f.get("stages")) ind.stages = parse_stages(ctx, *s, ind.id);
  if (ind.kind == Kind::Milestone && ind.stages.empty() && !f.has("stages"))
    ctx.error(ind.where, msg("{} is a milestone indicator but has no \"stages\" list", what));
}

namespace {

// `ref: <catalogue id>`: the entry the indicator starts from, or nothing
// (an unknown id is an error naming the closest catalogue id).
const CatalogueEntry* catalogue_ref(YamlContext& ctx, const Fields& f, const Message& what) {
  const YNode* node = f.get("ref");
  if (!node) return nullptr;
  const auto id = field_scalar(ctx, *node, "ref", what);
  if (!id) return nullptr;
  const Catalogue& catalogue = builtin_catalogue();
  if (const CatalogueEntry* entry = catalogue.find(*id)) return entry;
  ctx.error(ctx.at(*node), unknown_catalogue_id(catalogue, *id));
  return nullptr;
}

std::optional<Indicator> parse_indicator(YamlContext& ctx, const YNode& node) {
  if (!expect_map(ctx, node, msg("an indicator"))) return std::nullopt;
  // Name the indicator in key errors when its id can be read.
  const YNode id_node = node["id"];
  const Message label = id_node && id_node.IsScalar() ? msg("indicator {}", id_node.Scalar()) : msg("an indicator");
  const Fields f(ctx, node, kIndicatorKeys, label);
  if (!f.require(ctx, "id")) return std::nullopt;
  const std::string id = text_field(ctx, f, "id", msg("an indicator"));
  const Location where = ctx.at(*f.get("id"));
  if (!is_slug(id, "._")) {
    ctx.error(where, msg("indicator id \"{}\" must use only a-z, 0-9, '.', '_' and '-'", id));
    return std::nullopt;
  }
  const Message what = msg("indicator {}", id);
  const CatalogueEntry* ref = catalogue_ref(ctx, f, what);
  Indicator ind = ref ? ref->indicator : Indicator{};
  ind.id = id;
  ind.where = where;
  ind.ref = ref ? ref->indicator.id : "";
  // With a catalogue entry the name may be left out: the catalogue's is used.
  if (f.has("name") || !ref) {
    if (f.require(ctx, "name")) ind.name = text_field(ctx, f, "name", what);
  }
  parse_description(ctx, f, ind, what);
  if (const YNode* fm = f.get("formula")) parse_formula_field(ctx, *fm, f, ind);
  if (const YNode* b = f.get("baseline"); b && !ind.derivation) parse_baseline(ctx, *b, ind);
  if (f.require(ctx, "targets")) parse_targets(ctx, *f.get("targets"), ind);
  ind.source_lines = parse_source_lines(ctx, f, what);
  return ind;
}

void parse_indicators(YamlContext& ctx, const YNode& node, Plan& plan) {
  if (!expect_sequence(ctx, node, quoted_key("indicators"))) return;
  if (node.size() == 0) ctx.error(ctx.at(node), msg("\"indicators\" is empty; a plan needs at least one indicator"));
  for (const auto& item : node) {
    auto ind = parse_indicator(ctx, item);
    if (!ind) continue;
    if (const Indicator* first = plan.find(ind->id)) {
      ctx.error(ind->where, msg("duplicate indicator id \"{}\" (first defined at {}:{}:{})", ind->id,
                                first->where.file(), first->where.line, first->where.column));
      continue;
    }
    plan.indicators.push_back(std::move(*ind));
  }
}

bool check_version(YamlContext& ctx, const Fields& f) {
  if (!f.require(ctx, "plancheck")) return false;
  const YNode& n = *f.get("plancheck");
  const auto text = expect_scalar(ctx, n, msg("\"plancheck\" (the format version)"));
  if (!text) return false;
  if (trim(*text) != "1") {
    ctx.error(ctx.at(n), msg("unsupported format version \"{}\"; this plancheck reads version 1", *text));
    return false;
  }
  return true;
}

LoadedDocument parse_plan_document(YamlContext& ctx, const YNode& root) {
  LoadedDocument doc;
  const Fields f(ctx, root, kTopKeys, msg("the plan"));
  check_version(ctx, f);
  Plan plan;
  plan.file = ctx.file();
  if (f.require(ctx, "unit")) plan.unit = parse_unit(ctx, *f.get("unit"), f.where());
  if (const YNode* p = f.get("plan")) plan.info = parse_plan_info(ctx, *p);
  if (f.require(ctx, "indicators")) parse_indicators(ctx, *f.get("indicators"), plan);
  check_formulas(plan, ctx.diags());
  if (const YNode* b = f.get("budget")) plan.budget = parse_budget(ctx, *b);
  if (const YNode* t = f.get("tasks")) plan.tasks = parse_tasks(ctx, *t);
  if (const YNode* a = f.get("actuals")) doc.inline_values = parse_values(ctx, *a, quoted_key("actuals"));
  doc.plan = std::move(plan);
  return doc;
}

LoadedDocument parse_data_document(YamlContext& ctx, const YNode& root) {
  LoadedDocument doc;
  const Fields f(ctx, root, kDataTopKeys, msg("the data file"));
  check_version(ctx, f);
  DataFile data;
  data.file = ctx.file();
  if (f.require(ctx, "data") && expect_map(ctx, *f.get("data"), quoted_key("data"))) {
    const Fields d(ctx, *f.get("data"), kDataKeys, quoted_key("data"));
    if (d.require(ctx, "unit")) {
      data.unit = text_field(ctx, d, "unit", quoted_key("data"));
      data.unit_where = ctx.at(*d.get("unit"));
    }
  }
  if (f.require(ctx, "values"))
    for (auto& v : parse_values(ctx, *f.get("values"), quoted_key("values"))) data.values.emplace_back(data.unit, std::move(v));
  doc.data = std::move(data);
  return doc;
}

Location location_of_offset(std::string_view text, std::size_t offset, const std::string& file) {
  const std::string_view before = text.substr(0, offset);
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t nl = before.rfind('\n');
  const std::string_view on_line = before.substr(nl == std::string_view::npos ? 0 : nl + 1);
  // Characters, not bytes: continuation bytes do not start a column.
  const auto chars = std::count_if(on_line.begin(), on_line.end(), [](char c) { return (c & 0xC0) != 0x80; });
  return {file, line, static_cast<int>(chars) + 1};
}

}  // namespace

Message file_too_large(std::optional<std::uintmax_t> size) {
  constexpr std::size_t limit = limits::kMaxFileBytes >> 20;
  if (!size) return msg("the file is larger than {} MB; plan and data files are limited to {} MB", limit, limit);
  return msg("the file is {:.1f} MB; plan and data files are limited to {} MB", static_cast<double>(*size) / (1 << 20),
             limit);
}

std::optional<std::string_view> check_encoding(std::string_view text, const std::string& file, Diagnostics& diags) {
  if (text.size() > limits::kMaxFileBytes) {
    diags.error({file, 1, 1}, file_too_large(std::nullopt));
    return std::nullopt;
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (std::size_t start = 0, line = 1; start < text.size(); ++line) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    if (nl - start > limits::kMaxLineBytes) {
      diags.error({file, static_cast<int>(line), 1},
                  msg("line {} is {} bytes long; lines are limited to {} bytes", line, nl - start, limits::kMaxLineBytes));
      return std::nullopt;
    }
    start = nl + 1;
  }
  if (const auto bad = find_invalid_utf8(text)) {
    diags.error(location_of_offset(text, *bad, file),
                msg("invalid UTF-8 (byte 0x{:02X}); plan and data files must be UTF-8",
                    static_cast<unsigned>(static_cast<unsigned char>(text[*bad]))));
    return std::nullopt;
  }
  return text;
}

LoadedDocument load_yaml_document(std::string_view text, const std::string& file, Diagnostics& diags) {
  const auto body = check_encoding(text, file, diags);
  if (!body) return {};
  YamlContext ctx(file, *body, diags);
  std::unique_ptr<YamlTree> tree;
  try {
    tree = YamlTree::parse(*body);
  } catch (const YamlLimitError& e) {
    diags.error(ctx.at(e.mark), e.message);
    return {};
  } catch (const YAML::Exception& e) {
    // A tab or a line indented to no level is said as that, where it is.
    if (const auto hint = yaml_syntax_hint(*body, e.mark.is_null() ? -1 : e.mark.line, e.msg)) {
      YAML::Mark at;
      at.line = hint->line;
      at.column = hint->byte;
      diags.error(ctx.at(at), hint->message);
    } else {
      diags.error(ctx.at(e.mark), msg("YAML syntax error: {}", Message::foreign(e.msg)));
    }
    return {};
  }
  if (tree->second_document()) {
    diags.error(ctx.at(*tree->second_document()),
                msg("a second YAML document starts here (yaml-cpp reads \"- a\" followed by \"b: 1\" as two); a plan or "
                    "data file is one mapping: check the indentation"));
    return {};
  }
  // Aliases repeat a node elsewhere; the format has no use for them, and a
  // self-referencing one would make an endless document.
  if (const auto& aliases = tree->aliases(); !aliases.empty()) {
    diags.error(ctx.at(aliases.front()),
                aliases.size() > 1
                    ? msg("YAML aliases (*name) are not accepted in plan and data files; write the value out ({} aliases "
                          "in this file)", aliases.size())
                    : msg("YAML aliases (*name) are not accepted in plan and data files; write the value out"));
    return {};
  }
  const YNode root = tree->root();
  if (!root.IsDefined() || root.IsNull()) {
    diags.error(ctx.file_start(), msg("the file is empty; expected a plan (\"plancheck: 1\", \"unit:\", \"indicators:\") "
                                      "or a data file (\"plancheck: 1\", \"data:\", \"values:\")"));
    return {};
  }
  if (!root.IsMap()) {
    diags.error(ctx.at(root), msg("the document is {}; expected a mapping with \"plancheck: 1\"", node_type_name(root)));
    return {};
  }
  if (root["data"] || root["values"]) return parse_data_document(ctx, root);
  return parse_plan_document(ctx, root);
}

std::optional<Observation> read_observation(const Indicator& ind, const RawValue& raw, Diagnostics& diags) {
  const auto year = parse_target_year(raw.year_text);
  if (!year) {
    diags.error(raw.where, msg("year \"{}\" of a value for {} is not a year (2025) or a school year (\"2024-2025\"){}",
                               raw.year_text, ind.id, school_year_hint(raw.year_text)));
    return std::nullopt;
  }
  Observation obs;
  obs.year = year->year;
  obs.year_label = year->label;
  obs.where = raw.where;
  const auto fail = [&](Message why) {
    diags.error(raw.where, msg("value \"{}\" for {} in {} {}", raw.text, ind.id, year->label, std::move(why)));
    return std::nullopt;
  };
  if (raw.numerator || raw.denominator) {
    const auto n = parse_number(raw.numerator.value_or(""));
    const auto d = parse_number(raw.denominator.value_or(""));
    const std::string nd = fmt::format("{}/{}", raw.numerator.value_or(""), raw.denominator.value_or(""));
    const auto fail_nd = [&](Message why) {
      diags.error(raw.where, msg("value {} for {} in {} {}", nd, ind.id, year->label, std::move(why)));
      return std::nullopt;
    };
    if (ind.kind != Kind::Ratio)
      return fail_nd(msg("has a numerator and denominator, but {} is a {} indicator (only ratio indicators take them)",
                         ind.id, kind_name(ind.kind)));
    if (!n || !d) return fail_nd(msg("needs a numeric numerator and denominator"));
    if (*n < 0) return fail_nd(msg("has a negative numerator"));
    if (*d <= 0) return fail_nd(msg("needs a denominator above zero"));
    if (*n > *d) return fail_nd(msg("has a numerator above its denominator"));
    obs.numerator = n;
    obs.denominator = d;
    obs.value = *n / *d * (ind.is_percent() ? 100.0 : 1.0);
    if (raw.text.empty()) return obs;
  }
  switch (ind.kind) {
    case Kind::Milestone: {
      const auto idx = find_stage(ind, raw.text);
      if (!idx)
        return fail(msg("is not one of its stages{}: {}", did_you_mean(closest_match(raw.text, ind.stages)),
                        quoted_list(ind.stages)));
      obs.value = static_cast<double>(*idx);
      return obs;
    }
    case Kind::Flag: {
      const auto flag = read_flag(raw.text);
      if (!flag) return fail(msg("is not a flag value; accepted: true/false, \"đạt\"/\"chưa đạt\" or \"có\"/\"không\""));
      obs.value = *flag ? 1 : 0;
      return obs;
    }
    default: {
      std::string_view text = trim(raw.text);
      if (!text.empty() && text.back() == '%') text = trim(text.substr(0, text.size() - 1));
      const auto v = parse_number(text, NumberStyle{!ind.is_percent()});
      if (!v) return fail(msg("is not a number"));
      if (ind.is_count() && *v < 0) return fail(msg("is a negative count"));
      if (obs.numerator)
        obs.written = *v;
      else
        obs.value = *v;
      return obs;
    }
  }
}

namespace {

bool same_value(const Observation& a, const Observation& b) {
  return std::fabs(a.value - b.value) <= 1e-9 && a.numerator == b.numerator && a.denominator == b.denominator;
}

// "value \"52.1\"", or "value" for one given as a numerator and denominator.
Message value_named(const RawValue& raw) { return raw.text.empty() ? msg("value") : msg("value \"{}\"", raw.text); }

// Adds one year's value to a series kept sorted by year; the same year with
// a different value is an error naming both places.
void insert_observation(std::vector<Observation>& series, Observation obs, const std::string& what,
                        const RawValue& raw, Diagnostics& diags) {
  const auto pos = std::lower_bound(series.begin(), series.end(), obs.year, [](auto& o, int y) { return o.year < y; });
  if (pos != series.end() && pos->year == obs.year) {
    if (pos->year_label != obs.year_label) {
      // 2025 and "2024-2025" are one year: which value was meant is unknown.
      diags.error(obs.where, msg("{} for {}: the year {} is also given as \"{}\" (at {}); give it once", value_named(raw),
                                 what,
                                 obs.year_label == std::to_string(obs.year) ? obs.year_label
                                                                            : fmt::format("\"{}\"", obs.year_label),
                                 pos->year_label, pos->where.str()));
      return;
    }
    if (!same_value(*pos, obs))
      diags.error(obs.where, msg("{} for {} in {} is given twice with different values (also at {})", value_named(raw),
                                 what, obs.year_label, pos->where.str()));
    return;
  }
  series.insert(pos, std::move(obs));
}

constexpr std::string_view kBudgetPrefix = "budget.";

// A mistake about an id repeated on many rows of one file (an unknown
// indicator on 30 rows) is said once, at its first place, with the number
// of other rows.
class RepeatedMistakes {
 public:
  explicit RepeatedMistakes(Diagnostics& diags) : diags_(diags) {}
  // Says each mistake, once.
  void flush() {
    for (const Mistake& m : mistakes_) diags_.error(m.where, msg("{}{}", m.message, more_rows(m.rows.size() - 1)));
    mistakes_.clear();
    index_.clear();
  }
  // `message` is called the first time `key` is met in the file of `where`.
  template <class MakeMessage>
  void add(std::string_view key, const Location& where, MakeMessage message) {
    const auto [it, fresh] = index_.try_emplace(fmt::format("{}\n{}", where.file(), key), mistakes_.size());
    if (fresh) mistakes_.push_back({where, message(), {}});
    mistakes_[it->second].rows.emplace(where.sheet(), where.line);
  }

 private:
  struct Mistake {
    Location where;
    Message message;
    std::set<std::pair<std::string, int>> rows;  // (sheet, line)
  };
  Diagnostics& diags_;
  std::vector<Mistake> mistakes_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Spending on a budget line or item: money, never negative.
void attach_spending(Plan& plan, const RawValue& raw, Diagnostics& diags, RepeatedMistakes& repeated) {
  const std::string id = raw.indicator.substr(kBudgetPrefix.size());
  BudgetEntry* entry = plan.budget ? plan.budget->find(id) : nullptr;
  if (!entry) {
    repeated.add(raw.indicator, raw.indicator_where, [&] {
      return msg("spending for undefined budget line \"{}\": plan {} ({}) has no such budget line or item", id,
                 plan.unit.id, plan.file);
    });
    return;
  }
  const auto year = parse_target_year(raw.year_text);
  const auto v = parse_number(raw.text, NumberStyle{true});
  if (!year || !v || *v < 0 || raw.numerator) {
    diags.error(raw.where, msg("spending \"{}\" on budget line {} in \"{}\" must be a year and an amount of money of "
                               "zero or more", raw.text, id, raw.year_text));
    return;
  }
  Observation o;
  o.year = year->year;
  o.year_label = year->label;
  o.value = *v;
  o.where = raw.where;
  insert_observation(entry->spending, std::move(o), raw.indicator, raw, diags);
}

}  // namespace

void attach_values(Plan& plan, const std::vector<RawValue>& values, Diagnostics& diags) {
  RepeatedMistakes repeated(diags);
  for (const RawValue& raw : values) {
    if (raw.indicator.rfind(kBudgetPrefix, 0) == 0 && !plan.find(raw.indicator)) {
      attach_spending(plan, raw, diags, repeated);
      continue;
    }
    Indicator* ind = plan.find(raw.indicator);
    if (!ind) {
      repeated.add(raw.indicator, raw.indicator_where, [&] {
        std::vector<std::string_view> ids;
        for (const Indicator& i : plan.indicators) ids.push_back(i.id);
        return msg("value for undefined indicator \"{}\"{}: plan {} ({}) has no such indicator", raw.indicator,
                   did_you_mean(closest_match(raw.indicator, ids)), plan.unit.id, plan.file);
      });
      continue;
    }
    if (ind->derivation) {
      repeated.add(raw.indicator, raw.indicator_where, [&] {
        return msg("value for {}, which is computed from its formula \"{}\"; give values for its inputs instead",
                   ind->id, ind->formula);
      });
      continue;
    }
    auto obs = read_observation(*ind, raw, diags);
    if (!obs) continue;
    if (raw.may_repeat_baseline && ind->baseline && ind->baseline->year_label == obs->year_label &&
        same_value(*ind->baseline, *obs))
      continue;
    insert_observation(ind->actuals, std::move(*obs), ind->id, raw, diags);
  }
  repeated.flush();
}

}  // namespace plancheck
