#pragma once
// Limits on what one input may ask of plancheck, so that a hostile or broken
// file ends quickly, in bounded memory, with a clear message
// (docs/reliability.md lists them).
#include <cstddef>

namespace plancheck::limits {

inline constexpr std::size_t kMaxFileBytes = 32u << 20;   // a plan is kilobytes; data files a few MB
inline constexpr std::size_t kMaxLineBytes = 64u << 10;   // one line of a YAML or CSV file
inline constexpr std::size_t kMaxDepth = 64;              // nesting of mappings and lists
inline constexpr std::size_t kMaxNodes = 4u << 20;        // YAML nodes in one document
inline constexpr std::size_t kMaxDiagnosticsPerFile = 100;  // then "… and N more"
// Spreadsheets (.xlsx, .ods) are zip archives of XML parts: each part may
// unpack to what a file may be, the parts read to four times that in all,
// and a part over 1 MB may not be compressed more than 200 times (a zip
// bomb is; real sheets are 5 to 50 times).
inline constexpr std::size_t kMaxPartBytes = kMaxFileBytes;
inline constexpr std::size_t kMaxUnpackedBytes = 4 * kMaxFileBytes;
inline constexpr std::size_t kMaxCompressionRatio = 200;
inline constexpr std::size_t kRatioCheckedAbove = 1u << 20;
// Non-empty cells in one workbook (ODS repeats a cell by a count).
inline constexpr std::size_t kMaxCells = 2u << 20;

}  // namespace plancheck::limits
