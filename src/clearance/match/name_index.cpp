#include "clearance/match/name_index.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "clearance/match/name_index_file.h"
#include "clearance/text/chinese_transcription.h"
#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/phonetic.h"
#include "clearance/text/thai_letters.h"
#include "clearance/util/file_io.h"
#include "clearance/util/mapped_file.h"

namespace clearance {

namespace {

// No term longer than this has deletion variants (name_index_builder.cpp).
constexpr size_t kMaxFuzzyTermLength = 64;

uint64_t hash_of(std::string_view s) {
  return std::hash<std::string_view>{}(s);
}

// A byte read as a bool or an enum must hold one of its values: anything else is undefined
// behaviour, so a damaged file is refused before any is read.
bool byte_at_most(const void* field, uint8_t max) {
  uint8_t byte;
  std::memcpy(&byte, field, 1);
  return byte <= max;
}

bool valid_token(const IndexedToken& t) {
  const TokenMarks& m = t.marks;
  return byte_at_most(&t.kind, static_cast<uint8_t>(TokenClass::stopword)) &&
         byte_at_most(&t.origin, static_cast<uint8_t>(TokenOrigin::translated)) &&
         byte_at_most(&m.lineage, kLineageChild | kLineageParent) && byte_at_most(&m.family, 1) &&
         byte_at_most(&m.letters, 1) && byte_at_most(&m.abjad, 1) && byte_at_most(&m.syllable, 1) &&
         byte_at_most(&m.kana, 1) && byte_at_most(&m.place, 1) && byte_at_most(&m.series, 1) &&
         byte_at_most(&m.spelled, 1) && byte_at_most(&m.own_acronym, 1) &&
         byte_at_most(&m.descriptive, 1);
}

bool valid_bounds(const NameIndex::BoundFigures& b) {
  return byte_at_most(&b.has_alternatives, 1) && byte_at_most(&b.person, 1) &&
         byte_at_most(&b.forebears, 1) && byte_at_most(&b.series, 1) && byte_at_most(&b.unit, 1) &&
         b.acronym_weight >= 0 && b.acronym_weight <= b.total_weight;
}

}  // namespace

// Reads the sections of a checked file into a NameIndex's views, and checks that every offset,
// id and range in them stays inside the arrays it points into: what the checksum cannot prove
// (a file written by a faulty build) must not become an out-of-bounds read.
class NameIndexReader {
 public:
  explicit NameIndexReader(const IndexFileReader& file) : file_(file) {}

