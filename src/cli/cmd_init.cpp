// plancheck init [--name NAME] [--type TYPE] [--unit ID] [--lang vi|en]
// [--output FILE [--force]]: a commented plan skeleton to fill in.
#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <memory>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/option_words.hpp"
#include "cli/output_target.hpp"
#include "core/util/normalize.hpp"
#include "core/util/text.hpp"

namespace plancheck::cli {
namespace {

// Every kind of indicator, each target form once; validates with no warning
// (tested for every --type and --lang). Targets are examples of the plan's
// own commitments, to be edited; no actual value is written outside a
// comment, so a fresh plan evaluates as "no data", never as invented
// results. {id}, {name}, {type}, {title} and {file} are filled in.
constexpr std::string_view kTemplateVi = R"TPL(# Kế hoạch cho plancheck, định dạng phiên bản 1. Sửa các chỉ tiêu theo kế hoạch của đơn vị;
# giữ nguyên các khóa (id, name, targets, ...).
# Kiểm tra tệp: plancheck validate {file}
# Chưa có số liệu thực hiện nào (các ví dụ đều nằm trong chú thích #), nên lúc đầu mọi chỉ tiêu
# được đánh giá là "chưa có số liệu".
plancheck: 1

unit:
  id: {id}   # mã đơn vị: chữ a-z, số 0-9 và dấu '-', không trùng trong một lần kiểm tra
  name: {name}   # tên đơn vị như văn bản ghi
  type: {type}   # commune | ward | district | city (xã | phường | huyện | thành phố)
  # parent: hai-phong        # không bắt buộc: mã đơn vị cấp trên, để tổng hợp

plan:
  title: {title}
  # issued: 2025-09          # không bắt buộc: năm hoặc năm-tháng ban hành
  baseline_year: 2025        # không bắt buộc: năm của số liệu hiện trạng
  horizon: 2030              # không bắt buộc: năm mục tiêu chính của kế hoạch

indicators:
  # Một tỷ lệ, càng cao càng tốt; "trên 56%" là phải lớn hơn 56%.
  - id: preschool.creche-enrolment
    name: "Tỷ lệ huy động trẻ nhà trẻ"
    name_en: "Crèche enrolment rate"
    stage: preschool         # preschool | primary | lower-secondary | upper-secondary | continuing | vocational | all
    group: universalisation
    unit: "%"
    # baseline: {year: 2025, value: 48.4}   # số liệu hiện trạng, khi đã có
    targets:
      2027: ">= 50%"         # cũng viết được: "tối thiểu 50%", "ít nhất 50%", "từ 50% trở lên"
      2030: "trên 56%"       # cũng viết được: "> 56%", "hơn 56%"

  # Càng thấp càng tốt: mục tiêu là mức trần.
  - id: preschool.malnutrition
    name: "Tỷ lệ trẻ suy dinh dưỡng"
    name_en: "Malnutrition rate"
    stage: preschool
    unit: "%"
    better: lower
    # baseline: {year: 2025, value: "3,1"}   # trong { }, số có dấu phẩy thập phân phải đặt trong ngoặc kép
    targets: {2030: "dưới 2%"}   # cũng viết được: "< 2%", "tối đa 2%", "không quá 2%"

  # Đếm được: khoảng cách còn được tính bằng số trường ("thêm 3 trường").
  - id: schools.national-standard
    name: "Tỷ lệ trường đạt chuẩn quốc gia"
    name_en: "Schools meeting the national standard"
    stage: all
    kind: ratio
    unit: "%"
    numerator_label: schools
    denominator_label: schools
    # baseline: {year: 2025, numerator: 5, denominator: 8}
    targets: {2030: "80-85%"}    # một khoảng; cũng viết được "từ 80 đến 85%"

