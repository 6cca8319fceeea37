#include "core/rollup/stream.hpp"

#include "core/reading/spreadsheet.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/evaluation/data_checks.hpp"
#include "core/model/derived.hpp"
#include "core/util/parallel.hpp"
#include "core/evaluation/selection_check.hpp"
#include "core/reading/walk.hpp"
#include "core/util/suggest.hpp"

namespace plancheck {
namespace {

// A top-level "data:" or "values:" key near the start marks a data file;
// plans have neither. Checked on the first few kilobytes so that data can be
// loaded before plans; a data file missed here is found when it is parsed,
// and the pass is run again with it.
bool looks_like_data(const std::string& path, const std::optional<std::string>& stdin_text) {
  if (path.size() > 4 && path.ends_with(".csv")) return true;
  if (path != "-" && spreadsheet_type(path) != SpreadsheetType::None) return true;  // workbooks hold data only
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
    if (text.find(fmt::format("\n{}", key)) != std::string::npos) return true;
  }
  return false;
}

// The data of the input, by unit: the one thing held whole, as plans need
// their values when they stream by. Its diagnostics are kept per file, to be
// placed where the file is in the walk (as a whole-batch load orders them).
struct DataIndex {
  std::vector<std::string> paths;           // data files of the walk, then --data
  std::unordered_set<std::string> in_walk;  // the data files that are in the walk
  std::vector<std::string> extra;           // --data, in order
  Diagnostics extra_walk;                   // listing --data directories
  std::unordered_map<std::string, std::vector<RawValue>> by_unit;
  std::unordered_map<std::string, Diagnostics> diags;  // per data file
  // Per data file and unit, where its first value is: "no plan" is said once each.
  std::vector<std::pair<std::string, Location>> first_place;
  std::optional<int> latest_year;

  bool is_data(const std::string& p) const { return in_walk.count(p) > 0; }
};

// Loads every data file of `index.paths` (again, after a late find).
void load_data(DataIndex& index, const StreamOptions& opts) {
  index.by_unit.clear();
  index.diags.clear();
  index.first_place.clear();
  index.latest_year.reset();
  parallel_ordered<std::string, LoadedFile>(
      worker_count(opts.input.jobs),
      [it = index.paths.begin(), end = index.paths.end()]() mutable -> std::optional<std::string> {
        return it == end ? std::nullopt : std::optional(*it++);
      },
      [&](const std::string& p) { return load_file(p, opts.input.stdin_text); },
      [&](LoadedFile& f) {
        index.diags[f.path].append(f.diags);
        // Only --data paths can be plans here (the walk keeps data files).
        // A plan file named with --data would be left out unnoticed; one
        // met in a --data directory is passed over, as the walk passes
        // data over (a folder of figures may hold a plan too).
        const auto& named = opts.input.data_paths;
        if (f.doc.plan && std::find(named.begin(), named.end(), f.path) != named.end())
          index.diags[f.path].error({f.path, 1, 1}, msg("this is a plan file, not a data file; give plans as paths, "
                                                        "without --data"));
        if (!f.doc.data) return;
        std::unordered_set<std::string> units_here;
        for (auto& [unit, raw] : f.doc.data->values) {
          if (units_here.insert(unit).second)
            index.first_place.emplace_back(unit, f.doc.data->unit.empty() ? raw.where : f.doc.data->unit_where);
          if (const auto y = parse_target_year(raw.year_text); y && raw.indicator.rfind("budget.", 0) != 0)
            index.latest_year = std::max(index.latest_year.value_or(y->year), y->year);
          index.by_unit[unit].push_back(std::move(raw));
        }
      });
}

// Which files hold data (--data, or by their text): only their paths are
// kept before they are loaded.
DataIndex find_data(const StreamOptions& opts) {
  DataIndex index;
  Diagnostics ignored;  // listing errors are reported by the pass's own walk
  PathWalker walker(opts.input.paths);
  while (auto p = walker.next(ignored))
    if (looks_like_data(*p, opts.input.stdin_text)) {
      index.paths.push_back(*p);
      index.in_walk.insert(*p);
    }
  index.extra = expand_paths(opts.input.data_paths, index.extra_walk);
  index.paths.insert(index.paths.end(), index.extra.begin(), index.extra.end());
  load_data(index, opts);
  return index;
}

void keep_max(std::optional<int>& acc, const std::optional<int>& y) {
  if (y) acc = std::max(acc.value_or(*y), *y);
}

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

// One file of the walk, worked on a worker thread. Its diagnostics are kept
// by stage, as a whole-batch load reports them: the checks of plans only
// when nothing failed to load, derived values only when nothing failed to
// load (a derived value of a broken plan says nothing new).
struct Evaluated {
  std::string path;
  bool data = false;  // a data file of the index: nothing to do here
  Diagnostics load, attach, derive, check;
  std::unique_ptr<Plan> plan;
  std::unique_ptr<UnitResult> result;
  std::string late_data;  // a data file the text check took for a plan
  YearsSeen years;
};

class Pass {
 public:
  Pass(const StreamOptions& opts, const DataIndex& data, std::optional<int> as_of, UnitSink& sink)
      : opts_(opts), data_(data), as_of_(as_of), sink_(sink) {
    eval_.as_of = as_of;
  }

