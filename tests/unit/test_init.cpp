#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli/app.hpp"
#include "cli_run.hpp"

using namespace plancheck::cli;
using plancheck::test::Run;
using plancheck::test::run;

namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream f(p);
  return {std::istreambuf_iterator<char>(f), {}};
}

}  // namespace

TEST_CASE("run_init") {
  SUBCASE("every kind of unit, in both languages: validates without warnings, and evaluates as no data") {
    for (const char* type : {"commune", "ward", "district", "city"})
      for (const char* lang : {"vi", "en"}) {
        CAPTURE(type);
        CAPTURE(lang);
        const Run init = run({"init", "--type", type, "--lang", lang});
        REQUIRE(init.code == 0);
        CHECK(init.err == "");
        CHECK(init.out.find(std::string("type: ") + type + "   #") != std::string::npos);
        const Run v = run({"validate", "--strict", "-"}, init.out);
        CHECK(v.code == 0);
        CHECK(v.err == "");
        CHECK(v.out.find("6 indicators, 0 warnings") != std::string::npos);
        // No actual value outside a comment: nothing is met, on track or behind.
        const Run e = run({"evaluate", "-", "--format", "csv"}, init.out);
        CHECK(e.code == 0);
        std::istringstream rows(e.out);
        std::string row;
        std::getline(rows, row);
        int n = 0;
        for (; std::getline(rows, row); ++n) CHECK_MESSAGE(row.find(",unknown,false,") != std::string::npos, row);
        CHECK(n == 8);
      }
  }
  SUBCASE("the comments and names follow --lang") {
    const Run vi = run({"init", "--lang", "vi"});
    CHECK(vi.out.find("name: \"Xã Mẫu\"") != std::string::npos);
    CHECK(vi.out.find("# Kiểm tra tệp: plancheck validate xa-mau.yaml") != std::string::npos);
    CHECK(vi.out.find("name: \"Tỷ lệ huy động trẻ nhà trẻ\"") != std::string::npos);
    const Run en = run({"init", "--lang", "en"});
    CHECK(en.out.find("name: \"Example commune\"") != std::string::npos);
    CHECK(en.out.find("# Check it with: plancheck validate xa-mau.yaml") != std::string::npos);
    CHECK(en.out.find("name: \"Crèche enrolment rate\"") != std::string::npos);
    CHECK(en.out.find("Tỷ lệ") == std::string::npos);
  }
  SUBCASE("the unit id is made from --name and shown") {
    const Run r = run({"init", "--name", "Xã Hà Bắc", "--lang", "vi"});
    CHECK(r.code == 0);
    CHECK(r.out.find("  id: ha-bac   #") != std::string::npos);
    CHECK(r.out.find("  name: \"Xã Hà Bắc\"   #") != std::string::npos);
    // Said in the language of --lang, as every message.
    CHECK(r.err == "plancheck: mã đơn vị \"ha-bac\", tạo từ tên \"Xã Hà Bắc\"; dùng --unit ID để đặt mã khác\n");
    CHECK(run({"init", "--name", "Xã Hà Bắc", "--lang", "en"}).err ==
          "plancheck: unit id \"ha-bac\", made from the name \"Xã Hà Bắc\"; --unit ID gives another\n");
    CHECK(run({"init", "--name", "Hà Bắc"}).out.find("id: ha-bac") != std::string::npos);
    CHECK(run({"init", "--name", "Thành phố Đồng Hới"}).out.find("id: dong-hoi") != std::string::npos);
    CHECK(run({"init", "--name", "Quan Hóa"}).out.find("id: quan-hoa") != std::string::npos);  // not "Quận"
    CHECK(run({"init", "--name", "Xã"}).out.find("id: xa ") != std::string::npos);
    CHECK(run({"init", "--name", "Quận 1"}).out.find("id: quan-1 ") != std::string::npos);
    CHECK(run({"init", "--name", "Phường 1, Quận 3"}).out.find("id: phuong-1-quan-3 ") != std::string::npos);
    // Decomposed (NFD) as some systems send it.
    CHECK(run({"init", "--name", "Xa\u0303 Ha\u0300 Ba\u0306\u0301c"}).out.find("id: ha-bac ") != std::string::npos);
    const Run given = run({"init", "--name", "Xã Hà Bắc", "--unit", "hb-01"});
    CHECK(given.out.find("id: hb-01") != std::string::npos);
    CHECK(given.err == "");
  }
  SUBCASE("a name with quotes, a backslash or a line break reads back as itself") {
    const Run r = run({"init", "--name", "Xã \"Mới\" \\ 2\nx", "--unit", "x"});
    REQUIRE(r.code == 0);
    const Run j = run({"evaluate", "-", "--format", "json"}, r.out);
    CHECK(j.out.find("\"name\": \"Xã \\\"Mới\\\" \\\\ 2\\nx\"") != std::string::npos);
  }
  SUBCASE("a name that gives no id, a kind of unit that is none") {
    const Run r = run({"init", "--name", "北京"});
    CHECK(r.code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "plancheck: error: --name \"北京\" gives no unit id (no letter a-z or digit); give --unit ID\n");
    const Run t = run({"init", "--type", "village"});
    CHECK(t.code == 2);
    CHECK(t.err.starts_with("--type: \"village\" is not a kind of unit; accepted: commune, ward, district, city\n"));
  }
  SUBCASE("--type in Vietnamese, with or without diacritics") {
    CHECK(run({"init", "--type", "thành phố"}).out.find("type: city   #") != std::string::npos);
    CHECK(run({"init", "--type", "Phuong"}).out.find("type: ward   #") != std::string::npos);
  }
  SUBCASE("--output: written, never over a file unless --force") {
    const auto dir = std::filesystem::temp_directory_path() / "plancheck-test-init";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string file = (dir / "ha-bac.yaml").string();
    const Run first = run({"init", "--name", "Hà Bắc", "--output", file.c_str()});
    CHECK(first.code == 0);
    CHECK(first.out.empty());
    const std::string written = read(file);
    CHECK(written.find("# Check it with: plancheck validate " + file + "\n") != std::string::npos);
    CHECK(run({"validate", "--strict", file.c_str()}).code == 0);
    const Run again = run({"init", "--name", "Hà Nam", "--output", file.c_str()});
    CHECK(again.code == 2);
    CHECK(again.out.empty());
    CHECK(again.err.ends_with("plancheck: error: --output " + file + " exists; give --force to replace it\n"));
    CHECK(read(file) == written);
    const Run forced = run({"init", "--name", "Hà Nam", "--output", file.c_str(), "--force"});
    CHECK(forced.code == 0);
    CHECK(read(file).find("id: ha-nam") != std::string::npos);
    const Run to_dir = run({"init", "--output", dir.string().c_str(), "--force"});
    CHECK(to_dir.code == 2);
    CHECK(to_dir.err.find("is a directory") != std::string::npos);
    std::filesystem::remove_all(dir);
  }
}
