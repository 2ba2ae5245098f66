#include "clearance/lists/entity_ids.h"

#include <fmt/format.h>

#include <unordered_map>

namespace clearance {

std::string slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    const bool upper = c >= 'A' && c <= 'Z';
    if (!keep && !upper) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += upper ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

void assign_entity_ids(std::vector<Entity>& entities) {
  std::unordered_map<std::string, int> seen;
  for (Entity& e : entities) {
    if (!e.id.empty()) {
      ++seen[e.id];
      continue;
    }
    std::string base = e.dataset;
    if (!e.list.empty()) base.append(":").append(slug(e.list));
    base.append(":").append(e.source_id.empty() ? slug(e.name) : e.source_id);
    const int count = ++seen[base];
    e.id = count == 1 ? base : fmt::format("{}~{}", base, count);
  }
}

}  // namespace clearance
