#include "core/summary.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/data_checks.hpp"
#include "core/derived.hpp"
#include "core/parallel.hpp"
#include "core/selection_check.hpp"
#include "core/walk.hpp"

namespace plancheck {
namespace {

// A top-level "data:" or "values:" key near the start marks a data file;
// plans have neither. Checked on the first few kilobytes so that data can be
// loaded before plans; a data file missed here is found when it is parsed,
// and the pass is run again with it.
bool looks_like_data(const std::string& path, const std::optional<std::string>& stdin_text) {
  if (path.size() > 4 && path.ends_with(".csv")) return true;
  constexpr std::size_t kHead = 4096;
  std::string text;
  if (path == "-") {
    if (looks_like_csv_data(stdin_text.value_or(""))) return true;
    text = stdin_text.value_or("").substr(0, kHead);
  } else {
    std::ifstream in(path, std::ios::binary);
    text.resize(kHead);
    in.read(text.data(), kHead);
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  for (std::string_view key : {"data:", "values:"}) {
    if (text.rfind(key, 0) == 0) return true;
    if (text.find("\n" + std::string(key)) != std::string::npos) return true;
  }
  return false;
}

struct DataIndex {
  std::unordered_map<std::string, std::vector<RawValue>> by_unit;
  std::vector<std::pair<std::string, Location>> first_place;  // unit → where its data is, for errors
  std::optional<int> latest_year;
};

struct Evaluated {
  Diagnostics diags;
  std::unique_ptr<Plan> plan;
  std::unique_ptr<UnitResult> result;
  std::string late_data;  // a data file the text check took for a plan
  YearsSeen years;
};

void keep_max(std::optional<int>& acc, const std::optional<int>& y) {
  if (y) acc = std::max(acc.value_or(*y), *y);
}

double share(int n, int total) { return total ? static_cast<double>(n) / total : 0; }

std::uint64_t id_hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

// Units seen so far, by a hash of their id, with the ordinal of the plan
// file that has it: 16 bytes a unit in an open-addressed table, so memory
// stays flat. The file name is found again only when a duplicate turns up.
class UnitIndex {
 public:
  // The ordinal of an earlier plan with the same id hash, if any.
  std::optional<std::uint32_t> insert(std::uint64_t hash, std::uint32_t ordinal) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    Slot& s = find(hash);
    if (s.used) return s.ordinal;
    s = {hash, ordinal, true};
    ++size_;
    return std::nullopt;
  }
  bool contains(std::uint64_t hash) const {
    if (slots_.empty()) return false;
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (!slots_[i].used) return false;
      if (slots_[i].hash == hash) return true;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t ordinal = 0;
    bool used = false;
  };
  Slot& find(std::uint64_t hash) {
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1))
      if (!slots_[i].used || slots_[i].hash == hash) return slots_[i];
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.used) insert(s.hash, s.ordinal);
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

class Pass {
 public:
  Pass(const SummaryOptions& opts, const DataIndex& data, const std::unordered_set<std::string>& data_paths,
       std::optional<int> as_of, SummarySink& sink)
      : opts_(opts), data_(data), data_paths_(data_paths), as_of_(as_of), sink_(sink) {}

  Evaluated evaluate(const std::string& path) const {
    Evaluated e;
    LoadedFile f = load_file(path, opts_.input.stdin_text);
    e.diags = std::move(f.diags);
    if (f.doc.data) e.late_data = path;
    if (!f.doc.plan) return e;
    e.plan = std::make_unique<Plan>(std::move(*f.doc.plan));
    attach_values(*e.plan, f.doc.inline_values, e.diags);
    if (const auto it = data_.by_unit.find(e.plan->unit.id); it != data_.by_unit.end())
      attach_values(*e.plan, it->second, e.diags);
    if (!e.diags.has_errors()) derive_values(*e.plan, e.diags);
    if (!e.diags.has_errors()) check_data(*e.plan, e.diags);
    e.years = years_seen(*e.plan);
    e.result = std::make_unique<UnitResult>(evaluate_plan(*e.plan, as_of_, opts_.eval));
    return e;
  }

  void consume(Evaluated& e, Diagnostics& diags) {
    diags.append(e.diags);
    if (!e.late_data.empty() && late_data_.empty()) late_data_ = e.late_data;
    const std::uint32_t ordinal = file_ordinal_++;  // every file of the walk, loaded or not
    if (!e.plan) return;
    keep_max(years_.latest_actual, e.years.latest_actual);
    keep_max(years_.baseline, e.years.baseline);
    check_unique(*e.plan, ordinal, diags);
    if (e.diags.has_errors() || diags.has_errors()) return;  // nothing more is shown once input is bad
    selected_.add(*e.plan);
    Report one;
    one.as_of = as_of_;
    one.method = opts_.eval.method;
    one.units.push_back(std::move(*e.result));
    apply_selection(one, opts_.selection);
    if (one.units.empty()) return;
    const UnitResult& u = one.units.front();
    fail_on_matched_ = fail_on_matched_ || any_status(one, opts_.fail_on);
    builder_.add(*e.plan, u);
    sink_.unit(*e.plan, u);
    if (opts_.progress) opts_.progress(static_cast<std::size_t>(builder_.units()));
  }

