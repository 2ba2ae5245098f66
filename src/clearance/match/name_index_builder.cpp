// Builds a NameIndex's file: normalises every name of a snapshot, then lays out the lookup
// structures as the flat sections name_index_file.h describes.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <thread>
#include <unordered_set>

#include "clearance/match/name_index.h"
#include "clearance/match/name_index_file.h"
#include "clearance/match/name_scorer.h"
#include "clearance/match/numbered_unit.h"
#include "clearance/match/own_acronym.h"
#include "clearance/text/chinese_romanization.h"
#include "clearance/text/descriptive_words.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/legal_forms.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/text/phonetic.h"
#include "clearance/util/text_map.h"

namespace clearance {

int max_edits(size_t length) {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

int lookup_edits(size_t length) {
  return length >= 5 ? 2 : max_edits(length);
}

namespace {

// Longer terms get no deletion variants: a term of length L has O(L²) of them, each hashed in
// full, so a 1,000-letter token in a list or a query would cost seconds. No real name word is this
// long; such a token is still matched exactly (name_index.cpp, similar_terms).
constexpr size_t kMaxFuzzyTermLength = 64;

uint64_t hash_of(std::string_view s) {
  return std::hash<std::string_view>{}(s);
}

// Every string obtained by deleting up to `depth` characters (SymSpell), including `s` itself.
void deletion_variants(const std::string& s, int depth, std::unordered_set<std::string>& out) {
  out.insert(s);
  if (depth == 0 || s.size() <= 1) return;
  for (size_t i = 0; i < s.size(); ++i) {
    std::string shorter = s.substr(0, i) + s.substr(i + 1);
    if (out.count(shorter) && depth == 1) continue;
    deletion_variants(shorter, depth - 1, out);
  }
}

bool phonetic_worthy(const std::string& term) {
  if (term.size() < 3) return false;
  for (char c : term)
    if (c >= '0' && c <= '9') return false;
  return true;
}

// Appends to a posting list unless the name is already its last entry.
void add_once(std::vector<uint32_t>& list, uint32_t n) {
  if (list.empty() || list.back() != n) list.push_back(n);
}

// The sections of a list of strings.
void write_strings(IndexFileWriter& w, IndexSection offsets_id, IndexSection bytes_id,
                   const std::vector<std::string>& strings) {
  std::vector<uint32_t> offsets{0};
  std::string bytes;
  for (const auto& s : strings) {
    bytes += s;
    offsets.push_back(static_cast<uint32_t>(bytes.size()));
  }
  w.add(offsets_id, offsets);
  w.add(bytes_id, std::span<const char>(bytes));
}

// The open-addressing table NameIndex::KeyTable reads: key index + 1 at the first free slot from
// the key's hash, in a power-of-two table at most half full.
std::vector<uint32_t> key_slots(const std::vector<std::string>& keys) {
  size_t size = 2;
  while (size < 2 * keys.size()) size *= 2;
  std::vector<uint32_t> slots(size, 0);
  for (uint32_t k = 0; k < keys.size(); ++k) {
    size_t i = hash_of(keys[k]) & (size - 1);
    while (slots[i] != 0) i = (i + 1) & (size - 1);
    slots[i] = k + 1;
  }
  return slots;
}

void write_lists(IndexFileWriter& w, IndexSection offsets_id, IndexSection values_id,
                 const std::vector<std::vector<uint32_t>>& lists) {
  std::vector<uint32_t> offsets{0}, values;
  for (const auto& list : lists) {
    values.insert(values.end(), list.begin(), list.end());
    offsets.push_back(static_cast<uint32_t>(values.size()));
  }
  w.add(offsets_id, offsets);
  w.add(values_id, values);
}

// A map from text to a list, written as table `table` of the keyed sections, keys sorted.
void write_keyed(IndexFileWriter& w, int table, const TextMap<std::vector<uint32_t>>& map) {
  std::vector<std::pair<std::string_view, const std::vector<uint32_t>*>> entries;
  for (const auto& [key, list] : map) entries.emplace_back(key, &list);
  std::sort(entries.begin(), entries.end());
  std::vector<std::string> keys;
  std::vector<std::vector<uint32_t>> lists;
  for (const auto& [key, list] : entries) {
    keys.emplace_back(key);
    lists.push_back(*list);
  }
  using P = KeyedListSection;
  write_strings(w, keyed_section(table, P::key_offsets), keyed_section(table, P::key_bytes), keys);
  w.add(keyed_section(table, P::slots), key_slots(keys));
  write_lists(w, keyed_section(table, P::list_offsets), keyed_section(table, P::list_values),
              lists);
}

// (hash of a deletion variant, term), sorted, with the directory of each run of the top bits.
void write_deletions(IndexFileWriter& w, IndexSection entries_id, IndexSection directory_id,
                     std::vector<NameIndex::Deletion>& entries) {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  const int kBits = NameIndex::DeletionTable::directory_bits(entries.size());
  std::vector<uint32_t> directory((size_t{1} << kBits) + 1, 0);
  for (const auto& d : entries) ++directory[(d.hash >> (64 - kBits)) + 1];
  for (size_t b = 1; b < directory.size(); ++b) directory[b] += directory[b - 1];
  w.add(entries_id, entries);
  w.add(directory_id, directory);
}

// The index's content while it is being built, in growable containers.
struct Draft {
  std::vector<NameIndex::NameRecord> names;
  std::vector<IndexedToken> tokens;
  std::vector<TermId> alternatives;
  std::vector<std::string> terms;
  TextMap<TermId> term_ids;

  TermId intern(const std::string& text) {
    auto [it, inserted] = term_ids.emplace(text, static_cast<TermId>(terms.size()));
    if (inserted) terms.push_back(text);
    return it->second;
  }
  std::span<const IndexedToken> tokens_of(const NameIndex::NameRecord& n) const {
    return std::span<const IndexedToken>(tokens).subspan(n.token_begin, n.token_count);
  }
};

// Each entity's names: (alias index or -1, normalised form). A name ending in a short parenthesis
// — "National University of Defense Technology (NUDT)", "Huawei Technologies Co., Ltd. (Huawei)"
// — is also indexed without it and as the parenthesis alone: the lists use it for an acronym or
// short name, not for words a query would carry.
std::vector<std::vector<std::pair<int32_t, NormalizedName>>> normalize_all(
    const EntityTable& entities, unsigned threads) {
  std::vector<std::vector<std::pair<int32_t, NormalizedName>>> normalized(entities.size());
  threads = std::max(1u, std::min(threads, 16u));
  // Interleaved, not chunked: entities sort by dataset, and one dataset (China's lists, in Han
  // script) can cost far more per name than the others. Each thread has its own normaliser (ICU
  // transliterators are not thread-safe).
  auto work = [&](size_t first, size_t stride) {
    NameNormalizer normalizer;
    auto add = [&](size_t i, int32_t alias, const std::string& text) {
      normalized[i].emplace_back(alias, normalizer.normalize(text));
      if (text.size() < 4 || text.back() != ')') return;
      const size_t open = text.rfind('(');
      if (open == std::string::npos || open == 0 || text.size() - open > 24) return;
      normalized[i].emplace_back(alias, normalizer.normalize(text.substr(0, open)));
      normalized[i].emplace_back(
          alias, normalizer.normalize(text.substr(open + 1, text.size() - open - 2)));
    };
    for (size_t i = first; i < entities.size(); i += stride) {
      const Entity& e = entities[i];
      add(i, -1, e.name);
      for (size_t k = 0; k < e.aliases.size(); ++k)
        add(i, static_cast<int32_t>(k), e.aliases[k].name);
    }
  };
  if (threads == 1 || entities.size() < 1000) {
    work(0, 1);
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work, t, threads);
    for (auto& th : pool) th.join();
  }
  return normalized;
}

}  // namespace

namespace {
void write_term_sections(const std::vector<std::string>& terms,
                         const std::vector<std::string>& romanization,
                         const TextMap<std::vector<uint32_t>>& romanization_terms,
                         IndexFileWriter& w);
void copy_term_sections(const NameIndex& from, IndexFileWriter& w);
}  // namespace

std::string NameIndex::build_file(const Snapshot& snapshot, unsigned threads,
                                  const NameIndex* weights) {
  const auto& entities = snapshot.entities;
  const auto normalized = normalize_all(entities, threads);

  Draft d;
  // Every term of the weighing index, first and in its order, with no names behind those not used
  // here: a query then finds the same terms, the same fuzzy neighbours and the same weights as in
  // that index — and when these names hold no other term, the term ids are that index's, so that
  // every section about terms alone is that index's own, copied rather than derived again.
  if (weights)
    for (TermId t = 0; t < weights->term_count(); ++t) d.intern(std::string(weights->term_text(t)));
  for (size_t i = 0; i < entities.size(); ++i) {
    for (const auto& [alias, norm] : normalized[i]) {
      if (norm.tokens.empty()) continue;
      NameRecord name{};
      name.entity = static_cast<uint32_t>(i);
      name.alias = alias;
      name.person = entities[i].type == EntityType::person;
      name.weak_alias = alias >= 0 && entities[i].aliases[alias].kind == AliasKind::weak;
      name.token_begin = static_cast<uint32_t>(d.tokens.size());
      for (const NameToken& t : norm.tokens) {
        IndexedToken it{};
        it.term = d.intern(t.text);
        it.kind = t.kind;
        it.origin = t.origin;
        it.marks = t.marks;
        it.marks.descriptive = describes_organisation(t.kind, t.origin, t.text);
        it.han = han_spelling(t);
        it.alt_begin = static_cast<uint32_t>(d.alternatives.size());
        for (const auto& alt : t.alternatives) d.alternatives.push_back(d.intern(alt));
        it.alt_count = static_cast<uint32_t>(d.alternatives.size()) - it.alt_begin;
        d.tokens.push_back(it);
      }
      name.token_count = static_cast<uint32_t>(d.tokens.size()) - name.token_begin;
      for (size_t k = 0; k < norm.tokens.size(); ++k)
        d.tokens[name.token_begin + k].marks.own_acronym = is_own_acronym(norm.tokens, k);
      d.names.push_back(name);
    }
  }
  const auto& terms = d.terms;
  const size_t term_count = terms.size();
  const bool shared_terms = weights && term_count == weights->term_count();

  // Romanisation keys: the weighing index's when the terms are its own, else derived here.
  std::vector<std::string> romanization;
  TextMap<std::vector<uint32_t>> romanization_terms;
  if (!shared_terms) {
    romanization.resize(term_count);
    for (TermId t = 0; t < term_count; ++t) {
      romanization[t] = chinese_romanization_key(terms[t]);
      if (!romanization[t].empty()) romanization_terms[romanization[t]].push_back(t);
    }
  }
  auto romanization_of = [&](TermId t) -> std::string_view {
    return shared_terms ? weights->term_romanization(t) : std::string_view(romanization[t]);
  };
  std::vector<std::vector<uint32_t>> postings(term_count);
  TextMap<std::vector<uint32_t>> joined_postings, romanized_span_postings, initials_postings,
      acronym_postings;
  for (uint32_t n = 0; n < d.names.size(); ++n) {
    const auto tokens = d.tokens_of(d.names[n]);
    for (size_t k = 0; k < tokens.size(); ++k) {
      add_once(postings[tokens[k].term], n);
      // An ordinary token of 3–6 letters may be an acronym a run of query initials spells; of two,
      // only when written as letters ("J.C.").
      const std::string& text = terms[tokens[k].term];
      if (tokens[k].kind == TokenClass::ordinary &&
          text.size() >= (tokens[k].marks.letters ? 2u : 3u) && text.size() <= 6 &&
          std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        add_once(acronym_postings[text], n);
      for (uint32_t a = 0; a < tokens[k].alt_count; ++a)
        add_once(postings[d.alternatives[tokens[k].alt_begin + a]], n);
      // Two to kMaxJoinedSpan adjacent terms written together (the scorer joins such spans).
      std::string joined_text = terms[tokens[k].term];
      for (size_t m = k + 1; m < tokens.size() && m < k + kMaxJoinedSpan; ++m) {
        joined_text += terms[tokens[m].term];
        add_once(joined_postings[joined_text], n);
      }
      // Romanisation keys of the ordinary spans of two or three starting here.
      std::string key;
      for (size_t m = k; m < tokens.size() && m < k + 3; ++m) {
        const std::string_view part = romanization_of(tokens[m].term);
        if (part.empty() || tokens[m].kind != TokenClass::ordinary) break;
        key += part;
        if (m == k) continue;
        add_once(romanized_span_postings[key], n);
      }
      // Initials of the spans starting here: what an acronym on the query side would spell. A
      // company or corporation may close one of three letters (Private Military Company: pmc).
      std::string initials;
      for (size_t m = k; m < tokens.size() && initials.size() < 6; ++m) {
        const std::string& word = terms[tokens[m].term];
        const bool legal_form = tokens[m].kind == TokenClass::legal_form;
        if (legal_form && !closes_acronym(word, initials.size())) break;
        if (m > k && tokens[m].kind == TokenClass::stopword) continue;
        if (word.empty() || word[0] < 'a' || word[0] > 'z') break;
        initials += word[0];
        if (initials.size() >= 2) add_once(initials_postings[initials], n);
        if (legal_form) break;
      }
    }
  }
  std::vector<std::vector<uint32_t>> people_initials(36);
  for (uint32_t n = 0; n < d.names.size(); ++n) {
    if (entities[d.names[n].entity].type != EntityType::person) continue;
    for (const auto& t : d.tokens_of(d.names[n])) {
      const std::string& text = terms[t.term];
      if (text.size() != 1) continue;
      const int slot = letter_slot(text[0]);
      if (slot >= 0) add_once(people_initials[slot], n);
    }
  }
  const double n_names = static_cast<double>(std::max<size_t>(1, d.names.size()));
  std::vector<float> idf(term_count);
  for (TermId t = 0; t < term_count; ++t) {
    if (weights) {
      const TermId there = shared_terms ? t : weights->find_term(terms[t]);
      idf[t] = there == kNoTerm ? weights->unseen_idf() : weights->idf(there);
    } else {
      idf[t] = static_cast<float>(
          std::log(1.0 + n_names / static_cast<double>(std::max<size_t>(1, postings[t].size()))));
    }
  }
  IndexScalars scalars{};
  scalars.unseen_idf =
      weights ? weights->unseen_idf() : static_cast<float>(std::log(1.0 + n_names));
  const ScorerSettings defaults;
  std::vector<BoundFigures> bound_figures;
  bound_figures.reserve(d.names.size());
  for (auto& name : d.names) {
    bool has_alternatives = false, forebears = false, series = false;
    uint32_t first_letters = 0;
    for (const auto& t : d.tokens_of(name)) {
      float w = idf[t.term] * token_class_factor(t.kind, defaults);
      if (terms[t.term].size() == 1) w *= 0.5f;
      name.total_weight += w;
      name.max_token_weight = std::max(name.max_token_weight, w);
      has_alternatives = has_alternatives || t.alt_count > 0;
      forebears = forebears || (t.marks.lineage & kLineageParent);
      series = series || t.marks.series;
      if (t.kind == TokenClass::ordinary)
        first_letters |= letter_mask(std::string_view(terms[t.term]).substr(0, 1));
    }
    name.has_alternatives = has_alternatives;
    BoundFigures b{};
    b.total_weight = name.total_weight;
    b.max_token_weight = name.max_token_weight;
    b.has_alternatives = has_alternatives;
    b.person = name.person;
    b.forebears = forebears;
    b.series = series;
    const auto tokens = d.tokens_of(name);
    b.unit = last_numbered_unit(static_cast<int>(tokens.size()), [&](int k) -> std::string_view {
               return terms[tokens[k].term];
             }).number >= 0;
    b.acronym_weight = 0;
    for (const auto& t : tokens)
      if (t.marks.own_acronym) b.acronym_weight += idf[t.term];
    b.first_letters = first_letters;
    bound_figures.push_back(b);
  }

  for (uint32_t& t : scalars.letter_terms) t = kNoTerm;
  for (TermId t = 0; t < term_count; ++t)
    if (terms[t].size() == 1 && letter_slot(terms[t][0]) >= 0)
      scalars.letter_terms[letter_slot(terms[t][0])] = t;

  IndexFileWriter w;
  using S = IndexSection;
  w.add(S::scalars, std::span<const IndexScalars>(&scalars, 1));
  w.add(S::names, d.names);
  w.add(S::tokens, d.tokens);
  w.add(S::alternatives, d.alternatives);
  w.add(S::bound_figures, bound_figures);
  w.add(S::idf, idf);
  write_lists(w, S::posting_offsets, S::posting_values, postings);
  write_lists(w, S::initial_offsets, S::initial_values, people_initials);
  write_keyed(w, 1, joined_postings);
  write_keyed(w, 3, romanized_span_postings);
  write_keyed(w, 4, initials_postings);
  write_keyed(w, 5, acronym_postings);
  if (shared_terms)
    copy_term_sections(*weights, w);
  else
    write_term_sections(terms, romanization, romanization_terms, w);
  return w.finish(snapshot.content_hash);
}

namespace {

// The sections about terms alone, derived from the terms: their texts and lookup table, phonetic
// and romanisation keys and the terms each key finds, letter masks, and the deletion tables of
// the fuzzy lookup.
void write_term_sections(const std::vector<std::string>& terms,
                         const std::vector<std::string>& romanization,
                         const TextMap<std::vector<uint32_t>>& romanization_terms,
                         IndexFileWriter& w) {
  const size_t term_count = terms.size();
  std::vector<uint32_t> masks(term_count);
  for (TermId t = 0; t < term_count; ++t) masks[t] = letter_mask(terms[t]);
  std::vector<std::string> phonetic(term_count);
  TextMap<std::vector<uint32_t>> phonetic_terms;
  for (TermId t = 0; t < term_count; ++t) {
    if (!phonetic_worthy(terms[t])) continue;
    phonetic[t] = phonetic_key(terms[t]);
    if (phonetic[t].size() < 2) {
      phonetic[t].clear();
      continue;
    }
    phonetic_terms[phonetic[t]].push_back(t);
  }

  std::vector<NameIndex::Deletion> deletions, family_deletions;
  std::unordered_set<std::string> variants, further;
  for (TermId t = 0; t < term_count; ++t) {
    const int depth = max_edits(terms[t].size());
    if (terms[t].size() > kMaxFuzzyTermLength) continue;
    variants.clear();
    if (depth > 0) {
      deletion_variants(terms[t], depth, variants);
      for (const auto& v : variants) deletions.push_back({hash_of(v), t});
    }
    if (lookup_edits(terms[t].size()) <= depth) continue;
    further.clear();
    deletion_variants(terms[t], lookup_edits(terms[t].size()), further);
    // A family name two edits away begins with the same letter (similar_terms): the variants that
    // drop it are never looked for.
    for (const auto& v : further)
      if (!v.empty() && v[0] == terms[t][0] && !variants.count(v))
        family_deletions.push_back({hash_of(v), t});
  }

  using S = IndexSection;
  write_strings(w, S::term_offsets, S::term_bytes, terms);
  w.add(S::term_slots, key_slots(terms));
  write_strings(w, S::phonetic_offsets, S::phonetic_bytes, phonetic);
  write_strings(w, S::romanization_offsets, S::romanization_bytes, romanization);
  w.add(S::masks, masks);
  write_keyed(w, 0, phonetic_terms);
  write_keyed(w, 2, romanization_terms);
  write_deletions(w, S::deletions, S::deletion_directory, deletions);
  write_deletions(w, S::family_deletions, S::family_deletion_directory, family_deletions);
}

// One section of a file read, as records of T, into the file being written.
template <typename T>
void copy_section(const IndexFileReader& from, IndexSection id, IndexFileWriter& w) {
  auto section = from.get<T>(id);
  if (!section) throw std::logic_error(section.error().message);
  w.add(id, section.value());
}

// The same sections as `from` holds them, for an index whose term ids are `from`'s.
void copy_term_sections(const NameIndex& from, IndexFileWriter& w) {
  auto file = IndexFileReader::open(from.file_bytes(), from.snapshot().content_hash, "weights");
  if (!file) throw std::logic_error(file.error().message);
  using S = IndexSection;
  using P = KeyedListSection;
  for (const S id : {S::term_offsets, S::term_slots, S::phonetic_offsets, S::romanization_offsets,
                     S::masks, S::deletion_directory, S::family_deletion_directory})
    copy_section<uint32_t>(*file, id, w);
  for (const S id : {S::term_bytes, S::phonetic_bytes, S::romanization_bytes})
    copy_section<char>(*file, id, w);
  for (const S id : {S::deletions, S::family_deletions})
    copy_section<NameIndex::Deletion>(*file, id, w);
  for (const int table : {0, 2}) {  // phonetic keys and romanisation keys → terms
    for (const P part : {P::key_offsets, P::slots, P::list_offsets, P::list_values})
      copy_section<uint32_t>(*file, keyed_section(table, part), w);
    copy_section<char>(*file, keyed_section(table, P::key_bytes), w);
  }
}

}  // namespace

std::unique_ptr<NameIndex> NameIndex::build(std::shared_ptr<const Snapshot> snapshot,
                                            unsigned threads, const NameIndex* weights) {
  auto bytes = std::make_shared<const std::string>(build_file(*snapshot, threads, weights));
  const std::string_view view = *bytes;
  auto index = open(std::move(snapshot), bytes, view, "built index");
  // A file just built that does not read back is a bug in this code, not bad input.
  if (!index) throw std::logic_error(index.error().message);
  return std::move(index.value());
}

}  // namespace clearance
