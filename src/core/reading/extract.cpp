#include "core/reading/extract.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <utility>

#include "core/model/catalogue.hpp"
#include "core/model/target.hpp"
#include "core/util/message.hpp"
#include "core/util/normalize.hpp"
#include "core/util/text.hpp"

namespace plancheck {
namespace {

// The module's messages (reasons and comments of the draft), in one place.
// Longer clauses are read in pieces (published sentences are under 1 000 bytes).
constexpr std::size_t kMaxClause = 1500;
// Names longer than this are not compared with the catalogue's.
constexpr std::size_t kMaxProbe = 300;

// Why a candidate is unsure, in English: the draft words them in its
// language through the phrase table (core/util/lang_messages.cpp), which
// has a row for each (unit test "unsure_reasons").
constexpr std::string_view kUnsureResult = "stands in a section on results so far: perhaps a past value, not a target";
constexpr std::string_view kUnsurePast = "speaks of the present or the past (\"hiện nay\", \"đã\", \"năm học … trước\")";
constexpr std::string_view kUnsureCell = "table cell the target grammar does not read";
constexpr std::string_view kUnsureTarget = "the target grammar does not read it";
constexpr std::string_view kUnsureNoYear = "no year in the sentence, its heading or the document";
constexpr std::string_view kUnsureBeforeDate = "its year is before the plan's own date: a past value, not a target";
// The draft's comments.
Message draft_header(std::string_view source) {
  return msg("Draft made by `plancheck extract` from {} — check every indicator against the document\n"
             "(x-source: line = its line there), give English names, kinds and directions where the\n"
             "defaults are wrong, and uncomment the unsure candidates that are real targets.",
             source);
}
Message unsure_header() { return msg("Unsure candidates (uncomment the real targets):"); }

// ------------------------------------------------------------------ words

std::string folded(std::string_view s) { return fold_diacritics(fold_case(s)); }

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

// The stage a heading or row names ("" when none or several).
std::string stage_of(std::string_view text) {
  const std::string f = " " + folded(text) + " ";
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kStages{
      {"preschool", {"mam non", "nha tre", "mau giao"}},
      {"primary", {"tieu hoc"}},
      {"lower-secondary", {"trung hoc co so", " thcs"}},
      {"upper-secondary", {"trung hoc pho thong", " thpt"}},
      {"continuing", {"thuong xuyen", "gdtx", "gdnn"}},
  };
  std::string found;
  for (const auto& [stage, words] : kStages)
    for (std::string_view w : words)
      if (contains(f, w)) {
        if (!found.empty() && found != stage) return "";
        found = std::string(stage);
      }
  return found;
}

enum class Mode { Unknown, Target, Status };

Mode mode_of(std::string_view heading) {
  const std::string f = folded(heading);
  for (std::string_view w : {"muc tieu", "chi tieu", "nhiem vu", "giai phap", "dinh huong"})
    if (contains(f, w)) return Mode::Target;
  for (std::string_view w : {"ket qua", "thuc trang", "danh gia", "tinh hinh"})
    if (contains(f, w)) return Mode::Status;
  return Mode::Unknown;
}

// A heading: "I. MỤC TIÊU", "2. Mục tiêu cụ thể", "a) Giáo dục mầm non",
// or a short line in capitals.
bool is_heading(std::string_view line) {
  static const std::regex numbered(R"(^\s*([IVX]+|\d+(\.\d+)*|[a-zđ])[.)]\s+\S)");
  if (line.size() > 160) return false;
  const std::string s(line);
  if (std::regex_search(s, numbered)) return true;
  return fold_case(s) != s && s == s && std::none_of(s.begin(), s.end(), [](unsigned char c) { return c >= 'a' && c <= 'z'; });
}

struct YearRef {
  int year = 0;
  std::string label;
};

// Every year a text mentions, with its position: "2030" or "2026-2027".
// In running text only a year after "năm", "đến" or "giai đoạn" counts: a
// date (22/8/2025) or a resolution's number is not the target's year.
std::vector<std::pair<std::size_t, YearRef>> years_in(const std::string& s, bool running_text = false) {
  static const std::regex any(R"((?:^|[^\d/])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d/]))");
  static const std::regex after_word(
      R"((?:năm|[Nn]ăm học|đến|Đến|tới|giai đoạn)\s+((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d/]))");
  const std::regex& re = running_text ? after_word : any;
  std::vector<std::pair<std::size_t, YearRef>> out;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    const std::size_t pos = static_cast<std::size_t>(m.position(1));
    if (m[2].matched) {
      const int end = std::stoi(m[2].str());
      if (end == std::stoi(m[1].str()) + 1) {
        out.push_back({pos, {end, m[1].str() + "-" + m[2].str()}});
        continue;
      }
      out.push_back({pos, {end, m[2].str()}});  // a period 2021-2025: its end
      continue;
    }
    out.push_back({pos, {std::stoi(m[1].str()), m[1].str()}});
  }
  return out;
}

// ------------------------------------------------------------------ targets

// A percentage with what qualifies it: "trên 95%", "từ 30% trở lên",
// "80 - 85%", "khoảng 80%", "duy trì 100%", "< 3%".
const std::regex& percent_re() {
  static const std::regex re(
      R"(((?:[Dd]uy trì|[Tt]rên|[Dd]ưới|[Hh]ơn|(?:Í|í)t nhất|[Tt]ối thiểu|[Tt]ối đa|[Kk]hông quá|[Kk]hoảng|[Tt]ừ|>=|<=|≥|≤|>|<|~)\s*)?)"
      R"((\d{1,3}(?:[.,]\d+)?)\s*(%?)\s*(?:(?:-|–|đến)\s*(\d{1,3}(?:[.,]\d+)?)\s*)?%(\s*trở lên)?)");
  return re;
}

// A count of schools, classes, rooms…: "ít nhất 18 trường", "01 phòng".
const std::regex& count_re() {
  static const std::regex re(
      R"(((?:(?:Í|í)t nhất|[Tt]ối thiểu|[Tt]rên|[Kk]hoảng)\s+)?(\d{1,4})\s+(trường|lớp|phòng|nhà đa năng|câu lạc bộ|điểm trường)(?!\s*\())");
  return re;
}

// An index below 1 ("chỉ số … đạt trên 0,82").
const std::regex& index_re() {
  static const std::regex re(R"(((?:[Tt]rên|[Dd]ưới|[Hh]ơn|đạt)\s+)(0[.,]\d{1,3})(?![\d%]))");
  return re;
}

// The stages a sentence lists, in order ("mỗi cấp học (mầm non, tiểu học, THCS)").
std::vector<std::string> stages_listed(std::string_view text) {
  const std::string f = " " + folded(text) + " ";
  std::vector<std::string> out;
  if (contains(f, "mam non")) out.push_back("preschool");
  if (contains(f, "tieu hoc") || contains(f, " th ")) out.push_back("primary");
  if (contains(f, "trung hoc co so") || contains(f, " thcs")) out.push_back("lower-secondary");
  if (contains(f, "trung hoc pho thong") || contains(f, " thpt")) out.push_back("upper-secondary");
  return out;
}

std::string count_unit(std::string_view word) {
  if (word == "trường" || word == "điểm trường") return "schools";
  if (word == "lớp") return "classes";
  if (word == "câu lạc bộ") return "clubs";
  return word == "nhà đa năng" ? "halls" : "rooms";
}

bool reads(const std::string& target, bool percent) {
  TargetContext ctx;
  ctx.percent_unit = percent;
  return parse_numeric_target(target, ctx).target.has_value();
}

// The target as plancheck writes it: the qualifier in lower case, "đạt" dropped.
std::string target_text(const std::smatch& m) {
  std::string prefix = std::string(trim(m[1].str()));
  if (!prefix.empty()) prefix = fold_case(prefix) + " ";
  std::string t = prefix + m[2].str();
  if (m[4].matched) t += "-" + m[4].str();
  t += "%";
  if (m[5].matched) t += " trở lên";
  return t;
}

// ------------------------------------------------------------------ the scan

struct Context {
  std::string stage;
  Mode mode = Mode::Unknown;
  // The year of the headings above, by level (I. / 1. / 1.1. and a) / –):
  // "1. Mục tiêu đến năm 2030" reaches into its "a)" and "b)".
  std::array<std::optional<YearRef>, 4> years;
  std::optional<YearRef> year() const {
    for (auto it = years.rbegin(); it != years.rend(); ++it)
      if (*it) return *it;
    return std::nullopt;
  }
};

// The level of a heading: 0 "I." or a line in capitals, 1 "1.", 2 "1.1." or "a)".
std::size_t heading_level(const std::string& line) {
  static const std::regex roman(R"(^\s*[IVX]+\.\s)");
  static const std::regex number(R"(^\s*\d+\.\s)");
  if (std::regex_search(line, roman)) return 0;
  if (std::regex_search(line, number)) return 1;
  static const std::regex deeper(R"(^\s*(\d+\.\d+(\.\d+)*\.?|[a-zđ]\))\s)");
  if (std::regex_search(line, deeper)) return 2;
  return 0;
}

class Scanner {
 public:
  explicit Scanner(std::vector<std::string> lines) : lines_(std::move(lines)) {}

