#pragma once
// Country names and codes as the lists write them → ISO 3166-1 alpha-2.
#include <string>
#include <string_view>
#include <unordered_map>

namespace clearance {

class CountryResolver {
 public:
  CountryResolver();
  // "CN", "China", "Korea, North", "Iran (Islamic Republic of)", "Burma" → ISO alpha-2;
  // empty when the text is not a country this resolver knows.
  std::string resolve(std::string_view text);
  // True for an assigned ISO alpha-2 code (upper case), plus "XK" (Kosovo) and "EU", which the
  // lists use as parties' countries.
  bool is_code(std::string_view code) const;

 private:
  std::unordered_map<std::string, std::string> cache_;
};

// English display name of an ISO alpha-2 code (ICU), or the code itself when unknown.
std::string country_name(std::string_view code);

// The lookup key for a country name: ASCII-folded, lower-case letters and digits separated by
// single spaces.
std::string country_key(std::string_view text);

}  // namespace clearance