  Status read(NameIndex& x) {
    using S = IndexSection;
    auto scalars = get<IndexScalars>(S::scalars);
    if (!scalars) return scalars.error();
    if (scalars->size() != 1) return fail("scalars");
    x.unseen_idf_ = (*scalars)[0].unseen_idf;
    std::copy(std::begin((*scalars)[0].letter_terms), std::end((*scalars)[0].letter_terms),
              x.letter_terms_.begin());
    if (!take(S::names, x.names_) || !take(S::tokens, x.tokens_) ||
        !take(S::alternatives, x.alternatives_) || !take(S::bound_figures, x.bound_figures_) ||
        !strings(S::term_offsets, S::term_bytes, x.terms_) ||
        !take(S::term_slots, x.term_ids_.slots) ||
        !strings(S::phonetic_offsets, S::phonetic_bytes, x.phonetic_) ||
        !strings(S::romanization_offsets, S::romanization_bytes, x.romanization_) ||
        !take(S::masks, x.masks_) || !take(S::idf, x.idf_) ||
        !lists(S::posting_offsets, S::posting_values, x.postings_) ||
        !lists(S::initial_offsets, S::initial_values, x.people_initials_) ||
        !keyed(0, x.phonetic_terms_) || !keyed(1, x.joined_postings_) ||
        !keyed(2, x.romanization_terms_) || !keyed(3, x.romanized_span_postings_) ||
        !keyed(4, x.initials_postings_) || !keyed(5, x.acronym_postings_) ||
        !deletions(S::deletions, S::deletion_directory, x.deletions_) ||
        !deletions(S::family_deletions, S::family_deletion_directory, x.family_deletions_))
      return error_;
    x.term_ids_.keys = x.terms_;
    const size_t terms = x.terms_.size(), names = x.names_.size();
    auto below = [](auto values, size_t bound) {
      return std::all_of(values.begin(), values.end(), [bound](auto v) { return v < bound; });
    };
    if (x.phonetic_.size() != terms || x.romanization_.size() != terms ||
        x.masks_.size() != terms || x.idf_.size() != terms ||
        x.postings_.offsets.size() != terms + 1 || x.people_initials_.offsets.size() != 37 ||
        x.bound_figures_.size() != names || !slots_fit(x.term_ids_))
      return fail("array sizes");
    for (TermId t : x.letter_terms_)
      if (t != kNoTerm && t >= terms) return fail("letter terms");
    // A name's alias number is checked where a hit reads it (Screener::finish): checking
    // it here would decode every record of a snapshot that decodes records on demand.
    for (const auto& n : x.names_)
      if (n.entity >= x.snapshot_->entities.size() || n.token_begin > x.tokens_.size() ||
          n.token_count > x.tokens_.size() - n.token_begin || n.alias < -1)
        return fail("names");
    for (const auto& t : x.tokens_)
      if (t.term >= terms || t.alt_begin > x.alternatives_.size() ||
          t.alt_count > x.alternatives_.size() - t.alt_begin || !valid_token(t))
        return fail("tokens");
    if (!std::all_of(x.bound_figures_.begin(), x.bound_figures_.end(), valid_bounds))
      return fail("name figures");
    if (!below(x.alternatives_, terms) || !below(x.postings_.values, names) ||
        !below(x.people_initials_.values, names) || !below(x.phonetic_terms_.lists.values, terms) ||
        !below(x.romanization_terms_.lists.values, terms) ||
        !below(x.joined_postings_.lists.values, names) ||
        !below(x.romanized_span_postings_.lists.values, names) ||
        !below(x.initials_postings_.lists.values, names) ||
        !below(x.acronym_postings_.lists.values, names))
      return fail("ids");
    for (const auto* table : {&x.deletions_, &x.family_deletions_})
      for (const auto& d : table->entries)
        if (d.term >= terms) return fail("deletion tables");
    return Ok{};
  }

