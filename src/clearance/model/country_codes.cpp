#include "clearance/model/country_codes.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <unordered_set>

#include "clearance/util/strings.h"

namespace clearance {

namespace {

// Spellings the US, UN and OFAC lists use that ICU's English display names do not cover.
// Keys go through country_key() before use.
constexpr std::pair<const char*, const char*> kListSpellings[] = {
    {"Burma", "MM"},
    {"Myanmar", "MM"},
    {"Korea, North", "KP"},
    {"DPRK", "KP"},
    {"North Korea", "KP"},
    {"Democratic People's Republic of Korea", "KP"},
    {"Korea, Democratic People's Republic of", "KP"},
    {"Korea, South", "KR"},
    {"South Korea", "KR"},
    {"Republic of Korea", "KR"},
    {"Russian Federation", "RU"},
    {"Iran (Islamic Republic of)", "IR"},
    {"Iran, Islamic Republic of", "IR"},
    {"Syrian Arab Republic", "SY"},
    {"Democratic Republic of the Congo", "CD"},
    {"Congo, Democratic Republic of the", "CD"},
    {"Congo (Kinshasa)", "CD"},
    {"DRC", "CD"},
    {"Republic of the Congo", "CG"},
    {"Congo, Republic of the", "CG"},
    {"Congo (Brazzaville)", "CG"},
    {"Palestinian", "PS"},
    {"Palestine", "PS"},
    {"State of Palestine", "PS"},
    {"West Bank", "PS"},
    {"Gaza", "PS"},
    {"Gaza Strip", "PS"},
    {"Palestinian Territories", "PS"},
    {"Viet Nam", "VN"},
    {"Vietnam", "VN"},
    {"Lao People's Democratic Republic", "LA"},
    {"Laos", "LA"},
    {"Cote d'Ivoire", "CI"},
    {"Ivory Coast", "CI"},
    {"Turkey", "TR"},
    {"Turkiye", "TR"},
    {"Czech Republic", "CZ"},
    {"Czechia", "CZ"},
    {"Macau", "MO"},
    {"Macao", "MO"},
    {"Hong Kong", "HK"},
    {"Taiwan", "TW"},
    {"Taiwan, Province of China", "TW"},
    {"United States", "US"},
    {"United States of America", "US"},
    {"USA", "US"},
    {"U.S.A.", "US"},
    {"United Kingdom", "GB"},
    {"United Kingdom of Great Britain and Northern Ireland", "GB"},
    {"UK", "GB"},
    {"Great Britain", "GB"},
    {"England", "GB"},
    {"Moldova, Republic of", "MD"},
    {"Republic of Moldova", "MD"},
    {"Libyan Arab Jamahiriya", "LY"},
    {"Bolivia (Plurinational State of)", "BO"},
    {"Venezuela (Bolivarian Republic of)", "VE"},
    {"United Republic of Tanzania", "TZ"},
    {"Tanzania", "TZ"},
    {"The Gambia", "GM"},
    {"Gambia, The", "GM"},
    {"Bahamas, The", "BS"},
    {"The Bahamas", "BS"},
    {"Kosovo", "XK"},
    {"European Union", "EU"},
    {"Micronesia, Federated States of", "FM"},
    {"Netherlands Antilles", "AN"},
    {"Serbia and Montenegro", "CS"},
    {"Yugoslavia", "YU"},
    {"Crimea", "UA"},
    {"Region: Crimea", "UA"},
    {"Brunei", "BN"},
    {"Cabo Verde", "CV"},
    {"Cape Verde", "CV"},
    {"Eswatini", "SZ"},
    {"Swaziland", "SZ"},
    {"North Macedonia", "MK"},
    {"Macedonia", "MK"},
    {"The former Yugoslav Republic of Macedonia", "MK"},
    {"Timor-Leste", "TL"},
    {"East Timor", "TL"},
    {"Holy See", "VA"},
    {"Vatican", "VA"},
    {"Saint Kitts and Nevis", "KN"},
    {"St. Kitts and Nevis", "KN"},
    {"Saint Vincent and the Grenadines", "VC"},
    {"St. Vincent and the Grenadines", "VC"},
    {"Saint Lucia", "LC"},
    {"St. Lucia", "LC"},
    {"Sudan, South", "SS"},
    {"South Sudan", "SS"},
    {"UAE", "AE"},
    {"U.A.E.", "AE"},
    {"Bosnia-Herzegovina", "BA"},
    {"Bosnia", "BA"},
    {"Kyrgyz Republic", "KG"},
    {"Slovak Republic", "SK"},
    {"China, People's Republic of", "CN"},
    {"People's Republic of China", "CN"},
    {"PRC", "CN"},
    {"Mainland China", "CN"},
    {"Hong Kong SAR", "HK"},
    {"Macau SAR", "MO"},
};

struct CountryTables {
  std::unordered_map<std::string, std::string> by_key;
  std::unordered_set<std::string> codes;
  std::unique_ptr<icu::Transliterator> folder;
};

std::unique_ptr<icu::Transliterator> make_folder() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
  if (U_FAILURE(status)) return nullptr;
  return t;
}

std::string key_with(icu::Transliterator* folder, std::string_view text) {
  std::string folded;
  bool ascii = true;
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
  if (ascii || folder == nullptr) {
    folded = ascii_lower(text);
  } else {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    folder->transliterate(u);
    u.toUTF8String(folded);
  }
  std::string key;
  bool space = false;
  for (char c : folded) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '\'') continue;  // "People's" and "Peoples" are the same key
    if (!alnum) {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += c;
  }
  return key;
}