  # Số dự báo: "khoảng" chấp nhận giá trị trong một dung sai.
  - id: primary.classes
    name: "Số lớp tiểu học"
    name_en: "Primary classes"
    stage: primary
    unit: classes
    tolerance: 2               # không bắt buộc; mặc định 2 với "%", còn lại 2,5% của giá trị
    targets: {"2026-2027": "khoảng 40"}   # năm học tính theo năm kết thúc

  # Các bước theo thứ tự; đạt khi bước thực tế bằng hoặc vượt bước mục tiêu.
  - id: lower-secondary.quality-school
    name: "Trường THCS đạt kiểm định chất lượng"
    name_en: "Lower-secondary school quality accreditation"
    stage: lower-secondary
    kind: milestone
    stages: ["Chưa đánh giá", "Đang thực hiện", "Hoàn thành giai đoạn 1", "Hoàn thành giai đoạn 2"]
    targets: {2027: "Hoàn thành giai đoạn 1", 2030: "Hoàn thành giai đoạn 2"}

  # Duy trì một chuẩn: phải giữ được mỗi năm đến 2030.
  - id: primary.universal-level3
    name: "Duy trì phổ cập giáo dục tiểu học mức độ 3"
    name_en: "Universal primary education, level 3 (maintained)"
    stage: primary
    kind: flag
    # baseline: {year: 2025, value: true}
    targets: {2030: "duy trì"}

# Số liệu thực hiện ghi ở đây, hoặc trong tệp số liệu riêng (YAML, CSV, bảng tính) ghi mã
# đơn vị này: plancheck evaluate {file} so-lieu/  (mẫu nhập liệu: plancheck template {file})
# Bỏ dấu # ở đầu các dòng dưới và thay bằng số liệu thật của đơn vị:
# actuals:
#   preschool.creche-enrolment: {2026: 50.2}
#   schools.national-standard: {2026: {numerator: 6, denominator: 8}}
#   lower-secondary.quality-school: {2026: "Đang thực hiện"}
)TPL";

constexpr std::string_view kTemplateEn = R"TPL(# plancheck plan, format version 1. Edit the indicators to your plan's; keep the keys
# (id, name, targets, ...).
# Check it with: plancheck validate {file}
# No actual value is filled in (the examples are comments), so every indicator starts as
# "no data".
plancheck: 1

unit:
  id: {id}   # slug: a-z, 0-9 and '-', unique in a batch
  name: {name}   # display name as the unit writes it
  type: {type}   # commune | ward | district | city (xã | phường | huyện | thành phố)
  # parent: hai-phong        # optional: the unit this one rolls up into

plan:
  title: {title}
  # issued: 2025-09          # optional: year or year-month
  baseline_year: 2025        # optional: default year of the current figures
  horizon: 2030              # optional: the plan's main target year

indicators:
  # A rate, higher is better; "> 56%" is strict.
  - id: preschool.creche-enrolment
    name: "Crèche enrolment rate"
    stage: preschool         # preschool | primary | lower-secondary | upper-secondary | continuing | vocational | all
    group: universalisation
    unit: "%"
    # baseline: {year: 2025, value: 48.4}   # the current figure, once known
    targets:
      2027: ">= 50%"         # also: "tối thiểu 50%", "ít nhất 50%", "từ 50% trở lên"
      2030: "> 56%"          # also: "trên 56%", "hơn 56%"

  # Lower is better: the target is a ceiling.
  - id: preschool.malnutrition
    name: "Malnutrition rate"
    stage: preschool
    unit: "%"
    better: lower
    # baseline: {year: 2025, value: "3,1"}   # quote a decimal comma inside { }
    targets: {2030: "< 2%"}      # also: "dưới 2%", "tối đa 2%", "không quá 2%"

  # Counted things: gaps are also reported in schools ("3 more schools").
  - id: schools.national-standard
    name: "Schools meeting the national standard"
    stage: all
    kind: ratio
    unit: "%"
    numerator_label: schools
    denominator_label: schools
    # baseline: {year: 2025, numerator: 5, denominator: 8}
    targets: {2030: "80-85%"}    # a range; also "từ 80 đến 85%"