  void run() {
    PathWalker walker(opts_.input.paths);
    Diagnostics walk_diags;  // written under parallel_ordered's lock, read after
    parallel_ordered<std::string, Evaluated>(
        worker_count(opts_.input.jobs), [&] { return walker.next(walk_diags); },
        [&](const std::string& p) { return work(p); }, [&](Evaluated& e) { consume(e); });
    diags_.load_stage().append(walk_diags);
    for (const std::string& p : data_.extra) append_data_diags(p);
    diags_.load_stage().append(data_.extra_walk);
    for (const auto& [unit, where] : data_.first_place)
      if (!units_seen_.contains(id_hash(unit))) diags_.attach_stage().error(where, no_plan_for_data(unit, plan_unit_like(unit)));
  }

  // Taken, not copied (a batch may have many).
  WalkDiagnostics take_diagnostics() { return std::move(diags_); }
  bool has_errors() const { return diags_.any_errors(); }

  const std::string& late_data() const { return late_data_; }
  // default_as_of over the plans that streamed by.
  std::optional<int> default_year() const { return years_.latest_actual ? years_.latest_actual : years_.baseline; }
  bool fail_on_matched() const { return fail_on_matched_; }
  std::vector<Message> nothing_selected() const { return selected_.errors(opts_.input.paths); }

 private:
  Evaluated work(const std::string& path) const {
    Evaluated e;
    e.path = path;
    if (data_.is_data(path)) {
      e.data = true;
      return e;
    }
    LoadedFile f = load_file(path, opts_.input.stdin_text);
    e.load = std::move(f.diags);
    if (f.doc.data) e.late_data = path;
    if (!f.doc.plan) return e;
    e.plan = std::make_unique<Plan>(std::move(*f.doc.plan));
    attach_values(*e.plan, f.doc.inline_values, e.attach);
    if (const auto it = data_.by_unit.find(e.plan->unit.id); it != data_.by_unit.end())
      attach_values(*e.plan, it->second, e.attach);
    if (e.load.has_errors() || e.attach.has_errors()) return e;
    derive_values(*e.plan, e.derive);
    if (e.derive.has_errors()) return e;
    opts_.check ? opts_.check(*e.plan, e.check) : check_data(*e.plan, e.check);
    e.years = years_seen(*e.plan);
    if (opts_.evaluate && !e.check.has_errors())
      e.result = std::make_unique<UnitResult>(evaluate_plan(*e.plan, as_of_, eval_));
    return e;
  }

  void consume(Evaluated& e) {
    if (e.data) return append_data_diags(e.path);
    if (!e.late_data.empty() && late_data_.empty()) late_data_ = e.late_data;
    const std::uint32_t ordinal = file_ordinal_++;  // every plan file of the walk, loaded or not
    if (e.plan) {
      keep_max(years_.latest_actual, e.years.latest_actual);
      keep_max(years_.baseline, e.years.baseline);
      check_unique(*e.plan, ordinal, e.attach);
    }
    diags_.file(diagnostic_file_name(e.path), e.late_data.empty() ? FileRole::Plan : FileRole::Data, e.load, e.attach,
                e.derive, e.check);
    if (!e.plan || has_errors()) return;  // nothing more is shown once input is bad
    selected_.add(*e.plan);
    sink_.checked(*e.plan, e.check.warning_count());
    if (e.result) show(e);
  }

  void show(Evaluated& e) {
    Report one;
    one.as_of = as_of_;
    one.method = opts_.eval.method;
    one.since = opts_.eval.since;
    one.units.push_back(std::move(*e.result));
    apply_selection(one, opts_.selection);
    if (one.units.empty()) return;
    if (opts_.prepare) opts_.prepare(one);
    fail_on_matched_ = fail_on_matched_ || any_status(one, opts_.fail_on);
    sink_.take(std::move(e.plan), std::move(one.units.front()));
    if (opts_.progress) opts_.progress(++units_shown_);
  }

