#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/model/format.hpp"
#include "core/util/lang.hpp"
#include "render/describe.hpp"

using namespace plancheck;

namespace {

Indicator indicator(std::string id, std::string unit) {
  Indicator ind;
  ind.id = std::move(id);
  ind.unit = std::move(unit);
  return ind;
}

Indicator percent_indicator() { return indicator("x", "%"); }

Indicator count_indicator(std::string unit) { return indicator("y", std::move(unit)); }

}  // namespace

TEST_CASE("parse_lang") {
  CHECK(parse_lang("vi") == Lang::Vi);
  CHECK(parse_lang("en") == Lang::En);
  CHECK_FALSE(parse_lang("fr"));
  CHECK(lang_code(Lang::Vi) == "vi");
}

TEST_CASE("lang_from_env") {
  SUBCASE("LANG starting vi is Vietnamese") { CHECK(lang_from_env(nullptr, "vi_VN.UTF-8") == Lang::Vi); }
  SUBCASE("LC_ALL overrides LANG") {
    CHECK(lang_from_env("C.UTF-8", "vi_VN.UTF-8") == Lang::En);
    CHECK(lang_from_env("vi_VN", "en_US.UTF-8") == Lang::Vi);
  }
  SUBCASE("an empty LC_ALL does not count") { CHECK(lang_from_env("", "vi") == Lang::Vi); }
  SUBCASE("nothing set, or anything else, is English") {
    CHECK(lang_from_env(nullptr, nullptr) == Lang::En);
    CHECK(lang_from_env(nullptr, "en_GB.UTF-8") == Lang::En);
    CHECK(lang_from_env(nullptr, "C") == Lang::En);
  }
}

TEST_CASE("tr") {
  CHECK(tr(Lang::En, "on track") == "on track");
  CHECK(tr(Lang::Vi, "on track") == "đúng tiến độ");
  CHECK(tr(Lang::Vi, "a phrase nobody translated") == "a phrase nobody translated");
  CHECK(trf(Lang::Vi, "{} more {}", 3, "trường") == "3 trường nữa");
  CHECK(trf(Lang::En, "{} more {}", 3, "schools") == "3 more schools");
}

TEST_CASE("reason::kAll") {
  for (std::string_view why : reason::kAll) {
    INFO(why);
    CHECK(tr(Lang::Vi, why) != why);
  }
}

TEST_CASE("status_words") {
  const std::vector<std::pair<Status, std::string_view>> vi{
      {Status::Met, "đạt"},           {Status::OnTrack, "đúng tiến độ"}, {Status::AtRisk, "có nguy cơ"},
      {Status::OffTrack, "chậm tiến độ"}, {Status::Missed, "không đạt"},    {Status::Unknown, "chưa rõ"}};
  for (const auto& [status, words] : vi) CHECK(status_words(status, Lang::Vi) == words);
  CHECK(status_words(Status::OffTrack, Lang::En) == "off track");
}

TEST_CASE("format_fixed") {
  SUBCASE("decimal comma and grouped thousands in Vietnamese") {
    CHECK(format_fixed(52.14, 1, Lang::Vi) == "52,1");
    CHECK(format_fixed(344050, 0, Lang::Vi) == "344.050");
    CHECK(format_fixed(-1234567.25, 2, Lang::Vi) == "-1.234.567,25");
    CHECK(format_fixed(999, 0, Lang::Vi) == "999");
  }
  SUBCASE("English is left as written") {
    CHECK(format_fixed(52.14, 1, Lang::En) == "52.1");
    CHECK(format_fixed(344050, 0, Lang::En) == "344050");
  }
  SUBCASE("no negative zero") {
    CHECK(format_fixed(-0.04, 1, Lang::En) == "0.0");
    CHECK(format_fixed(-0.4, 0, Lang::Vi) == "0");
  }
  SUBCASE("non-finite values are a dash, never inf or nan") {
    CHECK(format_fixed(INFINITY, 1, Lang::En) == "—");
    CHECK(format_fixed(-INFINITY, 0, Lang::Vi) == "—");
    CHECK(format_fixed(NAN, 1, Lang::En) == "—");
    CHECK(format_plain(INFINITY, Lang::En) == "—");
    CHECK(format_plain(-NAN, Lang::Vi) == "—");
  }
  SUBCASE("the largest doubles are written out") {
    CHECK(format_plain(1e308, Lang::En).size() == 309);
    CHECK(format_fixed(-1e20, 0, Lang::Vi) == "-100.000.000.000.000.000.000");
  }
}

