#pragma once
// Common words of Chinese organisation names and the English the US lists translate them with,
// so 哈尔滨工业大学 can find "Harbin Institute of Technology" and 有限公司 counts as "Co., Ltd.".
// The table is the project's own; each entry may carry several English renderings.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

struct ChineseOrgWord {
  std::string_view chinese;  // simplified
  // English tokens the word stands for; each token may list alternatives separated by '/'
  // ("technology/tech"), and a token may be optional (prefixed '?') when lists often omit it.
  std::vector<std::string_view> english;
};

// All entries, longest Chinese first (so segmentation can take the longest match).
const std::vector<ChineseOrgWord>& chinese_org_words();

}  // namespace clearance
