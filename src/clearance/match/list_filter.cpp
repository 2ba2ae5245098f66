#include "clearance/match/list_filter.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "clearance/util/strings.h"

namespace clearance {

namespace {

const std::map<std::string, std::vector<std::string>>& opensanctions_names() {
  static const std::map<std::string, std::vector<std::string>> kNames = {
      {"us_ofac_sdn", {"ofac_sdn", "ofac_sdn_xml"}},
      {"us_ofac_cons", {"ofac_cons", "ofac_cons_xml"}},
      {"us_trade_csl", {"us_csl"}},
      {"un_sc_sanctions", {"un_sc"}},
      {"eu_fsf", {"eu_journal"}},
      {"eu_journal_sanctions", {"eu_journal"}},
      {"gb_fcdo_sanctions", {"uk_fcdo"}},
      {"us_bis_denied", {"bis_dpl"}},
      {"us_dod_chinese_milcorps", {"dod_1260h"}}};
  return kNames;
}

}  // namespace

Result<std::vector<std::string>> resolve_list_filter(const Snapshot& snapshot,
                                                     const std::vector<std::string>& requested) {
  if (requested.empty()) return requested;
  // The names a snapshot knows, computed once per thread and snapshot.
  thread_local std::string known_for;
  thread_local std::set<std::string> known;
  if (known_for != snapshot.id || known.empty()) {
    known.clear();
    for (const auto& s : snapshot.sources) known.insert(ascii_lower(s.dataset));
    for (const auto& [dataset, list] : snapshot.dataset_lists) {
      known.insert(ascii_lower(list));
      known.insert(ascii_lower(dataset));
    }
    if (snapshot.dataset_lists.empty())
      for (const auto& e : snapshot.entities) {
        known.insert(ascii_lower(e.list));
        known.insert(ascii_lower(e.dataset));
      }
    known_for = snapshot.id;
  }
  std::vector<std::string> out;
  for (const std::string& name : requested) {
    const std::string l = ascii_lower(trim(name));
    if (known.count(l)) {
      out.push_back(l);
      continue;
    }
    bool mapped = false;
    if (auto it = opensanctions_names().find(l); it != opensanctions_names().end())
      for (const auto& ours : it->second)
        if (known.count(ours)) {
          out.push_back(ours);
          mapped = true;
        }
    if (mapped) continue;
    std::string names;
    for (const auto& k : known) names += names.empty() ? k : ", " + k;
    return make_error(ErrorCode::invalid_argument,
                      fmt::format("'{}' is not a list or dataset of snapshot {} (valid: {})", name,
                                  snapshot.id, names));
  }
  return out;
}

}  // namespace clearance