  ExtractedPlan run() {
    out_.horizon = horizon();
    period();
    for (std::size_t i = 0; i < lines_.size();) {
      if (is_grid_line(lines_[i])) {
        i = grid(i);
        continue;
      }
      if (!lines_[i].empty() && lines_[i][0] == '\t') {
        i = table_block(i);
        continue;
      }
      text_line(i);
      ++i;
    }
    return std::move(out_);
  }

 private:
  // The first "đến năm N" of the document: the title's, which names the
  // plan's horizon before any vision ("tầm nhìn đến năm 2045").
  // A period named first ("giai đoạn 2021-2025, định hướng đến năm 2030")
  // is the plan's own term: its end is the year of the commitments that
  // name none, the orientation year only the horizon.
  // Titles are often in capitals ("... ĐẾN NĂM 2030"), so both spellings.
  std::optional<int> horizon() {
    static const std::regex re(R"((?:đến|Đến|ĐẾN) (?:năm|NĂM) ((?:19|20)\d\d))");
    static const std::regex period(R"((?:giai đoạn|GIAI ĐOẠN) ((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d))");
    for (const std::string& l : lines_) {
      std::smatch m, p;
      const bool has_period = std::regex_search(l, p, period);
      if (std::regex_search(l, m, re)) {
        if (has_period && p.position(0) < m.position(0)) term_end_ = std::stoi(p[2].str());
        return std::stoi(m[1].str());
      }
      if (has_period) {
        term_end_ = std::stoi(p[2].str());
        return term_end_;
      }
    }
    return std::nullopt;
  }

  // The plan's period, for yearly targets: from the title's "giai đoạn A-B"
  // (the line after the one starting "KẾ HOẠCH"), else from the plan's date
  // ("ngày … tháng M năm Y", in its first lines): the school year running
  // then ends in Y when M is before September, else (or with M left blank,
  // as drafts print it) in Y + 1. The period ends at each target's year.
  void period() {
    static const std::regex date(R"(ngày[^\n]{0,30}?tháng\s*(\d{1,2})?\s*năm\s+((?:19|20)\d\d))");
    static const std::regex span(R"((?:[Gg]iai đoạn|GIAI ĐOẠN)\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d))");
    int month = 0;
    for (std::size_t k = 0; k < lines_.size() && k < 20; ++k) {
      std::smatch m;
      if (std::regex_search(lines_[k], m, date)) {
        dated_ = std::stoi(m[2].str());
        month = m[1].matched ? std::stoi(m[1].str()) : 0;
        break;
      }
    }
    for (std::size_t k = 0; k + 1 < lines_.size() && k < 40; ++k) {
      if (std::string(trim(lines_[k])).rfind("KẾ HOẠCH", 0) != 0) continue;
      for (std::size_t t = k; t < lines_.size() && t <= k + 2; ++t) {
        std::smatch m;
        if (std::regex_search(lines_[t], m, span)) {
          period_start_ = std::stoi(m[1].str());
          return;
        }
      }
      break;
    }
    if (dated_) period_start_ = month >= 1 && month < 9 ? dated_ : dated_ + 1;
  }

  YearRef default_year() const {
    if (const auto y = ctx_.year()) return *y;
    const int y = term_end_ ? term_end_ : out_.horizon.value_or(0);
    return {y, y ? std::to_string(y) : ""};
  }

