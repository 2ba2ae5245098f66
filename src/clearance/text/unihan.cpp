#include "clearance/text/unihan.h"

#include <cstdlib>
#include <string>

#include "clearance/util/file_io.h"

namespace clearance {

bool for_each_unihan_value(const char* path, std::string_view field,
                           const std::function<void(char32_t, std::string_view)>& each) {
  const auto bytes = read_bzip2_file(path);
  if (!bytes) return false;
  const std::string& text = bytes.value();
  std::string tabbed(1, '\t');
  tabbed.append(field).push_back('\t');
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    start = end + 1;
    const size_t at = line.find(tabbed);
    if (!line.starts_with("U+") || at == std::string_view::npos) continue;
    each(static_cast<char32_t>(std::strtoul(line.data() + 2, nullptr, 16)),
         line.substr(at + tabbed.size()));
  }
  return true;
}

std::vector<char32_t> unihan_code_points(std::string_view value) {
  std::vector<char32_t> out;
  for (size_t at = value.find("U+"); at != std::string_view::npos; at = value.find("U+", at + 2))
    out.push_back(static_cast<char32_t>(std::strtoul(value.data() + at + 2, nullptr, 16)));
  return out;
}

}  // namespace clearance
