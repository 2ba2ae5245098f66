#include "clearance/lists/listed_names.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "clearance/text/chinese_org_words.h"
#include "clearance/text/legal_forms.h"
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
// (海光, 寒武纪), or a word it translates that none of them holds and that is no common word of
// the lists (中国人民解放军国防科技大学: "People's Liberation Army", which the English name leaves
// out; not 集团 "group" against "Corporation"). A name the normaliser translates into words the
// English name holds (南京理工大学: a place and the words of the organisation-word table) is the
// English name already, which keeps its structure ("Nanjing University of Science and
// Technology") where the translation loses it.
bool adds_a_word(const std::string& name, const std::unordered_set<std::string>& own,
                 const std::unordered_set<std::string>& common) {
  thread_local NameNormalizer normalizer;
  const NormalizedName n = normalizer.normalize(name);
  return std::any_of(n.tokens.begin(), n.tokens.end(), [&](const NameToken& t) {
    if (t.kind != TokenClass::ordinary || t.marks.place) return false;
    if (t.origin == TokenOrigin::pinyin) return true;
    if (t.origin != TokenOrigin::translated || own.count(t.text) || common.count(t.text))
      return false;
    return std::none_of(t.alternatives.begin(), t.alternatives.end(),
                        [&](const std::string& alt) { return own.count(alt) > 0; });
  });
}

// The words of a record's names in Latin script, as the normaliser writes them.
std::unordered_set<std::string> own_words(const Entity& e) {
  thread_local NameNormalizer normalizer;
  std::unordered_set<std::string> own;
  auto hold = [&](const std::string& written) {
    for (const NameToken& t : normalizer.normalize(written).tokens)
      if (t.origin != TokenOrigin::pinyin && t.origin != TokenOrigin::translated)
        own.insert(t.text);
  };
  hold(e.name);
  for (const Alias& a : e.aliases) hold(a.name);
  return own;
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
      for (auto& s : split_trimmed(row.fields[6], "|")) {
        if (std::find(n.brands.begin(), n.brands.end(), s) == n.brands.end()) n.brands.push_back(s);
        add(std::move(s));
      }
      out.push_back(std::move(n));
    }
    return out;
  }();
  return table;
}

namespace {

// Whether a record of these names a party in China: an address in CN, HK or MO where its list
// gives addresses; every record of a list that gives none (§ 1260H, the NDAA lists name Chinese
// firms only).
class InChina {
 public:
  template <typename Entities>
  explicit InChina(const Entities& entities) {
    for (const Entity& e : entities)
      if (!e.addresses.empty()) addressed_lists_.insert(e.list);
  }
  bool operator()(const Entity& e) const {
    return !addressed_lists_.count(e.list) ||
           std::any_of(e.addresses.begin(), e.addresses.end(), [](const Address& a) {
             return a.country == "CN" || a.country == "HK" || a.country == "MO";
           });
  }

