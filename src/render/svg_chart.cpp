#include "render/svg_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

#include "core/model/format.hpp"
#include "core/util/text.hpp"
#include "render/describe.hpp"
#include "render/xml_escape.hpp"

namespace plancheck {

namespace {

// k × m × 10^e, computed so that 0.1-steps come out as 0.3, not 0.30000000000000004.
double scaled(long long k, int m, int e) {
  const double km = static_cast<double>(k) * m;
  return e >= 0 ? km * std::pow(10.0, e) : km / std::pow(10.0, -e);
}

}  // namespace

std::vector<double> nice_ticks(double low, double high, int max_ticks) {
  // Past the limit, log10 of the range and the casts to long long below
  // would overflow; no plan's axis needs more.
  const auto tame = [](double v) { return std::isnan(v) ? 0.0 : std::clamp(v, -kAxisLimit, kAxisLimit); };
  low = tame(low), high = tame(high);
  if (low > high) std::swap(low, high);
  if (high - low < 1e-12) {
    const double pad = std::max(1.0, std::fabs(low) * 0.2);
    high = low + pad;
    low = low >= 0 ? std::max(0.0, low - pad) : low - pad;
  }
  max_ticks = std::max(1, max_ticks);
  int e = static_cast<int>(std::floor(std::log10((high - low) / max_ticks)));
  for (;; ++e)
    for (int m : {1, 2, 5}) {
      const double step = scaled(1, m, e);
      const auto first = static_cast<long long>(std::floor(low / step + 1e-9));
      const auto last = static_cast<long long>(std::ceil(high / step - 1e-9));
      if (last - first > max_ticks) continue;
      std::vector<double> ticks;
      for (long long k = first; k <= last; ++k) ticks.push_back(scaled(k, m, e));
      return ticks;
    }
}

std::vector<int> year_ticks(int first, int last, int max_ticks) {
  if (first > last) std::swap(first, last);
  for (int step : {1, 2, 5, 10, 20, 25, 50, 100}) {
    std::vector<int> ticks;
    for (int y = (first + step - 1) / step * step; y <= last; y += step) ticks.push_back(y);
    if (!ticks.empty() && static_cast<int>(ticks.size()) - 1 <= max_ticks) return ticks;
  }
  return {first, last};
}

double LinearScale::operator()(double v) const {
  if (domain_high == domain_low) return (range_low + range_high) / 2;
  return range_low + (v - domain_low) * (range_high - range_low) / (domain_high - domain_low);
}

ValueRange target_band(const NumericTarget& t, ValueRange axis) {
  const auto clip = [&](double v) { return std::clamp(v, axis.low, axis.high); };
  switch (t.op) {
    case Op::AtLeast:
    case Op::Above: return {clip(t.value), axis.high};
    case Op::AtMost:
    case Op::Below: return {axis.low, clip(t.value)};
    case Op::Between:
    case Op::About: break;
  }
  return {clip(t.low), clip(t.high)};
}

namespace {
bool finite_target(const NumericTarget& t) {
  return std::isfinite(t.value) && std::isfinite(t.low) && std::isfinite(t.high);
}
}  // namespace

ChartData chart_data(const IndicatorResult& r) {
  ChartData d;
  const Indicator& ind = *r.indicator;
  if (ind.baseline && std::isfinite(ind.baseline->value)) d.plan_path.push_back({ind.baseline->year, ind.baseline->value});
  for (const MilestoneResult& m : r.milestones) {
    const Milestone& ms = *m.milestone;
    if (!finite_target(ms.target.numeric)) continue;
    if (d.plan_path.empty() || ms.year > d.plan_path.back().year)
      d.plan_path.push_back({ms.year, ms.target.numeric.value});
    d.targets.push_back({ms.year, ms.target.numeric, m.status});
    if (r.latest && std::isfinite(r.latest->value) && m.projected && std::isfinite(*m.projected) && ms.year > r.latest->year)
      d.projections.push_back({{r.latest->year, r.latest->value}, {ms.year, *m.projected}});
  }
  for (const Point& p : r.points)
    if (std::isfinite(p.value)) d.actual.push_back({p.year, p.value});
  return d;
}

bool has_chart(const IndicatorResult& r) { return !r.points.empty(); }

std::vector<double> value_ticks(const Indicator& ind, const ChartData& d) {
  if (ind.kind == Kind::Milestone || ind.kind == Kind::Flag) {
    const int top = ind.kind == Kind::Milestone ? std::max(1, static_cast<int>(ind.stages.size()) - 1) : 1;
    std::vector<double> ticks;
    for (int i = 0; i <= top; ++i) ticks.push_back(i);
    return ticks;
  }
  std::vector<double> values;
  for (const YearValue& p : d.plan_path) values.push_back(p.value);
  for (const YearValue& p : d.actual) values.push_back(p.value);
  for (const auto& [from, to] : d.projections) values.push_back(to.value);
  for (const TargetMark& t : d.targets) {
    const bool band = t.target.op == Op::Between || t.target.op == Op::About;
    values.insert(values.end(), band ? std::initializer_list<double>{t.target.low, t.target.high}
                                     : std::initializer_list<double>{t.target.value});
  }
  for (double& v : values) v = std::clamp(v, -kAxisLimit, kAxisLimit);
  if (values.empty()) values.push_back(0);
  const auto [lo_at, hi_at] = std::minmax_element(values.begin(), values.end());
  const double lo = *lo_at, hi = *hi_at;
  // Room beyond a threshold at the edge of the axis, so that its band shows.
  const double room = std::max(hi - lo, std::fabs(hi)) * 0.15;
  double low = lo, high = hi;
  for (const TargetMark& t : d.targets) {
    const Op op = t.target.op;
    if ((op == Op::AtLeast || op == Op::Above) && t.target.value >= hi) high = std::max(high, hi + room);
    if ((op == Op::AtMost || op == Op::Below) && t.target.value <= lo) low = std::min(low, lo - room);
  }
  if (lo >= 0) low = std::max(low, 0.0);
  std::vector<double> ticks = nice_ticks(low, high);
  if (ind.is_percent()) {
    // A percentage axis past 100% (or below 0) only when a value is.
    const double top = std::max(100.0, hi), bottom = std::min(0.0, lo);
    std::erase_if(ticks, [&](double t) { return t > top + 1e-9 || t < bottom - 1e-9; });
  }
  return ticks;
}

namespace {

// The drawing area inside the viewBox; the margins hold the tick labels.
constexpr double kWidth = 320, kHeight = 170;
constexpr double kLeft = 56, kRight = 8, kTop = 8, kBottom = 22;

struct Frame {
  LinearScale x, y;
  int first_year, last_year;
  double year_px;  // the width of one year
  // A value's y, at the edge of the axis when it lies beyond (past kAxisLimit).
  double value_y(double v) const { return y(std::clamp(v, y.domain_low, y.domain_high)); }
};

Frame frame(const ChartData& d, const std::vector<double>& ticks) {
  int first = 9999, last = 0;
  const auto see = [&](int year) { first = std::min(first, year), last = std::max(last, year); };
  for (const YearValue& p : d.plan_path) see(p.year);
  for (const YearValue& p : d.actual) see(p.year);
  for (const TargetMark& t : d.targets) see(t.year);
  const LinearScale x{first - 0.5, last + 0.5, kLeft, kWidth - kRight};
  const LinearScale y{ticks.front(), ticks.back(), kHeight - kBottom, kTop};
  return {x, y, first, last, (kWidth - kLeft - kRight) / (last - first + 1)};
}

std::string tick_label(const Indicator& ind, double v, Lang lang) {
  if (ind.kind == Kind::Milestone || ind.kind == Kind::Flag) return truncate_to_width(format_value(ind, v, lang), 10);
  return format_plain(v, lang) + (ind.is_percent() ? "%" : "");
}

std::string axes(const Indicator& ind, const std::vector<double>& ticks, const Frame& f, Lang lang) {
  std::string out;
  for (double t : ticks)
    out += fmt::format(R"(<line class="grid" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>)"
                       R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)",
                       kLeft, kWidth - kRight, f.y(t), f.y(t), kLeft - 4, f.y(t) + 3, html_escape(tick_label(ind, t, lang)));
  for (int year : year_ticks(f.first_year, f.last_year))
    out += fmt::format(R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>)", f.x(year),
                       kHeight - kBottom + 13, year);
  return out + fmt::format(R"(<line class="axis" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>)", kLeft,
                           kWidth - kRight, kHeight - kBottom, kHeight - kBottom);
}

