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

// The SHA-256 of a file's bytes, read in blocks (the file is not held in memory); empty when it
// cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace clearance