const CountryTables& tables() {
  static const CountryTables* instance = [] {
    auto* t = new CountryTables();
    t->folder = make_folder();
    const icu::Locale english("en");
    for (const char* const* code = icu::Locale::getISOCountries(); *code != nullptr; ++code) {
      t->codes.insert(*code);
      icu::UnicodeString display;
      icu::Locale(nullptr, *code).getDisplayCountry(english, display);
      std::string name;
      display.toUTF8String(name);
      t->by_key.emplace(key_with(t->folder.get(), name), *code);
    }
    t->codes.insert("XK");  // Kosovo: user-assigned, used by the US and UN lists
    t->codes.insert(
        "EU");  // European Union: exceptionally reserved, named as a party by China's lists
    for (const auto& [name, code] : kListSpellings)
      t->by_key[key_with(t->folder.get(), name)] = code;
    return t;
  }();
  return *instance;
}

std::mutex& folder_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

std::string country_key(std::string_view text) {
  const auto& t = tables();
  std::lock_guard lock(folder_mutex());  // ICU transliterators are not thread-safe
  return key_with(t.folder.get(), text);
}

CountryResolver::CountryResolver() {
  (void)tables();
}

bool CountryResolver::is_code(std::string_view code) const {
  return code.size() == 2 && tables().codes.count(std::string(code)) > 0;
}

std::string CountryResolver::resolve(std::string_view text) {
  const std::string_view trimmed = trim(text);
  if (trimmed.empty()) return {};
  if (auto it = cache_.find(std::string(trimmed)); it != cache_.end()) return it->second;
  std::string result;
  if (trimmed.size() == 2) {
    const std::string upper = ascii_upper(trimmed);
    if (is_code(upper)) result = upper;
  }
  if (result.empty()) {
    const auto& by_key = tables().by_key;
    if (auto it = by_key.find(country_key(trimmed)); it != by_key.end()) result = it->second;
  }
  cache_.emplace(std::string(trimmed), result);
  return result;
}

std::string country_name(std::string_view code) {
  icu::UnicodeString display;
  icu::Locale(nullptr, std::string(code).c_str()).getDisplayCountry(icu::Locale("en"), display);
  std::string name;
  display.toUTF8String(name);
  return name.empty() ? std::string(code) : name;
}

}  // namespace clearance