  SummaryTail tail() const { return builder_.finish(as_of_, opts_.eval); }

  const std::string& late_data() const { return late_data_; }
  const YearsSeen& years() const { return years_; }
  bool fail_on_matched() const { return fail_on_matched_; }
  bool has_unit(std::string_view id) const { return units_seen_.contains(id_hash(id)); }
  std::vector<std::string> nothing_selected() const { return selected_.errors(opts_.input.paths); }

 private:
  // Two plans for one unit; the earlier file is looked up by its place in
  // the walk only when that happens.
  void check_unique(const Plan& plan, std::uint32_t ordinal, Diagnostics& diags) {
    const auto earlier = units_seen_.insert(id_hash(plan.unit.id), ordinal);
    if (earlier)
      diags.error(plan.unit.where, fmt::format("unit id \"{}\" is also the unit of {}; each unit needs exactly one plan "
                                               "in a batch", plan.unit.id, plan_file(*earlier)));
  }

  // The n-th plan file of the walk (data files skipped).
  std::string plan_file(std::uint32_t n) const {
    Diagnostics ignored;
    PathWalker walker(opts_.input.paths);
    for (std::uint32_t i = 0; auto p = walker.next(ignored);) {
      if (is_data_path(*p)) continue;
      if (i++ == n) return *p;
    }
    return "?";
  }

  const SummaryOptions& opts_;
  const DataIndex& data_;
  const std::unordered_set<std::string>& data_paths_;
  std::optional<int> as_of_;
  SummarySink& sink_;
  SummaryBuilder builder_{opts_.ranking_size};
  SelectionCheck selected_{opts_.selection};
  UnitIndex units_seen_;
  std::uint32_t file_ordinal_ = 0;
  YearsSeen years_;
  std::string late_data_;
  bool fail_on_matched_ = false;

 public:
  bool is_data_path(const std::string& p) const { return data_paths_.count(p) > 0; }
};

// Data files first: their values are matched to plans as plans stream by.
DataIndex load_data(const std::vector<std::string>& paths, const SummaryOptions& opts, Diagnostics& diags) {
  DataIndex index;
  parallel_ordered<std::string, LoadedFile>(
      worker_count(opts.input.jobs),
      [it = paths.begin(), end = paths.end()]() mutable -> std::optional<std::string> {
        return it == end ? std::nullopt : std::optional(*it++);
      },
      [&](const std::string& p) { return load_file(p, opts.input.stdin_text); },
      [&](LoadedFile& f) {
        diags.append(f.diags);
        if (!f.doc.data) return;
        for (auto& [unit, raw] : f.doc.data->values) {
          auto& values = index.by_unit[unit];
          if (values.empty()) index.first_place.emplace_back(unit, f.doc.data->unit.empty() ? raw.where : f.doc.data->unit_where);
          if (const auto y = parse_target_year(raw.year_text); y && raw.indicator.rfind("budget.", 0) != 0)
            index.latest_year = std::max(index.latest_year.value_or(y->year), y->year);
          values.push_back(std::move(raw));
        }
      });
  return index;
}

std::optional<int> first_guess(const std::vector<std::string>& paths, const DataIndex& data,
                               const std::unordered_set<std::string>& data_set, const SummaryOptions& opts,
                               Diagnostics& diags) {
  std::optional<int> guess = data.latest_year;
  PathWalker walker(paths);
  while (auto p = walker.next(diags)) {
    if (data_set.count(*p)) continue;
    LoadedFile f = load_file(*p, opts.input.stdin_text);
    if (!f.doc.plan) break;
    attach_values(*f.doc.plan, f.doc.inline_values, f.diags);
    const YearsSeen seen = years_seen(*f.doc.plan);
    keep_max(guess, seen.latest_actual);
    if (!guess) guess = seen.baseline;
    break;
  }
  return guess;
}

}  // namespace

void SummaryBuilder::add(const Plan& plan, const UnitResult& unit) {
  ++units_;
  all_.add(plan, unit);
  if (!plan.unit.parent.empty()) groups_[plan.unit.parent].add(plan, unit);
  note_parent_name(plan);
  rank(plan, unit);
}

SummaryTail SummaryBuilder::finish(std::optional<int> as_of, const EvaluationOptions& eval) const {
  SummaryTail t;
  t.units = units_;
  t.rollup = all_.finish(as_of, eval);
  for (const auto& [id, rollup] : groups_) {
    const auto name = parent_names_.find(id);
    t.groups.push_back({id, name == parent_names_.end() ? "" : name->second, rollup.units(), rollup.finish(as_of, eval)});
  }
  t.ranking = ranking_;
  return t;
}