std::string bands(const Indicator& ind, const ChartData& d, const Frame& f, Lang lang) {
  std::string out;
  const ValueRange axis{f.y.domain_low, f.y.domain_high};
  const double width = std::clamp(f.year_px * 0.6, 4.0, 14.0);
  for (const TargetMark& t : d.targets) {
    const ValueRange band = target_band(t.target, axis);
    const double top = f.y(band.high), height = std::max(1.5, f.y(band.low) - top);
    const std::string what = fmt::format("{}: {} — {}", t.year, format_value(ind, t.target.value, lang), status_words(t.status, lang));
    out += fmt::format(R"(<rect class="band" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#{}"><title>{}</title></rect>)",
                       f.x(t.year) - width / 2, top, width, height, status_colour_hex(t.status), html_escape(what));
  }
  return out;
}

std::string polyline(const char* cls, const std::vector<YearValue>& points, const Frame& f) {
  if (points.size() < 2) return "";
  std::string coords;
  for (const YearValue& p : points) coords += fmt::format("{}{:.1f},{:.1f}", coords.empty() ? "" : " ", f.x(p.year), f.value_y(p.value));
  return fmt::format(R"(<polyline class="{}" points="{}"/>)", cls, coords);
}

std::string lines_and_dots(const Indicator& ind, const ChartData& d, const Frame& f, Lang lang) {
  std::string out = polyline("plan", d.plan_path, f);
  for (const auto& [from, to] : d.projections)
    out += fmt::format(R"(<line class="trend" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)"
                       R"(<circle class="projected" cx="{:.1f}" cy="{:.1f}" r="2.5"><title>{}</title></circle>)",
                       f.x(from.year), f.value_y(from.value), f.x(to.year), f.value_y(to.value), f.x(to.year), f.value_y(to.value),
                       html_escape(fmt::format("{}: {}", to.year, format_value(ind, to.value, lang))));
  out += polyline("actual", d.actual, f);
  for (const YearValue& p : d.actual)
    out += fmt::format(R"(<circle class="actual" cx="{:.1f}" cy="{:.1f}" r="3"><title>{}</title></circle>)", f.x(p.year),
                       f.value_y(p.value), html_escape(fmt::format("{}: {}", p.year, format_value(ind, p.value, lang))));
  return out;
}

