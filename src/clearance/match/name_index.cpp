#include "clearance/match/name_index.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <thread>
#include <unordered_set>

#include "clearance/match/name_scorer.h"
#include "clearance/text/chinese_romanization.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/text/phonetic.h"

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
// long; such a token is still matched exactly.
constexpr size_t kMaxFuzzyTermLength = 64;

}  // namespace

namespace {

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

}  // namespace

TermId NameIndex::intern(const std::string& text) {
  auto [it, inserted] = term_ids_.emplace(text, static_cast<TermId>(terms_.size()));
  if (inserted) terms_.push_back(text);
  return it->second;
}

TermId NameIndex::find_term(std::string_view text) const {
  auto it = term_ids_.find(text);
  return it == term_ids_.end() ? kNoTerm : it->second;
}

std::unique_ptr<NameIndex> NameIndex::build(std::shared_ptr<const Snapshot> snapshot,
                                            unsigned threads) {
  static std::atomic<uint64_t> serials{0};
  std::unique_ptr<NameIndex> index(new NameIndex());
  index->serial_ = ++serials;
  index->snapshot_ = std::move(snapshot);
  const auto& entities = index->snapshot_->entities;

  // Normalisation dominates the build; it is independent per entity, so split it across threads,
  // each with its own normaliser (ICU transliterators are not thread-safe).
  // Each entity's names: (alias index or -1, normalised form). A name ending in a short
  // parenthesis — "National University of Defense Technology (NUDT)", "Huawei Technologies Co.,
  // Ltd. (Huawei)" — is also indexed without it and as the parenthesis alone: the lists use it
  // for an acronym or short name, not for words a query would carry.
  std::vector<std::vector<std::pair<int32_t, NormalizedName>>> normalized(entities.size());
  threads = std::max(1u, std::min(threads, 16u));
  // Interleaved, not chunked: entities sort by dataset, and one dataset (China's lists, in Han
  // script) can cost far more per name than the others.
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

  for (size_t i = 0; i < entities.size(); ++i) {
    for (const auto& [alias, norm] : normalized[i]) {
      IndexedName name;
      name.entity = static_cast<uint32_t>(i);
      name.alias = alias;
      name.person = entities[i].type == EntityType::person;
      name.weak_alias = alias >= 0 && entities[i].aliases[alias].kind == AliasKind::weak;
      for (const NameToken& t : norm.tokens) {
        IndexedToken it;
        it.term = index->intern(t.text);
        it.kind = t.kind;
        it.origin = t.origin;
        it.marks = t.marks;
        it.han = han_spelling(t);
        for (const auto& alt : t.alternatives) it.alternatives.push_back(index->intern(alt));
        name.tokens.push_back(std::move(it));
      }
      if (!name.tokens.empty()) index->names_.push_back(std::move(name));
    }
  }
  index->finish();
  return index;
}

