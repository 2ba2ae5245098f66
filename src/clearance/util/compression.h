#pragma once
// zstd frames for the text the case store keeps (a batch's screenings as JSON Lines): at level 1
// such text shrinks about 8:1 at several hundred MB/s, less than writing it to disk costs.
#include <cstddef>
#include <string>
#include <string_view>

#include "clearance/util/result.h"

namespace clearance {

// One zstd frame of `text`, its size recorded in the frame.
std::string zstd_compress(std::string_view text, int level = 1);

// The text of one zstd frame; an error when `frame` is not one (damaged, cut short, another
// format) or says it holds more than `max_size` bytes.
Result<std::string> zstd_decompress(std::string_view frame, size_t max_size);

}  // namespace clearance