  void heading(const std::string& line) {
    if (const std::string s = stage_of(line); !s.empty()) ctx_.stage = s;
    else if (contains(folded(line), "muc tieu") || contains(folded(line), "chung")) ctx_.stage.clear();
    if (const Mode m = mode_of(line); m != Mode::Unknown) ctx_.mode = m;
    // A heading without a year ends the year of the one before it
    // ("Tầm nhìn đến năm 2045" does not reach into "III. NHIỆM VỤ").
    const std::size_t level = heading_level(line);
    const auto ys = years_in(line, true);
    ctx_.years[level] = ys.empty() ? std::nullopt : std::optional<YearRef>(ys.front().second);
    for (std::size_t k = level + 1; k < ctx_.years.size(); ++k) ctx_.years[k].reset();
  }

  void text_line(std::size_t i) {
    const std::string& line = lines_[i];
    if (trim(line).empty()) return;
    if (stage_before_table_) {  // a table's section rows set the stage for the table only
      ctx_.stage = *stage_before_table_;
      stage_before_table_.reset();
    }
    heading_line_ = is_heading(line);
    if (heading_line_) {
      heading(line);
      // A heading may carry a target too ("1. Trẻ nhà trẻ đạt 50%").
    } else if (const std::string_view t = trim(line); t.back() == ':' && t.size() < 80) {
      // A lead-in ("- Mục tiêu đến năm 2025:") gives the lines under it its year.
      if (const auto ys = years_in(line, true); !ys.empty()) ctx_.years[3] = ys.front().second;
    }
    // Clauses: split at ';' and at ". " (a decimal point has no space after it).
    yearly_clause_ = false;
    std::size_t start = 0;
    while (start < line.size()) {
      std::size_t end = line.find_first_of(";", start);
      const std::size_t dot = line.find(". ", start);
      if (dot != std::string::npos && (end == std::string::npos || dot < end)) end = dot + 1;
      if (end == std::string::npos) end = line.size();
      // A clause longer than any sentence of a plan is read in pieces cut at
      // a space, so that a hostile line costs linear time.
      if (end - start > kMaxClause) {
        const std::size_t space = line.rfind(' ', start + kMaxClause);
        end = space != std::string::npos && space > start ? space : start + kMaxClause;
      }
      clause(i, line.substr(start, end - start));
      start = end + 1;
    }
  }

  std::string unsure_reason(const std::string& clause_text) const {
    if (ctx_.mode == Mode::Status) return std::string(kUnsureResult);
    const std::string f = " " + folded(clause_text) + " ";
    for (std::string_view w : {"hien nay", "hien co", "dat duoc", "nam qua"})
      if (contains(f, w)) return std::string(kUnsurePast);
    // "đã" (already) only with its tone mark: folded it is "da", as in "đa năng".
    if (has_word(fold_case(clause_text), "đã")) return std::string(kUnsurePast);
    return "";
  }

  YearRef year_for(const std::vector<std::pair<std::size_t, YearRef>>& ys, std::size_t pos) const {
    const std::pair<std::size_t, YearRef>* before = nullptr;
    for (const auto& y : ys)
      if (y.first < pos) before = &y;
    if (before) return before->second;
    if (!ys.empty()) return ys.front().second;
    return default_year();
  }

  void clause(std::size_t i, const std::string& text) {
    const std::string name(trim(text));
    if (name.empty()) return;
    const std::string unsure = unsure_reason(name);
    const auto years = years_in(name, true);
    const std::string stage = !ctx_.stage.empty() ? ctx_.stage : stage_of(name);
    const std::size_t first = out_.candidates.size();
    figures(i, name, unsure, years, stage);
    const std::size_t figured = out_.candidates.size();
    none_of(i, name, unsure, years, stage);
    const std::size_t guaranteed = out_.candidates.size();
    flags(i, name, unsure, years);
    recognitions(i, name, unsure, years, stage);
    // "hàng năm": a target to hold every year of the plan's period; a clause
    // opening with "trong đó" (of which) continues the one before it.
    const std::string lower = fold_case(name);
    const bool yearly = yearly_target(lower) || (yearly_clause_ && lower.rfind("trong đó", 0) == 0);
    yearly_clause_ = yearly;
    if (!years.empty()) return;
    every_year(figured, guaranteed);  // a guarantee ("không để … nào") holds every year
    if (yearly) every_year(first, figured);
  }

  void figures(std::size_t i, const std::string& name, const std::string& unsure,
               const std::vector<std::pair<std::size_t, YearRef>>& years, const std::string& stage) {
    for (auto it = std::sregex_iterator(name.begin(), name.end(), percent_re()); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      const std::string t = target_text(m);
      const YearRef y = year_for(years, static_cast<std::size_t>(m.position(0)));
      const std::string why = reads(t, true) ? unsure : std::string(kUnsureTarget);
      // "cấp TH và THCS đạt 2%": the figure of each stage its subject joins.
      const std::string lead = subject_piece(name, static_cast<std::size_t>(m.position(0)));
      if (const auto each = stages_listed(lead); each.size() >= 2 && contains(" " + folded(lead) + " ", " va ")) {
        for (const std::string& st : each) add(i, name, st, t, "%", y, why);
        continue;
      }
      add(i, name, stage, t, "%", y, why, subject(name, static_cast<std::size_t>(m.position(0))));
    }
    // "bảo đảm mỗi trường học có đủ phòng học bộ môn": every school, 100%.
    static const std::regex every(
        R"((?:[Bb]ảo đảm|[Đđ]ảm bảo) (?:mỗi|các|tất cả các|tất cả|mọi) (?:trường học|trường|cơ sở giáo dục) (?:đều )?có )");
    if (std::smatch m; std::regex_search(name, m, every)) {
      const auto at = static_cast<std::size_t>(m.position(0));
      if (!has_figure(name.substr(at))) add(i, name, stage, "100%", "%", year_for(years, at), unsure);
    }
    for (auto it = std::sregex_iterator(name.begin(), name.end(), count_re()); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      std::string t = std::string(trim(m[1].str()));
      t = (t.empty() ? "" : fold_case(t) + " ") + std::to_string(std::stoi(m[2].str()));  // "01" → 1
      const YearRef y = year_for(years, static_cast<std::size_t>(m.position(0)));
      const std::string why = reads(t, false) ? unsure : std::string(kUnsureTarget);
      // "ít nhất 01 nhà đa năng cho mỗi cấp học (mầm non, tiểu học, THCS)": one per stage.
      const auto each = stages_listed(name);
      const std::string f = folded(name);
      if (each.size() >= 2 && (contains(f, "moi cap hoc") || contains(f, "moi bac hoc") || contains(f, "cac cap hoc"))) {
        for (const std::string& st : each) add(i, name, st, t, count_unit(m[3].str()), y, why);
        continue;
      }
      add(i, name, stage, t, count_unit(m[3].str()), y, why);
    }
    for (auto it = std::sregex_iterator(name.begin(), name.end(), index_re()); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      std::string t = fold_case(std::string(trim(m[1].str())));
      t = (t == "đạt" ? "" : t + " ") + m[2].str();
      const YearRef y = year_for(years, static_cast<std::size_t>(m.position(0)));
      add(i, name, stage, t, "index", y, reads(t, false) ? unsure : std::string(kUnsureTarget));
    }
  }