 private:
  std::unordered_set<std::string> addressed_lists_;
};

bool has_name(const Entity& e, const std::string& name) {
  return name == e.name || std::any_of(e.aliases.begin(), e.aliases.end(),
                                       [&](const Alias& a) { return a.name == name; });
}

void add_name(Entity& e, const std::string& name, AliasKind kind, const std::string& detail) {
  e.aliases.push_back({name, kind});
  e.properties.push_back(
      {kAddedNameProperty, fmt::format("{} — added by Clearance {}", name, detail)});
}

// The shortest brand key (letters of its pinyin) matched by the words of other records' names:
// shorter ones ("hua", "da") are parts of too many names.
constexpr size_t kMinBrandKey = 5;

// A brand's pinyin as one run of letters: 华大九天 → "huadajiutian", 壁仞科技 → "biren" (the
// translated trade word left out); empty when it spells nothing in pinyin.
std::string brand_key(const std::string& brand) {
  thread_local NameNormalizer normalizer;
  std::string key;
  for (const NameToken& t : normalizer.normalize(brand).tokens)
    if (t.origin == TokenOrigin::pinyin && t.kind == TokenClass::ordinary && !t.marks.place)
      key += t.text;
  return key.size() >= kMinBrandKey ? key : std::string();
}

// The words of a name in Latin letters, lower case ("Shanghai Huada Jiutian" → shanghai, huada,
// jiutian); other characters part them.
std::vector<std::string> latin_words(std::string_view name) {
  std::vector<std::string> words(1);
  for (char c : name) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 'A' && b <= 'Z')
      words.back() += static_cast<char>(b - 'A' + 'a');
    else if (b >= 'a' && b <= 'z')
      words.back() += c;
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Every prefix of every key of a map of brand keys: what for_each_brand_run extends runs by.
template <typename Map>
std::unordered_set<std::string> key_starts(const Map& keys) {
  std::unordered_set<std::string> out;
  for (const auto& [key, of] : keys)
    for (size_t n = 1; n <= key.size(); ++n) out.insert(key.substr(0, n));
  return out;
}

// Calls `found(run)` for each run of consecutive words of a name, joined ("huada",
// "huadajiutian", …), that is the start of some brand key (`starts`: every prefix of every key); a
// run no key starts with is not extended.
template <typename Found>
void for_each_brand_run(std::string_view name, const std::unordered_set<std::string>& starts,
                        Found&& found) {
  const std::vector<std::string> words = latin_words(name);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run;
    for (size_t j = i; j < words.size(); ++j) {
      run += words[j];
      if (!starts.count(run)) break;
      found(run);
    }
  }
}

// The pinyin of the places Chinese firms are registered in (data/names/chinese_places.csv), as
// English names write them: "beijing", "xian" (Xi'an is two words, joined).
const std::unordered_set<std::string>& chinese_place_words() {
  static const auto words = [] {
    NameNormalizer normalizer;
    std::unordered_set<std::string> out{"china"};
    for (const auto& row : read_name_table("chinese_places.csv", {"place", "source"})) {
      std::string joined;
      for (const NameToken& t : normalizer.normalize(row.fields[0]).tokens) joined += t.text;
      if (!joined.empty()) out.insert(std::move(joined));
    }
    return out;
  }();
  return words;
}

// Like for_each_brand_run, for the runs that open a name after its place words only ("Wuxi Naura
// Microelectronics": naura; not "AVIC Chengdu Aircraft Industrial": aircraftindustrial).
template <typename Found>
void for_each_opening_run(std::string_view name, const std::unordered_set<std::string>& starts,
                          Found&& found) {
  const std::vector<std::string> words = latin_words(name);
  const auto& places = chinese_place_words();
  size_t i = 0;
  while (i < words.size()) {
    if (places.count(words[i]))
      ++i;
    else if (i + 1 < words.size() && places.count(words[i] + words[i + 1]))
      i += 2;
    else
      break;
  }
  std::string run;
  for (size_t j = i; j < words.size(); ++j) {
    run += words[j];
    if (!starts.count(run)) break;
    found(run);
  }
}

// The most records outside China an English brand may be written by (a group's firm abroad).
constexpr size_t kMostRecordsAbroad = 1;

// The words of the records' names that at least one record in kCommonShare writes: a translated
// word among them says little of which record a name is.
constexpr size_t kCommonShare = 100;

std::unordered_set<std::string> common_words(const std::vector<Entity>& entities) {
  std::unordered_map<std::string, size_t> records;
  std::unordered_set<std::string> seen;
  for (const Entity& e : entities) {
    seen.clear();
    auto take = [&](const std::string& name) {
      for (std::string& w : latin_words(name))
        if (seen.insert(w).second) ++records[std::move(w)];
    };
    take(e.name);
    for (const Alias& a : e.aliases) take(a.name);
  }
  std::unordered_set<std::string> out;
  const size_t enough = std::max<size_t>(2, entities.size() / kCommonShare);
  for (const auto& [w, n] : records)
    if (n >= enough) out.insert(w);
  return out;
}

