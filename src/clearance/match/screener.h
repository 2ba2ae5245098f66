#pragma once
// Screening: a query (name, optionally country, type, date of birth, identifier) against every
// list name, through the index; hits with scores and explanations.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "clearance/match/name_index.h"
#include "clearance/match/name_scorer.h"
#include "clearance/match/threshold.h"
#include "clearance/text/name_normalizer.h"
#include "clearance/util/text_map.h"

namespace clearance {

struct ScreenQuery {
  std::string name;
  std::string country;  // ISO alpha-2 or a country name
  EntityType type = EntityType::unknown;
  std::string date_of_birth;       // YYYY, YYYY-MM or YYYY-MM-DD
  std::string identifier;          // passport, registration number…
  std::vector<std::string> lists;  // restrict to these list codes or datasets (empty = all)
};

struct ScreenOptions {
  float threshold = 0.80f;
  size_t limit = 10;
  ScorerSettings scorer;
  // Above 0 (and under the threshold): also bound the best score under the threshold, looking
  // down to this floor (ScreenResult::near) — what monitoring keeps to know how near a subject
  // came to a hit.
  float near_floor = 0;
  // Keeps the query's normalised name in ScreenSession::name (what monitoring keeps of a subject's
  // words), so that it is not normalised twice.
  bool keep_name = false;
};

// A piece of non-name evidence and what it did to the score.
struct Evidence {
  std::string feature;  // "country", "date_of_birth", "identifier", "type", "weak_alias"
  std::string detail;
  float delta = 0;
};

// A hit is a party: the record whose name scored best stands for it (entity, alias, match,
// evidence); `party` gives every record of the party, most consequential listing first.
struct Hit {
  uint32_t entity_index = 0;
  const Party* party = nullptr;
  uint32_t name_index = 0;  // into NameIndex::names()
  const Entity* entity = nullptr;
  int32_t alias = -1;  // which name matched: -1 primary, else index into aliases
  float name_score = 0;
  float score = 0;
  // The query names a place its matched name leaves over and the record's own name writes
  // (苏州寒武纪 against the brand 寒武纪 that Clearance gave "Suzhou Cambricon Information
  // Technology"): at an equal score, this record ranks first.
  bool names_its_place = false;
  NameMatch match;
  // The reading of the query the match aligns when it is not ScreenResult::query (a name in kanji
  // read as Japanese: NormalizedName::readings); null otherwise.
  std::shared_ptr<const PreparedQuery> reading;
  std::vector<Evidence> evidence;
  // True when the party holds the record `id` (a hit on a party counts for each of its records).
  bool has_record(const Snapshot& snapshot, const std::string& id) const;
  const std::string& matched_name() const {
    return alias < 0 ? entity->name : entity->aliases[alias].name;
  }
};

struct ScreenResult {
  std::vector<Hit> hits;   // one per party, best first, at most `limit`
  size_t total = 0;        // parties at or above the threshold
  bool truncated = false;  // the limit cut `total` down to `hits`
  PreparedQuery query;
  size_t candidates = 0;  // names reached through the index
  size_t scored = 0;      // names actually scored (the rest were bounded out)
  // With ScreenOptions::near_floor: at least the best score under the threshold of any party (an
  // upper bound: for a name not scored in full, what the score bound allows plus the most evidence
  // could add; names whose bound reaches the floor are scored).
  float near = 0;
  // The query's words of a script no reader spells (NormalizedName::unread): screened without
  // them, so no hit is no answer for them.
  std::vector<UnreadText> unread;
};

// What a query's lookups have found out about one list name (see Screener::gather_candidates).
// One struct per name rather than one array per field: the lookups visit names in no particular
// order, and each visit then touches one cache line instead of six.
struct NameScratch {
  uint32_t generation = 0;      // == ScreenSession::generation when reached by the current query
  int32_t token_stamp = -1;     // the query token (or span) that last reached it
  float credit = 0;             // query-side weight its lookups account for
  float name_credit = 0;        // list-side weight
  float token_similarity = 0;   // for the current token: the best similarity a match may have
  float token_name_weight = 0;  // for the current token: heaviest list term it may match
  float token_units = 0;        // for the current token: list tokens a span match may cover
};

// Per-thread state: a normaliser (ICU) and scratch space. Cheap to reuse, costly to create.
class ScreenSession {
 public:
  ScreenSession() = default;
  NameNormalizer normalizer;
  std::vector<NameScratch> names;  // one per indexed name
  uint32_t generation = 0;
  std::vector<uint32_t> candidates;
  std::vector<uint32_t> survivors;     // candidates whose score bound reaches the threshold
  std::vector<float> survivor_bounds;  // their score bounds, in the same order
  std::vector<uint32_t> touched;       // names the current token's lookups reached
  // The highest score bound of a name the last filter left out, reached by a lookup or not.
  float bound_below = 0;
  // For a reading that counts only against parties of some countries (PreparedQuery::countries):
  // which names may count (one byte per name), so that the lookups pass the others by; null for
  // every name.
  const std::vector<uint8_t>* names_counting = nullptr;
  // The last query's normalised name, when ScreenOptions::keep_name asked for it.
  NormalizedName name;
  float current_weight = 0;  // the current token's query-side weight
  // Fuzzy (edits ≤ 2) and phonetic neighbours of the query tokens this thread has seen, for the
  // index numbered similar_cache_serial: a batch repeats its common words ("trading", "smith")
  // thousands of times, and finding them is the costliest lookup.
  static constexpr size_t kSimilarCacheEntries = 50000;  // then cleared: a few MB at most
  TextMap<std::vector<NameIndex::SimilarTerm>> similar_cache;
  uint64_t similar_cache_serial = 0;
};

class Screener {
 public:
  explicit Screener(std::shared_ptr<const NameIndex> index) : index_(std::move(index)) {}

