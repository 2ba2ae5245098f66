#pragma once
// zstd frames for the text the case store keeps (a batch's screenings as JSON Lines): at level 1
// such text shrinks about 8:1 at several hundred MB/s, less than writing it to disk costs.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "clearance/util/result.h"

namespace clearance {

// One zstd frame of `text`, its size recorded in the frame.
std::string zstd_compress(std::string_view text, int level = 1);

// One zstd frame of text given in pieces (no joined copy), `size` bytes in all.
class ZstdFrameWriter {
 public:
  explicit ZstdFrameWriter(size_t size, int level = 1);
  ~ZstdFrameWriter();
  ZstdFrameWriter(const ZstdFrameWriter&) = delete;
  ZstdFrameWriter& operator=(const ZstdFrameWriter&) = delete;
  void add(std::string_view piece);
  // The frame; throws std::logic_error when the pieces did not add up to `size`.
  std::string finish();

 private:
  void* context_;                  // ZSTD_CCtx
  std::unique_ptr<char[]> frame_;  // not zeroed: a batch's bound is its size again
  size_t capacity_ = 0, used_ = 0;
};

// The text of one zstd frame; an error when `frame` is not one (damaged, cut short, another
// format) or says it holds more than `max_size` bytes.
Result<std::string> zstd_decompress(std::string_view frame, size_t max_size);

}  // namespace clearance
