#include "render/result_sinks.hpp"

#include <cmath>
#include <ostream>

#include "core/util/spill_sort.hpp"
#include "core/rollup/summary.hpp"
#include "core/util/temp_file.hpp"
#include "render/formats.hpp"
#include "render/html_report.hpp"
#include "render/report_json.hpp"
#include "render/xlsx_report.hpp"

namespace plancheck {
namespace {

// What every writer knows of the run: the context the renderers take.
class ResultSink : public UnitSink {
 public:
  ResultSink(const ResultSinkOptions& opts, std::ostream& out) : opts_(opts), out_(out) {}
  void begin(std::optional<int> as_of, Method method) override {
    ctx_.as_of = as_of;
    ctx_.method = method;
    ctx_.project_to = opts_.project_to;
    ctx_.since = opts_.eval.since;
    start();
  }

 protected:
  virtual void start() {}
  bool project() const { return opts_.table == TableLayout::Project; }
  ResultSinkOptions opts_;
  std::ostream& out_;
  Report ctx_;  // no units: as-of year, method, --to
};

class JsonSink : public ResultSink {
 public:
  using ResultSink::ResultSink;
  void start() override { json_.begin(ctx_); }
  void unit(const Plan&, const UnitResult& u) override { json_.unit(ctx_, u); }
  void end() override {
    json_.close_units();
    json_.end();
  }

 private:
  JsonUnitStream json_{out_, opts_.json_style};
};

class CsvSink : public ResultSink {
 public:
  using ResultSink::ResultSink;
  // `project` writes its projections, the others a row per milestone.
  void start() override { out_ << (project() ? projection_csv_header() : csv_header(ctx_.since.has_value())); }
  void unit(const Plan&, const UnitResult& u) override {
    out_ << (project() ? projection_csv_rows(ctx_, u) : csv_unit_rows(u, ctx_.since.has_value()));
  }
  void end() override {}
};

// The evaluate and project tables: a block per unit, a blank line between.
class TableSink : public ResultSink {
 public:
  using ResultSink::ResultSink;
  void unit(const Plan&, const UnitResult& u) override {
    out_ << (any_ ? "\n" : "")
         << (opts_.table == TableLayout::Project ? render_project_unit(ctx_, u, opts_.style)
                                                 : render_evaluate_unit(ctx_, u, opts_.style));
    any_ = true;
  }
  void end() override {
    if (!any_) out_ << no_plans_selected(opts_.style);
  }

