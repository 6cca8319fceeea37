// Exceptions (out of memory) crossing the loader's threads.
#include <doctest/doctest.h>

#include <new>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/parallel.hpp"

using namespace plancheck;

TEST_CASE("parallel_ordered") {
  const auto run = [](unsigned jobs, int throw_in_work, int throw_in_consume) {
    int n = 0;
    std::vector<int> seen;
    parallel_ordered<int, int>(
        jobs, [&]() -> std::optional<int> { return n < 100 ? std::optional<int>(n++) : std::nullopt; },
        [&](int i) {
          if (i == throw_in_work) throw std::bad_alloc();
          return i;
        },
        [&](int r) {
          if (r == throw_in_consume) throw std::runtime_error("consume");
          seen.push_back(r);
        });
    return seen;
  };
  SUBCASE("results in input order") {
    std::vector<int> all(100);
    std::iota(all.begin(), all.end(), 0);
    CHECK(run(4, -1, -1) == all);
    CHECK(run(1, -1, -1) == all);
  }
  SUBCASE("an exception in a worker reaches the calling thread") {
    CHECK_THROWS_AS(run(4, 37, -1), std::bad_alloc);
    CHECK_THROWS_AS(run(1, 37, -1), std::bad_alloc);
  }
  SUBCASE("an exception while consuming ends the workers") {
    CHECK_THROWS_WITH_AS(run(4, -1, 5), "consume", std::runtime_error);
  }
}