TEST_CASE("format_signed_fixed") {
  CHECK(format_signed_fixed(1.84, 1, Lang::En) == "+1.8");
  CHECK(format_signed_fixed(-0.3, 1, Lang::Vi) == "-0,3");
  CHECK(format_signed_fixed(INFINITY, 1, Lang::En) == "—");
}

TEST_CASE("format_value") {
  SUBCASE("percentages") {
    CHECK(format_value(percent_indicator(), 52.14, Lang::Vi) == "52,1%");
    CHECK(format_value(percent_indicator(), 52.14, Lang::En) == "52.1%");
  }
  SUBCASE("plain numbers keep up to three decimals") {
    Indicator index = count_indicator("index");
    CHECK(format_value(index, 0.825, Lang::Vi) == "0,825");
    CHECK(format_plain(12.5, Lang::Vi) == "12,5");
  }
  SUBCASE("flags") {
    Indicator flag;
    flag.kind = Kind::Flag;
    CHECK(format_value(flag, 1, Lang::Vi) == "đã xong");
    CHECK(format_value(flag, 0, Lang::En) == "not done");
  }
  SUBCASE("non-finite values are a dash, without a unit") {
    CHECK(format_value(percent_indicator(), NAN, Lang::En) == "—");
    CHECK(format_value(count_indicator("schools"), INFINITY, Lang::Vi) == "—");
    Indicator stages;
    stages.kind = Kind::Milestone;
    stages.stages = {"a", "b"};
    CHECK(format_value(stages, -INFINITY, Lang::En) == "—");
    CHECK(format_estimate(count_indicator("rooms"), INFINITY, Lang::En) == "—");
  }
}

TEST_CASE("format_estimate") {
  // A projection of a count never reads as the target it falls short of.
  CHECK(format_estimate(count_indicator("schools"), 9.5, Lang::En) == "9.5");
  CHECK(format_estimate(count_indicator("schools"), 9.5, Lang::Vi) == "9,5");
  CHECK(format_estimate(count_indicator("schools"), 10, Lang::En) == "10");
  CHECK(format_estimate(percent_indicator(), 52.14, Lang::En) == "52.1%");
}

TEST_CASE("Indicator::is_count") {
  for (auto unit : {"schools", "trường", "pupils", "rooms", "năm"}) {
    CAPTURE(unit);
    CHECK(count_indicator(unit).is_count());
  }
  for (auto unit : {"", "%", "triệu VNĐ", "million VND", "Triệu đồng", "per 1000", "pupils per class", "học sinh/lớp",
                    "index", "chỉ số"}) {
    CAPTURE(unit);
    CHECK_FALSE(count_indicator(unit).is_count());
  }
  CHECK(count_indicator("percent of schools").is_count());  // "per" only as a word
}

TEST_CASE("format_delta") {
  CHECK(format_delta(percent_indicator(), 3.94, Lang::Vi) == "+3,9 điểm %");
  CHECK(format_delta(percent_indicator(), 3.94, Lang::En) == "+3.9 pp");
  CHECK(format_delta(count_indicator("schools"), -2, Lang::Vi) == "-2 trường");
  CHECK(format_delta(count_indicator("million VND"), 1500, Lang::Vi) == "+1.500 million VND");
  CHECK(format_pace(percent_indicator(), 1.84, Lang::Vi) == "+1,8 điểm %/năm");
  CHECK(format_pace(percent_indicator(), 1.84, Lang::En) == "+1.8 pp/yr");
  SUBCASE("non-finite deltas are a dash, never signed") {
    CHECK(format_delta(percent_indicator(), INFINITY, Lang::En) == "—");
    CHECK(format_delta(count_indicator("schools"), -INFINITY, Lang::En) == "—");
    Indicator stages;
    stages.kind = Kind::Milestone;
    CHECK(format_delta(stages, NAN, Lang::En) == "—");
    CHECK(format_delta(stages, 1e300, Lang::En) == "+1000000000 stages");
  }
}