  const NameIndex& index() const { return *index_; }
  ScreenResult screen(const ScreenQuery& query, const ScreenOptions& options,
                      ScreenSession& session) const;
  // The reference: the same scoring applied to every name, no index. Slow; for tests and
  // benchmarks.
  ScreenResult screen_all_names(const ScreenQuery& query, const ScreenOptions& options,
                                ScreenSession& session) const;

  // For a delta monitoring run (store/monitor.cpp), which screens the words a store keeps of its
  // subjects rather than their names: one word prepared as a query token against this index (as
  // prepare_query() does each token; complete_query() then makes the tokens a query), and the
  // best name score a prepared query may have against any name of this index — exact for the
  // names whose score bound reaches `floor` (screen() would score them), that bound for the rest,
  // so never less than the truth; it stops at the first name found scoring `enough`. At the
  // threshold less the most evidence can add, the query may have a hit; under it, the figure
  // bounds its near score here (`followers_under` as filter_candidates takes it).
  QueryToken prepare_word(const NameToken& word, ScreenSession& session) const;
  // A prepared word's fuzzy and phonetic neighbours in this index, as a family name or not (what
  // QueryToken::similar holds).
  std::vector<NameIndex::SimilarTerm> find_similar(const QueryToken& word, bool family) const;
  // Leaves in session.survivors the names whose score bound reaches `needed`, and in
  // session.bound_below the highest bound of the rest; a name only the query's lightest words reach
  // (gather_candidates' followers) is not looked at, its bound held under `followers_under` (at
  // most `needed`; lower keeps bound_below, a near score's part, tighter).
  void filter_candidates(const PreparedQuery& query, bool person, float needed,
                         const ScorerSettings& scorer, ScreenSession& session,
                         float followers_under = 2) const;
  float best_name_score(const PreparedQuery& query, bool person, float floor, float enough,
                        ScreenSession& session, float followers_under = 2) const;
  // The most a query's non-name evidence (country, date of birth, identifier) can add to a score.
  static float max_evidence_boost(bool country, bool date_of_birth, bool identifier);
  // Two ad-hoc names, weighted with this index's term statistics.
  NameMatch compare(const std::string& a, const std::string& b, EntityType type,
                    ScreenSession& session, const ScorerSettings& settings = {}) const;

 private:
  // Scores `names`, keeps each entity's best name, adds non-name evidence, applies the threshold.
  ScreenResult finish(const ScreenQuery& query, const ScreenOptions& options,
                      PreparedQuery&& prepared, const std::vector<uint32_t>& names) const;
  // One reading of the query through the index: candidates, the score bound, finish().
  ScreenResult screen_reading(const ScreenQuery& query, const ScreenOptions& options,
                              PreparedQuery&& prepared, ScreenSession& session) const;
  // What every candidate may match without a lookup having reached it: legal forms, stopwords and
  // initials are not looked up (they match too widely).
  struct Unaccounted {
    float query_weight = 0;  // their query-side weight
    float name_weight = 0;   // list-side weight they can match exactly (their terms' IDF)
    // Single letters: as initials they may each match one list token of any weight, at the
    // scorer's initial similarity, and only in names scored as a person (every name when the
    // query is a person, else listed people).
    float initials_query_weight = 0;
    int initials = 0;
    bool initials_match_every_name = false;
    // The last word of a query that may have been cut short: like an initial, it may match one
    // list token of any weight, in any name (name_scorer.cpp, MatchHow::cut).
    float cut_query_weight = 0;
  };
  // Fills session.candidates and the per-name credits the score bound is computed from. The
  // `followers` (a bit per token: ordinary words of two letters or more) credit only names the
  // other lookups reached: a name they alone reach cannot reach the bound (filter_candidates
  // chooses them so), and their postings are the longest a query reads.
  Unaccounted gather_candidates(const PreparedQuery& query, bool query_is_person,
                                const ScorerSettings& scorer, uint64_t followers,
                                ScreenSession& session) const;
  // Which names belong to a party of `countries` (an address or a nationality there), worked out
  // once per set of countries and kept.
  const std::vector<uint8_t>& names_of_countries(const std::vector<std::string>& countries) const;
  std::shared_ptr<const NameIndex> index_;
  mutable std::mutex countries_mutex_;
  mutable std::map<std::vector<std::string>, std::unique_ptr<const std::vector<uint8_t>>>
      names_of_countries_;
};

}  // namespace clearance