  # A forecast: "~" (about, "khoảng") accepts the value within a tolerance.
  - id: primary.classes
    name: "Primary classes"
    stage: primary
    unit: classes
    tolerance: 2               # optional; default 2 for "%", otherwise 2.5% of the value
    targets: {"2026-2027": "~40"}   # a school year is stored as its end year

  # Ordered stages; met when the actual stage is at or beyond the target.
  - id: lower-secondary.quality-school
    name: "Lower-secondary school quality accreditation"
    stage: lower-secondary
    kind: milestone
    stages: ["Not assessed", "In progress", "Stage 1 completed", "Stage 2 completed"]
    targets: {2027: "Stage 1 completed", 2030: "Stage 2 completed"}

  # A maintained standard ("duy trì"): must hold every year up to 2030.
  - id: primary.universal-level3
    name: "Universal primary education, level 3 (maintained)"
    stage: primary
    kind: flag
    # baseline: {year: 2025, value: true}
    targets: {2030: "duy trì"}

# Actual values go here, or in separate data files (YAML, CSV, spreadsheets) that name
# this unit: plancheck evaluate {file} data/  (a data-entry sheet: plancheck template {file})
# Uncomment the lines below and put the unit's real figures in:
# actuals:
#   preschool.creche-enrolment: {2026: 50.2}
#   schools.national-standard: {2026: {numerator: 6, denominator: 8}}
#   lower-secondary.quality-school: {2026: "In progress"}
)TPL";

struct InitOptions {
  std::string unit;  // --unit; "" = from --name, else the example's
  std::string name;  // --name; "" = the example's
  std::string type = "commune";
  std::string lang;  // --lang; "" = from the environment
  std::string output;
  bool force = false;
};

// A YAML double-quoted scalar: `\` and `"` escaped, control characters as
// \xHH, so any name given on the command line reads back as itself.
std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out += {'\\', c};
    else if (b < 0x20 || b == 0x7F) out += fmt::format("\\x{:02x}", b);
    else out += c;
  }
  return out + "\"";
}

// The example unit of each type, by language ("Xã Mẫu", "Example commune").
std::string example_name(std::string_view type, Lang lang) {
  constexpr std::array<std::array<std::string_view, 3>, 4> kNames{{{"commune", "Xã Mẫu", "Example commune"},
                                                                    {"ward", "Phường Mẫu", "Example ward"},
                                                                    {"district", "Huyện Mẫu", "Example district"},
                                                                    {"city", "Thành phố Mẫu", "Example city"}}};
  for (const auto& n : kNames)
    if (n[0] == type) return std::string(lang == Lang::Vi ? n[1] : n[2]);
  return std::string(lang == Lang::Vi ? kNames[0][1] : kNames[0][2]);
}

// The unit id suggested for a name: its slug without the word for the kind
// of unit in front ("Xã Hà Bắc" -> "ha-bac", as the plans' ids read). The
// word is matched with its diacritics ("Quan Hóa" keeps its "quan") and
// kept before a number ("Quận 1" -> "quan-1").
std::string id_from_name(std::string_view name) {
  const std::string folded = canonical_fold(trim(name));
  for (std::string_view kind : {"thành phố", "thị trấn", "thị xã", "phường", "huyện", "quận", "xã"}) {
    const std::string prefix = canonical_fold(kind) + " ";
    if (folded.starts_with(prefix)) {
      const std::string rest = slug_from_name(folded.substr(prefix.size()));
      if (!rest.empty() && !(rest[0] >= '0' && rest[0] <= '9')) return rest;
    }
  }
  return slug_from_name(name);
}

