#include "core/util/lang.hpp"

#include <fmt/args.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

#include "core/util/lang_table.hpp"

namespace plancheck {
namespace {

using Phrase = PhrasePair;

// English → Vietnamese, for every phrase of the human-facing renderers.
// Status words follow the wording of the plans' own reports (đạt / không
// đạt, đúng tiến độ / chậm tiến độ); docs/lang.md explains the choices.
constexpr std::array kVietnamese = std::to_array<Phrase>({
    // Statuses (semantics.md)
    {"met", "đạt"},
    {"on track", "đúng tiến độ"},
    {"at risk", "có nguy cơ"},
    {"off track", "chậm tiến độ"},
    {"missed", "không đạt"},
    {"unknown", "chưa rõ"},
    // Stages, as the plans title them
    {"Preschool", "Mầm non"},
    {"Primary", "Tiểu học"},
    {"Lower secondary", "Trung học cơ sở"},
    {"Upper secondary", "Trung học phổ thông"},
    {"General education", "Giáo dục phổ thông"},
    {"Continuing education", "Giáo dục thường xuyên"},
    {"Vocational", "Giáo dục nghề nghiệp"},
    {"All levels", "Chung các cấp học"},
    {"Other", "Chỉ tiêu khác"},
    // The catalogue of indicators (plancheck catalogue)
    {"Catalogue of indicators", "Danh mục chỉ tiêu"},
    // --since: what changed since an earlier year
    {"improved", "cải thiện"},
    {"worsened", "xấu đi"},
    {"newly met", "mới đạt"},
    {"newly missed", "mới không đạt"},
    {"unchanged", "không đổi"},
    {"no change", "không có thay đổi"},
    {"Changes since {}: {}", "Thay đổi so với năm {}: {}"},
    {"Since {}", "Năm {}"},
    {"Status {} in {}", "Trạng thái {} (năm {})"},
    {"Change {}", "Thay đổi {}"},
    // A roll-up judged from its units: "3 of 5 on track"
    {"{} of {} {}", "{}/{} đơn vị {}"},
    {"id", "mã"},
    {"name", "tên chỉ tiêu"},
    {"kind", "loại"},
    {"stage", "cấp học"},
    {"national source", "văn bản quy định"},
    {"{} indicators in the catalogue", "{} chỉ tiêu trong danh mục"},
    {"{} indicator in the catalogue", "{} chỉ tiêu trong danh mục"},
    // Values and units
    {"done", "đã xong"},
    {"not done", "chưa xong"},
    {"{} stage", "{} bước"},
    {"{} stages", "{} bước"},
    {"pp", "điểm %"},
    {"{}/yr", "{}/năm"},
    {"{}%/yr growth", "tăng {}%/năm"},
    {"schools", "trường"},
    {"pupils", "học sinh"},
    {"children", "trẻ"},
    {"classes", "lớp"},
    {"rooms", "phòng"},
    {"classrooms", "phòng học"},
    {"halls", "nhà đa năng"},
    {"groups", "nhóm lớp"},
    {"centres", "trung tâm"},
    {"teachers", "giáo viên"},
    {"pupils/class", "học sinh/lớp"},
    {"units", "đơn vị"},
    {"workers", "lao động"},
    // Why a status is unknown, missed or at risk (core/evaluate.hpp, reason::kAll)
    {"no value up to the as-of year", "chưa có số liệu đến năm đánh giá"},
    {"needs at least two values in distinct years for a trend", "cần ít nhất hai số liệu ở hai năm khác nhau để tính xu hướng"},
    {"no baseline stage for the plan's schedule", "chưa có mức gốc để so với lộ trình của kế hoạch"},
    {"a yes/no target has no path", "chỉ tiêu đạt/chưa đạt không có lộ trình"},
    {"not maintained in {}", "không duy trì được năm {}"},
    {"recognition of {} expires after {}; re-recognition due by {}",
     "công nhận năm {} hết hạn sau năm {}; cần công nhận lại trước hết năm {}"},
    {"recognition of {} expired after {}; not renewed", "công nhận năm {} đã hết hạn sau năm {}; chưa được công nhận lại"},
    {"needs a base point at least one year before the latest value", "cần số liệu gốc sớm hơn số liệu mới nhất ít nhất một năm"},
    {"the base value is zero: growth rates cannot be computed", "giá trị gốc bằng 0: không tính được tốc độ tăng"},
    {"the values change sign: growth rates cannot be computed", "số liệu đổi dấu: không tính được tốc độ tăng"},
    {"the target is zero: the required growth rate cannot be computed", "mục tiêu bằng 0: không tính được tốc độ tăng cần thiết"},
    {"the target and the base value differ in sign: growth rates cannot be computed",
     "mục tiêu và giá trị gốc khác dấu: không tính được tốc độ tăng"},
    {"the milestone is not after the base year", "mốc không sau năm gốc"},
    {"the target equals the base value: no growth is required, so the ratio is undefined",
     "mục tiêu bằng giá trị gốc: không cần tăng, tỷ số không xác định"},
    // Sentences of describe.cpp
    {"norm", "định mức"},
    {"re-recognition due", "đến hạn công nhận lại"},
    {"lapsed", "không duy trì được"},
    {" (norm: {})", " (định mức: {})"},
    {"{} norm", "{} định mức"},
    {"{} norms", "{} định mức"},
    {"linear trend", "xu hướng tuyến tính"},
    {"compound growth (CAGR)", "tăng trưởng kép (CAGR)"},
    {"as of {}", "tính đến {}"},
    {"no data", "chưa có số liệu"},
    {"{} more {}", "{} {} nữa"},
    {"{} fewer {}", "bớt {} {}"},
    {"{} short", "còn thiếu {}"},
    {"{} over", "vượt {}"},
    {"{} to go", "còn {}"},
    {"needs {}", "cần {}"},
    {"trend {}", "xu hướng {}"},
    {"observed {}", "thực tế {}"},
    {"{} in {}", "{} năm {}"},
    {"{} behind the plan's path", "chậm {} so với lộ trình"},
    // Terminal and Markdown tables
    {"Indicator, year", "Chỉ tiêu, năm"},
    {"Indicator", "Chỉ tiêu"},
    {"Target", "Mục tiêu"},
    {"Latest", "Hiện tại"},
    {"Gap", "Khoảng cách"},
    {"Projected", "Dự báo"},
    {"Status", "Đánh giá"},
    {"Trend", "Xu hướng"},
    {"Year", "Năm"},
    {"Meets target", "Đạt mục tiêu"},
    {"Pace needed", "Tốc độ cần"},
    {"yes", "có"},
    {"no", "không"},
    {"each milestone", "từng mốc"},
    {"{} indicator", "{} chỉ tiêu"},
    {"{} indicators", "{} chỉ tiêu"},
    {"{} milestone not met", "{} mốc chưa đạt"},
    {"{} milestones not met", "{} mốc chưa đạt"},
    {"Gaps {} ({})", "Khoảng cách {} ({})"},
    {"target", "mục tiêu"},
    {"No plans selected.", "Không có kế hoạch nào được chọn."},
    {"No milestones selected.", "Không có mốc nào được chọn."},
    {"Projections to {} from data {}", "Dự báo đến {} từ số liệu {}"},
    {"plancheck report", "Báo cáo plancheck"},
    {"plancheck projections", "Dự báo plancheck"},
    {"{} unit", "{} đơn vị"},
    {"{} units", "{} đơn vị"},
    {"Plan", "Kế hoạch"},
    // Budget and tasks
    {"Budget", "Kinh phí"},
    {"Line", "Mục"},
    {"Budget line", "Nội dung"},
    {"Planned", "Kế hoạch"},
    {"Spent", "Đã chi"},
    {"Spent %", "Tỷ lệ chi"},
    {"Total (as stated)", "Tổng (theo kế hoạch)"},
    {"amounts as stated", "số liệu theo kế hoạch"},
    {"spending up to {}", "chi đến năm {}"},
    {"Tasks as of {}: {} overdue, {} done, {} done late, {} pending",
     "Nhiệm vụ tính đến {}: {} quá hạn, {} hoàn thành, {} hoàn thành muộn, {} đang thực hiện"},
    {"overdue", "quá hạn"},
    {"due {}", "hạn {}"},
    {"yearly", "hằng năm"},
    {"quarterly", "hằng quý"},
    {"half-yearly", "6 tháng một lần"},
    {"yearly in {}", "tháng {} hằng năm"},
    {"every {} years", "{} năm 1 lần"},
    {"every {} years from {}", "{} năm 1 lần từ {}"},
    {"overdue: {}", "quá hạn: {}"},
    {"lead: {}", "chủ trì: {}"},
    // HTML report
    {"Overview", "Tổng quan"},
    {"Indicators by status", "Chỉ tiêu theo mức đánh giá"},
    {"Plan path", "Lộ trình kế hoạch"},
    {"Actual values", "Số liệu thực tế"},
    {"Trend projection", "Dự báo theo xu hướng"},
    {"Target band", "Vùng đạt mục tiêu"},
    {"Chart of {}: latest {}; targets {}", "Biểu đồ {}: hiện tại {}; mục tiêu {}"},
    {"Tasks", "Nhiệm vụ"},
    {"Task", "Mã nhiệm vụ"},
    {"Lead", "Chủ trì"},
    {"Due", "Thời hạn"},
    {"done late", "hoàn thành muộn"},
    {"pending", "đang thực hiện"},
    // Summary
    {"Summary", "Tổng hợp"},
    {"Unit", "Đơn vị"},
    {"Name", "Tên"},
    {"Met", "Đạt"},
    {"On", "Đúng"},
    {"Risk", "N.cơ"},
    {"Off", "Chậm"},
    {"Miss", "K.đạt"},
    {"Unk", "C.rõ"},
    {"On track", "Đúng tiến độ"},
    {"At risk", "Có nguy cơ"},
    {"Off track", "Chậm tiến độ"},
    {"Missed", "Không đạt"},
    {"Unknown", "Chưa rõ"},
    {"Worst gaps", "Khoảng cách lớn nhất"},
    {"Furthest behind", "Chậm nhất"},
    {"Behind", "Mức chậm"},
    {"Units", "Số đơn vị"},
    {"How", "Cách gộp"},
    {"Aggregation", "Cách gộp"},
    {"Next target", "Mục tiêu kế tiếp"},
    {"Missing", "Thiếu"},
    {"Roll-up over all units", "Tổng hợp toàn bộ đơn vị"},
    {"Roll-up of {} ({})", "Tổng hợp {} ({})"},
    {"Roll-up of {} ({}), {}", "Tổng hợp {} ({}), {}"},
    {"(no indicator is shared by two units)", "(không có chỉ tiêu chung của hai đơn vị)"},
    {"{}% done", "{}% đã xong"},
    {"pooled", "gộp tử số/mẫu số"},
    {"sum", "tổng"},
    {"weighted-mean", "bình quân gia quyền"},
    {"mean", "bình quân (không trọng số)"},
    {"plancheck summary", "Tổng hợp plancheck"},
    // Spreadsheet (render/xlsx_report.cpp): the headers of the plans' appendix tables
    {"No.", "STT"},
    {"Unit of measure", "Đơn vị tính"},
    {"Baseline", "Hiện trạng"},
    {"Baseline year", "Năm hiện trạng"},
    {"Target {}", "Mục tiêu {}"},
    {"Projected {}", "Dự báo {}"},
    {"Status {}", "Đánh giá {}"},
    {"Actual", "Thực hiện"},
    {"Actual year", "Năm thực hiện"},
    {"Next milestone", "Mốc kế tiếp"},
    {"Gap (count)", "Khoảng cách (số lượng)"},
    {"Notes", "Ghi chú"},
    {"Indicators", "Số chỉ tiêu"},
    {"Behind (%)", "Mức chậm (%)"},
    {"Indicator id", "Mã chỉ tiêu"},
    {"Missing units", "Đơn vị thiếu"},
    {"Roll-up", "Tổng hợp chỉ tiêu"},
});

// Both tables by their English, built once (thread-safe: a static local).
const std::unordered_map<std::string_view, std::string_view>& vietnamese() {
  static const auto table = [] {
    std::unordered_map<std::string_view, std::string_view> map;
    for (const auto& part : {report_phrases(), message_phrases()})
      for (const Phrase& p : part) map.emplace(p.first, p.second);
    return map;
  }();
  return table;
}

}  // namespace

std::span<const PhrasePair> report_phrases() { return kVietnamese; }

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "vi") return Lang::Vi;
  if (s == "en") return Lang::En;
  return std::nullopt;
}

std::string_view lang_code(Lang lang) { return lang == Lang::Vi ? "vi" : "en"; }

Lang lang_from_env(const char* lc_all, const char* lang) {
  const char* chosen = lc_all && *lc_all ? lc_all : lang;
  return chosen && std::string_view(chosen).starts_with("vi") ? Lang::Vi : Lang::En;
}

std::string_view tr(Lang lang, std::string_view english) {
  if (lang == Lang::En) return english;
  const auto& table = vietnamese();
  const auto it = table.find(english);
  return it == table.end() ? english : it->second;
}

std::vector<std::string_view> translated_phrases() {
  std::vector<std::string_view> out;
  for (const auto& part : {report_phrases(), message_phrases()})
    for (const Phrase& p : part) out.push_back(p.first);
  return out;
}

std::string trf_list(Lang lang, std::string_view english, const std::vector<std::string>& args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& a : args) store.push_back(a);
  return fmt::vformat(tr(lang, english), store);
}

}  // namespace plancheck
