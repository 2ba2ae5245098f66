#pragma once
// API keys, kept only as SHA-256 hashes: a keys file holds one "<64 hex digits> [label]" per line
// ('#' starts a comment), so a leaked file gives no usable key. A request presents its key as
// "Authorization: Bearer KEY" or "X-API-Key: KEY".
#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/result.h"

namespace clearance::server {

class ApiKeys {
 public:
  // A malformed line is an error naming the file and line: a typo must not open the server.
  static Result<ApiKeys> load_file(const std::string& path);

  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }
  // True when `key` matches a line marked "+admin": only such keys may call /v1/admin/… routes.
  bool is_admin(std::string_view key) const;
  // True when `key` matches a line marked "+reviewer" or "+admin": only such keys may decide
  // alerts (POST /v1/alerts/{id}/decision); the key's label is the reviewer's name.
  bool can_review(std::string_view key) const;
  // The label of the matching key ("" when unlabelled), or nullptr when no key matches.
  const std::string* find(std::string_view key) const;

  static std::string hash(std::string_view key);
  // A new random key: "clr_" and 43 base64url characters (256 bits from /dev/urandom).
  static Result<std::string> generate();

 private:
  struct Entry {
    std::string hash;  // lower-case hex
    std::string label;
    bool admin = false;
    bool reviewer = false;
  };
  std::vector<Entry> entries_;
};

}  // namespace clearance::server