  // ---------------------------------------------------------------- words without a figure

  // A clause's pieces, cut at ',' and ':' and before "và" + a flag verb
  // ("giữ vững … 5 tuổi và đạt chuẩn phổ cập …"): (offset in the clause, text).
  static std::vector<std::pair<std::size_t, std::string>> pieces(const std::string& clause) {
    std::vector<std::pair<std::size_t, std::string>> out;
    std::size_t start = 0;
    while (start < clause.size()) {
      std::size_t end = clause.find_first_of(",:", start);
      // Not a decimal comma ("22,78%").
      const auto digit = [&clause](std::size_t at) { return std::isdigit(static_cast<unsigned char>(clause[at])) != 0; };
      while (end != std::string::npos && end > 0 && end + 1 < clause.size() && digit(end - 1) && digit(end + 1))
        end = clause.find_first_of(",:", end + 1);
      for (std::size_t va = clause.find(" và ", start); va != std::string::npos && va < std::min(end, clause.size());
           va = clause.find(" và ", va + 1))
        if (!flag_verb(fold_case(clause.substr(va + 5, 40))).empty()) {
          end = va;
          break;
        }
      if (end == std::string::npos) end = clause.size();
      out.emplace_back(start, clause.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  // The flag a piece's verb sets, when the verb is among its first words:
  // "duy trì" for a standard to keep ("duy trì", "giữ vững"), "đạt" for one
  // to reach ("hoàn thành", "hoàn thiện", "thành lập", "được công nhận",
  // "đạt chuẩn"); "" when none.
  static std::string flag_verb(const std::string& lower) { return flag_verb_at(lower).first; }

  // The flag and where the verb ends ("" and 0 when none).
  static std::pair<std::string, std::size_t> flag_verb_at(const std::string& lower) {
    static const std::vector<std::pair<std::string_view, std::string_view>> kVerbs{
        {"duy trì", "duy trì"},     {"giữ vững", "duy trì"},        {"hoàn thành", "đạt"}, {"hoàn thiện", "đạt"},
        {"thành lập", "đạt"},       {"được công nhận", "đạt"},      {"đạt chuẩn", "đạt"},
    };
    const std::size_t begin = lower.find_first_not_of(" -+*\t");
    if (begin == std::string::npos) return {"", 0};
    std::size_t best = std::string::npos;
    std::string_view flag;
    std::size_t end = 0;
    for (const auto& [verb, what] : kVerbs)
      if (const std::size_t at = lower.find(verb, begin); at < best) {
        best = at;
        flag = what;
        end = at + verb.size();
      }
    // At most three words before the verb: "Phấn đấu duy trì", "xã đạt chuẩn";
    // not after "không" ("không thành lập": not to set up) or "hướng tới"
    // ("hướng tới đạt chuẩn ở mức độ cao": a direction, no commitment).
    if (best == std::string::npos || std::count(lower.begin() + static_cast<std::ptrdiff_t>(begin),
                                                lower.begin() + static_cast<std::ptrdiff_t>(best), ' ') > 3)
      return {"", 0};
    if (has_word(lower.substr(0, best), "không") || contains(lower.substr(0, best), "hướng tới")) return {"", 0};
    return {std::string(flag), end};
  }

  // What a flag is about, for the catalogue: the words after the verb
  // ("duy trì vững chắc phổ cập giáo dục …" → "phổ cập giáo dục …").
  static std::string flag_object(const std::string& piece) {
    const std::string lower = fold_case(piece);
    std::string_view rest = trim(std::string_view(lower).substr(flag_verb_at(lower).second));
    for (std::string_view adverb : {"vững chắc", "bền vững"})
      if (rest.substr(0, adverb.size()) == adverb) rest = trim(rest.substr(adverb.size()));
    return std::string(rest);
  }

  // What a flag can be about: a standard or title (chuẩn, phổ cập, xóa mù
  // chữ, tiêu chí, danh hiệu), a recognition, or a thing set up or built
  // (quỹ, quy hoạch, công trình, mô hình). "Duy trì phong trào rèn luyện
  // thân thể" keeps a custom alive; nothing there can be checked.
  static bool names_standard(std::string lower) {
    // "tiêu chuẩn, quy chuẩn" are rules to write, not a standard to reach.
    for (std::string_view rule : {"tiêu chuẩn", "quy chuẩn"})
      for (std::size_t at; (at = lower.find(rule)) != std::string::npos;) lower.erase(at, rule.size());
    for (std::string_view w : {"chuẩn", "phổ cập", "xóa mù chữ", "xoá mù chữ", "tiêu chí", "danh hiệu", "công nhận", "quỹ",
                               "quy hoạch", "công trình", "mô hình"})
      if (contains(lower, w)) return true;
    return false;
  }

  static bool has_figure(const std::string& text) {
    return std::regex_search(text, percent_re()) || std::regex_search(text, count_re()) ||
           std::regex_search(text, index_re());
  }

  // The year of a piece: its own, else the clause's last before it, else the default.
  YearRef piece_year(const std::vector<std::pair<std::size_t, YearRef>>& years, std::size_t from, std::size_t to) const {
    std::vector<std::pair<std::size_t, YearRef>> inside;
    const std::pair<std::size_t, YearRef>* before = nullptr;
    for (const auto& y : years) {
      if (y.first >= from && y.first < to) inside.push_back(y);
      if (y.first < from) before = &y;
    }
    if (!inside.empty()) return inside.front().second;
    return before ? before->second : default_year();
  }

  // Commitments without a figure: a flag per piece whose verb keeps or
  // reaches a standard, one per stage the piece lists ("duy trì vững chắc
  // phổ cập giáo dục tiểu học và THCS" → primary, lower-secondary). A piece
  // without a verb that lists stages continues the flag before it
  // ("giữ vững phổ cập giáo dục mầm non, tiểu học và THCS").
  void flags(std::size_t i, const std::string& name, const std::string& unsure,
             const std::vector<std::pair<std::size_t, YearRef>>& years) {
    std::string carried;  // the flag of the piece before, "" none
    std::string figure;   // the last percentage of the piece before, "" none
    for (const auto& [at, piece] : pieces(name)) {
      const std::string text(trim(piece));
      const bool joined = fold_case(text).rfind("và ", 0) == 0;
      const std::string figure_before = std::exchange(figure, last_percent(piece));
      if (has_figure(piece)) {
        carried.clear();
        continue;
      }
      const YearRef y = piece_year(years, at, at + piece.size());
      // "100% trẻ em được đến trường và hoàn thành chương trình": the
      // figure is the second commitment's too.
      if (joined && !figure_before.empty() && !flag_verb(fold_case(text)).empty()) {
        add(i, text, !ctx_.stage.empty() ? ctx_.stage : stage_of(text), figure_before, "%", y, unsure);
        continue;
      }
      std::string flag = standard_flag(text);
      if (joined && carried.empty()) flag.clear();  // "và" joins two commitments of one kind
      const auto each = stages_listed(text);
      if (flag.empty() && !each.empty()) flag = carried;  // "…, tiểu học và THCS" continues the list
      carried = flag;
      if (flag.empty()) continue;
      std::vector<std::string> stages = each;
      if (stages.size() < 2) stages = {!ctx_.stage.empty() ? ctx_.stage : stage_of(text)};
      // The piece's own words decide whether it speaks of the past: "Thành
      // lập Quỹ …, phát huy các quỹ hiện có" sets up a fund all the same.
      const std::string why = unsure.empty() ? unsure : unsure_reason(text);
      const std::string object = stages.size() == 1 ? flag_object(text) : "";
      for (const std::string& st : stages) add(i, text, st, flag, "", y, why, object, "flag");
    }
  }

  // The flag a piece sets: its verb's, when it is about a standard and not a heading.
  std::string standard_flag(const std::string& piece) const {
    const std::string lower = fold_case(piece);
    // A heading names a topic ("b) Hoàn thiện mạng lưới trường lớp").
    if (heading_line_ || !names_standard(lower)) return "";
    return flag_verb(lower);
  }

  static std::string last_percent(const std::string& text) {
    std::string out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), percent_re()); it != std::sregex_iterator(); ++it)
      out = target_text(*it);
    return out;
  }

