#include "clearance/lists/snapshot_diff.h"

namespace clearance {

std::vector<std::string> changed_fields(const Entity& a, const Entity& b) {
  std::vector<std::string> out;
  auto check = [&](const char* name, const auto& x, const auto& y) {
    if (!(x == y)) out.push_back(name);
  };
  check("list", a.list, b.list);
  check("sub_list", a.sub_list, b.sub_list);
  check("type", a.type, b.type);
  check("name", a.name, b.name);
  check("aliases", a.aliases, b.aliases);
  check("addresses", a.addresses, b.addresses);
  check("identifiers", a.identifiers, b.identifiers);
  check("dates_of_birth", a.dates_of_birth, b.dates_of_birth);
  check("places_of_birth", a.places_of_birth, b.places_of_birth);
  check("nationalities", a.nationalities, b.nationalities);
  check("citizenships", a.citizenships, b.citizenships);
  check("programs", a.programs, b.programs);
  check("listed_on", a.listed_on, b.listed_on);
  check("end_date", a.end_date, b.end_date);
  check("remarks", a.remarks, b.remarks);
  check("source_url", a.source_url, b.source_url);
  check("license_requirement", a.license_requirement, b.license_requirement);
  check("license_policy", a.license_policy, b.license_policy);
  check("federal_register_notice", a.federal_register_notice, b.federal_register_notice);
  check("properties", a.properties, b.properties);
  return out;
}

SnapshotDiff diff_snapshots(const Snapshot& before, const Snapshot& after) {
  SnapshotDiff diff;
  size_t i = 0, j = 0;
  const auto& a = before.entities;
  const auto& b = after.entities;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].id < b[j].id)) {
      diff.removed.push_back(&a[i++]);
    } else if (i == a.size() || b[j].id < a[i].id) {
      diff.added.push_back(&b[j++]);
    } else {
      if (!(a[i] == b[j])) diff.changed.push_back({&a[i], &b[j], changed_fields(a[i], b[j])});
      ++i;
      ++j;
    }
  }
  return diff;
}

}  // namespace clearance