// --output must not replace what is there without --force, nor a device
// or a directory ever (refuse_output).
bool output_allowed(const InitOptions& opts, Io& io) {
  if (opts.output.empty()) return true;
  Message why = refuse_output(opts.output, {});
  std::error_code ec;
  if (why.empty() && !opts.force && std::filesystem::exists(opts.output, ec))
    why = msg("--output {} exists; give --force to replace it", opts.output);
  if (!why.empty()) print_error(io, why);
  return why.empty();
}

int run_init(const InitOptions& opts, Io& io) {
  const Lang lang = parse_lang(opts.lang).value_or(io.env_lang);
  if (find_invalid_utf8(opts.name)) {
    print_error(io, msg("--name is not UTF-8 text"));
    return kExitBadInput;
  }
  if (!output_allowed(opts, io)) return kExitBadInput;
  const std::string name = opts.name.empty() ? example_name(opts.type, lang) : opts.name;
  std::string id = opts.unit;
  if (id.empty() && opts.name.empty()) id = slug_from_name(example_name(opts.type, Lang::Vi));
  if (id.empty()) {
    id = id_from_name(opts.name);
    if (id.empty()) {
      print_error(io, msg("--name {} gives no unit id (no letter a-z or digit); give --unit ID", yaml_quoted(opts.name)));
      return kExitBadInput;
    }
    // The id is the plan's key in every report and data file: say which it is.
    io.err << "plancheck: "
           << msg("unit id \"{}\", made from the name {}; --unit ID gives another", id, yaml_quoted(opts.name)).str(io.lang)
           << '\n';
  }
  const std::string file = opts.output.empty() ? id + ".yaml" : opts.output;
  std::string text(lang == Lang::Vi ? kTemplateVi : kTemplateEn);
  const auto fill = [&text](std::string_view key, std::string_view value) {
    for (std::size_t at = 0; (at = text.find(key, at)) != std::string::npos; at += value.size())
      text.replace(at, key.size(), value);
  };
  fill("{id}", id);
  fill("{name}", yaml_quoted(name));
  fill("{type}", opts.type);
  fill("{title}", yaml_quoted(lang == Lang::Vi ? "Kế hoạch phát triển giáo dục giai đoạn 2025-2030"
                                                : "Education development plan 2025-2030"));
  fill("{file}", file);
  if (opts.output.empty()) {
    io.out << text;
  } else if (const Message why = write_atomically(opts.output, text); !why.empty()) {
    print_error(io, msg("cannot write the plan: {}", why), opts.output);
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void add_init_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<InitOptions>();
  CLI::App* cmd = app.add_subcommand("init", "Print a commented plan skeleton to fill in (or write it with --output)");
  cmd->add_option("--name", opts->name, "The unit's name as it writes it (e.g. \"Xã Hà Bắc\"); the unit id is made "
                                        "from it unless --unit gives one");
  cmd->add_option("--type", opts->type, "Kind of unit: commune, ward, district or city (or xã, phường, huyện, thành phố)")
      ->transform(CLI::Validator(
          [](std::string& word) {
            const auto type = unit_type_from_word(word);
            if (!type)
              return validator_refusal(msg("\"{}\" is not a kind of unit; accepted: {}", word, unit_type_names_list()));
            word = *type;
            return std::string();
          },
          "TYPE"));
  cmd->add_option("--unit", opts->unit, "Unit id (default: made from --name, e.g. ha-bac)")
      ->check([](const std::string& id) -> std::string {
        const bool ok = !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
        return ok ? "" : "unit id must be a slug of a-z, 0-9 and '-'";
      });
  cmd->add_option("--lang", opts->lang, "Language of the comments, names and messages: vi or en (default: vi when "
                                        "LC_ALL or LANG starts with vi)")
      ->check(CLI::IsMember({"vi", "en"}));
  cmd->add_option("--output", opts->output, "Write the plan to FILE (atomically) instead of stdout");
  cmd->add_flag("--force", opts->force, "With --output: replace FILE if it exists");
  cmd->callback([opts, &action] { action = [opts](Io& io) { return run_init(*opts, io); }; });
}

}  // namespace plancheck::cli
