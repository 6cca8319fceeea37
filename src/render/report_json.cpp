#include "render/report_json.hpp"

#include <fmt/format.h>
#include <sstream>

#include "render/describe.hpp"
#include "render/json_writer.hpp"

namespace plancheck {
namespace {

// Milestone values are stage names, flags booleans, everything else numbers.
void write_value(JsonWriter& w, const Indicator& ind, double v) {
  if (ind.kind == Kind::Milestone) {
    const auto i = static_cast<std::size_t>(v);
    if (i < ind.stages.size()) {
      w.value(ind.stages[i]);
      return;
    }
  }
  if (ind.kind == Kind::Flag) {
    w.value(v >= 0.5);
    return;
  }
  w.value(v);
}

void write_point(JsonWriter& w, const Indicator& ind, const std::optional<Point>& p) {
  if (!p) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("year").value(p->year);
  w.key("year_label").value(p->year_label);
  w.key("value");
  write_value(w, ind, p->value);
  w.key("numerator").value(p->numerator);
  w.key("denominator").value(p->denominator);
  w.end_object();
}

// op / value / low / high of a target, as cli.md shows them.
void write_target(JsonWriter& w, const Indicator& ind, const Milestone& m) {
  const NumericTarget& t = m.target.numeric;
  w.key("target").value(m.target.text);
  if (ind.kind == Kind::Milestone || ind.kind == Kind::Flag) {
    w.key("op").value(ind.kind == Kind::Flag ? "=" : ">=");
    w.key("value");
    write_value(w, ind, t.value);
    w.key("low").null();
    w.key("high").null();
    return;
  }
  w.key("op").value(op_symbol(t.op));
  const bool band = t.op == Op::Between || t.op == Op::About;
  w.key("value");
  if (t.op == Op::Between)
    w.null();
  else
    w.value(t.value);
  w.key("low");
  band ? w.value(t.low) : w.null();
  w.key("high");
  band ? w.value(t.high) : w.null();
}

void write_milestone(JsonWriter& w, const Report& report, const Indicator& ind, const MilestoneResult& r) {
  const Milestone& m = *r.milestone;
  w.begin_object();
  w.key("year").value(m.year);
  w.key("year_label").value(m.year_label);
  write_target(w, ind, m);
  w.key("maintain").value(m.target.maintain);
  w.key("line").value(m.where.line);
  w.key("status").value(status_name(r.status));
  w.key("met").value(r.met);
  w.key("gap").value(r.gap);
  w.key("gap_units").value(r.gap_units);
  w.key("progress").value(r.progress);
  w.key("expected").value(r.expected);
  w.key("schedule").value(r.schedule);
  w.key("projected").value(r.projected);
  w.key("required_pace").value(r.required_pace);
  w.key("pace_ratio").value(r.pace_ratio);
  w.key("attainment_year").value(r.attainment_year);
  if (report.since) {
    w.key("status_since");
    r.status_since ? w.value(status_name(*r.status_since)) : w.null();
    w.key("change");
    r.change ? w.value(change_name(*r.change)) : w.null();
  }
  w.key("reason");
  r.reason.empty() ? w.null() : w.value(r.reason);
  w.end_object();
}

void write_text_or_null(JsonWriter& w, std::string_view key, const std::string& text) {
  w.key(key);
  text.empty() ? w.null() : w.value(text);
}

}  // namespace

void write_indicator_json(JsonWriter& w, const Report& report, const IndicatorResult& r,
                          const std::function<void(JsonWriter&)>& extra) {
  const Indicator& ind = *r.indicator;
  w.begin_object();
  w.key("id").value(ind.id);
  w.key("name").value(ind.name);
  write_text_or_null(w, "name_en", ind.name_en);
  w.key("kind").value(kind_name(ind.kind));
  write_text_or_null(w, "unit", ind.unit);
  w.key("better").value(better_name(ind.better));
  w.key("basis").value(ind.norm ? "norm" : "plan");
  write_text_or_null(w, "basis_ref", ind.basis_ref);
  w.key("valid_for").value(ind.valid_for);
  write_text_or_null(w, "stage", ind.stage);
  write_text_or_null(w, "group", ind.group);
  w.key("line").value(ind.where.line);
  w.key("baseline");
  write_point(w, ind, r.baseline);
  w.key("latest");
  write_point(w, ind, r.latest);
  w.key("trend").value(r.trend);
  w.key("status").value(status_name(r.status));
  w.key("projection");
  if (report.project_to) {
    w.begin_object();
    w.key("year").value(*report.project_to);
    w.key("value").value(project_value(r, *report.project_to, report.method));
    w.end_object();
  } else {
    w.null();
  }
  if (extra) extra(w);
  w.key("milestones").begin_array();
  for (const MilestoneResult& m : r.milestones) write_milestone(w, report, ind, m);
  w.end_array();
  w.end_object();
}

namespace {

void write_budget_entry(JsonWriter& w, const BudgetEntryResult& e) {
  w.key("id").value(e.entry->id);
  w.key("name").value(e.entry->name);
  w.key("planned").value(e.planned);
  w.key("spent").value(e.spent);
  w.key("share").value(e.share);
}

void write_budget(JsonWriter& w, const std::optional<BudgetResult>& b) {
  if (!b) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("currency").value(b->budget->currency);
  w.key("total").value(b->budget->total);
  w.key("spent").value(b->spent);
  w.key("lines").begin_array();
  for (const BudgetLineResult& line : b->lines) {
    w.begin_object();
    write_budget_entry(w, line);
    w.key("items").begin_array();
    for (const BudgetEntryResult& item : line.items) {
      w.begin_object();
      write_budget_entry(w, item);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_tasks(JsonWriter& w, const std::vector<TaskResult>& tasks) {
  w.begin_array();
  for (const TaskResult& t : tasks) {
    w.begin_object();
    w.key("id").value(t.task->id);
    w.key("name").value(t.task->name);
    write_text_or_null(w, "lead", t.task->lead);
    // The English words are the machine text of a recurrence; `due` keeps
    // them too, so a reader of format 1 still finds "yearly" there.
    const std::string recurrence = recurrence_words(t, Lang::En);
    w.key("due");
    t.task->recurring() ? w.value(recurrence) : t.task->due ? w.value(t.task->due->text) : w.null();
    write_text_or_null(w, "recurrence", recurrence);
    w.key("done").begin_array();
    for (const Date& d : t.task->done) w.value(d.text);
    for (const DoneMark& m : t.task->done_periods) w.value(m.text);
    w.end_array();
    w.key("overdue_periods").begin_array();
    for (const std::string& label : t.overdue_periods) w.value(label);
    w.end_array();
    w.key("status").value(task_status_name(t.status));
    w.key("line").value(t.task->where.line);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

void write_counts(JsonWriter& w, const std::array<int, kAllStatuses.size()>& counts) {
  w.begin_object();
  for (Status s : kAllStatuses) w.key(status_name(s)).value(counts[static_cast<std::size_t>(s)]);
  w.end_object();
}

namespace {

// --since: the unit's milestones by change, every change named.
void write_change_counts(JsonWriter& w, const UnitResult& u) {
  const auto counts = change_counts(u);
  w.key("change_counts").begin_object();
  for (Change c : kAllChanges) w.key(change_name(c)).value(counts[static_cast<std::size_t>(c)]);
  w.end_object();
}

}  // namespace

void write_unit_json(JsonWriter& w, const Report& report, const UnitResult& u) {
  const Plan& p = *u.plan;
  w.begin_object();
  w.key("id").value(p.unit.id);
  w.key("name").value(p.unit.name);
  write_text_or_null(w, "type", p.unit.type);
  write_text_or_null(w, "parent", p.unit.parent);
  w.key("file").value(p.file);
  w.key("counts");
  write_counts(w, u.counts);
  w.key("norm_counts");
  write_counts(w, u.norm_counts);
  if (report.since) write_change_counts(w, u);
  w.key("indicators").begin_array();
  for (const IndicatorResult& r : u.indicators) write_indicator_json(w, report, r);
  w.end_array();
  w.key("budget");
  write_budget(w, u.budget);
  w.key("tasks");
  write_tasks(w, u.tasks);
  w.end_object();
}

void JsonUnitStream::begin(const Report& ctx) {
  first_ = true;
  if (style_ == JsonStyle::Lines) return;
  const std::string as_of = ctx.as_of ? std::to_string(*ctx.as_of) : "null";
  const std::string method = json_escape(method_name(ctx.method));
  // "since" only with --since, so documents without it stay as they were.
  const bool compact = style_ == JsonStyle::Compact;
  std::string since;
  if (ctx.since) since = compact ? fmt::format("\"since\":{},", *ctx.since) : fmt::format("\n  \"since\": {},", *ctx.since);
  if (compact)
    out_ << fmt::format("{{\"plancheck\":{},\"as_of\":{},{}\"method\":{},\"units\":[", kJsonVersion, as_of, since,
                        method);
  else
    out_ << fmt::format("{{\n  \"plancheck\": {},\n  \"as_of\": {},{}\n  \"method\": {},\n  \"units\": [",
                        kJsonVersion, as_of, since, method);
}

void JsonUnitStream::unit(const Report& ctx, const UnitResult& u) {
  JsonWriter w(style_ == JsonStyle::Pretty ? 2 : 0, compact());
  write_unit_json(w, ctx, u);
  if (style_ == JsonStyle::Lines)
    out_ << w.fragment() << '\n';
  else
    out_ << (first_ ? "" : ",") << w.fragment();
  first_ = false;
}

void JsonUnitStream::close_units() {
  if (style_ != JsonStyle::Lines) out_ << (first_ || compact() ? "]" : "\n  ]");
}

void JsonUnitStream::end() {
  if (style_ != JsonStyle::Lines) out_ << (compact() ? "}\n" : "\n}\n");
}

std::string render_json(const Report& report, JsonStyle style) {
  std::ostringstream out;
  JsonUnitStream json(out, style);
  json.begin(report);
  for (const UnitResult& u : report.units) json.unit(report, u);
  json.close_units();
  json.end();
  return std::move(out).str();
}

}  // namespace plancheck
