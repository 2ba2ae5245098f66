#include "clearance/model/snapshot.h"

#include <algorithm>

namespace clearance {

void Snapshot::index_parties() {
  constexpr uint32_t kNone = UINT32_MAX;
  party_of.assign(entities.size(), kNone);
  for (uint32_t p = 0; p < parties.size(); ++p)
    for (uint32_t e : parties[p].members)
      if (e < entities.size()) party_of[e] = p;
  for (uint32_t e = 0; e < entities.size(); ++e) {
    if (party_of[e] != kNone) continue;
    Party single;
    single.id = new_party_id(entities[e].id);
    single.members = {e};
    party_of[e] = static_cast<uint32_t>(parties.size());
    parties.push_back(std::move(single));
  }
}

const Party* Snapshot::find_party(const std::string& id) const {
  for (const Party& p : parties) {
    if (p.id == id) return &p;
    if (std::find(p.former_ids.begin(), p.former_ids.end(), id) != p.former_ids.end()) return &p;
  }
  const auto it =
      std::lower_bound(entities.begin(), entities.end(), id,
                       [](const Entity& e, const std::string& key) { return e.id < key; });
  if (it != entities.end() && it->id == id) return party_of_entity(uint32_t(it - entities.begin()));
  return nullptr;
}

const ListSource* Snapshot::source_of(const std::string& dataset) const {
  for (const ListSource& s : sources)
    if (s.dataset == dataset) return &s;
  return nullptr;
}

}  // namespace clearance