void NameIndex::finish() {
  postings_.assign(terms_.size(), {});
  romanization_.resize(terms_.size());
  for (TermId t = 0; t < terms_.size(); ++t) {
    romanization_[t] = chinese_romanization_key(terms_[t]);
    if (!romanization_[t].empty()) romanization_terms_[romanization_[t]].push_back(t);
  }
  for (uint32_t n = 0; n < names_.size(); ++n) {
    const auto& tokens = names_[n].tokens;
    for (size_t k = 0; k < tokens.size(); ++k) {
      auto& list = postings_[tokens[k].term];
      if (list.empty() || list.back() != n) list.push_back(n);
      // An ordinary token of 3–6 letters may be an acronym a run of query initials spells; of two,
      // only when written as letters ("J.C.").
      const std::string& text = terms_[tokens[k].term];
      if (tokens[k].kind == TokenClass::ordinary &&
          text.size() >= (tokens[k].marks.letters ? 2u : 3u) && text.size() <= 6 &&
          std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        auto& acronyms = acronym_postings_[text];
        if (acronyms.empty() || acronyms.back() != n) acronyms.push_back(n);
      }
      for (TermId alt : tokens[k].alternatives) {
        auto& alt_list = postings_[alt];
        if (alt_list.empty() || alt_list.back() != n) alt_list.push_back(n);
      }
      // Two and three adjacent terms written together (the scorer joins spans of up to three).
      std::string joined_text = terms_[tokens[k].term];
      for (size_t m = k + 1; m < tokens.size() && m < k + 3; ++m) {
        joined_text += terms_[tokens[m].term];
        auto& joined = joined_postings_[joined_text];
        if (joined.empty() || joined.back() != n) joined.push_back(n);
      }
      // Romanisation keys of the ordinary spans of two or three starting here.
      std::string key;
      for (size_t m = k; m < tokens.size() && m < k + 3; ++m) {
        const std::string& part = romanization_[tokens[m].term];
        if (part.empty() || tokens[m].kind != TokenClass::ordinary) break;
        key += part;
        if (m == k) continue;
        auto& keyed = romanized_span_postings_[key];
        if (keyed.empty() || keyed.back() != n) keyed.push_back(n);
      }
      // Initials of the spans starting here: what an acronym on the query side would spell.
      std::string initials;
      for (size_t m = k; m < tokens.size() && initials.size() < 6; ++m) {
        if (tokens[m].kind == TokenClass::legal_form) break;
        if (m > k && tokens[m].kind == TokenClass::stopword) continue;
        const std::string& word = terms_[tokens[m].term];
        if (word.empty() || word[0] < 'a' || word[0] > 'z') break;
        initials += word[0];
        if (initials.size() >= 2) {
          auto& list = initials_postings_[initials];
          if (list.empty() || list.back() != n) list.push_back(n);
        }
      }
    }
  }
  for (uint32_t n = 0; n < names_.size(); ++n) {
    if (snapshot_->entities[names_[n].entity].type != EntityType::person) continue;
    for (const auto& t : names_[n].tokens) {
      const std::string& text = terms_[t.term];
      if (text.size() != 1) continue;
      const int slot = letter_slot(text[0]);
      if (slot < 0) continue;
      auto& list = people_initials_[slot];
      if (list.empty() || list.back() != n) list.push_back(n);
    }
  }
  const double n_names = static_cast<double>(std::max<size_t>(1, names_.size()));
  idf_.resize(terms_.size());
  for (TermId t = 0; t < terms_.size(); ++t)
    idf_[t] = static_cast<float>(
        std::log(1.0 + n_names / static_cast<double>(std::max<size_t>(1, postings_[t].size()))));
  unseen_idf_ = static_cast<float>(std::log(1.0 + n_names));
  const ScorerSettings defaults;
  bound_figures_.reserve(names_.size());
  for (auto& name : names_) {
    for (const auto& t : name.tokens) {
      float w = idf_[t.term] * token_class_factor(t.kind, defaults);
      if (terms_[t.term].size() == 1) w *= 0.5f;
      name.total_weight += w;
      name.max_token_weight = std::max(name.max_token_weight, w);
      name.has_alternatives = name.has_alternatives || !t.alternatives.empty();
    }
    bool forebears = false, series = false;
    uint32_t first_letters = 0;
    for (const auto& t : name.tokens) {
      forebears = forebears || (t.marks.lineage & kLineageParent);
      series = series || t.marks.series;
      if (t.kind == TokenClass::ordinary)
        first_letters |= letter_mask(std::string_view(terms_[t.term]).substr(0, 1));
    }
    bound_figures_.push_back({name.total_weight, name.max_token_weight, name.has_alternatives,
                              name.person, forebears, series, first_letters});
  }

  letter_terms_.fill(kNoTerm);
  for (TermId t = 0; t < terms_.size(); ++t)
    if (terms_[t].size() == 1 && letter_slot(terms_[t][0]) >= 0)
      letter_terms_[letter_slot(terms_[t][0])] = t;
  masks_.resize(terms_.size());
  for (TermId t = 0; t < terms_.size(); ++t) masks_[t] = letter_mask(terms_[t]);
  phonetic_.resize(terms_.size());
  for (TermId t = 0; t < terms_.size(); ++t) {
    if (!phonetic_worthy(terms_[t])) continue;
    phonetic_[t] = phonetic_key(terms_[t]);
    if (phonetic_[t].size() < 2) {
      phonetic_[t].clear();
      continue;
    }
    phonetic_terms_[phonetic_[t]].push_back(t);
  }

  std::unordered_set<std::string> variants, further;
  for (TermId t = 0; t < terms_.size(); ++t) {
    const int depth = max_edits(terms_[t].size());
    if (terms_[t].size() > kMaxFuzzyTermLength) continue;
    variants.clear();
    if (depth > 0) {
      deletion_variants(terms_[t], depth, variants);
      for (const auto& v : variants) deletions_.entries.emplace_back(hash_of(v), t);
    }
    if (lookup_edits(terms_[t].size()) <= depth) continue;
    further.clear();
    deletion_variants(terms_[t], lookup_edits(terms_[t].size()), further);
    // A family name two edits away begins with the same letter (similar_terms): the variants that
    // drop it are never looked for.
    for (const auto& v : further)
      if (!v.empty() && v[0] == terms_[t][0] && !variants.count(v))
        family_deletions_.entries.emplace_back(hash_of(v), t);
  }
  deletions_.finish();
  family_deletions_.finish();
}

void NameIndex::DeletionTable::finish() {
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  directory.assign((size_t{1} << kDirectoryBits) + 1, 0);
  for (const auto& d : entries) ++directory[(d.first >> (64 - kDirectoryBits)) + 1];
  for (size_t b = 1; b < directory.size(); ++b) directory[b] += directory[b - 1];
}

std::span<const uint32_t> NameIndex::names_with_term(TermId term) const {
  if (term == kNoTerm) return {};
  return postings_[term];
}