TEST_CASE("format_pace") {
  SUBCASE("a count's pace keeps one decimal") {
    CHECK(format_pace(count_indicator("schools"), 0.26, Lang::En) == "+0.3 schools/yr");
    CHECK(format_pace(count_indicator("schools"), 0.26, Lang::Vi) == "+0,3 trường/năm");
    CHECK(format_pace(count_indicator("pupils"), -1.66, Lang::En) == "-1.7 pupils/yr");
  }
  SUBCASE("a pace that rounds to nothing is 0") { CHECK(format_pace(count_indicator("schools"), 0.04, Lang::En) == "0 schools/yr"); }
  SUBCASE("a huge pace is written out, an infinite one is a dash") {
    CHECK(format_pace(count_indicator("rooms"), 1e300, Lang::En).size() == std::string("+ rooms/yr").size() + 301);
    CHECK(format_pace(count_indicator("rooms"), INFINITY, Lang::En) == "—");
    CHECK(format_pace(percent_indicator(), NAN, Lang::Vi) == "—");
  }
}

TEST_CASE("growth_rate_text") {
  CHECK(growth_rate_text(0.018, Lang::En) == "+1.8%/yr");
  CHECK(growth_rate_text(-0.05, Lang::Vi) == "-5,0%/năm");
  CHECK(growth_rate_text(INFINITY, Lang::En) == "—");
}

TEST_CASE("unit_words") {
  CHECK(unit_words("schools", Lang::Vi) == "trường");
  CHECK(unit_words("pupils", Lang::Vi) == "học sinh");
  CHECK(unit_words("trường đạt chuẩn", Lang::Vi) == "trường đạt chuẩn");
  CHECK(unit_words("schools", Lang::En) == "schools");
}

namespace {

// The C++ string literal starting at source[i] (a '"'), with adjacent
// literals joined ("a" "b" across lines) and escapes undone, as the compiler
// reads it; `i` is left after the last one.
std::string literal_at(const std::string& source, std::size_t& i) {
  std::string out;
  while (i < source.size() && source[i] == '"') {
    for (++i; i < source.size() && source[i] != '"'; ++i) {
      if (source[i] != '\\' || i + 1 >= source.size()) {
        out += source[i];
        continue;
      }
      const char e = source[++i];
      out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
    }
    ++i;  // the closing quote
    while (i < source.size() && std::isspace(static_cast<unsigned char>(source[i]))) ++i;
  }
  return out;
}

// The string literals of argument `wanted` (0-based) of every call matching
// `call` (ending in its '(') in `source`, including both arms of a
// `cond ? "a" : "b"`.
std::vector<std::string> literals_of(const std::string& source, const std::regex& call, int wanted) {
  std::vector<std::string> out;
  for (std::sregex_iterator it(source.begin(), source.end(), call), end; it != end; ++it) {
    std::size_t i = static_cast<std::size_t>(it->position() + it->length());
    int depth = 0, argument = 0;
    while (i < source.size() && depth >= 0 && argument <= wanted) {
      const char c = source[i];
      if (c == '"') {
        std::string text = literal_at(source, i);
        if (argument == wanted) out.push_back(std::move(text));
        continue;
      }
      if (c == '\'') {  // a character literal: '"' is not a string
        i = source.find('\'', i + (source[i + 1] == '\\' ? 3 : 2)) + 1;
        continue;
      }
      if (c == '(' || c == '{') ++depth;
      else if (c == ')' || c == '}') --depth;
      else if (c == ',' && depth == 0) ++argument;
      ++i;
    }
  }
  return out;
}

// The phrases of `source`: the second argument of tr() and trf(), the first
// of msg() (core/util/message.hpp: a message's phrase is always a literal
// there).
std::vector<std::string> phrases_used(const std::string& source) {
  static const std::regex translate(R"(\btrf?\()"), message(R"(\bmsg\()");
  std::vector<std::string> out = literals_of(source, translate, 1);
  for (std::string& phrase : literals_of(source, message, 0)) out.push_back(std::move(phrase));
  return out;
}

// The arguments a format string refers to, with their specs, as "index:spec"
// ("{}" "{:.1f}" → "0:", "1:.1f"; "{1}" → "1:"); "{{" and "}}" are text.
std::multiset<std::string> placeholders(std::string_view format) {
  std::multiset<std::string> out;
  int next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '{') continue;
    if (i + 1 < format.size() && format[i + 1] == '{') {
      ++i;
      continue;
    }
    const std::size_t close = format.find('}', i);
    if (close == std::string_view::npos) {
      out.insert("unclosed");
      break;
    }
    const std::string_view inside = format.substr(i + 1, close - i - 1);
    const std::size_t colon = inside.find(':');
    const std::string_view index = inside.substr(0, colon);
    const std::string spec(colon == std::string_view::npos ? "" : inside.substr(colon + 1));
    out.insert((index.empty() ? std::to_string(next++) : std::string(index)) + ":" + spec);
    i = close;
  }
  return out;
}

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("phrases_used") {
  SUBCASE("joined literals and escapes, as the compiler reads them") {
    const std::string source = "x = msg(\"a \\\"{}\\\" \"\n        \"b\", key);";
    CHECK(phrases_used(source) == std::vector<std::string>{"a \"{}\" b"});
  }
  SUBCASE("tr's second argument, msg's first, both arms of a choice") {
    const std::string source = "tr(lang, \"x\"); trf(lang, ok ? \"y\" : \"z\", 1); msg(\"w {}\", f(\"not\", 'a'));";
    CHECK(phrases_used(source) == std::vector<std::string>{"x", "y", "z", "w {}"});
  }
}