  // "không để học sinh nào phải bỏ học": none, a count of 0.
  void none_of(std::size_t i, const std::string& name, const std::string& unsure,
               const std::vector<std::pair<std::size_t, YearRef>>& years, const std::string& stage) {
    static const std::regex re(R"([Kk]hông để (?:cho )?([^,;.]{1,60}?) nào)");
    for (auto it = std::sregex_iterator(name.begin(), name.end(), re); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      add(i, name, stage, "0", "count", year_for(years, static_cast<std::size_t>(m.position(0))), unsure);
    }
  }

  // A recognition's level: "được công nhận trường đạt chuẩn quốc gia mức độ
  // 2, bảo đảm chất lượng giáo dục cấp độ 3" → 2 and 3 (unit "level").
  void recognitions(std::size_t i, const std::string& name, const std::string& unsure,
                    const std::vector<std::pair<std::size_t, YearRef>>& years, const std::string& stage) {
    const std::string lower = fold_case(name);
    if (!contains(lower, "công nhận")) return;
    static const std::regex re(R"((chuẩn quốc gia|chất lượng giáo dục)\s+(?:mức|cấp) độ\s+(\d|iv|i{1,3})\b)");
    for (auto it = std::sregex_iterator(lower.begin(), lower.end(), re); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      static const std::map<std::string, std::string> kRoman{{"i", "1"}, {"ii", "2"}, {"iii", "3"}, {"iv", "4"}};
      const auto roman = kRoman.find(m[2].str());
      const std::string level = roman != kRoman.end() ? roman->second : m[2].str();
      add(i, name, stage, level, "level", year_for(years, static_cast<std::size_t>(m.position(0))), unsure);
    }
  }

  // "tối thiểu 20% tổng chi ngân sách hàng năm" holds every year; "100%
  // thôn có kế hoạch học tập hằng năm" is a share of villages that have a
  // yearly plan: a "có" (have) between the figure and the word makes the
  // word part of what is had.
  static bool yearly_target(const std::string& lower) {
    for (std::string_view w : {"hàng năm", "hằng năm", "mỗi năm"}) {
      const std::size_t at = lower.find(w);
      if (at == std::string::npos) continue;
      std::size_t after_figure = 0;
      const std::string before = lower.substr(0, at);
      for (auto it = std::sregex_iterator(before.begin(), before.end(), percent_re()); it != std::sregex_iterator(); ++it)
        after_figure = static_cast<std::size_t>(it->position(0) + it->length(0));
      if (!has_word(before.substr(after_figure), "có")) return true;
    }
    return false;
  }

  // The candidates [from, to) repeated for every year of the plan's period
  // up to their own: a yearly target, or a guarantee that holds every year.
  void every_year(std::size_t from, std::size_t to) {
    if (!period_start_) return;
    std::vector<Candidate> spread;
    for (std::size_t k = from; k < to; ++k) {
      const Candidate& c = out_.candidates[k];
      if (c.year_label.find('-') != std::string::npos) continue;
      for (int y = period_start_; y < c.year; ++y) {
        Candidate copy = c;
        copy.year = y;
        copy.year_label = std::to_string(y);
        if (c.unsure.empty() && dated_ && y < dated_) copy.unsure = std::string(kUnsureBeforeDate);
        spread.push_back(std::move(copy));
      }
      spread.push_back(c);
    }
    std::vector<Candidate> rest(out_.candidates.begin() + static_cast<std::ptrdiff_t>(to), out_.candidates.end());
    out_.candidates.resize(from);
    for (Candidate& c : spread) out_.candidates.push_back(std::move(c));
    for (Candidate& c : rest) out_.candidates.push_back(std::move(c));
  }