void NameIndex::similar_terms(std::string_view text, std::vector<SimilarTerm>& out,
                              bool family_name) const {
  // No term is indexed with deletions beyond lookup_edits().
  const int depth = family_name ? lookup_edits(text.size()) : max_edits(text.size());
  // Beyond kMaxFuzzyTermLength + 2 letters, no indexed term is within two edits.
  if (depth == 0 || text.size() > kMaxFuzzyTermLength + 2) return;
  // Deletion variants of the query token, deduplicated by hash; scratch reused per thread.
  thread_local std::vector<uint64_t> hashes;
  thread_local std::string buffer, second;
  hashes.clear();
  hashes.push_back(hash_of(text));
  // The second edit a family name looks for is in a term of the same first letter, which two
  // words of the same first letter keep in a common variant: no variant need delete it.
  const bool keep_first = family_name && max_edits(text.size()) < 2;
  for (size_t i = 0; i < text.size(); ++i) {
    buffer.assign(text.substr(0, i)).append(text.substr(i + 1));
    hashes.push_back(hash_of(buffer));
    if (depth < 2 || (keep_first && i == 0)) continue;
    for (size_t j = i; j + 1 < text.size(); ++j) {
      second.assign(buffer, 0, j).append(buffer, j + 1);
      hashes.push_back(hash_of(second));
    }
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  const size_t first_new = out.size();
  const uint32_t text_mask = letter_mask(text);
  for (uint64_t h : hashes) {
    for (const DeletionTable* table : {&deletions_, family_name ? &family_deletions_ : nullptr}) {
      if (!table) continue;
      for (const auto& [hash, t] : table->run(h)) {
        if (hash != h) continue;
        const std::string& term = terms_[t];
        const size_t shorter = std::min(term.size(), text.size());
        const int allowed =
            family_name && term[0] == text[0] ? lookup_edits(shorter) : max_edits(shorter);
        if (allowed == 0) continue;
        const size_t longer = std::max(term.size(), text.size());
        if (longer - shorter > static_cast<size_t>(allowed)) continue;
        if (edit_lower_bound(text_mask, masks_[t]) > allowed) continue;
        if (std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first_new), out.end(),
                        [id = t](const SimilarTerm& s) { return s.term == id; }))
          continue;
        const int edits = bounded_edit_distance(text, term, allowed);
        if (edits <= allowed) out.push_back({t, static_cast<uint8_t>(edits)});
      }
    }
  }
}

std::span<const uint32_t> NameIndex::people_with_initial(char c) const {
  const int slot = letter_slot(c);
  if (slot < 0) return {};
  return people_initials_[slot];
}

const std::vector<TermId>* NameIndex::terms_with_phonetic(std::string_view key) const {
  auto it = phonetic_terms_.find(key);
  return it == phonetic_terms_.end() ? nullptr : &it->second;
}

const std::vector<TermId>* NameIndex::terms_with_romanization(std::string_view key) const {
  if (key.empty()) return nullptr;
  auto it = romanization_terms_.find(key);
  return it == romanization_terms_.end() ? nullptr : &it->second;
}

std::span<const uint32_t> NameIndex::names_with_romanized_span(std::string_view key) const {
  if (key.empty()) return {};
  auto it = romanized_span_postings_.find(key);
  if (it == romanized_span_postings_.end()) return {};
  return it->second;
}

std::span<const uint32_t> NameIndex::names_with_joined(std::string_view text) const {
  auto it = joined_postings_.find(text);
  if (it == joined_postings_.end()) return {};
  return it->second;
}

std::span<const uint32_t> NameIndex::names_with_initials(std::string_view text) const {
  auto it = initials_postings_.find(text);
  if (it == initials_postings_.end()) return {};
  return it->second;
}

std::span<const uint32_t> NameIndex::names_with_acronym(std::string_view text) const {
  auto it = acronym_postings_.find(text);
  if (it == acronym_postings_.end()) return {};
  return it->second;
}

size_t NameIndex::memory_bytes() const {
  size_t bytes = bound_figures_.capacity() * sizeof(BoundFigures) + deletions_.memory_bytes() +
                 family_deletions_.memory_bytes();
  for (const auto& p : postings_) bytes += p.capacity() * sizeof(uint32_t) + sizeof(p);
  for (const auto& n : names_) bytes += sizeof(n) + n.tokens.capacity() * sizeof(IndexedToken);
  for (const auto& t : terms_) bytes += sizeof(t) + t.capacity();
  for (const auto& [k, v] : joined_postings_)
    bytes += k.capacity() + 48 + v.capacity() * sizeof(uint32_t);
  for (const auto& [k, v] : phonetic_terms_)
    bytes += k.capacity() + 48 + v.capacity() * sizeof(TermId);
  for (const auto& [k, v] : romanization_terms_)
    bytes += k.capacity() + 48 + v.capacity() * sizeof(TermId);
  for (const auto& [k, v] : romanized_span_postings_)
    bytes += k.capacity() + 48 + v.capacity() * sizeof(uint32_t);
  for (const auto& r : romanization_) bytes += sizeof(r) + r.capacity();
  for (const auto& [k, v] : initials_postings_)
    bytes += k.capacity() + 48 + v.capacity() * sizeof(uint32_t);
  for (const auto& [k, v] : acronym_postings_)
    bytes += k.capacity() + 48 + v.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace clearance
