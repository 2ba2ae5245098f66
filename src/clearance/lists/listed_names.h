#pragma once
// Names of listed parties that their lists do not carry: the Chinese names of the Chinese parties
// of the Entity List, MEU, CMIC, § 1260H and NDAA lists (data/names/chinese_names.csv), each with
// the public page that states it. A list writes "Hygon Information Technology Co., Ltd."; a
// contract writes 海光信息技术股份有限公司 or just 海光. Applied to every list file read, as
// aliases of kind AliasKind::added that name their source (the property "added_name"), never as the
// list's own text.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/model/entity.h"
#include "clearance/model/entity_table.h"

namespace clearance {

struct ListedName {
  size_t line = 0;                  // in data/names/chinese_names.csv
  std::string list;                 // list code: EL, MEU, CMIC, 1260H, NDAA-5949…
  std::string listed_name;          // a name or alias of the record as the list writes it
  std::vector<std::string> names;   // full name (simplified, then traditional), then short names
  std::vector<std::string> brands;  // the short names alone
  std::string source_url;
  std::string checked;  // ISO date the source was read
};

// The table, read and checked once (a row with an empty required field throws, naming it).
const std::vector<ListedName>& chinese_listed_names();

// Adds the table's names to the records they belong to (same list, a name or alias equal but for
// case, spacing and punctuation), and a group's brand to every record in China of the same list
// whose name carries the brand's pinyin words ("华大九天", the brand of Beijing Huada Jiutian, to
// Shanghai Huada Jiutian too) or opens with its English brand where that is no pinyin ("北方华创",
// the brand of Naura Technology Group, to Wuxi Naura Microelectronics Equipment). Returns how many
// records were given names.
size_t add_listed_names(std::vector<Entity>& entities);

// Per list code: records the table gave names to, and the list's records in China (an address in
// CN, HK or MO; every record of a list that gives no addresses).
std::map<std::string, std::pair<size_t, size_t>> listed_name_coverage(const EntityTable& entities);

// A listed name as the table matches it: letters and digits, lower case ("Huawei Technologies Co.,
// Ltd." and "HUAWEI TECHNOLOGIES CO LTD" are one key).
std::string listed_name_key(std::string_view name);

// "added_name": the property that says where an added alias comes from.
inline constexpr const char* kAddedNameProperty = "added_name";

}  // namespace clearance