 private:
  template <typename T>
  Result<std::span<const T>> get(IndexSection id) {
    return file_.get<T>(id);
  }
  Error fail(const char* what) {
    return make_error(ErrorCode::integrity,
                      fmt::format("{}: inconsistent {} (the file is damaged)", file_.name(), what));
  }
  template <typename T>
  bool take(IndexSection id, std::span<const T>& out) {
    auto got = file_.get<T>(id);
    if (!got) {
      error_ = got.error();
      return false;
    }
    out = got.value();
    return true;
  }
  // Offsets start at 0, never decrease and end at the size of what they index.
  bool offsets_fit(std::span<const uint32_t> offsets, size_t size) {
    if (offsets.empty() || offsets.front() != 0 || offsets.back() != size ||
        !std::is_sorted(offsets.begin(), offsets.end())) {
      error_ = fail("offsets");
      return false;
    }
    return true;
  }
  bool strings(IndexSection offsets_id, IndexSection bytes_id, NameIndex::Strings& out) {
    return take(offsets_id, out.offsets) && take(bytes_id, out.bytes) &&
           offsets_fit(out.offsets, out.bytes.size());
  }
  bool lists(IndexSection offsets_id, IndexSection values_id, NameIndex::Lists& out) {
    return take(offsets_id, out.offsets) && take(values_id, out.values) &&
           offsets_fit(out.offsets, out.values.size());
  }
  // A power-of-two table, at least one slot empty (a probe ends), every key at most once.
  bool slots_fit(const NameIndex::KeyTable& t) {
    const size_t n = t.slots.size();
    if (n == 0 || (n & (n - 1)) != 0 || t.keys.size() >= n) return false;
    size_t used = 0;
    for (uint32_t s : t.slots) {
      if (s > t.keys.size()) return false;
      used += s != 0;
    }
    return used == t.keys.size();
  }
  bool keyed(int table, NameIndex::KeyedLists& out) {
    using P = KeyedListSection;
    if (!strings(keyed_section(table, P::key_offsets), keyed_section(table, P::key_bytes),
                 out.table.keys) ||
        !take(keyed_section(table, P::slots), out.table.slots) ||
        !lists(keyed_section(table, P::list_offsets), keyed_section(table, P::list_values),
               out.lists))
      return false;
    if (!slots_fit(out.table) || out.lists.offsets.size() != out.table.keys.size() + 1) {
      error_ = fail("keyed table");
      return false;
    }
    return true;
  }
  bool deletions(IndexSection entries_id, IndexSection directory_id,
                 NameIndex::DeletionTable& out) {
    if (!take(entries_id, out.entries) || !take(directory_id, out.directory)) return false;
    out.bits = NameIndex::DeletionTable::directory_bits(out.entries.size());
    if (out.directory.size() != (size_t{1} << out.bits) + 1 ||
        !offsets_fit(out.directory, out.entries.size())) {
      error_ = fail("deletion directory");
      return false;
    }
    return true;
  }

