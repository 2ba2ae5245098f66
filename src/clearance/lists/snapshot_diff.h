#pragma once
// What changed between two snapshots, entity by entity (matched by id).
#include <string>
#include <vector>

#include "clearance/model/snapshot.h"

namespace clearance {

struct EntityChange {
  const Entity* before = nullptr;
  const Entity* after = nullptr;
  std::vector<std::string> fields;  // names of the fields that differ
};

struct SnapshotDiff {
  std::vector<const Entity*> added;
  std::vector<const Entity*> removed;
  std::vector<EntityChange> changed;
};

// Both snapshots must be sorted by id (as stored). Pointers refer into the given snapshots.
SnapshotDiff diff_snapshots(const Snapshot& before, const Snapshot& after);

std::vector<std::string> changed_fields(const Entity& a, const Entity& b);

}  // namespace clearance