  void append_data_diags(const std::string& path) {
    const auto it = data_.diags.find(path);
    diags_.file(diagnostic_file_name(path), FileRole::Data, it != data_.diags.end() ? it->second : Diagnostics());
  }

  // The plans' unit ids are kept only as hashes (flat memory): the one
  // perhaps meant is looked for among the ids one edit away.
  std::optional<std::string> plan_unit_like(std::string_view unit) const {
    return closest_existing(unit, "abcdefghijklmnopqrstuvwxyz0123456789-",
                            [&](std::string_view id) { return units_seen_.contains(id_hash(id)); });
  }

  // Two plans for one unit; the earlier file is looked up by its place in
  // the walk only when that happens.
  void check_unique(const Plan& plan, std::uint32_t ordinal, Diagnostics& attach) {
    const auto earlier = units_seen_.insert(id_hash(plan.unit.id), ordinal);
    if (earlier)
      attach.error(plan.unit.where, msg("unit id \"{}\" is also the unit of {}; each unit needs exactly one plan in a "
                                        "batch", plan.unit.id, plan_file(*earlier)));
  }

  // The n-th plan file of the walk (data files skipped).
  std::string plan_file(std::uint32_t n) const {
    Diagnostics ignored;
    PathWalker walker(opts_.input.paths);
    for (std::uint32_t i = 0; auto p = walker.next(ignored);) {
      if (data_.is_data(*p)) continue;
      if (i++ == n) return *p;
    }
    return "?";
  }

  const StreamOptions& opts_;
  const DataIndex& data_;
  std::optional<int> as_of_;
  EvaluationOptions eval_ = opts_.eval;
  UnitSink& sink_;
  SelectionCheck selected_{opts_.selection};
  UnitIndex units_seen_;
  std::uint32_t file_ordinal_ = 0;
  std::size_t units_shown_ = 0;
  YearsSeen years_;
  std::string late_data_;
  bool fail_on_matched_ = false;
  WalkDiagnostics diags_;
};

// The as-of year assumed before the pass: from the data files and the first
// plan (units usually report the same years, so one pass is the rule).
std::optional<int> first_guess(const DataIndex& data, const StreamOptions& opts) {
  std::optional<int> guess = data.latest_year;
  Diagnostics ignored;
  PathWalker walker(opts.input.paths);
  while (auto p = walker.next(ignored)) {
    if (data.is_data(*p)) continue;
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

StreamOutcome run_stream(const StreamOptions& opts, const std::function<std::unique_ptr<UnitSink>()>& make_sink,
                         WalkDiagnostics& diags) {
  DataIndex data = find_data(opts);
  std::optional<int> as_of;
  if (opts.evaluate) as_of = opts.eval.as_of ? opts.eval.as_of : first_guess(data, opts);
  std::set<std::optional<int>> tried;
  // Each extra pass is caused by a data file found late or a later year:
  // bounded by the files and years there are.
  while (true) {
    const std::unique_ptr<UnitSink> sink = make_sink();
    Pass pass(opts, data, as_of, *sink);
    sink->begin(as_of, opts.eval.method);
    pass.run();
    if (!pass.late_data().empty() && !pass.has_errors()) {
      // A data file the first look took for a plan: load it as data first.
      data.paths.insert(data.paths.end() - static_cast<std::ptrdiff_t>(data.extra.size()), pass.late_data());
      data.in_walk.insert(pass.late_data());
      load_data(data, opts);
      continue;
    }
    if (sink->needs_another_pass() && !pass.has_errors()) continue;
    tried.insert(as_of);
    const std::optional<int> seen = pass.default_year();
    if (opts.evaluate && !opts.eval.as_of && seen != as_of && !pass.has_errors() && !tried.count(seen)) {
      as_of = seen;  // not the year assumed: evaluate again with the right one
      continue;
    }
    diags = pass.take_diagnostics();
    if (diags.has_errors()) return {};
    // What the sink wrote stays in the caller's spool, never published.
    if (auto nothing = pass.nothing_selected(); !nothing.empty()) return {false, as_of, std::move(nothing)};
    sink->end();
    return {pass.fail_on_matched(), as_of, {}};
  }
}

}  // namespace plancheck
