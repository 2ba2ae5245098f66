#pragma once
// Stable entity ids: "<dataset>:<list>:<source number>" when the source numbers its entries, else a
// key made from the primary name, so a diff between two versions pairs the same entry.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/model/entity.h"

namespace clearance {

// Lower-case ASCII letters and digits joined by '-'; non-ASCII bytes are kept as they are.
std::string slug(std::string_view text);

// Sets entity.id for every entity that has none, from dataset, list and source_id (or the name);
// duplicates get "~2", "~3"… in file order so ids stay unique and reproducible.
void assign_entity_ids(std::vector<Entity>& entities);

}  // namespace clearance