// The English words the Chinese organisation-word table translates into (电子 electronics,
// 半导体 semiconductor, 飞机 aircraft), each word of each alternative.
const std::unordered_set<std::string>& translated_words() {
  static const auto words = [] {
    std::unordered_set<std::string> out;
    for (const ChineseOrgWord& w : chinese_org_words())
      for (std::string_view english : w.english)
        for (std::string& word : latin_words(english)) out.insert(std::move(word));
    return out;
  }();
  return words;
}

// A group's English brand where it is no pinyin of its Chinese name: the run of words of the
// row's English name that begins after the words its Chinese name places or translates and ends
// before the next such word, a legal form or a word of many records (Cambricon for 中科寒武纪,
// Naura for 北方华创, "Moore Thread" for 摩尔线程, HiSilicon for 海思), joined as brand keys are.
// Empty when the Chinese name has no brand in pinyin, when the run's first word is part of that
// pinyin (Huafeng for 华峰测控: the pinyin rule above, which asks for the whole brand, covers
// it), or when the run is short. A run of two brands (Cambricon Jixingge, a firm of the group with
// a brand of its own) is kept whole, so it names that firm only.
std::string english_brand(const ListedName& row, const std::unordered_set<std::string>& common) {
  thread_local NameNormalizer normalizer;
  std::unordered_set<std::string> said;
  std::string pinyin;
  for (const NameToken& t : normalizer.normalize(row.names.front()).tokens) {
    if (t.origin == TokenOrigin::pinyin && t.kind == TokenClass::ordinary && !t.marks.place) {
      pinyin += t.text;
      continue;
    }
    said.insert(t.text);
    said.insert(t.alternatives.begin(), t.alternatives.end());
  }
  if (pinyin.empty()) return {};
  const std::vector<std::string> words = latin_words(row.listed_name);
  // A place may be written in two words (Cheng Du): their join is what the name says.
  auto said_at = [&](size_t i) -> size_t {
    if (said.count(words[i])) return 1;
    if (i + 1 < words.size() && said.count(words[i] + words[i + 1])) return 2;
    return 0;
  };
  size_t i = 0;
  while (i < words.size() && said_at(i)) i += said_at(i);
  if (i == words.size() || pinyin.find(words[i]) != std::string::npos) return {};
  std::string key;
  for (; i < words.size() && !said_at(i) && !common.count(words[i]) &&
         !translated_words().count(words[i]) && !is_legal_form(words[i]);
       ++i)
    key += words[i];
  return key.size() >= kMinBrandKey ? key : std::string();
}

}  // namespace

