#include "clearance/util/compression.h"

#include <fmt/format.h>
#include <zstd.h>

#include <stdexcept>

namespace clearance {

std::string zstd_compress(std::string_view text, int level) {
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  const size_t size = ZSTD_compress(frame.data(), frame.size(), text.data(), text.size(), level);
  // Only a bound too small or a bad level fails, neither of which a caller can cause.
  if (ZSTD_isError(size)) throw std::logic_error(ZSTD_getErrorName(size));
  frame.resize(size);
  return frame;
}

Result<std::string> zstd_decompress(std::string_view frame, size_t max_size) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
    return make_error(ErrorCode::format, "not a zstd frame with its size");
  if (size > max_size)
    return make_error(ErrorCode::format,
                      fmt::format("a zstd frame says it holds {} bytes, over {}", size, max_size));
  std::string text(static_cast<size_t>(size), '\0');
  const size_t got = ZSTD_decompress(text.data(), text.size(), frame.data(), frame.size());
  if (ZSTD_isError(got))
    return make_error(ErrorCode::format, fmt::format("zstd: {}", ZSTD_getErrorName(got)));
  if (got != text.size())
    return make_error(ErrorCode::format,
                      fmt::format("a zstd frame held {} bytes, not the {} it says", got, size));
  return text;
}

}  // namespace clearance
