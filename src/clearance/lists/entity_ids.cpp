#include "clearance/lists/entity_ids.h"

#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

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
  // Every id given or made so far: a made "~2" must not take an id a row already has ("A", "A",
  // "A~2" give A, A~3 and A~2).
  std::unordered_set<std::string> taken;
  for (const Entity& e : entities)
    if (!e.id.empty()) taken.insert(e.id);
  std::unordered_map<std::string, int> next_suffix;
  std::vector<std::string> bases(entities.size());
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    if (!e.id.empty()) continue;
    std::string base = e.dataset;
    if (!e.list.empty()) base.append(":").append(slug(e.list));
    base.append(":").append(e.source_id.empty() ? slug(e.name) : e.source_id);
    bases[i] = std::move(base);
  }
  // Bases themselves first, in file order, so that an entry keeps the plain id whenever it can.
  for (size_t i = 0; i < entities.size(); ++i)
    if (entities[i].id.empty() && taken.insert(bases[i]).second) entities[i].id = bases[i];
  for (size_t i = 0; i < entities.size(); ++i) {
    if (!entities[i].id.empty()) continue;
    int& n = next_suffix[bases[i]];
    if (n < 2) n = 2;
    std::string id;
    do id = fmt::format("{}~{}", bases[i], n++);
    while (!taken.insert(id).second);
    entities[i].id = std::move(id);
  }
}

}  // namespace clearance