 private:
  bool any_ = false;
};

// A document whose head needs the whole input (a count, totals): the body
// waits in a temporary file, then head and body are copied out.
class DeferredHeadSink : public ResultSink {
 public:
  using ResultSink::ResultSink;
  void end() override {
    out_ << head();
    body_.each_piece([&](std::string_view piece) { out_.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
    out_ << tail();
  }

 protected:
  virtual std::string head() = 0;
  virtual std::string tail() { return ""; }
  TempFile body_;
};

class MarkdownSink : public DeferredHeadSink {
 public:
  using DeferredHeadSink::DeferredHeadSink;
  void unit(const Plan&, const UnitResult& u) override {
    ++units_;
    body_.write(project() ? projection_markdown_unit(ctx_, u, opts_.style.lang) : markdown_unit(ctx_, u, opts_.style.lang));
  }

 private:
  std::string head() override {
    return project() ? projection_markdown_head(ctx_, units_, opts_.style.lang) : markdown_head(ctx_, units_, opts_.style.lang);
  }
  std::size_t units_ = 0;
};

class JunitSink : public DeferredHeadSink {
 public:
  using DeferredHeadSink::DeferredHeadSink;
  void unit(const Plan&, const UnitResult& u) override { body_.write(junit_suite(ctx_, u, opts_.failing, total_)); }

 private:
  std::string head() override { return junit_head(total_); }
  std::string tail() override { return junit_tail(); }
  JunitCounts total_;
};

SortKey worst_first_key(const MilestoneResult& m) { return {severity(m.status), m.schedule.value_or(INFINITY)}; }

// GitHub shows ten errors and ten warnings: only the worst ten of each kind
// are kept, with the count of the rest.
class GithubSink : public ResultSink {
 public:
  using ResultSink::ResultSink;
  void unit(const Plan&, const UnitResult& u) override {
    for (const MilestoneRef& ref : unit_milestones(u)) {
      const std::string_view kind = github_kind(*ref.milestone, opts_.failing);
      if (!kind.empty()) (kind == "error" ? errors_ : warnings_).add(ctx_, ref, kind, seq_);
      ++seq_;
    }
  }
  void end() override {
    for (const Shown& s : errors_.worst) out_ << s.text;
    for (const Shown& s : warnings_.worst) out_ << s.text;
    out_ << github_notice(errors_.hidden(), warnings_.hidden());
  }

 private:
  struct Shown {
    SortKey key;
    std::uint64_t seq;
    std::string text;
  };
  struct Worst {
    std::vector<Shown> worst;  // at most kGithubShownPerKind, worst first
    std::size_t seen = 0;
    std::size_t hidden() const { return seen - worst.size(); }
    void add(const Report& ctx, const MilestoneRef& ref, std::string_view kind, std::uint64_t seq) {
      ++seen;
      const SortKey k = worst_first_key(*ref.milestone);
      const auto pos = std::upper_bound(worst.begin(), worst.end(), k, [](const SortKey& a, const Shown& b) {
        return a.rank != b.key.rank ? a.rank < b.key.rank : a.value < b.key.value;
      });
      if (pos == worst.end() && worst.size() >= kGithubShownPerKind) return;
      worst.insert(pos, {k, seq, github_annotation(ctx, ref, kind)});
      if (worst.size() > kGithubShownPerKind) worst.pop_back();
    }
  };
  Worst errors_, warnings_;
  std::uint64_t seq_ = 0;
};

// The gaps text: the head counts every gap, the rows are worst first across
// units, sorted through temporary files when they are many.
class GapsSink : public ResultSink {
 public:
  using ResultSink::ResultSink;
  void unit(const Plan&, const UnitResult& u) override {
    for (const MilestoneRef& ref : unit_milestones(u)) {
      if (ref.milestone->met) continue;
      counts_.add(*ref.milestone);
      rows_.add(worst_first_key(*ref.milestone), gaps_row(ctx_, ref, opts_.style));
    }
  }
  void end() override {
    out_ << gaps_head(ctx_, counts_, opts_.style);
    rows_.drain([&](std::string_view row) { out_ << row; });
  }

 private:
  GapCounts counts_;
  SpillSort rows_;
};

// HTML and XLSX are documents for people, written whole (an XLSX file is a
// zip archive; the HTML report's overview comes first): they keep every
// unit, the one exception to flat memory.
class DocumentSink : public ResultSink {
 public:
  using ResultSink::ResultSink;
  void unit(const Plan&, const UnitResult&) override {}
  void take(std::unique_ptr<Plan> plan, UnitResult result) override {
    plans_.push_back(std::move(plan));
    ctx_.units.push_back(std::move(result));
  }
  void end() override {
    EvaluationOptions eval = opts_.eval;
    eval.as_of = ctx_.as_of;
    const SummaryTail tail = summarize(ctx_, eval);
    out_ << (opts_.format == "html" ? render_html(ctx_, tail, opts_.style.lang) : render_xlsx(ctx_, tail, opts_.style.lang));
  }

 private:
  std::vector<std::unique_ptr<Plan>> plans_;
};

}  // namespace

std::unique_ptr<UnitSink> make_result_sink(const ResultSinkOptions& opts, std::ostream& out) {
  const std::string& f = opts.format;
  if (f == "json") return std::make_unique<JsonSink>(opts, out);
  if (f == "csv") return std::make_unique<CsvSink>(opts, out);
  if (f == "markdown") return std::make_unique<MarkdownSink>(opts, out);
  if (f == "junit") return std::make_unique<JunitSink>(opts, out);
  if (f == "github") return std::make_unique<GithubSink>(opts, out);
  if (f == "html" || f == "xlsx") return std::make_unique<DocumentSink>(opts, out);
  if (opts.table == TableLayout::Gaps) return std::make_unique<GapsSink>(opts, out);
  return std::make_unique<TableSink>(opts, out);
}

}  // namespace plancheck