  const IndexFileReader& file_;
  Error error_{ErrorCode::integrity, ""};
};

Result<std::unique_ptr<NameIndex>> NameIndex::open(std::shared_ptr<const Snapshot> snapshot,
                                                   std::shared_ptr<const void> storage,
                                                   std::string_view bytes,
                                                   const std::string& name) {
  static std::atomic<uint64_t> serials{0};
  auto file = IndexFileReader::open(bytes, snapshot->content_hash, name);
  if (!file) return file.error();
  std::unique_ptr<NameIndex> index(new NameIndex());
  index->skeletons_ = std::make_shared<KeyedTerms>();
  index->thai_keys_ = std::make_shared<KeyedTerms>();
  index->transcription_keys_ = std::make_shared<KeyedTerms>();
  index->snapshot_ = std::move(snapshot);
  index->storage_ = std::move(storage);
  index->bytes_ = bytes;
  index->serial_ = ++serials;
  if (auto st = NameIndexReader(file.value()).read(*index); !st) return st.error();
  return index;
}

std::unique_ptr<NameIndex> NameIndex::open_or_build(std::shared_ptr<const Snapshot> snapshot,
                                                    const std::string& path, unsigned threads,
                                                    IndexLoadReport* report) {
  IndexLoadReport local;
  IndexLoadReport& r = report ? *report : local;
  r = {};
  auto mapped = MappedFile::open(path);
  if (mapped) {
    std::shared_ptr<const MappedFile> file = std::move(mapped.value());
    const std::string_view bytes = file->bytes();
    auto index = open(snapshot, file, bytes, path);
    if (index) {
      r.mapped = true;
      return std::move(index.value());
    }
    r.rebuilt_because = index.error().message;
  } else {
    r.rebuilt_because =
        mapped.error().code == ErrorCode::not_found ? path + ": missing" : mapped.error().message;
  }
  auto bytes = std::make_shared<const std::string>(build_file(*snapshot, threads));
  if (auto st = write_derived_file(path, *bytes); st)
    r.stored = true;
  else
    r.store_error = st.error().message;
  const std::string_view view = *bytes;
  auto index = open(std::move(snapshot), bytes, view, "built index");
  if (!index) throw std::logic_error(index.error().message);
  return std::move(index.value());
}

IndexedName NameIndex::name(uint32_t n) const {
  const NameRecord& r = names_[n];
  IndexedName out;
  out.entity = r.entity;
  out.alias = r.alias;
  out.tokens = tokens_.subspan(r.token_begin, r.token_count);
  out.alternative_pool = alternatives_;
  out.total_weight = r.total_weight;
  out.max_token_weight = r.max_token_weight;
  out.has_alternatives = r.has_alternatives;
  out.person = r.person;
  out.weak_alias = r.weak_alias;
  return out;
}

int64_t NameIndex::KeyTable::find(std::string_view key) const {
  if (slots.empty()) return -1;
  const size_t mask = slots.size() - 1;
  size_t i = hash_of(key) & mask;
  // At least one slot is empty (checked on load), so the probe ends.
  while (const uint32_t s = slots[i]) {
    if (keys.at(s - 1) == key) return s - 1;
    i = (i + 1) & mask;
  }
  return -1;
}

TermId NameIndex::find_term(std::string_view text) const {
  const int64_t k = term_ids_.find(text);
  return k < 0 ? kNoTerm : static_cast<TermId>(k);
}

std::span<const uint32_t> NameIndex::names_with_term(TermId term) const {
  if (term == kNoTerm || term >= terms_.size()) return {};
  return postings_.at(term);
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
      for (const auto& d : table->run(h)) {
        if (d.hash != h) continue;
        const TermId t = d.term;
        const std::string_view term = terms_.at(t);
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
  return people_initials_.at(static_cast<size_t>(slot));
}

std::span<const TermId> NameIndex::terms_with_phonetic(std::string_view key) const {
  return phonetic_terms_.find(key);
}

struct NameIndex::KeyedTerms {
  std::once_flag built;
  std::unordered_map<std::string, std::vector<TermId>> terms;

  // The terms under `key`, every term's keys (keys_of(text) → strings) filed on first use.
  template <typename KeysOf>
  std::span<const TermId> find(const NameIndex& index, std::string_view key, KeysOf keys_of) {
    std::call_once(built, [&] {
      for (TermId t = 0; t < index.term_count(); ++t)
        for (std::string& k : keys_of(index.term_text(t)))
          if (auto& list = terms[std::move(k)]; list.empty() || list.back() != t) list.push_back(t);
    });
    const auto it = terms.find(std::string(key));
    if (it == terms.end()) return {};
    return it->second;
  }
};

std::span<const TermId> NameIndex::terms_with_skeleton(std::string_view skeleton) const {
  if (skeleton.empty() || !skeletons_) return {};
  return skeletons_->find(*this, skeleton, [](std::string_view text) {
    std::vector<std::string> keys;
    if (std::string key = consonant_skeleton(text); !key.empty()) keys.push_back(std::move(key));
    return keys;
  });
}

std::span<const TermId> NameIndex::terms_with_thai_key(std::string_view key) const {
  if (key.empty() || !thai_keys_) return {};
  return thai_keys_->find(*this, key, latin_thai_letter_keys);
}

std::span<const TermId> NameIndex::terms_with_transcription_key(std::string_view key) const {
  if (key.empty() || !transcription_keys_) return {};
  return transcription_keys_->find(*this, key, latin_transcription_keys);
}

std::span<const TermId> NameIndex::terms_with_romanization(std::string_view key) const {
  if (key.empty()) return {};
  return romanization_terms_.find(key);
}

std::span<const uint32_t> NameIndex::names_with_romanized_span(std::string_view key) const {
  if (key.empty()) return {};
  return romanized_span_postings_.find(key);
}

std::span<const uint32_t> NameIndex::names_with_joined(std::string_view text) const {
  return joined_postings_.find(text);
}

std::span<const uint32_t> NameIndex::names_with_initials(std::string_view text) const {
  return initials_postings_.find(text);
}

std::span<const uint32_t> NameIndex::names_with_acronym(std::string_view text) const {
  return acronym_postings_.find(text);
}

}  // namespace clearance
