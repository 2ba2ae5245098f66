#include "clearance/lists/party_linker.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "clearance/lists/sanctions_regimes.h"
#include "clearance/util/strings.h"

namespace clearance {

std::string link_name_key(std::string_view name, bool any_order) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (unsigned char c : name) {
    if (c >= 0x80 || std::isalnum(c))
      word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    else if (c != '\'' && c != '.')  // "Xi'an", "Co." stay one word
      flush();
  }
  flush();
  if (any_order) std::sort(words.begin(), words.end());
  return join(words, " ");
}

namespace {

// Treasury's lists in the CSL number their rows with the OFAC entity number; the other agencies'
// rows carry none (or numbers of their own).
bool numbered_by_ofac(const Entity& e) {
  if (e.source_id.empty() || !std::all_of(e.source_id.begin(), e.source_id.end(),
                                          [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  if (istarts_with(e.dataset, "ofac_")) return true;
  if (e.dataset != "us_csl") return false;
  static const std::set<std::string> kTreasury = {"SDN", "SSI",    "CMIC", "PLC",    "NS-PLC",
                                                  "FSE", "NS-MBS", "CAP",  "NS-ISA", "561"};
  return kTreasury.count(e.list) > 0;
}

// A UN reference number as the UN writes it: two capitals, 'e' (entity) or 'i' (individual), a
// dot and three digits ("KPe.001", "QDi.112"), standing alone.
bool is_un_reference(std::string_view t) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return t.size() == 7 && upper(t[0]) && upper(t[1]) && (t[2] == 'e' || t[2] == 'i') &&
         t[3] == '.' && digit(t[4]) && digit(t[5]) && digit(t[6]);
}

std::vector<std::string> un_references(const Entity& e) {
  std::vector<std::string> out;
  if (e.list == "UN" || e.dataset == "un_sc") {
    if (is_un_reference(e.source_id)) out.push_back(e.source_id);
    return out;
  }
  auto scan = [&](const std::string& text) {
    for (size_t dot = text.find('.'); dot != std::string::npos; dot = text.find('.', dot + 1)) {
      if (dot < 3 || dot + 4 > text.size()) continue;
      const size_t start = dot - 3;
      const bool alone =
          (start == 0 || !std::isalnum(static_cast<unsigned char>(text[start - 1]))) &&
          (dot + 4 == text.size() || !std::isalnum(static_cast<unsigned char>(text[dot + 4])));
      if (alone && is_un_reference(std::string_view(text).substr(start, 7)))
        out.push_back(text.substr(start, 7));
    }
  };
  scan(e.remarks);
  for (const auto& id : e.identifiers) scan(id.number);
  return out;
}

// The regimes of a record's programmes (sanctions_regimes.h), its list, and its publisher: one
// publisher's lists (the CSL's agencies, MOFCOM's and the MFA's lists) name a party once per list,
// so the publisher is a regime of its own (records of one numbered list stay apart, see below).
std::set<std::string> regimes_of(const Entity& e) {
  // The list itself too: the CSL's copy of the Denied Persons List and BIS's own file are one list.
  std::set<std::string> out = {"DATASET " + e.dataset, "LIST " + e.list};
  const bool un = e.list == "UN" || e.dataset == "un_sc";
  for (const std::string& program : e.programs)
    for (auto& r : regimes_of_programme(program, un)) out.insert(std::move(r));
  // Entity List entries carry no programme, but those added under the Russia and Belarus
  // sanctions say so in their license requirement or policy (§ 746.8).
  if (e.list == "EL" && (e.license_requirement.find("746.8") != std::string::npos ||
                         e.license_policy.find("746.8") != std::string::npos)) {
    out.insert("RUSSIA");
    out.insert("BELARUS");
  }
  return out;
}

std::set<std::string> countries_of(const Entity& e) {
  std::set<std::string> out;
  for (const auto& a : e.addresses)
    if (!a.country.empty()) out.insert(a.country);
  out.insert(e.nationalities.begin(), e.nationalities.end());
  out.insert(e.citizenships.begin(), e.citizenships.end());
  out.erase("");
  return out;
}

bool intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a)
    if (b.count(x)) return true;
  return false;
}

std::set<std::string> birth_years(const Entity& e) {
  std::set<std::string> out;
  for (const auto& d : e.dates_of_birth)
    if (d.size() >= 4) out.insert(d.substr(0, 4));
  return out;
}

bool compatible_types(EntityType a, EntityType b) {
  return a == b || a == EntityType::unknown || b == EntityType::unknown;
}

// A word that makes a name a registered company's ("co ltd", "pjsc", "corporation"): such a name
// of three words is not a coincidence even where one record gives no country.
bool has_legal_form(const std::string& key) {
  static const std::set<std::string> kForms = {
      "ag",  "ao",  "bhd",     "bv",   "co",  "company", "corp", "corporation", "gmbh",
      "inc", "jsc", "limited", "llc",  "ltd", "oao",     "ojsc", "ooo",         "pjsc",
      "plc", "pte", "sa",      "sarl", "sdn", "srl",     "zao",  "pvt",         "kk"};
  size_t start = 0;
  while (start <= key.size()) {
    const size_t end = std::min(key.find(' ', start), key.size());
    if (kForms.count(key.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

size_t word_count(const std::string& key) {
  return key.empty() ? 0 : 1 + static_cast<size_t>(std::count(key.begin(), key.end(), ' '));
}

// The keys of a record's primary name: as written, and without a short form in brackets at its end
// ("Atomic Energy Organization of Iran (AEOI)"). Aliases are left out: lists copy a parent's
// aliases onto subsidiaries and keep a group's former names on its splinters, so a shared alias
// is no evidence of one party. Word order counts, except in a person's name, which lists write
// family name first or last ("PUTIN, Vladimir", "KIM IL SUNG").
std::set<std::string> name_keys(const Entity& e) {
  std::set<std::string> keys;
  const bool any_order = e.type == EntityType::person;
  auto add = [&](std::string_view name) {
    std::string key = link_name_key(name, any_order);
    if (!key.empty()) keys.insert(std::move(key));
  };
  add(e.name);
  const std::string_view name = trim(e.name);
  if (!name.empty() && name.back() == ')') {
    const size_t open = name.rfind('(');
    if (open != std::string_view::npos && open > 0) add(name.substr(0, open));
  }
  return keys;
}

std::vector<std::string> fr_notices(const Entity& e) {
  std::vector<std::string> out;
  for (auto& n : split_trimmed(e.federal_register_notice, ","))
    if (!n.empty()) out.push_back(collapse_whitespace(n));
  return out;
}

class Linker {
 public:
  explicit Linker(const Snapshot& s) : parent_(s.entities.size()), members_(parent_.size()) {
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (uint32_t i = 0; i < members_.size(); ++i) members_[i] = {i};
  }

  uint32_t find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }

  void forbid(uint32_t a, uint32_t b) { not_same_.emplace_back(a, b); }

  // Joins the parties of a and b unless a "not same" pair would end up in one party.
  bool link(uint32_t a, uint32_t b, LinkReason reason, std::string detail) {
    uint32_t ra = find(a), rb = find(b);
    if (ra == rb) return false;
    for (const auto& [p, q] : not_same_) {
      const uint32_t rp = find(p), rq = find(q);
      if ((rp == ra && rq == rb) || (rp == rb && rq == ra)) {
        ++refused;
        return false;
      }
    }
    if (members_[ra].size() < members_[rb].size()) std::swap(ra, rb);
    parent_[rb] = ra;
    members_[ra].insert(members_[ra].end(), members_[rb].begin(), members_[rb].end());
    members_[rb].clear();
    links.push_back({a, b, reason, std::move(detail)});
    return true;
  }

  // Links every record of each group (records sharing a key) to the group's first.
  void link_groups(const std::unordered_map<std::string, std::vector<uint32_t>>& groups,
                   LinkReason reason) {
    std::vector<const std::pair<const std::string, std::vector<uint32_t>>*> ordered;
    for (const auto& g : groups)
      if (g.second.size() > 1) ordered.push_back(&g);
    std::sort(ordered.begin(), ordered.end(), [](auto* x, auto* y) { return x->first < y->first; });
    for (const auto* g : ordered)
      for (size_t i = 1; i < g->second.size(); ++i)
        link(g->second[0], g->second[i], reason, g->first);
  }

  std::vector<std::vector<uint32_t>> components() {
    std::vector<std::vector<uint32_t>> out;
    for (uint32_t i = 0; i < members_.size(); ++i)
      if (find(i) == i) {
        std::vector<uint32_t> m = members_[i];
        std::sort(m.begin(), m.end());
        out.push_back(std::move(m));
      }
    return out;
  }

  std::vector<PartyLink> links;
  size_t refused = 0;

 private:
  std::vector<uint32_t> parent_;
  std::vector<std::vector<uint32_t>> members_;
  std::vector<std::pair<uint32_t, uint32_t>> not_same_;
};

void link_on_evidence(const Snapshot& s, Linker& linker) {
  const auto& entities = s.entities;
  std::unordered_map<std::string, std::vector<uint32_t>> ofac, un;
  for (uint32_t i = 0; i < entities.size(); ++i) {
    if (numbered_by_ofac(entities[i])) ofac["OFAC " + entities[i].source_id].push_back(i);
    for (const auto& ref : un_references(entities[i])) {
      auto& g = un["UN " + ref];
      if (g.empty() || g.back() != i) g.push_back(i);
    }
  }
  linker.link_groups(ofac, LinkReason::ofac_number);
  linker.link_groups(un, LinkReason::un_reference);

  // One Entity List entry with several addresses is published as several rows: same name, and a
  // Federal Register notice or the country in common (the Entity List names an entity once per
  // country).
  std::unordered_map<std::string, std::vector<uint32_t>> el_rows;
  for (uint32_t i = 0; i < entities.size(); ++i)
    if (entities[i].list == "EL")
      el_rows[entities[i].dataset + '\n' + link_name_key(entities[i].name, false)].push_back(i);
  std::vector<std::string> el_keys;
  for (const auto& [key, rows] : el_rows)
    if (rows.size() > 1) el_keys.push_back(key);
  std::sort(el_keys.begin(), el_keys.end());
  for (const auto& key : el_keys) {
    const auto& rows = el_rows[key];
    for (size_t i = 0; i < rows.size(); ++i)
      for (size_t j = i + 1; j < rows.size(); ++j) {
        const auto a = fr_notices(entities[rows[i]]), b = fr_notices(entities[rows[j]]);
        std::string shared;
        for (const auto& n : a)
          if (shared.empty() && std::find(b.begin(), b.end(), n) != b.end()) shared = n;
        if (shared.empty()) {
          const auto ca = countries_of(entities[rows[i]]), cb = countries_of(entities[rows[j]]);
          for (const auto& c : ca)
            if (shared.empty() && cb.count(c)) shared = "both in " + c;
        }
        if (!shared.empty())
          linker.link(rows[i], rows[j], LinkReason::entity_list_rows,
                      fmt::format("\"{}\", {}", entities[rows[i]].name, shared));
      }
  }

  // The same primary name of the same type in the same country: under the same regime,
  // or, for an organisation's full name of three words or more, on any list. People need the
  // regime, and their years of birth must agree where both records give them.
  std::unordered_map<std::string, std::vector<uint32_t>> by_name;
  for (uint32_t i = 0; i < entities.size(); ++i) {
    const auto type = entities[i].type;
    if (type == EntityType::vessel || type == EntityType::aircraft) continue;  // ids, not names
    for (const auto& key : name_keys(entities[i])) by_name[key].push_back(i);
  }
  std::vector<std::string> keys;
  for (const auto& [key, ids] : by_name)
    if (ids.size() > 1 && ids.size() <= 50)
      keys.push_back(key);  // a name on 50 records is no evidence
  std::sort(keys.begin(), keys.end());
  for (const auto& key : keys) {
    const auto& ids = by_name[key];
    for (size_t i = 0; i < ids.size(); ++i)
      for (size_t j = i + 1; j < ids.size(); ++j) {
        const Entity& a = entities[ids[i]];
        const Entity& b = entities[ids[j]];
        if (linker.find(ids[i]) == linker.find(ids[j])) continue;
        // Two numbered entries of one list are two parties: the publisher listed them apart (OFAC
        // and the UN give every entry its own number; their shared numbers were linked above).
        if (a.list == b.list && numbered_by_ofac(a) && numbered_by_ofac(b)) continue;
        if (a.dataset == b.dataset && !un_references(a).empty() && !un_references(b).empty())
          continue;
        if (!compatible_types(a.type, b.type)) continue;
        const auto ca = countries_of(a), cb = countries_of(b);
        const bool countries_known = !ca.empty() && !cb.empty();
        if (countries_known && !intersects(ca, cb)) continue;  // never across countries
        const bool person = a.type == EntityType::person || b.type == EntityType::person;
        const auto ra = regimes_of(a), rb = regimes_of(b);
        // A sanctions regime in common (a programme, not merely the same publisher or list) is
        // stronger evidence than a publisher in common.
        std::string regime, programme_regime;
        for (const auto& r : ra)
          if (rb.count(r)) {
            regime = r;
            if (r.rfind("DATASET ", 0) != 0 && r.rfind("LIST ", 0) != 0) programme_regime = r;
          }
        if (!programme_regime.empty()) regime = programme_regime;
        const size_t words = word_count(key);
        // One publisher's programme names a designated party once: the same name and type twice
        // in it (the EU lists a bank in several annexes, one per measure) is one party.
        const bool one_programme = a.dataset == b.dataset && !a.sub_list.empty() &&
                                   a.sub_list == b.sub_list && a.type == b.type;
        if (person) {
          // A person needs the regime, and a country or a year of birth in common; years of
          // birth, where both give them, must agree.
          const auto ya = birth_years(a), yb = birth_years(b);
          const bool years_known = !ya.empty() && !yb.empty();
          // A full name of three words or more under one sanctions programme needs neither (the
          // UK list gives names only).
          if (words < 2 || regime.empty() || (years_known && !intersects(ya, yb))) continue;
          const bool full_name = words >= 3 && !programme_regime.empty();
          if (!countries_known && !years_known && !one_programme && !full_name) continue;
        } else if (one_programme) {
          if (regime.empty()) regime = a.sub_list;
        } else if (words < 2 && programme_regime.empty() && (regime.empty() || !countries_known)) {
          // One word ("Rosneft", "Hamas") needs a sanctions programme in common, or the publisher
          // or list and the country.
          continue;
        } else if (regime.empty()) {
          // An organisation's full name of three words or more in one country, or of four or more
          // (three with a legal form) where one record gives no country, is a registered name,
          // not a coincidence.
          if (words < (countries_known || has_legal_form(key) ? 3u : 4u)) continue;
        }
        const std::string where =
            countries_known ? "in " + *std::find_if(ca.begin(), ca.end(),
                                                    [&](const auto& c) { return cb.count(c) > 0; })
                            : "(country given on one side only)";
        linker.link(
            ids[i], ids[j], LinkReason::name_country_regime,
            fmt::format("\"{}\" {}{}", key, where, regime.empty() ? "" : ", both under " + regime));
      }
  }
}

uint32_t index_of(const EntityTable& entities, const std::string& id) {
  const auto it =
      std::lower_bound(entities.begin(), entities.end(), id,
                       [](const Entity& e, const std::string& key) { return e.id < key; });
  return it != entities.end() && it->id == id ? uint32_t(it - entities.begin()) : UINT32_MAX;
}

// Party ids: each new party takes the previous id most of its records had, biggest claims first;
// a party with none takes an id derived from its first record's id.
void assign_ids(Snapshot& s, const PartyHistory* previous) {
  struct Claim {
    size_t records;
    std::string id;
    size_t party;
  };
  std::vector<Claim> claims;
  for (size_t p = 0; p < s.parties.size() && previous; ++p) {
    std::map<std::string, size_t> count;
    for (uint32_t m : s.parties[p].members)
      if (auto it = previous->party_of_record.find(s.entities[m].id);
          it != previous->party_of_record.end())
        ++count[it->second];
    for (const auto& [id, n] : count) claims.push_back({n, id, p});
  }
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    return a.records != b.records ? a.records > b.records : a.id < b.id;
  });
  std::set<std::string> taken;
  for (const Claim& c : claims) {
    Party& party = s.parties[c.party];
    if (taken.count(c.id)) continue;
    if (party.id.empty()) {
      party.id = c.id;
      taken.insert(c.id);
    }
  }
  // A party keeps its former ids; an id no party kept (merged into another) becomes a former id
  // of the party that took most of its records.
  for (Party& party : s.parties)
    if (previous && !party.id.empty())
      if (auto f = previous->former_ids.find(party.id); f != previous->former_ids.end())
        party.former_ids = f->second;
  for (const Claim& c : claims) {
    if (taken.count(c.id)) continue;
    Party& party = s.parties[c.party];
    party.former_ids.push_back(c.id);
    if (auto f = previous->former_ids.find(c.id); f != previous->former_ids.end())
      party.former_ids.insert(party.former_ids.end(), f->second.begin(), f->second.end());
    taken.insert(c.id);
  }
  for (Party& party : s.parties) {
    if (!party.id.empty()) continue;
    const std::string& first =
        s.entities[*std::min_element(party.members.begin(), party.members.end())].id;
    std::string id = new_party_id(first);
    for (int n = 2; taken.count(id); ++n) id = new_party_id(first, n);
    party.id = id;
    taken.insert(id);
  }
  for (Party& party : s.parties) {
    std::sort(party.former_ids.begin(), party.former_ids.end());
    party.former_ids.erase(std::unique(party.former_ids.begin(), party.former_ids.end()),
                           party.former_ids.end());
  }
}

}  // namespace

PartyHistory party_history(const Snapshot& snapshot) {
  PartyHistory history;
  for (const Party& p : snapshot.parties) {
    for (uint32_t m : p.members)
      if (m < snapshot.entities.size()) history.party_of_record[snapshot.entities[m].id] = p.id;
    if (!p.former_ids.empty()) history.former_ids[p.id] = p.former_ids;
  }
  return history;
}

Result<LinkOutcome> link_parties(Snapshot& snapshot, const PartyHistory* previous,
                                 bool strict_user_links) {
  LinkOutcome outcome;
  Linker linker(snapshot);
  std::vector<UserLink> kept;
  std::vector<std::pair<uint32_t, uint32_t>> same, not_same;
  for (const UserLink& u : snapshot.user_links) {
    const uint32_t a = index_of(snapshot.entities, u.a), b = index_of(snapshot.entities, u.b);
    if (a == UINT32_MAX || b == UINT32_MAX) {
      const std::string missing = a == UINT32_MAX ? u.a : u.b;
      if (strict_user_links)
        return make_error(
            ErrorCode::invalid_argument,
            fmt::format("links file: record '{}' is not in the lists being imported", missing));
      outcome.warnings.push_back(fmt::format(
          "links file: '{}' / '{}' dropped: record '{}' is no longer listed", u.a, u.b, missing));
      continue;
    }
    if (a == b)
      return make_error(ErrorCode::invalid_argument,
                        fmt::format("links file: '{}' is linked to itself", u.a));
    (u.same ? same : not_same).emplace_back(a, b);
    kept.push_back(u);
  }
  snapshot.user_links = std::move(kept);
  for (const auto& [a, b] : same) linker.link(a, b, LinkReason::user_same, "links file");
  for (const auto& [a, b] : not_same) {
    if (linker.find(a) == linker.find(b))
      return make_error(ErrorCode::invalid_argument,
                        fmt::format("links file contradicts itself: '{}' and '{}' are marked not "
                                    "the same, but its \"same\" lines join them",
                                    snapshot.entities[a].id, snapshot.entities[b].id));
    linker.forbid(a, b);
  }
  link_on_evidence(snapshot, linker);
  outcome.refused = linker.refused;

  snapshot.parties.clear();
  for (auto& members : linker.components()) {
    Party p;
    p.members = std::move(members);
    std::stable_sort(p.members.begin(), p.members.end(), [&](uint32_t x, uint32_t y) {
      const Entity& a = snapshot.entities[x];
      const Entity& b = snapshot.entities[y];
      const int ra = list_consequence_rank(a.list), rb = list_consequence_rank(b.list);
      return ra != rb ? ra < rb : a.id < b.id;
    });
    snapshot.parties.push_back(std::move(p));
  }
  assign_ids(snapshot, previous);
  // Parties in the order of their first record, so the stored form does not depend on history.
  std::sort(snapshot.parties.begin(), snapshot.parties.end(), [](const Party& a, const Party& b) {
    return *std::min_element(a.members.begin(), a.members.end()) <
           *std::min_element(b.members.begin(), b.members.end());
  });
  snapshot.links = std::move(linker.links);
  snapshot.index_parties();
  return outcome;
}

}  // namespace clearance
