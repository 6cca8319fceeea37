// plancheck init [--unit ID]: a commented plan template on stdout.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"

namespace plancheck::cli {
namespace {

// Every kind of indicator, each target form once; validates without warnings
// (tested), so a new user starts from a file plancheck accepts.
constexpr std::string_view kTemplate = R"TPL(# plancheck plan, format version 1. Edit the values; keep the keys.
# Check it with: plancheck validate {file}
plancheck: 1

unit:
  id: {id}   # slug: a-z, 0-9 and '-', unique in a batch
  name: "Xã Mẫu"             # display name as the unit writes it
  type: commune              # commune | ward | district | city (xã | phường | huyện | thành phố)
  parent: hai-phong          # optional: the unit this one rolls up into

plan:
  title: "Kế hoạch phát triển giáo dục giai đoạn 2025-2030"
  issued: 2025-09            # optional: year or year-month
  baseline_year: 2025        # optional: default year of the current figures
  horizon: 2030              # optional: the plan's main target year

indicators:
  # A rate already computed, higher is better; "> 56%" is strict.
  - id: preschool.creche-enrolment
    name: "Tỷ lệ huy động trẻ nhà trẻ"
    name_en: "Crèche enrolment rate"
    stage: preschool         # preschool | primary | lower-secondary | upper-secondary | continuing | vocational | all
    group: universalisation
    unit: "%"
    baseline: {year: 2025, value: 48.4}
    targets:
      2027: ">= 50%"         # also: "tối thiểu 50%", "ít nhất 50%", "từ 50% trở lên"
      2030: "trên 56%"       # also: "> 56%", "hơn 56%"

  # Lower is better: the target is a ceiling.
  - id: preschool.malnutrition
    name: "Tỷ lệ trẻ suy dinh dưỡng"
    name_en: "Malnutrition rate"
    stage: preschool
    unit: "%"
    better: lower
    baseline: {year: 2025, value: "3,1"}   # quote a decimal comma inside { }
    targets: {2030: "dưới 2%"}   # also: "< 2%", "tối đa 2%", "không quá 2%"

  # Counted things: gaps are also reported in schools ("3 more schools").
  - id: schools.national-standard
    name: "Tỷ lệ trường đạt chuẩn quốc gia"
    name_en: "Schools meeting the national standard"
    stage: all
    kind: ratio
    unit: "%"
    numerator_label: schools
    denominator_label: schools
    baseline: {year: 2025, numerator: 5, denominator: 8}
    targets: {2030: "80-85%"}    # a range; also "từ 80 đến 85%"

  # A forecast: "khoảng" (about) accepts the value within a tolerance.
  - id: primary.classes
    name: "Số lớp tiểu học"
    name_en: "Primary classes"
    stage: primary
    unit: classes
    tolerance: 2               # optional; default 2 for "%", otherwise 2.5% of the value
    targets: {"2026-2027": "khoảng 40"}   # a school year is stored as its end year

  # Ordered stages; met when the actual stage is at or beyond the target.
  - id: lower-secondary.quality-school
    name: "Trường THCS đạt kiểm định chất lượng"
    name_en: "Lower-secondary school quality accreditation"
    stage: lower-secondary
    kind: milestone
    stages: ["Chưa đánh giá", "Đang thực hiện", "Hoàn thành giai đoạn 1", "Hoàn thành giai đoạn 2"]
    targets: {2027: "Hoàn thành giai đoạn 1", 2030: "Hoàn thành giai đoạn 2"}

  # A maintained standard: must hold every year up to 2030.
  - id: primary.universal-level3
    name: "Duy trì phổ cập giáo dục tiểu học mức độ 3"
    name_en: "Universal primary education, level 3 (maintained)"
    stage: primary
    kind: flag
    baseline: {year: 2025, value: true}
    targets: {2030: "duy trì"}

# Actual data can live here or in separate data files (YAML or CSV) that
# name this unit: plancheck evaluate plan.yaml data/*.csv
actuals:
  preschool.creche-enrolment: {2026: 50.2}
  schools.national-standard: {2026: {numerator: 6, denominator: 8}}
  lower-secondary.quality-school: {2026: "Đang thực hiện"}
)TPL";

struct InitOptions {
  std::string unit = "xa-mau";
};

int run_init(const InitOptions& opts, Io& io) {
  std::string text(kTemplate);
  const auto replace = [&text](std::string_view key, std::string_view value) {
    for (std::size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), value);
  };
  replace("{id}", opts.unit);
  replace("{file}", opts.unit + ".yaml");
  io.out << text;
  return kExitOk;
}

}  // namespace

void add_init_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", "Print a commented plan template to stdout");
  cmd->add_option("--unit", opts->unit, "Unit id to put in the template")
      ->check([](const std::string& id) -> std::string {
        const bool ok = !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
        return ok ? "" : "unit id must be a slug of a-z, 0-9 and '-'";
      });
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_init(*opts, io); }; });
}

}  // namespace plancheck::cli
