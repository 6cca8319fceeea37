#include "render/summary_sinks.hpp"

#include <fmt/format.h>
#include <functional>
#include <map>
#include <ostream>

#include "core/model/format.hpp"
#include "core/util/temp_file.hpp"
#include "core/util/text.hpp"
#include "render/describe.hpp"
#include "render/formats.hpp"
#include "render/report_json.hpp"
#include "render/text_table.hpp"

namespace plancheck {
namespace {

constexpr std::size_t kWorstShown = 3;

// Parent groups written as they are finished (grouped input finishes them
// early, in any order), kept in a temporary file and copied out in id order.
class GroupTexts {
 public:
  void add(const std::string& id, const std::string& text) {
    if (!file_) file_ = std::make_unique<TempFile>();
    places_[id] = {file_->size(), text.size()};
    file_->write(text);
  }
  // Each text in id order; `first` for the first one.
  void each(const std::function<void(std::string_view text, bool first)>& f) {
    std::string text;
    bool first = true;
    for (const auto& [id, place] : places_) {
      text.resize(place.second);
      file_->read(place.first, text.data(), text.size());
      f(text, first);
      first = false;
    }
  }

 private:
  std::unique_ptr<TempFile> file_;
  std::map<std::string, std::pair<std::uint64_t, std::size_t>> places_;
};

Report context(std::optional<int> as_of, Method method, std::optional<int> since) {
  Report r;
  r.as_of = as_of;
  r.method = method;
  r.since = since;
  return r;
}

// --since in a summary row: milestones better and worse than then,
// "↑3 ↓1" (improved or newly met; worsened or newly missed).
std::string change_arrows(const UnitResult& u) {
  const auto n = change_counts(u);
  const auto at = [&](Change c) { return n[static_cast<std::size_t>(c)]; };
  return fmt::format("↑{} ↓{}", at(Change::Improved) + at(Change::NewlyMet), at(Change::Worsened) + at(Change::NewlyMissed));
}

// One of the worst milestones of a unit: its indicator, and "<year> <status>".
struct WorstGap {
  std::string id;
  std::string when;
};

// The worst milestones of one unit.
std::vector<WorstGap> worst(const UnitResult& u, Lang lang) {
  std::vector<std::pair<const IndicatorResult*, const MilestoneResult*>> gaps;
  for (const IndicatorResult& r : u.indicators)
    for (const MilestoneResult& m : r.milestones)
      if (!m.met && m.status != Status::OnTrack) gaps.emplace_back(&r, &m);
  std::stable_sort(gaps.begin(), gaps.end(), [](const auto& a, const auto& b) { return worse(*a.second, *b.second); });
  std::vector<WorstGap> out;
  for (std::size_t i = 0; i < gaps.size() && i < kWorstShown; ++i)
    out.push_back({gaps[i].first->indicator->id,
                   fmt::format("{} {}", gaps[i].second->milestone->year_label, status_words(gaps[i].second->status, lang))});
  return out;
}

// "<indicator> <year> <status>; …", as Markdown shows them.
std::string worst_line(const std::vector<WorstGap>& gaps) {
  std::vector<std::string> items;
  for (const WorstGap& g : gaps) items.push_back(g.id + " " + g.when);
  return fmt::format("{}", fmt::join(items, "; "));
}

class TableSink : public SummarySink {
 public:
  TableSink(std::ostream& out, TerminalStyle style, std::optional<int> since)
      : out_(out), style_(style), since_(since) {}

  void begin(std::optional<int> as_of, Method method) override {
    ctx_ = context(as_of, method, since_);
    out_ << fmt::format("{} · {} · {}\n\n", tr(lang_, "Summary"), as_of_words(ctx_, lang_), method_words(ctx_, lang_));
    std::vector<std::string> heads;
    for (const char* h : {"Met", "On", "Risk", "Off", "Miss", "Unk"}) {
      heads.emplace_back(tr(lang_, h));
      count_width_ = std::max(count_width_, display_width(heads.back()) + 1);
    }
    if (since_) heads.push_back(trf(lang_, "Since {}", *since_));
    columns_ = row_columns();
    out_ << row(tr(lang_, "Unit"), tr(lang_, "Name"), heads, tr(lang_, "Worst gaps"));
  }

  void unit(const Plan& plan, const UnitResult& u) override {
    std::vector<std::string> counts;
    for (Status s : kAllStatuses) counts.push_back(std::to_string(u.counts[static_cast<std::size_t>(s)]));
    if (since_) counts.push_back(change_arrows(u));
    out_ << row(display_text(plan.unit.id), display_text(plan.unit.name), counts, worst_text(worst(u, lang_)));
  }