  // ---------------------------------------------------------------- tables

  // A grid: a table whose row is one line, cells separated by tabs (the
  // forecast of classes and pupils by school year).
  static bool is_grid_line(const std::string& line) { return std::count(line.begin(), line.end(), '\t') >= 3; }

  static std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      cells.emplace_back(trim(line.substr(start, tab - start)));
    cells.emplace_back(trim(line.substr(start)));
    return cells;
  }

  // Header lines name the columns (a merged cell's name carries to the
  // empty cells after it); a row that begins with a (school) year gives one
  // candidate per number: "~N", the document's forecast.
  std::size_t grid(std::size_t i) {
    std::vector<std::string> names;
    static const std::regex number(R"(^\d{1,6}$)");
    for (; i < lines_.size() && is_grid_line(lines_[i]); ++i) {
      const auto cells = split_tabs(lines_[i]);
      const auto ys = years_in(cells[0]);
      if (ys.empty()) {
        std::string carried;
        for (std::size_t k = 1; k < cells.size(); ++k) {
          if (!cells[k].empty()) carried = cells[k];
          if (names.size() <= k) names.resize(k + 1);
          names[k] = names[k].empty() ? carried : cells[k].empty() ? names[k] : cells[k] + " " + names[k];
        }
        continue;
      }
      for (std::size_t k = 1; k < cells.size() && k < names.size(); ++k)
        if (std::regex_match(cells[k], number))
          add(i, names[k], stage_of(names[k]), "~" + cells[k], grid_unit(names[k]), ys.back().second, "");
    }
    return i;
  }

  static std::string grid_unit(const std::string& name) {
    const std::string f = folded(name);
    if (contains(f, "lop")) return "classes";
    if (contains(f, "hs") || contains(f, "hoc sinh") || contains(f, "tre")) return "pupils";
    return "count";
  }

  struct Column {
    std::optional<YearRef> year;
    bool baseline = false;
    bool name = false;
  };

  // A row: the tab-led lines up to a blank line.
  std::size_t row_end(std::size_t i) const {
    while (i < lines_.size() && !lines_[i].empty() && lines_[i][0] == '\t') ++i;
    return i;
  }

  static bool is_row_number(std::string_view cell) {
    static const std::regex re(R"(^([IVX]+|\d+(\.\d+)*)\.?$)");
    return std::regex_match(std::string(cell), re);
  }

  std::size_t table_block(std::size_t i) {
    const std::size_t end = row_end(i);
    std::vector<std::string> cells;
    for (std::size_t k = i; k < end; ++k) cells.emplace_back(trim(lines_[k]));
    const std::string first = cells.empty() ? "" : folded(cells[0]);
    if (first == "stt" || first == "tt") {
      if (!stage_before_table_) stage_before_table_ = ctx_.stage;
      header_.clear();
      in_header_ = true;
    }
    if (in_header_ && !cells.empty() && is_row_number(cells[0])) in_header_ = false;
    if (in_header_) {
      for (const std::string& c : cells) header_.push_back(column(c));
      return end + (end < lines_.size() ? 1 : 0);
    }
    data_row(i, cells);
    return end + (end < lines_.size() ? 1 : 0);
  }

  static Column column(const std::string& cell) {
    Column c;
    const std::string f = folded(cell);
    c.name = contains(f, "ten") || contains(f, "noi dung");
    const auto ys = years_in(cell);
    if (!ys.empty()) c.year = ys.back().second;
    c.baseline = contains(f, "hien tai") || contains(f, "hien trang") || contains(f, "thuc hien") || contains(f, "uoc");
    return c;
  }

  void data_row(std::size_t first_line, const std::vector<std::string>& cells) {
    std::size_t name_at = 1;
    for (std::size_t k = 0; k < header_.size(); ++k)
      if (header_[k].name) name_at = k;
    if (cells.size() <= name_at) return;
    const std::string& name = cells[name_at];
    bool values = false;
    for (std::size_t k = name_at + 1; k < cells.size(); ++k) values = values || !cells[k].empty();
    if (!values) {  // a section row: "I / GIÁO DỤC MẦM NON"
      if (const std::string s = stage_of(name); !s.empty()) ctx_.stage = s;
      return;
    }
    const std::string stage = !ctx_.stage.empty() ? ctx_.stage : stage_of(name);
    // A row of words ("Chưa đánh giá", "Hoàn thành giai đoạn 1", "… giai
    // đoạn 2") is a milestone: its stages are its word cells in column order
    // (the baseline's too), at least two.
    std::vector<std::string> stages;
    for (std::size_t k = name_at + 1; k < cells.size() && k < header_.size(); ++k)
      if (is_word_cell(cells[k]) && std::find(stages.begin(), stages.end(), cells[k]) == stages.end())
        stages.push_back(cells[k]);
    if (stages.size() < 2) stages.clear();
    const std::size_t first_candidate = out_.candidates.size();
    for (std::size_t k = name_at + 1; k < cells.size() && k < header_.size(); ++k) {
      const Column& col = header_[k];
      if (!col.year || col.baseline || cells[k].empty()) continue;
      const int line = static_cast<int>(first_line + k) + 1;
      // A row's milestone or flag cites the row's name cell: its words
      // say what is reached, the cell only when.
      if (!stages.empty() && is_word_cell(cells[k])) {
        add(first_line + name_at, name, stage, cells[k], "", *col.year, "", "", "milestone");
        out_.candidates.back().stages = stages;
        continue;
      }
      if (is_flag_cell(cells[k])) {  // a lone "Đạt" among figures
        add(first_line + name_at, name, stage, "đạt", "", *col.year, "", "", "flag");
        continue;
      }
      table_cell(line, name, stage, cells[k], *col.year);
    }
    row_baseline(cells, first_candidate);
  }