std::string description(const Report& report, const IndicatorResult& r, Lang lang) {
  std::vector<std::string> targets;
  for (const MilestoneResult& m : r.milestones)
    targets.push_back(fmt::format("{} {}", m.milestone->year_label, m.milestone->target.text));
  return trf(lang, "Chart of {}: latest {}; targets {}", indicator_name(*r.indicator, lang), latest_text(report, r, lang),
             targets.empty() ? "—" : fmt::format("{}", fmt::join(targets, ", ")));
}

}  // namespace

std::string_view svg_chart_css() {
  // Element selectors under any svg, so a legend can draw its keys alike.
  return ".chart{width:100%;max-width:480px;height:auto;display:block;margin:4px auto 0}"
         "svg .grid{stroke:#e3e7ec;stroke-width:.6}svg .axis{stroke:#8a94a3;stroke-width:.8}"
         "svg .tick{font-size:9px;fill:#5f6b7a}svg .band{stroke:#7a8594;stroke-width:.4}"
         "svg .plan{fill:none;stroke:#7a8594;stroke-width:1.2}"
         "svg .trend{stroke:#c05621;stroke-width:1.4;stroke-dasharray:4 3}"
         "svg .projected{fill:#fff;stroke:#c05621;stroke-width:1.2}"
         "svg .actual{fill:#1d4e89;stroke:#1d4e89;stroke-width:1.4}"
         "svg polyline.actual{fill:none}";
}

std::string svg_chart(const Report& report, const IndicatorResult& r, Lang lang) {
  const Indicator& ind = *r.indicator;
  const ChartData d = chart_data(r);
  const std::vector<double> ticks = value_ticks(ind, d);
  const Frame f = frame(d, ticks);
  const std::string label = html_escape(description(report, r, lang));
  return fmt::format(R"(<svg class="chart" data-indicator="{}" viewBox="0 0 {} {}" role="img" aria-label="{}">)"
                     "<title>{}</title>{}{}{}</svg>",
                     html_escape(ind.id), kWidth, kHeight, label, label, axes(ind, ticks, f, lang), bands(ind, d, f, lang),
                     lines_and_dots(ind, d, f, lang));
}

}  // namespace plancheck
