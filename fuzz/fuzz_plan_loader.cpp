// libFuzzer entry: plan_loader (see fuzz_targets.hpp).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plancheck::fuzz::plan_loader(data, size);
  return 0;
}
