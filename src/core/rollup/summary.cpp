#include "core/rollup/summary.hpp"

#include <algorithm>

namespace plancheck {
namespace {

double share(int n, int total) { return total ? static_cast<double>(n) / total : 0; }

}  // namespace

void SummaryBuilder::finish_groups_early(std::function<void(RollupGroup)> done, std::optional<int> as_of,
                                         const EvaluationOptions& eval) {
  done_ = std::move(done);
  early_as_of_ = as_of;
  early_eval_ = eval;
}

void SummaryBuilder::close_group_before(const Plan& plan) {
  const std::string& parent = plan.unit.parent;
  if (closed_.count(parent) || closed_.count(plan.unit.id)) regrouped_ = true;
  if (regrouped_ || parent == open_parent_) return;
  if (const auto open = groups_.find(open_parent_); open != groups_.end()) {
    RollupGroup g = group(open_parent_, early_as_of_, early_eval_);
    groups_.erase(open);
    closed_.insert(open_parent_);
    done_(std::move(g));
  }
  open_parent_ = parent;
}

void SummaryBuilder::add(const Plan& plan, const UnitResult& unit) {
  note_parent_name(plan);  // first: the group this plan closes may be its own
  if (done_) close_group_before(plan);
  ++units_;
  all_.add(plan, unit);
  // Every roll-up shares the builder's definitions.
  if (!plan.unit.parent.empty()) groups_.try_emplace(plan.unit.parent, shapes_).first->second.add(plan, unit);
  rank(plan, unit);
}

SummaryTail SummaryBuilder::finish(const std::shared_ptr<const SummaryBuilder>& self, std::optional<int> as_of,
                                   const EvaluationOptions& eval) {
  SummaryTail t;
  t.units = self->units_;
  t.rollup = self->all_.finish(as_of, eval);
  t.ranking = self->ranking_;
  t.builder = self;
  t.as_of = as_of;
  t.eval = eval;
  return t;
}

RollupGroup SummaryBuilder::group(const std::string& id, std::optional<int> as_of, const EvaluationOptions& eval) const {
  const Rollup& rollup = groups_.at(id);
  const auto name = parent_names_.find(id);
  return {id, name == parent_names_.end() ? "" : name->second, rollup.units(), rollup.finish(as_of, eval)};
}

std::vector<std::string> SummaryBuilder::group_ids() const {
  std::vector<std::string> ids;
  for (const auto& g : groups_) ids.push_back(g.first);
  return ids;
}

void SummaryTail::each_group(const std::function<void(const RollupGroup&)>& f) const {
  if (!builder) return;
  for (const std::string& id : builder->group_ids()) f(builder->group(id, as_of, eval));
}

std::vector<RollupGroup> SummaryTail::groups() const {
  std::vector<RollupGroup> all;
  if (builder)
    for (const std::string& id : builder->group_ids()) all.push_back(builder->group(id, as_of, eval));
  return all;
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
  auto builder = std::make_shared<SummaryBuilder>(ranking_size);
  for (const UnitResult& u : report.units) builder->add(*u.plan, u);
  return SummaryBuilder::finish(builder, report.as_of, eval);
}

double behind_score(const UnitResult& u) {
  const auto n = [&](Status s) { return u.counts[static_cast<std::size_t>(s)]; };
  const int total = static_cast<int>(u.indicators.size());
  return share(n(Status::Missed) + n(Status::OffTrack), total) + 0.5 * share(n(Status::AtRisk), total);
}

namespace {

// Each unit to the roll-ups and the ranking, and to the writer; parent
// groups finished early while `early` holds (see finish_groups_early).
class SummaryUnitSink : public UnitSink {
 public:
  SummaryUnitSink(std::unique_ptr<SummarySink> writer, std::size_t ranking_size, const EvaluationOptions& eval,
                  bool& early)
      : writer_(std::move(writer)), builder_(std::make_shared<SummaryBuilder>(ranking_size)), eval_(eval),
        early_(early) {}

  void begin(std::optional<int> as_of, Method method) override {
    eval_.as_of = as_of;
    writer_->begin(as_of, method);
    if (early_) builder_->finish_groups_early([this](RollupGroup g) { writer_->group(g); }, as_of, eval_);
  }
  bool needs_another_pass() override {
    if (!builder_->regrouped()) return false;
    early_ = false;  // the input is not grouped by parent
    return true;
  }
  void unit(const Plan& plan, const UnitResult& u) override {
    builder_->add(plan, u);
    writer_->unit(plan, u);
  }
  void end() override { writer_->end(SummaryBuilder::finish(builder_, eval_.as_of, eval_)); }

 private:
  std::unique_ptr<SummarySink> writer_;
  std::shared_ptr<SummaryBuilder> builder_;
  EvaluationOptions eval_;
  bool& early_;
};

}  // namespace

StreamOutcome run_summary(const SummaryOptions& opts, const std::function<std::unique_ptr<SummarySink>()>& make_sink,
                          WalkDiagnostics& diags) {
  bool early = true;  // until the input shows it is not grouped by parent
  return run_stream(
      opts.stream,
      [&]() -> std::unique_ptr<UnitSink> {
        return std::make_unique<SummaryUnitSink>(make_sink(), opts.ranking_size, opts.stream.eval, early);
      },
      diags);
}

}  // namespace plancheck