  // The row's figure in a baseline column with a year ("Hiện tại năm 2024":
  // "79,3%", "06 trường") becomes the baseline of the row's figures of the same unit (a
  // percentage for percentages, a bare number for counts).
  void row_baseline(const std::vector<std::string>& cells, std::size_t first_candidate) {
    // "79,3%", "18", "06 trường" (a count may say what it counts).
    static const std::regex figure(R"(^(\d{1,6}(?:[.,]\d+)?)\s*(%|[^\d%]*)$)");
    for (std::size_t k = 0; k < cells.size() && k < header_.size(); ++k) {
      std::smatch m;
      if (!header_[k].baseline || !header_[k].year || !std::regex_match(cells[k], m, figure)) continue;
      std::string value = m[1].str();
      std::replace(value.begin(), value.end(), ',', '.');
      if (value.find('.') == std::string::npos) value = std::to_string(std::stoi(value));  // "06" → "6"
      const bool percent = m[2].str() == "%";
      for (std::size_t i = first_candidate; i < out_.candidates.size(); ++i) {
        Candidate& c = out_.candidates[i];
        if (!c.kind.empty() || (c.unit == "%") != percent) continue;
        c.baseline_year = header_[k].year->year;
        c.baseline_value = value;
      }
      return;
    }
  }

  // A cell of words, not a figure: "Hoàn thành giai đoạn 1", "Chưa đánh giá".
  static bool is_word_cell(const std::string& cell) {
    static const std::regex figure(R"(^[~<>=≤≥]*\s*\d)");
    return !cell.empty() && cell.find('%') == std::string::npos && cell.find('?') == std::string::npos &&
           !std::regex_search(cell, figure) && !reads(cell, false);
  }

  // A cell that says a standard is reached: "Đạt", "Có".
  static bool is_flag_cell(const std::string& cell) {
    const std::string f = folded(cell);
    return f == "dat" || f == "co" || f == "hoan thanh";
  }

  void table_cell(int line, const std::string& name, const std::string& stage, const std::string& cell, const YearRef& y) {
    // "18", "01 trường", "01 TT Tin học": a count of what the words name.
    static const std::regex count_cell(R"(^(\d{1,4})\s*([^\d%/.,]*)$)");
    std::smatch m;
    if (std::regex_match(cell, m, count_cell)) {
      const std::string n = std::to_string(std::stoi(m[1].str()));
      const std::string what(trim(m[2].str()));
      static const std::set<std::string> kUnits{"trường", "lớp", "phòng", "nhà đa năng", "câu lạc bộ", "điểm trường"};
      add(static_cast<std::size_t>(line - 1), name, stage, n, kUnits.count(what) ? count_unit(what) : "count", y, "");
      return;
    }
    const bool percent = cell.find('%') != std::string::npos;
    const std::string t = cell;
    add(static_cast<std::size_t>(line - 1), name, stage, t, percent ? "%" : "count", y,
        reads(t, percent) ? "" : std::string(kUnsureCell));
  }

  // The words of the figure's own piece before it: from the last ',', '('
  // or ':' before the figure.
  static std::string subject_piece(const std::string& sentence, std::size_t figure_at) {
    const std::size_t cut = sentence.find_last_of(",(:", figure_at);
    return sentence.substr(cut == std::string::npos ? 0 : cut + 1, figure_at - (cut == std::string::npos ? 0 : cut + 1));
  }

  // What a sentence says before its figure, without the verb: "Tỷ lệ trẻ
  // nhà trẻ đạt 50%" → "Tỷ lệ trẻ nhà trẻ", the words the catalogue knows.
  static std::string subject(const std::string& sentence, std::size_t figure_at) {
    std::string head(trim(sentence.substr(0, figure_at)));
    for (std::string_view verb : {" đạt", " là", " ở mức"})
      if (head.size() > verb.size() && head.compare(head.size() - verb.size(), verb.size(), verb) == 0)
        head = std::string(trim(head.substr(0, head.size() - verb.size())));
    return head;
  }

  void add(std::size_t line_index, const std::string& name, const std::string& stage, const std::string& target,
           const std::string& unit, const YearRef& y, const std::string& unsure, const std::string& probe_name = "",
           const std::string& kind = "") {
    Candidate c;
    c.kind = kind;
    c.line = static_cast<int>(line_index) + 1;
    c.name = name;
    c.stage = stage;
    c.target = target;
    c.unit = unit;
    c.year = y.year;
    c.year_label = y.label;
    c.unsure = unsure;
    if (c.year == 0 && c.unsure.empty()) c.unsure = kUnsureNoYear;
    if (c.unsure.empty() && dated_ && c.year && c.year < dated_) c.unsure = std::string(kUnsureBeforeDate);
    Indicator probe;
    if (kind == "flag") probe.kind = Kind::Flag;
    probe.name = name;
    probe.stage = stage;
    // A catalogue name is a few words: a long sentence is never "nearly"
    // one, and comparing it letter by letter would cost the most.
    // A milestone's stages are the document's own: no catalogue entry has them.
    const CatalogueEntry* e =
        name.size() <= kMaxProbe && kind != "milestone" ? builtin_catalogue().looks_like(probe) : nullptr;
    if (!e && kind != "milestone" && !probe_name.empty() && probe_name.size() <= kMaxProbe) {
      probe.name = probe_name;
      e = builtin_catalogue().looks_like(probe);
    }
    if (e) c.ref = e->indicator.id;
    out_.candidates.push_back(std::move(c));
  }

  std::vector<std::string> lines_;
  ExtractedPlan out_;
  Context ctx_;
  std::vector<Column> header_;
  bool in_header_ = false;
  std::optional<std::string> stage_before_table_;  // the stage of the text around the table being read
  int term_end_ = 0;  // the end of the plan's own period, when it names one before its horizon
  int period_start_ = 0;  // the first year of the plan's period (yearly targets start there); 0 unknown
  int dated_ = 0;         // the year of the plan's own date; 0 unknown
  bool yearly_clause_ = false;  // the clause before said "hàng năm" (a "trong đó" clause continues it)
  bool heading_line_ = false;   // the line being read is a heading
};

// ------------------------------------------------------------------ the draft

std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// One indicator per run of candidates of the same line, name, stage, unit
// and reference with different years (a table row's 2025 and 2030 targets).
struct Group {
  std::vector<const Candidate*> items;
};

