#pragma once
// Unsigned numbers in LEB128: seven bits a byte, low bits first, the top bit set on every byte but
// the last. What the case store keeps a subject's word ids in (store/case_store.h, SubjectWords).
#include <cstdint>
#include <string>
#include <string_view>

namespace clearance {

inline void append_varint(std::string& out, uint64_t v) {
  do {
    out.push_back(static_cast<char>((v & 0x7f) | (v >= 0x80 ? 0x80 : 0)));
    v >>= 7;
  } while (v);
}

// The number at the start of `in`, which it then leaves; false when `in` is empty or ends inside
// a number.
inline bool read_varint(std::string_view& in, uint64_t& v) {
  v = 0;
  for (int shift = 0; !in.empty() && shift < 64; shift += 7) {
    const auto byte = static_cast<uint8_t>(in.front());
    in.remove_prefix(1);
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

}  // namespace clearance
