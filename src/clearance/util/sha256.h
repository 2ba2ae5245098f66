#pragma once
// SHA-256 (OpenSSL) for file and snapshot content hashes.
#include <string>
#include <string_view>

namespace clearance {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  std::string hex_digest();  // finalises; lower-case hex, 64 characters

 private:
  void* ctx_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace clearance