  void end(const SummaryTail& tail) override {
    out_ << "\n" << units_words(static_cast<std::size_t>(tail.units), lang_) << "\n";
    ranking(tail);
    out_ << "\n" << tr(lang_, "Roll-up over all units") << "\n" << rollup_table(tail.rollup);
    tail.each_group([&](const RollupGroup& g) { group(g); });
    groups_.each([&](std::string_view text, bool) { out_ << text; });
  }

  void group(const RollupGroup& g) override {
    const std::string title =
        trf(lang_, "Roll-up of {} ({})", display_text(g.name.empty() ? g.id : fmt::format("{} ({})", g.name, g.id)),
            units_words(static_cast<std::size_t>(g.units), lang_));
    groups_.add(g.id, fmt::format("\n{}\n{}", title, rollup_table(g.indicators)));
  }

 private:
  // Fixed columns, so that rows can be written as they come: unit id and
  // name as at 100 columns, wider on a wider table and narrower on a
  // narrower one; the counts (which carry their own padding); the worst
  // gaps in the rest. What does not fit wraps within its column.
  std::vector<Column> row_columns() {
    const std::size_t width = style_.width;
    const std::size_t more = width > 100 ? width - 100 : 0, less = width < 100 ? 100 - width : 0;
    const auto sized = [](std::size_t usual, std::size_t grown, std::size_t shrunk, std::size_t least) {
      return std::max(least, usual + grown > shrunk ? usual + grown - shrunk : 0);
    };
    std::vector<Column> cols{{"", Align::Left, sized(14, std::min<std::size_t>(more / 5, 10), less / 4, 10)},
                             {"", Align::Left, sized(22, std::min<std::size_t>(more / 4, 28), less / 2, 12)}};
    for (std::size_t i = 0; i < kAllStatuses.size(); ++i) cols.push_back({"", Align::Right, count_width_, false, 0});
    // --since: "↑3 ↓1" under "Since 2025".
    if (since_) cols.push_back({"", Align::Right, std::max<std::size_t>(9, display_width(trf(lang_, "Since {}", *since_)))});
    std::size_t used = 2;
    for (const Column& c : cols) used += c.space_before + c.max_width;
    cols.push_back({"", Align::Left, std::max<std::size_t>(20, width > used + 2 ? width - used - 2 : 0)});
    return cols;
  }

  std::string row(std::string_view unit, std::string_view name, const std::vector<std::string>& counts,
                  std::string_view worst_text) const {
    std::vector<std::string> cells{std::string(unit), std::string(name)};
    cells.insert(cells.end(), counts.begin(), counts.end());
    cells.emplace_back(worst_text);
    std::vector<std::size_t> widths;
    for (const Column& c : columns_) widths.push_back(c.max_width);
    return layout_row(columns_, widths, cells, "  ");
  }

  // The worst gaps, whole items on a line where they fit: an item too
  // long for a line gives its indicator id a line of its own, its year and
  // status ("2030 off track") are never broken.
  std::string worst_text(const std::vector<WorstGap>& gaps) const {
    std::vector<std::string> items;
    for (const WorstGap& g : gaps) {
      const std::string item = fmt::format("{} {}", g.id, g.when);
      items.push_back(display_width(item) < columns_.back().max_width ? unbreakable(item)
                                                                       : g.id + " " + unbreakable(g.when));
    }
    return fmt::format("{}", fmt::join(items, "; "));
  }

  std::string head(const char* english) const { return std::string(tr(lang_, english)); }

  void ranking(const SummaryTail& tail) {
    if (tail.ranking.empty()) return;
    out_ << "\n" << tr(lang_, "Furthest behind") << "\n";
    TextTable t({{"#", Align::Right, 3}, {head("Unit"), Align::Left, 16}, {head("Name"), Align::Left, 30, true},
                 {head("Behind"), Align::Right, 7}, {head("Missed"), Align::Right, 6}, {head("Off"), Align::Right, 5},
                 {head("Risk"), Align::Right, 5}});
    int rank = 0;
    for (const RankedUnit& r : tail.ranking)
      t.add_row({std::to_string(++rank), r.id, display_text(r.name), format_fixed(r.behind * 100, 0, lang_) + "%",
                 std::to_string(r.counts[static_cast<std::size_t>(Status::Missed)]),
                 std::to_string(r.counts[static_cast<std::size_t>(Status::OffTrack)]),
                 std::to_string(r.counts[static_cast<std::size_t>(Status::AtRisk)])});
    out_ << t.render(style_.width, "  ");
  }

