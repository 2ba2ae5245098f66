#include "api_keys.h"

#include <fmt/format.h>

#include <fstream>

#include "clearance/util/sha256.h"
#include "clearance/util/strings.h"

namespace clearance::server {

namespace {

bool is_hex_digest(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// Compares every byte whatever the first difference, so the time taken says nothing of the key.
bool same_digest(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Result<ApiKeys> ApiKeys::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCode::io, fmt::format("{}: cannot read the API keys file", path));
  ApiKeys keys;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    const std::string text = std::string(trim(line));
    if (text.empty() || text[0] == '#') continue;
    const size_t space = text.find_first_of(" \t");
    std::string digest = ascii_lower(text.substr(0, space));
    if (digest.starts_with("sha256:")) digest = digest.substr(7);
    if (!is_hex_digest(digest))
      return make_error(ErrorCode::parse,
                        fmt::format("{}:{}: expected the SHA-256 of a key (64 hex digits), as "
                                    "printed by `clearance api-key new`",
                                    path, number));
    // "<hash> label words +admin": the "+admin" word marks a key that may call admin routes.
    std::vector<std::string> words;
    bool admin = false, reviewer = false;
    if (space != std::string::npos)
      for (auto& w : split_trimmed(text.substr(space), " ")) {
        if (w == "+admin")
          admin = true;
        else if (w == "+reviewer")
          reviewer = true;
        else if (!w.empty())
          words.push_back(std::move(w));
      }
    keys.entries_.push_back({digest, join(words, " "), admin, reviewer});
  }
  if (keys.entries_.empty())
    return make_error(ErrorCode::parse, fmt::format("{}: no key in the file", path));
  return keys;
}

const std::string* ApiKeys::find(std::string_view key) const {
  if (key.empty()) return nullptr;
  const std::string digest = hash(key);
  const std::string* found = nullptr;
  for (const Entry& e : entries_)
    if (same_digest(e.hash, digest)) found = &e.label;
  return found;
}

bool ApiKeys::is_admin(std::string_view key) const {
  if (key.empty()) return false;
  const std::string digest = hash(key);
  for (const Entry& e : entries_)
    if (e.admin && same_digest(e.hash, digest)) return true;
  return false;
}

bool ApiKeys::can_review(std::string_view key) const {
  if (key.empty()) return false;
  const std::string digest = hash(key);
  for (const Entry& e : entries_)
    if ((e.admin || e.reviewer) && same_digest(e.hash, digest)) return true;
  return false;
}

std::string ApiKeys::hash(std::string_view key) {
  return sha256_hex(key);
}

Result<std::string> ApiKeys::generate() {
  unsigned char bytes[32];
  std::ifstream random("/dev/urandom", std::ios::binary);
  if (!random.read(reinterpret_cast<char*>(bytes), sizeof bytes))
    return make_error(ErrorCode::io, "cannot read /dev/urandom");
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string key = "clr_";
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      key += kAlphabet[(acc >> (bits - 6)) & 63];
      bits -= 6;
    }
  }
  if (bits > 0) key += kAlphabet[(acc << (6 - bits)) & 63];
  return key;
}

}  // namespace clearance::server
