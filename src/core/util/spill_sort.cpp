#include "core/util/spill_sort.hpp"

#include <algorithm>
#include <cstring>
#include <queue>
#include <stdexcept>

namespace plancheck {
namespace {

constexpr std::size_t kRecordOverhead = 64;  // a Record's own bytes, roughly
constexpr std::size_t kHeader = sizeof(std::int32_t) + sizeof(double) + sizeof(std::uint64_t) + sizeof(std::uint32_t);

template <typename T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
T take(const char*& p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  p += sizeof v;
  return v;
}

}  // namespace

// One run read back record by record through a small buffer.
class SpillSort::Reader {
 public:
  Reader(TempFile& file, Run run) : file_(file), at_(run.offset), end_(run.offset + run.bytes) {}

  // The next record into key/seq/text; false at the end of the run.
  bool next(SortKey& key, std::uint64_t& seq, std::string& text) {
    if (at_ >= end_ && pos_ == buffer_.size()) return false;  // all read and all handed out
    char header[kHeader];
    fill(header, kHeader);
    const char* p = header;
    key.rank = take<std::int32_t>(p);
    key.value = take<double>(p);
    seq = take<std::uint64_t>(p);
    text.resize(take<std::uint32_t>(p));
    fill(text.data(), text.size());
    return true;
  }

 private:
  void fill(char* out, std::size_t n) {
    while (n > 0) {
      if (pos_ == buffer_.size()) refill();
      const std::size_t k = std::min(n, buffer_.size() - pos_);
      std::memcpy(out, buffer_.data() + pos_, k);
      pos_ += k;
      out += k;
      n -= k;
    }
  }
  void refill() {
    buffer_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, end_ - at_)));
    if (buffer_.empty() || file_.read(at_, buffer_.data(), buffer_.size()) != buffer_.size())
      throw std::runtime_error("a temporary file was cut short");
    at_ += buffer_.size();
    pos_ = 0;
  }
  static constexpr std::size_t kChunk = 16 << 10;
  TempFile& file_;
  std::uint64_t at_, end_;
  std::string buffer_;
  std::size_t pos_ = 0;
};

bool SpillSort::before(const SortKey& a, std::uint64_t sa, const SortKey& b, std::uint64_t sb) {
  if (a.rank != b.rank) return a.rank < b.rank;
  if (a.value < b.value) return true;
  if (b.value < a.value) return false;
  return sa < sb;
}

void SpillSort::add(SortKey key, std::string text) {
  held_ += text.size() + kRecordOverhead;
  records_.push_back({key, count_++, std::move(text)});
  if (held_ >= budget_) spill();
}

void SpillSort::spill() {
  std::sort(records_.begin(), records_.end(),
            [](const Record& a, const Record& b) { return before(a.key, a.seq, b.key, b.seq); });
  if (!file_) file_ = std::make_unique<TempFile>();
  Run run{file_->size(), 0};
  std::string bytes;
  for (const Record& r : records_) {
    bytes.clear();
    put(bytes, static_cast<std::int32_t>(r.key.rank));
    put(bytes, r.key.value);
    put(bytes, r.seq);
    put(bytes, static_cast<std::uint32_t>(r.text.size()));
    bytes += r.text;
    file_->write(bytes);
    run.bytes += bytes.size();
  }
  runs_.push_back(run);
  records_.clear();
  records_.shrink_to_fit();
  held_ = 0;
}

void SpillSort::drain(const std::function<void(std::string_view)>& f) {
  if (runs_.empty()) {  // it all fitted: no file
    std::sort(records_.begin(), records_.end(),
              [](const Record& a, const Record& b) { return before(a.key, a.seq, b.key, b.seq); });
    for (const Record& r : records_) f(r.text);
    records_.clear();
    return;
  }
  if (!records_.empty()) spill();
  struct Head {
    SortKey key;
    std::uint64_t seq = 0;
    std::string text;
    std::size_t run = 0;
  };
  std::vector<Reader> readers;
  for (const Run& run : runs_) readers.emplace_back(*file_, run);
  const auto later = [](const Head& a, const Head& b) { return before(b.key, b.seq, a.key, a.seq); };
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
  for (std::size_t i = 0; i < readers.size(); ++i) {
    Head h;
    h.run = i;
    if (readers[i].next(h.key, h.seq, h.text)) heads.push(std::move(h));
  }
  while (!heads.empty()) {
    Head h = heads.top();
    heads.pop();
    f(h.text);
    if (readers[h.run].next(h.key, h.seq, h.text)) heads.push(std::move(h));
  }
  runs_.clear();
  file_.reset();
}

}  // namespace plancheck