  std::string rollup_table(const std::vector<RollupIndicator>& rollup) const {
    if (rollup.empty()) return "  " + head("(no indicator is shared by two units)") + "\n";
    TextTable t({{head("Indicator"), Align::Left, 28, true}, {head("Units"), Align::Right, 5}, {head("How"), Align::Left, 13},
                 {head("Latest"), Align::Right, 16}, {head("Next target"), Align::Left, 16}, {head("Status"), Align::Left, rollup_status_width(lang_)},
                 {head("Missing"), Align::Right, 7}});
    for (const RollupIndicator& ri : rollup) {
      const MilestoneResult* next = next_milestone(ctx_, ri.result);
      t.add_row({ri.indicator->id, std::to_string(ri.units_count), std::string(tr(lang_, aggregation_name(ri.aggregation))),
                 display_text(rollup_latest(ri, lang_)),
                 next ? display_text(fmt::format("{} {}", next->milestone->year_label, next->milestone->target.text)) : "—",
                 rollup_status_words(ri, lang_), std::to_string(ri.missing.size())});
    }
    return t.render(style_.width, "  ");
  }

  std::ostream& out_;
  TerminalStyle style_;
  Lang lang_ = style_.lang;
  std::size_t count_width_ = 5;  // fixed once the header is written, so rows can stream
  std::vector<Column> columns_;  // the same
  Report ctx_;
  std::optional<int> since_;
  GroupTexts groups_;
};

void write_rollup_indicator(JsonWriter& w, const Report& ctx, const RollupIndicator& ri) {
  write_indicator_json(w, ctx, ri.result, [&](JsonWriter& x) {
    x.key("units_count").value(ri.units_count);
    x.key("aggregation").value(aggregation_name(ri.aggregation));
    x.key("status_basis").value(ri.status_from_units ? "units" : "pooled");
    x.key("unit_statuses").begin_object();
    for (Status s : kAllStatuses) x.key(status_name(s)).value(ri.unit_statuses[static_cast<std::size_t>(s)]);
    x.end_object();
    x.key("missing_count").value(static_cast<int>(ri.missing.size()));
    x.key("missing_units").begin_array();
    for (const std::string& id : ri.missing) x.value(id);
    x.end_array();
    x.key("notes").begin_array();
    for (const std::string& n : ri.notes) x.value(n);
    x.end_array();
  });
}

void write_group(JsonWriter& w, const Report& ctx, const RollupGroup& g) {
  w.begin_object();
  w.key("id").value(g.id);
  w.key("name");
  g.name.empty() ? w.null() : w.value(g.name);
  w.key("units_count").value(g.units);
  w.key("indicators").begin_array();
  for (const RollupIndicator& ri : g.indicators) write_rollup_indicator(w, ctx, ri);
  w.end_array();
  w.end_object();
}

void write_ranked(JsonWriter& w, const RankedUnit& r) {
  w.begin_object();
  w.key("id").value(r.id);
  w.key("name").value(r.name);
  w.key("file").value(r.file);
  w.key("behind").value(r.behind);
  w.key("counts");
  write_counts(w, r.counts);
  w.end_object();
}

// The units as evaluate writes them, then the roll-up and the ranking: keys
// of the document (pretty, compact), or its last line (lines).
class JsonSink : public SummarySink {
 public:
  JsonSink(std::ostream& out, JsonStyle style, std::optional<int> since)
      : out_(out), json_(out, style), compact_(style != JsonStyle::Pretty), since_(since) {}

  void begin(std::optional<int> as_of, Method method) override {
    ctx_ = context(as_of, method, since_);
    json_.begin(ctx_);
  }

  void unit(const Plan&, const UnitResult& u) override { json_.unit(ctx_, u); }

  void end(const SummaryTail& tail) override {
    json_.close_units();
    out_ << (json_.style() == JsonStyle::Lines ? "{" : ",");
    out_ << (compact_ ? "\"units_count\":" : "\n  \"units_count\": ") << tail.units
         << (compact_ ? ",\"rollup\":" : ",\n  \"rollup\":");
    rollup(tail);
    out_ << (compact_ ? ",\"ranking\":[" : ",\n  \"ranking\": [");
    bool first = true;
    for (const RankedUnit& r : tail.ranking) {
      JsonWriter rw(compact_ ? 0 : 2, compact_);
      write_ranked(rw, r);
      out_ << (first ? "" : ",") << rw.fragment();
      first = false;
    }
    out_ << (first || compact_ ? "]" : "\n  ]") << (compact_ ? "}\n" : "\n}\n");
  }