TEST_CASE("placeholders") {
  CHECK(placeholders("{} of {:.1f}") == std::multiset<std::string>{"0:", "1:.1f"});
  CHECK(placeholders("{1} trước {0}") == std::multiset<std::string>{"0:", "1:"});
  CHECK(placeholders("{{month: {}}}").size() == 1);
}

// Every literal passed to tr()/trf() and every msg() phrase has a Vietnamese
// wording, so no English phrase slips into a Vietnamese report, message or
// help.
TEST_CASE("translated_phrases") {
  const std::vector<std::string_view> known = translated_phrases();
  std::size_t calls = 0;
  for (const auto& dir : {"src/render", "src/core", "src/cli"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(PLANCHECK_SOURCE_DIR) / dir)) {
      if (!entry.is_regular_file()) continue;
      for (const std::string& phrase : phrases_used(file_text(entry.path()))) {
        ++calls;
        INFO(entry.path().filename().string(), ": ", phrase);
        CHECK(std::find(known.begin(), known.end(), phrase) != known.end());
      }
    }
  }
  CHECK(calls > 400);
  SUBCASE("no phrase is listed twice") {
    std::vector<std::string_view> sorted = known;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  }
  SUBCASE("each translation uses the same arguments, with the same specs") {
    for (std::string_view english : known) {
      INFO(english, " → ", tr(Lang::Vi, english));
      CHECK(placeholders(tr(Lang::Vi, english)) == placeholders(english));
    }
  }
}

TEST_CASE("trf_list") {
  const std::vector<std::string> years{"2022", "2026", "2027"};
  CHECK(trf_list(Lang::En, reason::kRecognitionExpires, years) ==
        "recognition of 2022 expires after 2026; re-recognition due by 2027");
  CHECK(trf_list(Lang::Vi, reason::kRecognitionExpires, years) ==
        "công nhận năm 2022 hết hạn sau năm 2026; cần công nhận lại trước hết năm 2027");
  CHECK(trf_list(Lang::Vi, reason::kNotMaintained, {"2025, 2026"}) == "không duy trì được năm 2025, 2026");
}

TEST_CASE("norm_words") {
  Indicator ind = count_indicator("pupils/class");
  CHECK(norm_words(ind, Lang::En).empty());
  ind.norm = true;
  CHECK(norm_words(ind, Lang::En) == " (norm)");
  CHECK(norm_words(ind, Lang::Vi) == " (định mức)");
  ind.basis_ref = "Thông tư 28/2020/TT-BGDĐT";
  CHECK(norm_words(ind, Lang::En) == " (norm: Thông tư 28/2020/TT-BGDĐT)");
  CHECK(norm_words(ind, Lang::Vi) == " (định mức: Thông tư 28/2020/TT-BGDĐT)");
}
