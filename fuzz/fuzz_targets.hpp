#pragma once
// The code the fuzzers drive, also linked into the unit tests so that every
// saved input (fuzz/regressions/<target>/) runs under ASan and UBSan in
// `make test`.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace plancheck::fuzz {

// Raw bytes as a plan or data file: load, attach values, derive, lint and
// evaluate.
void plan_loader(const std::uint8_t* data, std::size_t size);
// Target expressions, years, numbers and dates.
void target(const std::uint8_t* data, std::size_t size);
// A CSV data file.
void csv(const std::uint8_t* data, std::size_t size);
// Raw bytes as an .xlsx and as an .ods workbook (zip, XML, cells, layouts).
void spreadsheet(const std::uint8_t* data, std::size_t size);
// A formula, parsed and evaluated.
void formula(const std::uint8_t* data, std::size_t size);
// Raw bytes as a plan, evaluated (both methods) and rendered in every text
// format and both languages: extreme values must not reach a renderer as
// something it cannot draw or print.
void report(const std::uint8_t* data, std::size_t size);

// The entry for a target's name ("plan_loader", …), or nullptr.
using Entry = void (*)(const std::uint8_t*, std::size_t);
Entry entry(std::string_view name);

}  // namespace plancheck::fuzz
