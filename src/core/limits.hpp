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

}  // namespace plancheck::limits
