// libFuzzer entry: spreadsheet (see fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plancheck::fuzz::spreadsheet(data, size);
  return 0;
}
