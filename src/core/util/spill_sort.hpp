#pragma once
// Sorting more text than memory should hold (the rows of `gaps`, worst first
// across every unit): records are kept in memory up to a budget, each full
// batch is sorted and written to a temporary file as a run, and the runs are
// merged back in order. Memory: the budget plus one small read buffer per
// run (runs = total bytes / budget); docs/reliability.md "Flat memory".
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/temp_file.hpp"

namespace plancheck {

// Records order by (rank, value), ties in the order they were added (a
// stable sort).
struct SortKey {
  int rank = 0;
  double value = 0;
};

class SpillSort {
 public:
  explicit SpillSort(std::size_t budget_bytes = std::size_t{16} << 20) : budget_(budget_bytes) {}
  void add(SortKey key, std::string text);
  std::uint64_t size() const { return count_; }
  // Every text, in order; the sorter is empty after.
  void drain(const std::function<void(std::string_view)>& f);

 private:
  struct Record {
    SortKey key;
    std::uint64_t seq = 0;
    std::string text;
  };
  struct Run {
    std::uint64_t offset = 0, bytes = 0;
  };
  class Reader;
  static bool before(const SortKey& a, std::uint64_t sa, const SortKey& b, std::uint64_t sb);
  void spill();

  std::size_t budget_;
  std::size_t held_ = 0;  // bytes of `records_`, roughly
  std::uint64_t count_ = 0;
  std::vector<Record> records_;
  std::unique_ptr<TempFile> file_;
  std::vector<Run> runs_;
};

}  // namespace plancheck