// Names of parents, for their roll-up headings. Communes and wards are never
// parents, so their names are not kept (memory stays flat).
void SummaryBuilder::note_parent_name(const Plan& plan) {
  const std::string& type = plan.unit.type;
  if (groups_.count(plan.unit.id) || type == "district" || type == "city")
    parent_names_.emplace(plan.unit.id, plan.unit.name);
}

// Keeps the `ranking_size_` units furthest behind (ties: input order).
void SummaryBuilder::rank(const Plan& plan, const UnitResult& u) {
  RankedUnit r{plan.unit.id, plan.unit.name, plan.file, u.counts, static_cast<int>(u.indicators.size()), behind_score(u)};
  if (r.behind <= 0) return;
  const auto pos = std::upper_bound(ranking_.begin(), ranking_.end(), r.behind,
                                    [](double b, const RankedUnit& x) { return b > x.behind; });
  if (static_cast<std::size_t>(pos - ranking_.begin()) >= ranking_size_) return;
  ranking_.insert(pos, std::move(r));
  if (ranking_.size() > ranking_size_) ranking_.pop_back();
}

SummaryTail summarize(const Report& report, const EvaluationOptions& eval, std::size_t ranking_size) {
  SummaryBuilder builder(ranking_size);
  for (const UnitResult& u : report.units) builder.add(*u.plan, u);
  return builder.finish(report.as_of, eval);
}

double behind_score(const UnitResult& u) {
  const auto n = [&](Status s) { return u.counts[static_cast<std::size_t>(s)]; };
  const int total = static_cast<int>(u.indicators.size());
  return share(n(Status::Missed) + n(Status::OffTrack), total) + 0.5 * share(n(Status::AtRisk), total);
}

SummaryOutcome run_summary(const SummaryOptions& opts, const std::function<std::unique_ptr<SummarySink>()>& make_sink,
                           Diagnostics& diags) {
  const std::vector<std::string>& all = opts.input.paths;
  // Which files hold data (--data, or by their text): only their paths are kept.
  std::vector<std::string> data_paths = expand_paths(opts.input.data_paths, diags);
  {
    PathWalker walker(all);
    while (auto p = walker.next(diags))
      if (looks_like_data(*p, opts.input.stdin_text)) data_paths.push_back(*p);
  }
  std::unordered_set<std::string> data_set(data_paths.begin(), data_paths.end());
  DataIndex data = load_data(data_paths, opts, diags);
  if (diags.has_errors()) return {};

  // The as-of year: given, or assumed from the data files and the first plan
  // and checked after the pass (units usually report the same years, so one
  // pass is the rule).
  std::optional<int> as_of = opts.eval.as_of ? opts.eval.as_of : first_guess(all, data, data_set, opts, diags);
  std::set<std::optional<int>> tried;
  // Each extra pass is caused by a data file found late or a later year:
  // bounded by the files and years there are.
  while (true) {
    Diagnostics pass_diags;
    const std::unique_ptr<SummarySink> sink = make_sink();
    EvaluationOptions eval = opts.eval;
    eval.as_of = as_of;
    SummaryOptions pass_opts = opts;
    pass_opts.eval = eval;
    Pass pass(pass_opts, data, data_set, as_of, *sink);
    sink->begin(as_of, opts.eval.method);
    PathWalker walker(all);
    Diagnostics walk_diags;
    parallel_ordered<std::string, Evaluated>(
        worker_count(opts.input.jobs),
        [&]() -> std::optional<std::string> {
          while (auto p = walker.next(walk_diags))
            if (!pass.is_data_path(*p)) return p;
          return std::nullopt;
        },
        [&](const std::string& p) { return pass.evaluate(p); }, [&](Evaluated& e) { pass.consume(e, pass_diags); });
    pass_diags.append(walk_diags);
    // The default of semantics.md over the whole input: the latest actual
    // year anywhere, else the latest baseline year.
    std::optional<int> seen = data.latest_year;
    keep_max(seen, pass.years().latest_actual);
    if (!seen) seen = pass.years().baseline;
    if (!pass.late_data().empty() && !pass_diags.has_errors()) {
      // A data file the first look took for a plan: load it as data first.
      data_paths.push_back(pass.late_data());
      data_set.insert(pass.late_data());
      data = load_data(data_paths, opts, diags);
      if (diags.has_errors()) return {};
      continue;
    }
    tried.insert(as_of);
    if (!opts.eval.as_of && seen != as_of && !pass_diags.has_errors() && !tried.count(seen)) {
      as_of = seen;  // a later year than assumed: evaluate again with it
      continue;
    }
    for (const auto& [unit, where] : data.first_place)
      if (!pass.has_unit(unit))
        pass_diags.error(where, no_plan_for_data(unit));
    diags.append(pass_diags);
    if (diags.has_errors()) return {};
    // The rows already written stay in the caller's spool, never published.
    if (auto nothing = pass.nothing_selected(); !nothing.empty()) return {false, as_of, std::move(nothing)};
    sink->end(pass.tail());
    return {pass.fail_on_matched(), as_of, {}};
  }
}

}  // namespace plancheck
