#include "clearance/lists/listed_names.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "clearance/text/name_normalizer.h"
#include "clearance/text/name_tables.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

constexpr const char* kTable = "chinese_names.csv";

std::string key_of(std::string_view list, std::string_view name) {
  return std::string(list) + '\t' + listed_name_key(name);
}

const std::unordered_map<std::string, std::vector<const ListedName*>>& by_key() {
  static const auto table = [] {
    std::unordered_map<std::string, std::vector<const ListedName*>> out;
    for (const ListedName& row : chinese_listed_names())
      out[key_of(row.list, row.listed_name)].push_back(&row);
    return out;
  }();
  return table;
}

// Whether a Chinese name says something the record's own names do not: a brand spelled in pinyin
// (海光, 寒武纪), or a word it translates that none of them holds (中国人民解放军国防科技大学:
// "People's Liberation Army", which the English name leaves out). A name the normaliser translates
// into words the English name holds (南京理工大学: a place and the words of the organisation-word
// table) is the English name already, which keeps its structure ("Nanjing University of Science
// and Technology") where the translation loses it.
bool adds_a_word(const std::string& name, const Entity& e) {
  thread_local NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize(name);
  std::unordered_set<std::string> own;  // the words of the record's names, in Latin script
  auto hold = [&](const std::string& written) {
    for (const NameToken& t : normalizer.normalize(written).tokens)
      if (t.origin != TokenOrigin::pinyin && t.origin != TokenOrigin::translated)
        own.insert(t.text);
  };
  hold(e.name);
  for (const Alias& a : e.aliases) hold(a.name);
  return std::any_of(n.tokens.begin(), n.tokens.end(), [&](const NameToken& t) {
    if (t.kind != TokenClass::ordinary || t.marks.place) return false;
    if (t.origin == TokenOrigin::pinyin) return true;
    if (t.origin != TokenOrigin::translated || own.count(t.text)) return false;
    return std::none_of(t.alternatives.begin(), t.alternatives.end(),
                        [&](const std::string& alt) { return own.count(alt) > 0; });
  });
}

}  // namespace

std::string listed_name_key(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 'A' && b <= 'Z')
      out += static_cast<char>(b - 'A' + 'a');
    else if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80)
      out += c;
  }
  return out;
}

const std::vector<ListedName>& chinese_listed_names() {
  static const std::vector<ListedName> table = [] {
    std::vector<ListedName> out;
    for (const auto& row :
         read_name_table(kTable, {"list", "listed_name", "simplified", "source_url", "checked"},
                         {"traditional", "short_names"})) {
      ListedName n;
      n.line = row.line;
      n.list = trim_copy(row.fields[0]);
      n.listed_name = trim_copy(row.fields[1]);
      n.names.push_back(trim_copy(row.fields[2]));
      n.source_url = trim_copy(row.fields[3]);
      n.checked = trim_copy(row.fields[4]);
      auto add = [&](std::string name) {
        if (!name.empty() && std::find(n.names.begin(), n.names.end(), name) == n.names.end())
          n.names.push_back(std::move(name));
      };
      add(trim_copy(row.fields[5]));
      for (auto& s : split_trimmed(row.fields[6], "|")) add(std::move(s));
      out.push_back(std::move(n));
    }
    return out;
  }();
  return table;
}

size_t add_listed_names(std::vector<Entity>& entities) {
  size_t given = 0;
  for (Entity& e : entities) {
    if (e.list.empty()) continue;
    const ListedName* row = nullptr;
    auto find = [&](std::string_view name) {
      if (row) return;
      const auto it = by_key().find(key_of(e.list, name));
      if (it != by_key().end()) row = it->second.front();
    };
    find(e.name);
    for (const Alias& a : e.aliases) find(a.name);
    if (!row) continue;
    bool added = false;
    for (const std::string& name : row->names) {
      if (!adds_a_word(name, e)) continue;
      const bool present =
          name == e.name || std::any_of(e.aliases.begin(), e.aliases.end(),
                                        [&](const Alias& a) { return a.name == name; });
      if (present) continue;
      e.aliases.push_back({name, AliasKind::added});
      e.properties.push_back(
          {kAddedNameProperty,
           fmt::format("{} — added by Clearance (data/names/{} line {}), source {}, checked {}",
                       name, kTable, row->line, row->source_url, row->checked)});
      added = true;
    }
    given += added;
  }
  return given;
}

std::map<std::string, std::pair<size_t, size_t>> listed_name_coverage(const EntityTable& entities) {
  std::map<std::string, std::pair<size_t, size_t>> out;
  for (const ListedName& row : chinese_listed_names()) out[row.list];
  // The records in China (an address in CN, HK or MO) where the list gives addresses; every
  // record of a list that gives none (§ 1260H, the NDAA lists name Chinese firms only).
  auto in_china = [](const Entity& e) {
    return std::any_of(e.addresses.begin(), e.addresses.end(), [](const Address& a) {
      return a.country == "CN" || a.country == "HK" || a.country == "MO";
    });
  };
  std::map<std::string, bool> has_addresses;
  for (const Entity& e : entities)
    if (out.count(e.list) && !e.addresses.empty()) has_addresses[e.list] = true;
  for (const Entity& e : entities) {
    const auto it = out.find(e.list);
    if (it == out.end() || (has_addresses[e.list] && !in_china(e))) continue;
    ++it->second.second;
    if (std::any_of(e.aliases.begin(), e.aliases.end(),
                    [](const Alias& a) { return a.kind == AliasKind::added; }))
      ++it->second.first;
  }
  return out;
}

}  // namespace clearance
