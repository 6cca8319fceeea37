#pragma once
// A zip archive held in memory (an .xlsx or .ods file), read with minizip
// (the zlib contrib library libxlsxwriter also uses). Parts are streamed in
// chunks so that a sheet is never held whole, within limits::kMaxPartBytes,
// kMaxUnpackedBytes and kMaxCompressionRatio.
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/util/message.hpp"

namespace plancheck {

class Zip {
 public:
  // The archive, or nullptr when `bytes` is not a zip archive.
  static std::unique_ptr<Zip> open(std::string_view bytes);
  ~Zip();
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  bool has(const std::string& part);
  // Gives the part's bytes to `sink`, chunk by chunk, until it returns
  // false. Returns an empty message or why the part could not be read
  // (missing, damaged, over a limit).
  Message read(const std::string& part, const std::function<bool(std::string_view)>& sink);

  struct Memory {
    std::string_view bytes;
    unsigned long long pos = 0;
  };

 private:
  explicit Zip(std::string_view bytes) : memory_{bytes} {}
  Memory memory_;
  void* unz_ = nullptr;
  std::size_t unpacked_ = 0;  // all parts read so far
};

}  // namespace plancheck
