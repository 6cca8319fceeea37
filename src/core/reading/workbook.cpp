#include "core/reading/workbook.hpp"

#include <cmath>
#include <fmt/format.h>

#include "core/reading/limits.hpp"

namespace plancheck {

std::string number_text(double v) {
  std::string s = fmt::format("{}", v);
  if (s.find_first_of("eE") == std::string::npos) return s;
  s = fmt::format("{:.20f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string percent_text(double fraction) {
  std::string s = number_text(fraction);
  std::string sign;
  if (!s.empty() && s[0] == '-') {
    sign = "-";
    s.erase(0, 1);
  }
  const std::size_t dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  frac.resize(std::max<std::size_t>(frac.size(), 2), '0');
  whole += frac.substr(0, 2);
  frac.erase(0, 2);
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  const std::string out = frac.empty() ? whole : whole + "." + frac;
  return out == "0" ? out : sign + out;
}

int year_of_serial(double serial, bool date1904) {
  // Days since 1970-01-01, then the civil year (H. Hinnant's algorithm).
  const long long days = static_cast<long long>(std::floor(serial)) + (date1904 ? -24107 : -25569);
  const long long z = days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long month = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<int>(yoe + era * 400 + (month <= 2));
}

WorkbookSink::WorkbookSink(const std::string& file, Diagnostics& diags)
    : file_(std::make_shared<const std::string>(file)), diags_(diags), errors_before_(diags.error_count()) {
  data_.file = file;
}

void WorkbookSink::begin_sheet(const std::string& name) {
  sheet_ = std::make_shared<const std::string>(name);
  reader_ = std::make_unique<TableReader>(msg("a long data sheet"), false, data_, diags_);
  last_row_ = 0;
}

bool WorkbookSink::row(const TableRow& row) {
  last_row_ = row.start.line;
  return reader_->row(row);
}

void WorkbookSink::end_sheet() {
  if (!reader_) return;
  any_content_ = any_content_ || reader_->saw_content();
  reader_->finish(at(0, 0));
  reader_.reset();
}

bool WorkbookSink::count_cell(int row, int column) {
  if (++cells_ <= limits::kMaxCells) return true;
  diags_.error(at(row, column), msg("the workbook has more than {} cells with content; refused", limits::kMaxCells));
  return false;
}

std::optional<DataFile> WorkbookSink::finish() {
  if (diags_.error_count() > errors_before_) return std::nullopt;
  if (!any_content_) {
    diags_.error(workbook(), msg("the workbook is empty; {}", expected_headers()));
    return std::nullopt;
  }
  return std::move(data_);
}

}  // namespace plancheck
