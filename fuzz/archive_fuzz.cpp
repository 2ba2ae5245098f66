// The decompressors every downloaded or imported file goes through, on arbitrary bytes: gzip
// (multi-member) and ZIP (listing, one member, all members). Within the size and ratio limits, or
// refused with an error: never a crash, a hang or memory beyond the limit.
#include <cstddef>
#include <cstdint>

#include "clearance/util/file_io.h"
#include "clearance/util/zip_archive.h"
#include "fuzz_support.h"

using namespace clearance;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)gunzip(bytes, "fuzz.gz");
  if (!looks_like_zip(bytes)) return 0;
  auto names = zip_member_names(bytes, "fuzz.zip");
  if (names && !names->empty()) (void)unzip_member(bytes, "fuzz.zip", names->front());
  (void)unzip_all(bytes, "fuzz.zip");
  return 0;
}
