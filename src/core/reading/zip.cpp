#include "core/reading/zip.hpp"

#include <fmt/format.h>
#include <unzip.h>

#include <cstring>
#include <vector>

#include "core/reading/limits.hpp"

namespace plancheck {
namespace {

// minizip's file functions over a buffer in memory.
voidpf mem_open(voidpf opaque, const void*, int) { return opaque; }

uLong mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<Zip::Memory*>(stream);
  const auto left = m->bytes.size() - static_cast<std::size_t>(m->pos);
  const auto n = std::min<std::size_t>(size, left);
  std::memcpy(buf, m->bytes.data() + m->pos, n);
  m->pos += n;
  return static_cast<uLong>(n);
}

uLong mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T mem_tell(voidpf, voidpf stream) { return static_cast<Zip::Memory*>(stream)->pos; }

long mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<Zip::Memory*>(stream);
  const ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos : m->bytes.size();
  if (base + offset > m->bytes.size()) return -1;
  m->pos = base + offset;
  return 0;
}

int mem_close(voidpf, voidpf) { return 0; }
int mem_error(voidpf, voidpf) { return 0; }

std::string mb(std::size_t bytes) { return fmt::format("{} MB", bytes >> 20); }

}  // namespace

std::unique_ptr<Zip> Zip::open(std::string_view bytes) {
  std::unique_ptr<Zip> zip(new Zip(bytes));
  zlib_filefunc64_def io{mem_open, mem_read, mem_write, mem_tell, mem_seek, mem_close, mem_error, &zip->memory_};
  zip->unz_ = unzOpen2_64("memory", &io);
  if (!zip->unz_) return nullptr;
  return zip;
}

Zip::~Zip() {
  if (unz_) unzClose(unz_);
}

bool Zip::has(const std::string& part) { return unzLocateFile(unz_, part.c_str(), 1) == UNZ_OK; }

Message Zip::read(const std::string& part, const std::function<bool(std::string_view)>& sink) {
  if (!has(part)) return msg("the part {} is missing", part);
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(unz_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
    return msg("the part {} is damaged", part);
  if (info.uncompressed_size > limits::kMaxPartBytes)
    return msg("the part {} unpacks to {:.1f} MB; a part is limited to {}", part,
               static_cast<double>(info.uncompressed_size) / (1 << 20), mb(limits::kMaxPartBytes));
  const std::size_t compressed = static_cast<std::size_t>(info.compressed_size);
  if (unzOpenCurrentFile(unz_) != UNZ_OK) return msg("the part {} cannot be opened (damaged or encrypted)", part);
  std::vector<char> buf(1 << 16);
  std::size_t size = 0;
  Message why;
  while (why.empty()) {
    const int n = unzReadCurrentFile(unz_, buf.data(), static_cast<unsigned>(buf.size()));
    if (n < 0) {
      why = msg("the part {} is damaged (zip error {})", part, n);
      break;
    }
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
    unpacked_ += static_cast<std::size_t>(n);
    // The sizes in the archive's directory may lie: count what unpacks.
    if (size > limits::kMaxPartBytes)
      why = msg("the part {} unpacks to more than {}; a part is limited to {}", part, mb(limits::kMaxPartBytes),
                mb(limits::kMaxPartBytes));
    else if (size > limits::kRatioCheckedAbove && size > limits::kMaxCompressionRatio * std::max<std::size_t>(compressed, 1))
      why = msg("the part {} unpacks to more than {} times its compressed size (a zip bomb?); refused", part,
                limits::kMaxCompressionRatio);
    else if (unpacked_ > limits::kMaxUnpackedBytes)
      why = msg("the workbook unpacks to more than {} in all; refused", mb(limits::kMaxUnpackedBytes));
    else if (!sink(std::string_view(buf.data(), static_cast<std::size_t>(n))))
      break;
  }
  const int closed = unzCloseCurrentFile(unz_);
  if (why.empty() && closed == UNZ_CRCERROR && size == info.uncompressed_size)
    why = msg("the part {} is damaged (CRC mismatch)", part);
  return why;
}

}  // namespace plancheck