 private:
  // One parent group at a time: each is finished, written and dropped.
  void rollup(const SummaryTail& tail) {
    JsonWriter w(compact_ ? 0 : 1, compact_);
    w.begin_object();
    w.key("indicators").begin_array();
    for (const RollupIndicator& ri : tail.rollup) write_rollup_indicator(w, ctx_, ri);
    w.end_array();
    w.key("groups").begin_array();
    out_ << w.fragment();
    tail.each_group([&](const RollupGroup& g) { group(g); });
    bool any = false;
    groups_.each([&](std::string_view text, bool first) {
      out_ << (first ? "" : ",") << text;
      any = true;
    });
    out_ << (!any || compact_ ? "]" : "\n    ]") << (compact_ ? "}" : "\n  }");
  }

 public:
  void group(const RollupGroup& g) override {
    JsonWriter gw(compact_ ? 0 : 3, compact_);
    write_group(gw, ctx_, g);
    groups_.add(g.id, gw.fragment());
  }

 private:

  std::ostream& out_;
  JsonUnitStream json_;
  bool compact_;
  Report ctx_;
  std::optional<int> since_;
  GroupTexts groups_;
};

class MarkdownSink : public SummarySink {
 public:
  MarkdownSink(std::ostream& out, Lang lang, std::optional<int> since) : out_(out), lang_(lang), since_(since) {}

  void begin(std::optional<int> as_of, Method method) override {
    ctx_ = context(as_of, method, since_);
    out_ << fmt::format("# {}\n\n{} · {}\n\n", tr(lang_, "plancheck summary"), as_of_words(ctx_, lang_),
                        method_words(ctx_, lang_));
    out_ << "|";
    for (const char* h : {"Unit", "Name", "Met", "On track", "At risk", "Off track", "Missed", "Unknown"})
      out_ << ' ' << tr(lang_, h) << " |";
    if (since_) out_ << ' ' << trf(lang_, "Since {}", *since_) << " |";
    out_ << ' ' << tr(lang_, "Worst gaps") << " |";
    out_ << (since_ ? "\n|---|---|--:|--:|--:|--:|--:|--:|---|---|\n" : "\n|---|---|--:|--:|--:|--:|--:|--:|---|\n");
  }

  void unit(const Plan& plan, const UnitResult& u) override {
    std::string line = fmt::format("| {} | {} |", markdown_code(plan.unit.id), markdown_escape(plan.unit.name));
    for (Status s : kAllStatuses) line += fmt::format(" {} |", u.counts[static_cast<std::size_t>(s)]);
    if (since_) line += fmt::format(" {} |", change_arrows(u));
    out_ << line << ' ' << markdown_escape(worst_line(worst(u, lang_))) << " |\n";
  }

  void end(const SummaryTail& tail) override {
    out_ << fmt::format("\n{}.\n\n## {}\n\n", units_words(static_cast<std::size_t>(tail.units), lang_), tr(lang_, "Roll-up over all units"))
         << table(tail.rollup);
    tail.each_group([&](const RollupGroup& g) { group(g); });
    groups_.each([&](std::string_view text, bool) { out_ << text; });
  }

  void group(const RollupGroup& g) override {
    groups_.add(g.id, fmt::format("\n## {}\n\n",
                                  trf(lang_, "Roll-up of {} ({}), {}", markdown_escape(g.name.empty() ? g.id : g.name),
                                      markdown_code(g.id), units_words(static_cast<std::size_t>(g.units), lang_))) +
                          table(g.indicators));
  }

 private:

  std::string table(const std::vector<RollupIndicator>& rollup) const {
    std::string out = "|";
    for (const char* h : {"Indicator", "Units", "Aggregation", "Latest", "Status", "Missing"})
      out += fmt::format(" {} |", tr(lang_, h));
    out += "\n|---|--:|---|--:|---|--:|\n";
    for (const RollupIndicator& ri : rollup)
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_escape(indicator_name(*ri.indicator, lang_)),
                         ri.units_count,
                         tr(lang_, aggregation_name(ri.aggregation)), markdown_escape(rollup_latest(ri, lang_)),
                         rollup_status_words(ri, lang_), ri.missing.size());
    return out;
  }

  std::ostream& out_;
  Lang lang_;
  Report ctx_;
  std::optional<int> since_;
  GroupTexts groups_;
};

}  // namespace

std::unique_ptr<SummarySink> make_summary_sink(const std::string& format, std::ostream& out, const TerminalStyle& style,
                                               JsonStyle json_style, std::optional<int> since) {
  if (format == "json") return std::make_unique<JsonSink>(out, json_style, since);
  if (format == "markdown") return std::make_unique<MarkdownSink>(out, style.lang, since);
  return std::make_unique<TableSink>(out, style, since);
}

}  // namespace plancheck