size_t add_listed_names(std::vector<Entity>& entities) {
  std::unordered_set<const Entity*> given;
  const std::unordered_set<std::string> common = common_words(entities);
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
    const std::unordered_set<std::string> own = own_words(e);
    for (const std::string& name : row->names) {
      if (!adds_a_word(name, own, common) || has_name(e, name)) continue;
      add_name(e, name, AliasKind::added,
               fmt::format("(data/names/{} line {}), source {}, checked {}", kTable, row->line,
                           row->source_url, row->checked));
      given.insert(&e);
    }
  }
  // A group's brand: its pinyin as the words of another record of the list, in China.
  struct Brand {
    const ListedName* row;
    const std::string* name;
  };
  static const auto brands = [] {
    std::unordered_map<std::string, std::vector<Brand>> out;
    for (const ListedName& row : chinese_listed_names())
      for (const std::string& brand : row.brands)
        if (std::string key = brand_key(brand); !key.empty())
          out[std::move(key)].push_back({&row, &brand});
    return out;
  }();
  static const auto starts = key_starts(brands);
  const InChina in_china(entities);
  for (Entity& e : entities) {
    if (e.list.empty() || !in_china(e)) continue;
    auto give = [&](const std::string& run) {
      const auto it = brands.find(run);
      if (it == brands.end()) return;
      for (const Brand& b : it->second) {
        if (b.row->list != e.list || has_name(e, *b.name)) continue;
        add_name(e, *b.name, AliasKind::added_brand,
                 fmt::format("(data/names/{} line {}: the brand of {}, which this record's name "
                             "carries), source {}, checked {}",
                             kTable, b.row->line, b.row->listed_name, b.row->source_url,
                             b.row->checked));
        given.insert(&e);
      }
    };
    // The names the list gives (a name added here adds no brand; `give` may add to the aliases).
    for_each_brand_run(e.name, starts, give);
    for (size_t k = 0; k < e.aliases.size(); ++k)
      if (!added_by_clearance(e.aliases[k].kind))
        for_each_brand_run(e.aliases[k].name, starts, give);
  }
  // A group's English brand (english_brand): its short names to every record of the list, in
  // China, whose name opens with it (after the place it is registered in, as the row's name does).
  // An English word (Aircraft, which firms everywhere write) is no brand: a run that records
  // outside China write more than once is dropped (a group may have a firm abroad: Inspur Taiwan,
  // Skyverse Pte.). A file of Chinese firms only (§ 1260H) has no such records to tell by and gets
  // no English brands.
  const bool some_outside =
      std::any_of(entities.begin(), entities.end(), [&](const Entity& e) { return !in_china(e); });
  std::unordered_map<std::string, std::vector<const ListedName*>> english;
  if (some_outside)
    for (const ListedName& row : chinese_listed_names())
      if (!row.brands.empty())
        if (std::string key = english_brand(row, common); !key.empty())
          english[std::move(key)].push_back(&row);
  const std::unordered_set<std::string> english_starts = key_starts(english);
  std::unordered_map<std::string, size_t> abroad;
  for (const Entity& e : entities) {
    if (english.empty() || in_china(e)) continue;
    std::unordered_set<std::string> runs;
    auto count = [&](const std::string& run) {
      if (english.count(run) && runs.insert(run).second) ++abroad[run];
    };
    for_each_brand_run(e.name, english_starts, count);
    for (const Alias& a : e.aliases) for_each_brand_run(a.name, english_starts, count);
  }
  for (const auto& [run, n] : abroad)
    if (n > kMostRecordsAbroad) english.erase(run);
  for (Entity& e : entities) {
    if (english.empty()) break;
    if (e.list.empty() || !in_china(e)) continue;
    auto give = [&](const std::string& run) {
      const auto it = english.find(run);
      if (it == english.end()) return;
      for (const ListedName* row : it->second)
        for (const std::string& brand : row->brands) {
          if (row->list != e.list || has_name(e, brand)) continue;
          add_name(e, brand, AliasKind::added_brand,
                   fmt::format("(data/names/{} line {}: the brand of {}, whose English brand "
                               "this record's name opens with), source {}, checked {}",
                               kTable, row->line, row->listed_name, row->source_url, row->checked));
          given.insert(&e);
        }
    };
    const size_t listed_aliases = e.aliases.size();
    for_each_opening_run(e.name, english_starts, give);
    for (size_t k = 0; k < listed_aliases; ++k)
      if (!added_by_clearance(e.aliases[k].kind))
        for_each_opening_run(e.aliases[k].name, english_starts, give);
  }
  return given.size();
}

std::map<std::string, std::pair<size_t, size_t>> listed_name_coverage(const EntityTable& entities) {
  std::map<std::string, std::pair<size_t, size_t>> out;
  for (const ListedName& row : chinese_listed_names()) out[row.list];
  const InChina in_china(entities);
  for (const Entity& e : entities) {
    const auto it = out.find(e.list);
    if (it == out.end() || !in_china(e)) continue;
    ++it->second.second;
    if (std::any_of(e.aliases.begin(), e.aliases.end(),
                    [](const Alias& a) { return added_by_clearance(a.kind); }))
      ++it->second.first;
  }
  return out;
}

}  // namespace clearance