std::vector<Group> groups(const std::vector<Candidate>& cs, bool unsure) {
  std::vector<Group> out;
  for (const Candidate& c : cs) {
    if (c.unsure.empty() == unsure) continue;
    // The recent groups (a grid's columns interleave row by row).
    Group* joined = nullptr;
    for (std::size_t k = out.size(); k > 0 && k + 12 > out.size() && !unsure; --k) {
      Group& g = out[k - 1];
      const Candidate& last = *g.items.back();
      bool year_taken = false;
      for (const Candidate* o : g.items) year_taken = year_taken || o->year == c.year;
      if (last.name == c.name && last.stage == c.stage && last.unit == c.unit && last.ref == c.ref && !year_taken &&
          c.line - last.line <= 8) {
        joined = &g;
        break;
      }
    }
    if (joined) joined->items.push_back(&c);
    else out.push_back({{&c}});
  }
  return out;
}

// Why a candidate is unsure, in `lang` (the reasons are the phrase table's keys).
std::string unsure_words(const Candidate& c, Lang lang) { return Message::foreign(c.unsure).str(lang); }

// Comment lines: "# " before each line of `text`.
std::string comment(const std::string& text) {
  std::string out = "# ";
  for (char ch : text) out += ch == '\n' ? std::string("\n# ") : std::string(1, ch);
  return out + "\n";
}

// The ids given so far, and per line the next "-k" to try (a line may give many).
struct IdPool {
  std::set<std::string> taken;
  std::map<std::string, int> next;
};

std::string indicator_yaml(const Group& g, IdPool& ids, const std::string& prefix, Lang lang) {
  const Candidate& c = *g.items.front();
  std::string id = !c.ref.empty() ? c.ref : fmt::format("{}.line-{}", c.stage.empty() ? "all" : c.stage, c.line);
  const std::string base = fmt::format("{}.line-{}", c.stage.empty() ? "all" : c.stage, c.line);
  for (int& k = ids.next.try_emplace(base, 2).first->second; ids.taken.count(id); ++k) id = fmt::format("{}-{}", base, k);
  ids.taken.insert(id);
  std::string out = fmt::format("{}- id: {}\n", prefix, id);
  if (!c.ref.empty()) out += fmt::format("{}  ref: {}\n", prefix, c.ref);
  out += fmt::format("{}  name: {}\n", prefix, yaml_quoted(c.name));
  if (c.ref.empty()) {
    out += fmt::format("{}  stage: {}\n", prefix, c.stage.empty() ? "all" : c.stage);
    if (!c.kind.empty()) out += fmt::format("{}  kind: {}\n", prefix, c.kind);
    else out += fmt::format("{}  unit: {}\n", prefix, yaml_quoted(c.unit));
    if (!c.stages.empty()) {
      std::string list;
      for (const std::string& st : c.stages) list += (list.empty() ? "" : ", ") + yaml_quoted(st);
      out += fmt::format("{}  stages: [{}]\n", prefix, list);
    }
  } else if (!c.stage.empty()) {
    out += fmt::format("{}  stage: {}\n", prefix, c.stage);
  }
  std::string targets;
  for (const Candidate* t : g.items)
    targets += fmt::format("{}{}: {}", targets.empty() ? "" : ", ",
                           t->year_label.find('-') == std::string::npos ? t->year_label : yaml_quoted(t->year_label),
                           yaml_quoted(t->target));
  out += fmt::format("{}  targets: {{{}}}\n", prefix, targets);
  if (c.baseline_year)
    out += fmt::format("{}  baseline: {{year: {}, value: {}}}\n", prefix, c.baseline_year, c.baseline_value);
  if (c.page > 0) out += fmt::format("{}  x-source: {{page: {}, line: {}}}\n", prefix, c.page, c.line);
  else out += fmt::format("{}  x-source: {{line: {}}}\n", prefix, c.line);
  if (!c.unsure.empty()) out += fmt::format("{}  x-unsure: {}\n", prefix, yaml_quoted(unsure_words(c, lang)));
  return out;
}

}  // namespace

std::vector<std::string_view> unsure_reasons() {
  return {kUnsureResult, kUnsurePast, kUnsureCell, kUnsureTarget, kUnsureNoYear, kUnsureBeforeDate};
}

bool reports_a_value(const Candidate& c) {
  return c.unsure == kUnsureResult || c.unsure == kUnsurePast || c.unsure == kUnsureBeforeDate;
}

ExtractedPlan extract_commitments(std::string_view text) {
  std::vector<std::string> lines;
  // The page of each line when the text has form feeds (a PDF's pages).
  std::vector<int> pages;
  const bool paged = text.find('\f') != std::string_view::npos;
  int page = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t feeds = line.find_first_not_of('\f');
    page += static_cast<int>(feeds == std::string::npos ? line.size() : feeds);
    line.erase(0, feeds);
    lines.push_back(std::move(line));
    pages.push_back(paged ? page : 0);
    if (end == text.size()) break;
    start = end + 1;
  }
  ExtractedPlan plan = Scanner(lines).run();
  for (Candidate& c : plan.candidates)
    if (c.line >= 1 && static_cast<std::size_t>(c.line) <= pages.size()) c.page = pages[static_cast<std::size_t>(c.line) - 1];
  for (const std::string& l : lines) {
    const std::string t(trim(l));
    if (t.size() > 20 && t.find("KẾ HOẠCH") == 0) {
      plan.title = t;
      break;
    }
  }
  return plan;
}

std::string draft_plan_yaml(const ExtractedPlan& plan, std::string_view unit_id, std::string_view unit_name,
                            std::string_view source, Lang lang) {
  std::string out = comment(draft_header(source).str(lang));
  out += "plancheck: 1\n";
  out += fmt::format("unit: {{id: {}, name: {}}}\n", unit_id, yaml_quoted(unit_name));
  out += "plan:\n";
  if (!plan.title.empty()) out += fmt::format("  title: {}\n", yaml_quoted(plan.title));
  if (plan.horizon) out += fmt::format("  horizon: {}\n", *plan.horizon);
  out += fmt::format("  source: {}\n", yaml_quoted(source));
  IdPool ids;
  const auto sure = groups(plan.candidates, false);
  out += sure.empty() ? "\nindicators: []\n" : "\nindicators:\n";
  for (const Group& g : sure) out += indicator_yaml(g, ids, "  ", lang);
  const auto unsure = groups(plan.candidates, true);
  if (!unsure.empty()) out += "\n" + comment(unsure_header().str(lang));
  for (const Group& g : unsure) {
    out += "  " + comment(msg("unsure: {}", unsure_words(*g.items.front(), lang)).str(lang));
    out += indicator_yaml(g, ids, "  # ", lang);
  }
  return out;
}

}  // namespace plancheck
