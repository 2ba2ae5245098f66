// The stored name index read back after damage: the input is a list of patches to the fixture
// snapshot's valid index file (so that the fuzzer reaches past the header whatever the build key),
// applied with or without the checksum made to match again. A damaged file must be refused or,
// where the change only moves a weight, read without a read out of bounds, and screened.
//   byte 0: bit 0 = recompute the checksum, bit 1 = cut the file at the length in bytes 1–4
//   then (u32 little-endian offset, u8 value) patches
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "fuzz_support.h"

using namespace clearance;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const ScreeningEngine& engine = fuzz::fixture_engine();
  std::string bytes(engine.index->file_bytes());
  const uint8_t mode = data[0];
  size_t at = 1;
  auto u32 = [&](size_t i) {
    uint32_t v;
    std::memcpy(&v, data + i, 4);
    return v;
  };
  if ((mode & 2) && size >= 5) {
    bytes.resize(std::min<size_t>(bytes.size(), u32(1)));
    at = 5;
  }
  for (; at + 5 <= size && !bytes.empty(); at += 5)
    bytes[u32(at) % bytes.size()] = static_cast<char>(data[at + 4]);
  // The checksum (XXH3-64 of everything after the 208-byte header) sits at offset 24.
  constexpr size_t kHeader = 208, kChecksumAt = 24;
  if ((mode & 1) && bytes.size() > kHeader) {
    const uint64_t checksum = XXH3_64bits(bytes.data() + kHeader, bytes.size() - kHeader);
    std::memcpy(bytes.data() + kChecksumAt, &checksum, sizeof(checksum));
  }
  auto index = NameIndex::open(engine.snapshot, nullptr, bytes, "fuzz.index");
  if (!index) {
    FUZZ_CHECK(!index.error().message.empty(), "an error without a reason");
    return 0;
  }
  const Screener screener(std::shared_ptr<const NameIndex>(std::move(index.value())));
  static ScreenSession session;
  ScreenOptions options;
  options.threshold = 0.5f;
  for (const char* name : {"Huawei Technologies", "Ivan Petrov", "中国电子科技集团", "SMIC"}) {
    ScreenQuery query;
    query.name = name;
    const ScreenResult result = screener.screen(query, options, session);
    for (const Hit& hit : result.hits) FUZZ_CHECK(hit.entity != nullptr, name);
  }
  return 0;
}
