#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/reading/extract.hpp"
#include "core/reading/pdf.hpp"

using namespace plancheck;

namespace {

// A PDF of `pages`, each a content stream (Helvetica as /F1), with a
// correct cross-reference table; `encrypt` adds a standard security handler
// whose user password is not empty.
std::string make_pdf(const std::vector<std::string>& pages, bool encrypt = false) {
  std::vector<std::string> objects;
  std::string kids;
  const std::size_t first_page = 4;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(pages[i].size()) + " >>\nstream\n" + pages[i] + "\nendstream");
  }
  if (encrypt)
    objects.push_back("<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + std::string(64, 'a') + "> /U <" +
                      std::string(64, 'b') + "> >>");
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    const std::string n = std::to_string(offset);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (encrypt) out += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<0123456789abcdef> <0123456789abcdef>]";
  out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// Text drawn at (x, y) on the page.
std::string at(int x, int y, const std::string& text) {
  return "BT /F1 12 Tf " + std::to_string(x) + " " + std::to_string(y) + " Td (" + text + ") Tj ET\n";
}

}  // namespace

TEST_CASE("pdf_text") {
  Message why;
  SUBCASE("one printed line a line, the gaps between words one space, each page ended by a form feed") {
    const std::string pdf = make_pdf({at(72, 720, "II. MUC TIEU") + at(72, 690, "Ty le dat") + at(400, 690, "50%"),
                                      at(72, 720, "Trang hai 90%")});
    const auto text = pdf_text(pdf, why);
    REQUIRE_MESSAGE(text, why.str(Lang::En));
    CHECK(*text == "II. MUC TIEU\n\nTy le dat 50%\n\fTrang hai 90%\n\f");
  }
  SUBCASE("a page without text is an empty page") {
    const auto text = pdf_text(make_pdf({at(72, 720, "Mot"), "0 0 m 100 100 l S", at(72, 720, "Ba")}), why);
    REQUIRE(text);
    CHECK(*text == "Mot\n\f\fBa\n\f");
  }
  SUBCASE("not a PDF, empty, cut short") {
    const std::string pdf = make_pdf({at(72, 720, "Mot")});
    for (const std::string& bytes : {std::string("KẾ HOẠCH\n"), std::string(), pdf.substr(0, 30)}) {
      CHECK_FALSE(pdf_text(bytes, why));
      CHECK(why.str(Lang::En) == "is not a PDF document, or is damaged");
    }
  }
  SUBCASE("locked with a password") {
    CHECK_FALSE(pdf_text(make_pdf({at(72, 720, "Mot")}, true), why));
    CHECK(why.str(Lang::En) == "is a PDF locked with a password; save an unlocked copy (or its text) first");
  }
  SUBCASE("no text on any page: a scan") {
    CHECK_FALSE(pdf_text(make_pdf({"0 0 m 100 100 l S"}), why));
    CHECK(why.str(Lang::Vi) ==
          "không có văn bản (tệp PDF quét?); plancheck đọc phần văn bản của PDF, không đọc hình ảnh: hãy nhận dạng "
          "chữ (OCR) trước");
  }
}

TEST_CASE("extract_commitments pages") {
  SUBCASE("a form feed starts the next page; the line counts over the whole text") {
    const ExtractedPlan plan = extract_commitments("Ke hoach den nam 2030\nTy le dat 50%.\n\fTy le dat 60%.\n\f\fTy le dat 70%.\n\f");
    REQUIRE(plan.candidates.size() == 3);
    CHECK(plan.candidates[0].page == 1);
    CHECK(plan.candidates[0].line == 2);
    CHECK(plan.candidates[1].page == 2);
    CHECK(plan.candidates[1].line == 3);
    CHECK(plan.candidates[2].page == 4);
    CHECK(plan.candidates[2].line == 4);
    CHECK(draft_plan_yaml(plan, "u", "U", "u.pdf").find("x-source: {page: 4, line: 4}") != std::string::npos);
  }
  SUBCASE("a text without form feeds has no pages") {
    const ExtractedPlan plan = extract_commitments("Ke hoach den nam 2030\nTy le dat 50%.\n");
    REQUIRE(plan.candidates.size() == 1);
    CHECK(plan.candidates[0].page == 0);
    CHECK(draft_plan_yaml(plan, "u", "U", "u.txt").find("x-source: {line: 2}") != std::string::npos);
  }
}
