#include "core/util/parallel.hpp"

#include <cstdlib>

namespace plancheck {

unsigned worker_count(int requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  if (const char* env = std::getenv("PLANCHECK_JOBS"); env && std::atoi(env) > 0) return static_cast<unsigned>(std::atoi(env));
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

}  // namespace plancheck
