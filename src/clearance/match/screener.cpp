#include "clearance/match/screener.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <unordered_map>

#include "clearance/model/country_codes.h"
#include "clearance/text/chinese_personal_names.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/legal_forms.h"
#include "clearance/util/strings.h"

namespace clearance {

// A weak alias never carries a hit on its own: its score is capped below any sensible threshold.
constexpr float kWeakAliasCap = 0.6f;

namespace {

// The order of hits: by score; at an equal score a record whose name writes the place the query
// names (Hit::names_its_place) first, then a hit on a record's own name before one on a group's
// brand Clearance gave it (the brand's own record first), then by record id.
bool ranks_before(const Hit& a, const Hit& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.names_its_place != b.names_its_place) return a.names_its_place;
  auto on_a_brand = [](const Hit& h) {
    return h.alias >= 0 && h.entity->aliases[h.alias].kind == AliasKind::added_brand;
  };
  if (on_a_brand(a) != on_a_brand(b)) return on_a_brand(b);
  return a.entity->id < b.entity->id;
}

// Whether a name writes `word` (lower case, letters only) as one of its words, in any case.
bool writes_word(std::string_view name, std::string_view word) {
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && !std::isalpha(static_cast<unsigned char>(name[i]))) ++i;
    size_t j = i;
    while (j < name.size() && std::isalpha(static_cast<unsigned char>(name[j]))) ++j;
    if (j - i == word.size() &&
        std::equal(word.begin(), word.end(), name.begin() + i,
                   [](char w, char c) { return w == std::tolower(static_cast<unsigned char>(c)); }))
      return true;
    i = j;
  }
  return false;
}

// Whether the query names a place that the hit's matched name leaves over and the record's own
// name writes: the hit is on another of the record's names (a Chinese name, a brand), and the
// place is the record's.
bool names_its_place(const Hit& hit, const PreparedQuery& query) {
  if (hit.alias < 0) return false;
  for (int i : hit.match.unmatched_query) {
    const QueryToken& t = query.tokens[i];
    if (t.marks.place && writes_word(hit.entity->name, t.text)) return true;
  }
  return false;
}

std::string alnum_upper(std::string_view text) {
  std::string out;
  for (char c : text)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool in_lists(const Entity& e, const std::vector<std::string>& lists) {
  if (lists.empty()) return true;
  for (const auto& l : lists)
    if (iequals(l, e.list) || iequals(l, e.dataset)) return true;
  return false;
}

// A name counts for `--lists el` when its party has an Entity List listing, whichever record of
// the party the name comes from.
bool party_in_lists(const Snapshot& snapshot, uint32_t entity,
                    const std::vector<std::string>& lists) {
  if (lists.empty()) return true;
  const Party* party = snapshot.party_of_entity(entity);
  if (!party) return in_lists(snapshot.entities[entity], lists);
  for (uint32_t m : party->members)
    if (in_lists(snapshot.entities[m], lists)) return true;
  return false;
}

// The largest raise each kind of non-name evidence can give (weigh_evidence uses the same values).
constexpr float kCountryMatch = 0.03f, kExactDateOfBirth = 0.05f, kIdentifierMatch = 0.2f;

// The most non-name evidence can add to a name score: names further below the threshold than
// this cannot become hits.
float evidence_boost_of(const ScreenQuery& q) {
  return Screener::max_evidence_boost(!q.country.empty(), !q.date_of_birth.empty(),
                                      !q.identifier.empty());
}

// The legal form a query without a stated type begins or ends with ("... Co., Ltd.", "OOO ..."),
// which makes it an organisation; nullptr when there is none.
const QueryToken* organisation_marker(const PreparedQuery& query) {
  const auto& t = query.tokens;
  if (t.size() < 2) return nullptr;
  for (const QueryToken* edge : {&t.back(), &t.front()})
    if (edge->kind == TokenClass::legal_form) return edge;
  return nullptr;
}

// The surname of a query without a stated type written as a Chinese personal name (李娜: two or
// three characters, a common surname first, no organisation word), which makes it a person;
// empty when it is not one.
std::string_view chinese_person_surname(const std::string& name, const PreparedQuery& query) {
  for (const auto& t : query.tokens)
    if (t.kind != TokenClass::ordinary || t.origin == TokenOrigin::translated) return {};
  return chinese_personal_name_surname(name);
}

// An optional translated word carried by more names than this is credited to every name instead
// of looked up: reading its postings would cost more than scoring the names it lets through.
constexpr size_t kMaxOptionalWordCarriers = 2000;

// The query's country as an ISO code ("" when it states none or none known).
std::string country_code_of(const ScreenQuery& q) {
  if (q.country.empty()) return {};
  CountryResolver resolver;
  return resolver.resolve(q.country);
}

// Country, date of birth, identifier and type evidence, each a bounded adjustment. `code`: the
// query's country resolved (country_code_of). Without `explain`, the details are left empty: what
// a near score asks of a record, its adjustments alone.
std::vector<Evidence> weigh_evidence(const ScreenQuery& q, const PreparedQuery& prepared,
                                     const Entity& e, const std::string& code,
                                     bool explain = true) {
  std::vector<Evidence> out;
  if (!q.country.empty()) {
    std::vector<std::string> countries;
    for (const auto& a : e.addresses)
      if (!a.country.empty()) countries.push_back(a.country);
    for (const auto& c : e.nationalities) countries.push_back(c);
    for (const auto& c : e.citizenships) countries.push_back(c);
    if (!code.empty() && !countries.empty()) {
      const bool match = std::find(countries.begin(), countries.end(), code) != countries.end();
      out.push_back({"country",
                     explain ? fmt::format("query {} {} list {}", code, match ? "in" : "not in",
                                           join(countries, ","))
                             : std::string(),
                     match ? kCountryMatch : -0.05f});
    }
  }
  if (!q.date_of_birth.empty() && !e.dates_of_birth.empty()) {
    const std::string& want = q.date_of_birth;
    float best = -0.15f;
    std::string detail =
        explain ? fmt::format("query {} differs from list {}", want, join(e.dates_of_birth, ","))
                : std::string();
    for (const auto& have : e.dates_of_birth) {
      if (have.size() < 4 || want.size() < 4) continue;
      const int dy =
          std::abs(std::atoi(have.substr(0, 4).c_str()) - std::atoi(want.substr(0, 4).c_str()));
      if (have == want && want.size() == 10) {
        best = kExactDateOfBirth;
        if (explain) detail = fmt::format("same date {}", want);
        break;
      }
      if (dy == 0 && best < 0.02f) {
        best = 0.02f;
        if (explain) detail = fmt::format("same year {}", want.substr(0, 4));
      } else if (dy == 1 && best < 0.0f) {
        best = 0.0f;
        if (explain) detail = fmt::format("year within one of list {}", have);
      }
    }
    out.push_back({"date_of_birth", detail, best});
  }
  if (!q.identifier.empty()) {
    const std::string want = alnum_upper(q.identifier);
    for (const auto& id : e.identifiers)
      if (!want.empty() && alnum_upper(id.number) == want) {
        out.push_back(
            {"identifier",
             explain ? fmt::format("{} {} matches exactly", id.type, id.number) : std::string(),
             kIdentifierMatch});
        break;
      }
  }
  // A person is not a company, nor a company a ship: a name shared across types is weaker evidence.
  // A person and a company may share a name for a reason (a firm named after its owner); a company
  // and a vessel or aircraft are not the same kind of thing at all (yente does not compare them).
  EntityType type = q.type;
  const QueryToken* form = type == EntityType::unknown ? organisation_marker(prepared) : nullptr;
  const std::string_view surname =
      type == EntityType::unknown && !form ? chinese_person_surname(q.name, prepared) : "";
  if (form) type = EntityType::organization;
  if (!surname.empty()) type = EntityType::person;
  if (type != EntityType::unknown && e.type != EntityType::unknown && type != e.type) {
    const bool person_involved = type == EntityType::person || e.type == EntityType::person;
    std::string why;
    if (form && explain) why = fmt::format(" (legal form \"{}\")", form->source);
    if (!surname.empty() && explain)
      why = fmt::format(" (a Chinese personal name: surname {})", surname);
    out.push_back({"type",
                   explain ? fmt::format("query is {}{}, list entry is {}", to_string(type), why,
                                         to_string(e.type))
                           : std::string(),
                   person_involved ? -0.1f : -0.2f});
  }
  return out;
}

// The terms within fuzzy distance of the token, then those sharing its phonetic key (marked
// phonetic, with their sound-alike edits), from the session's cache when this thread has looked
// the text up before. A person's family name looks two letters further (lookup_edits): the scorer
// allows that much in a family name when the rest of the name agrees.
std::vector<NameIndex::SimilarTerm> similar_terms_of(const NameIndex& index, const QueryToken& t,
                                                     bool family) {
  std::vector<NameIndex::SimilarTerm> found;
  index.similar_terms(t.text, found, family);
  if (!t.phonetic.empty())
    for (TermId term : index.terms_with_phonetic(t.phonetic))
      found.push_back(
          {term, static_cast<uint8_t>(sound_alike_edits(t.text, index.term_text(term))), true});
  return found;
}

const std::vector<NameIndex::SimilarTerm>& similar_terms(const NameIndex& index,
                                                         const QueryToken& t, bool family,
                                                         ScreenSession& s) {
  if (t.similar[family] && t.similar_serial == index.serial()) return *t.similar[family];
  thread_local std::string key;
  key.assign(t.text).push_back(family ? '+' : '=');
  auto it = s.similar_cache.find(key);
  if (it != s.similar_cache.end()) return it->second;
  return s.similar_cache.emplace(key, similar_terms_of(index, t, family)).first->second;
}

}  // namespace

Screener::Unaccounted Screener::gather_candidates(const PreparedQuery& query, bool query_is_person,
                                                  const ScorerSettings& scorer, uint64_t followers,
                                                  ScreenSession& s) const {
  const NameIndex& index = *index_;
  const size_t names = index.name_count();
  if (s.names.size() != names) {
    s.names.assign(names, NameScratch{});
    s.generation = 0;
  }
  if (++s.generation == 0) {
    for (auto& n : s.names) n.generation = 0;
    s.generation = 1;
  }
  s.candidates.clear();
  int stamp = 0;  // one per query token or span within this query
  // Off while the followers' lookups run: they credit the names others reached, and add none.
  bool adding = true;
  // Marks the names `found` as reached by the current token (or span) through a match the
  // scorer rates at most `similarity`: the query side may gain the token's weight at that
  // similarity; the list side a term of weight `term_weight` (a term match) or a span of `units`
  // list tokens (joined or acronym match), at that similarity. A name reached several ways by one
  // token keeps the best of each. Names of listed people may be credited `person_similarity`
  // instead, when higher (matches the scorer allows in a person's name only).
  auto reach = [&](std::span<const uint32_t> found, float term_weight, float units,
                   float similarity, float person_similarity = 0) {
    const bool by_type = person_similarity > similarity;
    for (uint32_t n : found) {
      const float sim = by_type && index.bound_figures()[n].person ? person_similarity : similarity;
      if (sim <= 0) continue;  // a match the scorer makes in another kind of name only
      if (s.names_counting && !(*s.names_counting)[n]) continue;
      NameScratch& x = s.names[n];
      if (x.generation != s.generation) {
        if (!adding) continue;
        x.generation = s.generation;
        x.credit = 0;
        x.name_credit = 0;
        x.token_stamp = -1;
        s.candidates.push_back(n);
      }
      if (x.token_stamp != stamp) {
        x.token_stamp = stamp;
        x.token_similarity = 0;
        x.token_units = 0;
        x.token_name_weight = 0;
        s.touched.push_back(n);
      }
      // A name holding alternatives (translations, a romanised word's English) may have been
      // reached through one, whose token weighs its own term's weight, not the term looked up:
      // credited as its heaviest token.
      const NameIndex::BoundFigures& figures = index.bound_figures()[n];
      const float weight =
          figures.has_alternatives ? std::max(term_weight, figures.max_token_weight) : term_weight;
      x.token_similarity = std::max(x.token_similarity, sim);
      x.token_units = std::max(x.token_units, sim * units);
      x.token_name_weight = std::max(x.token_name_weight, sim * weight);
    }
  };
  auto close_stamp = [&] {
    for (uint32_t n : s.touched) {
      NameScratch& x = s.names[n];
      const float span = x.token_units * index.bound_figures()[n].max_token_weight;
      x.credit += x.token_similarity * s.current_weight;
      x.name_credit += std::max(x.token_name_weight, span);
    }
    s.touched.clear();
    ++stamp;
  };
  // The scorer's similarity for each kind of inexact match (name_scorer.cpp); capped at 1 so that
  // unusual settings can only loosen the bound.
  const float phonetic = std::min(1.0f, scorer.phonetic_similarity);
  const float initial = std::min(1.0f, scorer.initial_similarity);
  const float acronym = std::min(1.0f, scorer.acronym_similarity);
  const float nickname = std::min(1.0f, scorer.nickname_similarity);
  const float skeleton =
      std::min(1.0f, std::max(scorer.skeleton_similarity, scorer.skeleton_vowels_similarity));
  const float transcribed = std::min(1.0f, scorer.transcription_similarity);
  const float romanization = std::min(1.0f, scorer.romanization_similarity);
  auto reach_romanized_terms = [&](const std::string& key, TermId self) {
    for (TermId term : index.terms_with_romanization(key))
      if (term != self) reach(index.names_with_term(term), index.idf(term), 0, romanization);
  };
  if (s.similar_cache_serial != index.serial() || s.similar_cache.size() > s.kSimilarCacheEntries) {
    s.similar_cache.clear();
    s.similar_cache_serial = index.serial();
  }

  // A word's own lookups (an ordinary word of two letters or more).
  auto ordinary_lookups = [&](const QueryToken& t) {
    // Exact and translated matches: one list term each, of known weight.
    if (t.term != kNoTerm) reach(index.names_with_term(t.term), index.idf(t.term), 0, 1);
    for (TermId alt : t.alternatives) reach(index.names_with_term(alt), index.idf(alt), 0, 1);
    for (TermId relative : t.nicknames)
      reach(index.names_with_term(relative), index.idf(relative), 0, nickname);
    for (const std::string& key : t.skeletons)
      for (TermId term : index.terms_with_skeleton(key))
        reach(index.names_with_term(term), index.idf(term), 0, skeleton);
    for (const std::string& key : t.thai_keys)
      for (TermId term : index.terms_with_thai_key(key))
        reach(index.names_with_term(term), index.idf(term), 0, skeleton);
    for (const std::string& key : t.transcription_keys)
      for (TermId term : index.terms_with_transcription_key(key))
        reach(index.names_with_term(term), index.idf(term), 0, transcribed);
    // Fuzzy matches score 1 − edits / longer length; phonetic ones the phonetic similarity,
    // or sound_alike_similarity() in a name scored as a person. Never for a syllable its script
    // spells exactly (Hangul, Burmese, Khmer): the scorer gives a word a letter apart nothing.
    if (!t.marks.syllable)
      for (const auto& [similar, edits, by_sound] : similar_terms(index, t, t.family_name, s)) {
        if (similar == t.term) continue;
        const std::string_view text = index.term_text(similar);
        const size_t longer = std::max(t.text.size(), text.size());
        const auto found = index.names_with_term(similar);
        if (!by_sound) {
          const float fuzzy = 1.0f - static_cast<float>(edits) / static_cast<float>(longer);
          if (edits <= max_edits(std::min(t.text.size(), text.size()))) {
            reach(found, index.idf(similar), 0, std::max(phonetic, fuzzy));
          } else if (text[0] == t.text[0]) {
            // A family name further apart, in a name scored as a person only.
            reach(found, index.idf(similar), 0, query_is_person ? fuzzy : 0, fuzzy);
          }
          continue;
        }
        const float sound_alike = std::min(1.0f, sound_alike_similarity(edits, longer, scorer));
        reach(found, index.idf(similar), 0, query_is_person ? sound_alike : phonetic, sound_alike);
      }
    // A person's initial on the list side ("J. Smith") matches this token's first letter. The
    // scorer matches initials only for people: every name when the query is a person, else the
    // names of listed people.
    const TermId first_letter = index.letter_term(t.text[0]);
    if (first_letter != kNoTerm)
      reach(query_is_person ? index.names_with_term(first_letter)
                            : index.people_with_initial(t.text[0]),
            index.idf(first_letter), 0, initial);
    // A list span written together, or spelled by this token as an acronym.
    reach(index.names_with_joined(t.text), 0, kMaxJoinedSpan, 1);
    // The same Chinese syllables romanised otherwise, in a term or a span (name_scorer.cpp).
    if (t.origin == TokenOrigin::pinyin || query.romanized) {
      reach_romanized_terms(t.romanization, t.term);
      reach(index.names_with_romanized_span(t.romanization), 0, 3, romanization);
    }
    if (t.text.size() >= (t.marks.letters ? 2u : 3u) && t.text.size() <= 6)
      reach(index.names_with_initials(t.text), 0, static_cast<float>(t.text.size()), acronym);
    // A word no list name contains may be two list words run together with a typo, one of them
    // exact at its start or end ("fridrichbuchenberg": "buchenberg"); the scorer pairs it with
    // the two (name_scorer.cpp, joined_typo).
    if (t.run_together) {
      const std::string_view text = t.text;
      auto reach_part = [&](std::string_view part) {
        const TermId term = index.find_term(part);
        if (term != kNoTerm && index.idf(term) >= scorer.generic_idf)
          reach(index.names_with_term(term), 0, 2, 1);
      };
      for (size_t cut = kMinJoinedExactPart; cut + kMinJoinedExactPart <= text.size(); ++cut) {
        reach_part(text.substr(0, cut));
        reach_part(text.substr(cut));
      }
    }
  };

  bool any_distinctive = false;
  for (const auto& t : query.tokens)
    any_distinctive = any_distinctive || t.kind == TokenClass::ordinary;
  Unaccounted unaccounted;
  unaccounted.initials_match_every_name = query_is_person;
  const size_t nq = query.tokens.size();
  // The last word of a long query, which may be cut short (name_scorer.cpp, MatchHow::cut).
  if (query.maybe_cut && nq > 0 && query.tokens.back().kind == TokenClass::ordinary &&
      query.tokens.back().text.size() >= 2)
    unaccounted.cut_query_weight = query.tokens.back().weight;
  for (size_t i = 0; i < nq; ++i) {
    const QueryToken& t = query.tokens[i];
    s.current_weight = t.weight;
    if (t.text.size() == 1) {
      // The same letter written alone on the list side matches exactly.
      if (t.term != kNoTerm) reach(index.names_with_term(t.term), index.idf(t.term), 0, 1);
      // As an initial it may match any token starting with its letter of a name scored as a
      // person (name_scorer.cpp).
      unaccounted.initials_query_weight += t.weight;
      ++unaccounted.initials;
    } else if (any_distinctive && t.kind != TokenClass::ordinary) {
      // A legal form or stopword matches the same term exactly (or a list span written together).
      unaccounted.query_weight += t.weight;
      s.current_weight = 0;  // already counted for every name
      // The list side may match the same term: counted for every name, or for the names that
      // carry it when they are few. A legal form or stopword has the same class on the list side
      // (legal_forms.cpp decides by text) and weighs little; an optional translated word ("group"
      // of 集团, "national" of 中国), which the query marks a stopword, may be an ordinary word of
      // full weight there, and crediting it to every name would let most of them through.
      float w = t.term == kNoTerm ? 0.0f : index.idf(t.term);
      size_t carriers = t.term == kNoTerm ? 0 : index.names_with_term(t.term).size();
      for (TermId alt : t.alternatives) {
        w = std::max(w, index.idf(alt));
        carriers += index.names_with_term(alt).size();
      }
      if (t.origin != TokenOrigin::translated) {
        unaccounted.name_weight += w * token_class_factor(t.kind, ScorerSettings{});
      } else if (carriers > kMaxOptionalWordCarriers) {
        unaccounted.name_weight += w;
      } else {
        if (t.term != kNoTerm) reach(index.names_with_term(t.term), index.idf(t.term), 0, 1);
        for (TermId alt : t.alternatives) reach(index.names_with_term(alt), index.idf(alt), 0, 1);
      }
      reach(index.names_with_joined(t.text), 0, kMaxJoinedSpan, 1);
    } else if (!((followers >> i) & 1)) {
      ordinary_lookups(t);
    }
    close_stamp();
    // Query spans starting here, each matching one list token: written apart where the list
    // writes one token, romanised otherwise, or initials a list acronym spells.
    std::string joined = t.text, initials;
    std::string key = t.kind == TokenClass::ordinary ? t.romanization : std::string();
    bool pinyin = t.origin == TokenOrigin::pinyin;
    float span_weight = t.weight;
    for (size_t k = i + 1; k < nq && k < i + kMaxJoinedSpan; ++k) {
      const QueryToken& next = query.tokens[k];
      joined += next.text;
      span_weight += next.weight;
      s.current_weight = span_weight;
      reach(index.names_with_term(index.find_term(joined)), 0, 1, 1);
      // Two words read from Arabic script, on the consonants of a list word (name_scorer.cpp).
      if (k == i + 1)
        for (const std::string& consonants : t.joined_skeletons)
          for (TermId term : index.terms_with_skeleton(consonants))
            reach(index.names_with_term(term), 0, 1, skeleton);
      if (key.empty() || next.romanization.empty() || next.kind != TokenClass::ordinary) {
        key.clear();
      } else {
        key += next.romanization;
        pinyin = pinyin || next.origin == TokenOrigin::pinyin;
        if (pinyin || query.romanized) reach_romanized_terms(key, kNoTerm);
      }
      close_stamp();
    }
    span_weight = 0;
    for (size_t k = i; k < nq && initials.size() < 6; ++k) {
      const QueryToken& w = query.tokens[k];
      // A company or corporation may close a span of three letters (name_scorer.cpp).
      const bool legal_form = w.kind == TokenClass::legal_form;
      if (legal_form && !closes_acronym(w.text, initials.size())) break;
      span_weight += w.weight;
      if (k > i && w.kind == TokenClass::stopword) continue;
      if (w.text.empty() || w.text[0] < 'a' || w.text[0] > 'z') break;
      initials += w.text[0];
      if (initials.size() < 2) continue;
      s.current_weight = span_weight;
      // Two letters only reach list acronyms written as letters (the index keeps no others).
      reach(index.names_with_acronym(initials), 0, 1, acronym);
      close_stamp();
      if (legal_form) break;
    }
  }
  // The followers last, once every name they could lift to the bound has been reached.
  adding = false;
  for (size_t i = 0; i < nq; ++i)
    if ((followers >> i) & 1) {
      s.current_weight = query.tokens[i].weight;
      ordinary_lookups(query.tokens[i]);
      close_stamp();
    }
  return unaccounted;
}

float Screener::max_evidence_boost(bool country, bool date_of_birth, bool identifier) {
  return (country ? kCountryMatch : 0.0f) + (date_of_birth ? kExactDateOfBirth : 0.0f) +
         (identifier ? kIdentifierMatch : 0.0f);
}

std::vector<NameIndex::SimilarTerm> Screener::find_similar(const QueryToken& word,
                                                           bool family) const {
  return similar_terms_of(*index_, word, family);
}

QueryToken Screener::prepare_word(const NameToken& word, ScreenSession& session) const {
  TermTable terms(*index_);
  const HasSimilarTerm has_similar_term = [&](const QueryToken& t) {
    const auto& found = similar_terms(*index_, t, false, session);
    return std::any_of(found.begin(), found.end(), [](const auto& s) { return !s.phonetic; });
  };
  NormalizedName name;
  name.tokens.push_back(word);
  return std::move(prepare_query(name, terms, false, has_similar_term).tokens.front());
}

namespace {

// Whether two names read the same to the scorer: the same tokens — each one's term, kind,
// origin, marks, Han spelling and alternatives — and the same person and weak-alias flags.
bool read_alike(const IndexedName& a, const IndexedName& b) {
  if (a.tokens.size() != b.tokens.size() || a.person != b.person || a.weak_alias != b.weak_alias)
    return false;
  for (size_t k = 0; k < a.tokens.size(); ++k) {
    const IndexedToken &x = a.tokens[k], &y = b.tokens[k];
    if (x.term != y.term || x.kind != y.kind || x.origin != y.origin || x.han != y.han ||
        std::memcmp(&x.marks, &y.marks, sizeof x.marks) != 0)
      return false;
    const auto ax = a.alternatives(x), ay = b.alternatives(y);
    if (!std::equal(ax.begin(), ax.end(), ay.begin(), ay.end())) return false;
  }
  return true;
}

// A hash of what read_alike() compares (alternatives by their count only).
uint64_t reading_hash(const IndexedName& n) {
  uint64_t h = 1469598103934665603ull ^ (n.person ? 2 : 1) ^ (n.weak_alias ? 4 : 0);
  auto mix = [&h](uint64_t v) { h = (h ^ v) * 1099511628211ull; };
  for (const IndexedToken& t : n.tokens) {
    mix(t.term);
    mix(static_cast<uint64_t>(t.kind) << 8 | static_cast<uint64_t>(t.origin));
    mix(t.han);
    mix(t.alt_count);
    uint64_t marks = 0;
    std::memcpy(&marks, &t.marks, std::min(sizeof marks, sizeof t.marks));
    mix(marks);
  }
  return h;
}

// A Korean reading of Han characters counts only against parties of Korea (an address or a
// nationality there): the same characters read in Chinese are another person's name (李明 is not
// RI MYONG). A Cantonese one only against parties of Hong Kong, Macau or China (the lists give
// Hong Kong people Chinese nationality as often as their own): not LEE Ming of Korea. A Chinese
// firm's brand read in Japanese only against parties of Japan (丰田汽车: Toyota).
std::vector<std::string> countries_of_reading(const NormalizedName& reading) {
  if (reading.language == "ko") return {"KP", "KR"};
  if (reading.language == "yue") return {"HK", "MO", "CN"};
  if (reading.language == kJapaneseBrandReading) return {"JP"};
  return {};
}

// Whether the party of an entity (the entity alone when it has none) has an address or a
// nationality in one of the countries.
bool party_in_countries(const Snapshot& snapshot, uint32_t entity,
                        const std::vector<std::string>& countries) {
  auto of = [&](const std::string& c) {
    return std::find(countries.begin(), countries.end(), c) != countries.end();
  };
  const Party* party = snapshot.party_of_entity(entity);
  const std::span<const uint32_t> members =
      party ? std::span<const uint32_t>(party->members) : std::span(&entity, 1);
  return std::any_of(members.begin(), members.end(), [&](uint32_t m) {
    const Entity& e = snapshot.entities[m];
    return std::any_of(e.nationalities.begin(), e.nationalities.end(), of) ||
           std::any_of(e.addresses.begin(), e.addresses.end(),
                       [&](const Address& a) { return of(a.country); });
  });
}

}  // namespace

const std::vector<uint8_t>& Screener::names_of_countries(
    const std::vector<std::string>& countries) const {
  std::lock_guard lock(countries_mutex_);
  auto& kept = names_of_countries_[countries];
  if (!kept) {
    const NameIndex& index = *index_;
    const Snapshot& snapshot = index.snapshot();
    std::vector<uint8_t> of_entity(snapshot.entities.size());
    for (uint32_t e = 0; e < of_entity.size(); ++e)
      of_entity[e] = party_in_countries(snapshot, e, countries);
    std::vector<uint8_t> in(index.name_count());
    for (uint32_t n = 0; n < in.size(); ++n) in[n] = of_entity[index.name(n).entity];
    kept = std::make_unique<const std::vector<uint8_t>>(std::move(in));
  }
  return *kept;
}

ScreenResult Screener::finish(const ScreenQuery& query, const ScreenOptions& options,
                              PreparedQuery&& prepared, const std::vector<uint32_t>& names) const {
  ScreenResult result;
  result.candidates = names.size();
  // The most non-name evidence can add (see weigh_evidence).
  const float boost = evidence_boost_of(query);
  const float needed = lowest_meeting(options.threshold) - boost;
  const bool near_asked = options.near_floor > 0 && options.near_floor < options.threshold;
  result.near = 0;
  const NameIndex& index = *index_;
  const TermTable terms(index);
  const auto& entities = index.snapshot().entities;
  std::unordered_map<uint32_t, Hit> best;  // per entity, its best-scoring name
  const bool person = query.type == EntityType::person;
  // The lists write one name on many records (a group's brand given to each of its firms, a
  // firm under several programmes): a name that reads like one scored already scores the same.
  struct Scored {
    uint32_t name;
    float score;
    std::optional<NameMatch> match;  // its alignment, once a hit asked for it
  };
  std::unordered_map<uint64_t, Scored> scored_alike;
  std::optional<std::string> country_code;  // the query's, once a record's evidence is weighed
  for (uint32_t n : names) {
    const IndexedName name = index.name(n);
    if (!query.lists.empty() && !party_in_lists(index.snapshot(), name.entity, query.lists))
      continue;
    if (!prepared.countries.empty() &&
        !party_in_countries(index.snapshot(), name.entity, prepared.countries))
      continue;
    ++result.scored;
    const bool as_person = person || name.person;
    auto [memo, fresh_reading] = scored_alike.try_emplace(reading_hash(name), Scored{n, 0, {}});
    const bool alike = !fresh_reading && read_alike(index.name(memo->second.name), name);
    float name_score = alike ? memo->second.score
                             : name_score_only(prepared, name, terms, as_person, options.scorer);
    if (fresh_reading) memo->second.score = name_score;
    const bool weak = name.weak_alias;
    // A weak alias never carries a hit on its own: cap it below any sensible threshold.
    if (weak) name_score = std::min(name_score, kWeakAliasCap);
    if (name_score < needed) {  // even the best non-name evidence cannot make it a hit
      // Its near score part: the name score and its record's evidence, weighed only when the
      // most evidence could raise the near score (a country the record does not have, another
      // kind of party, lower it: a bound by the most it could add stays loose by all of that).
      if (near_asked && name_score + boost > result.near) {
        if (!country_code) country_code = country_code_of(query);
        float evidence = 0;
        for (const Evidence& e :
             weigh_evidence(query, prepared, entities[name.entity], *country_code, false))
          evidence += e.delta;
        result.near = std::max(result.near, std::clamp(name_score + evidence, 0.0f, 1.0f));
      }
      continue;
    }
    auto it = best.find(name.entity);
    if (it != best.end() && it->second.name_score >= name_score) continue;
    // A likely hit: score again, this time recording the alignment that explains it.
    NameMatch match;
    if (alike || fresh_reading) {
      if (!memo->second.match)
        memo->second.match = score_name(prepared, name, terms, as_person, options.scorer);
      match = *memo->second.match;
    } else {
      match = score_name(prepared, name, terms, as_person, options.scorer);
    }
    const Entity& entity = entities[name.entity];
    // Only a damaged index (its checksum made to match) names an alias the record lacks.
    if (name.alias >= static_cast<int32_t>(entity.aliases.size())) continue;
    Hit hit;
    hit.entity_index = name.entity;
    hit.name_index = n;
    hit.entity = &entity;
    hit.alias = name.alias;
    hit.name_score = name_score;
    hit.match = std::move(match);
    if (weak)
      hit.evidence.push_back(
          {"weak_alias", "matched a name the source marks as weak/low quality", 0});
    best[name.entity] = std::move(hit);
  }
  // One hit per party: the record that scores best stands for it.
  const Snapshot& snapshot = index.snapshot();
  std::unordered_map<uintptr_t, Hit> by_party;
  for (auto& [entity_index, hit] : best) {
    if (hit.name_score <= 0) continue;
    if (!country_code) country_code = country_code_of(query);
    auto extra = weigh_evidence(query, prepared, *hit.entity, *country_code);
    float score = hit.name_score;
    for (const auto& e : extra) score += e.delta;
    hit.evidence.insert(hit.evidence.end(), extra.begin(), extra.end());
    hit.score = std::clamp(score, 0.0f, 1.0f);
    if (!meets_threshold(hit.score, options.threshold)) {
      if (near_asked) result.near = std::max(result.near, hit.score);
      continue;
    }
    hit.party = snapshot.party_of_entity(entity_index);
    hit.names_its_place = names_its_place(hit, prepared);
    const uintptr_t key = hit.party ? reinterpret_cast<uintptr_t>(hit.party)
                                    : reinterpret_cast<uintptr_t>(hit.entity);
    auto [it, fresh] = by_party.try_emplace(key);
    if (fresh || ranks_before(hit, it->second)) it->second = std::move(hit);
  }
  for (auto& [key, hit] : by_party) result.hits.push_back(std::move(hit));
  std::sort(result.hits.begin(), result.hits.end(), ranks_before);
  result.total = result.hits.size();
  result.truncated = result.hits.size() > options.limit;
  if (result.truncated) result.hits.resize(options.limit);
  result.query = std::move(prepared);
  return result;
}

namespace {

// Adds the hits of another reading of the query (NormalizedName::readings) to `into`: a party
// found by both keeps its better hit, which remembers the reading it aligns.
void merge_reading(ScreenResult& into, ScreenResult&& other, const ScreenOptions& options) {
  auto reading = std::make_shared<const PreparedQuery>(std::move(other.query));
  auto key = [](const Hit& h) {
    return h.party ? reinterpret_cast<uintptr_t>(h.party) : reinterpret_cast<uintptr_t>(h.entity);
  };
  const size_t distinct_before = into.hits.size();
  for (Hit& hit : other.hits) {
    hit.reading = reading;
    const auto same = std::find_if(into.hits.begin(), into.hits.end(),
                                   [&](const Hit& h) { return key(h) == key(hit); });
    if (same == into.hits.end())
      into.hits.push_back(std::move(hit));
    else if (hit.score > same->score)
      *same = std::move(hit);
  }
  std::sort(into.hits.begin(), into.hits.end(), ranks_before);
  // Exact unless a reading's own hits were cut at the limit, then a lower bound.
  into.total = std::max({into.total + (into.hits.size() - distinct_before), other.total});
  into.truncated = into.total > options.limit;
  if (into.hits.size() > options.limit) into.hits.resize(options.limit);
  into.candidates += other.candidates;
  into.scored += other.scored;
  into.near = std::max(into.near, other.near);
}

}  // namespace

ScreenResult Screener::screen(const ScreenQuery& query, const ScreenOptions& options,
                              ScreenSession& session) const {
  TermTable terms(*index_);
  // The similar terms of a word are looked up once, for this test and for gather_candidates.
  const HasSimilarTerm has_similar_term = [&](const QueryToken& t) {
    const auto& found = similar_terms(*index_, t, false, session);
    return std::any_of(found.begin(), found.end(), [](const auto& s) { return !s.phonetic; });
  };
  NormalizedName normalized = session.normalizer.normalize_query(query.name);
  ScreenResult result = screen_reading(
      query, options, prepare_query(normalized, terms, false, has_similar_term), session);
  for (const NormalizedName& reading : normalized.readings) {
    PreparedQuery prepared = prepare_query(reading, terms, false, has_similar_term);
    prepared.countries = countries_of_reading(reading);
    merge_reading(result, screen_reading(query, options, std::move(prepared), session), options);
  }
  result.unread = normalized.unread;
  if (options.keep_name) session.name = std::move(normalized);
  return result;
}

ScreenResult Screener::screen_reading(const ScreenQuery& query, const ScreenOptions& options,
                                      PreparedQuery&& prepared, ScreenSession& session) const {
  // Filtered at the threshold, or at the near floor when a near score is asked for.
  const float lowest = lowest_meeting(
      options.near_floor > 0 ? std::min(options.threshold, options.near_floor) : options.threshold);
  // With a near score asked for, the names only the lightest words reach are held as far under
  // the floor as the floor is under the threshold, so that near scores stay as tight as a full
  // look would make most of them.
  const float needed = lowest - evidence_boost_of(query);
  // A reading counting only against parties of some countries looks up only their names.
  session.names_counting =
      prepared.countries.empty() ? nullptr : &names_of_countries(prepared.countries);
  filter_candidates(prepared, query.type == EntityType::person, needed, options.scorer, session,
                    options.near_floor > 0 ? needed - (options.threshold - lowest) : needed);
  session.names_counting = nullptr;
  ScreenResult result = finish(query, options, std::move(prepared), session.survivors);
  result.candidates = session.candidates.size();
  // The names left out score no more than their bound, and their evidence no more than it can.
  if (options.near_floor > 0)
    result.near =
        std::max(result.near, std::min(1.0f, session.bound_below + evidence_boost_of(query)));
  return result;
}

float Screener::best_name_score(const PreparedQuery& query, bool person, float floor, float enough,
                                ScreenSession& session, float followers_under) const {
  const ScorerSettings scorer;
  filter_candidates(query, person, floor, scorer, session, followers_under);
  // A name whose bound cannot beat the best score so far is not scored.
  float best = session.bound_below;
  const TermTable terms(*index_);
  for (size_t k = 0; k < session.survivors.size() && best < enough; ++k) {
    if (session.survivor_bounds[k] <= best) continue;
    const IndexedName name = index_->name(session.survivors[k]);
    const float score = name_score_only(query, name, terms, person || name.person, scorer);
    best = std::max(best, name.weak_alias ? std::min(score, kWeakAliasCap) : score);
  }
  return best;
}

void Screener::filter_candidates(const PreparedQuery& prepared, bool person, float needed,
                                 const ScorerSettings& scorer, ScreenSession& session,
                                 float followers_under) const {
  float total = 0;
  for (const auto& t : prepared.tokens) total += t.weight;
  // Upper bound of the name score, following the scorer's formula (name_scorer.cpp): on each side,
  // everything that could match matched exactly, the rest left over at the smallest factor a
  // leftover can have. IndexLosesNoHitAgainstBruteForce checks the bound never cuts a hit.
  const float f = std::min(scorer.person_unmatched_factor, scorer.generic_unmatched_factor);
  // A forebear's name in a lineage left over may weigh less still, on the side that has one.
  const float f_forebears = std::min(f, scorer.lineage_unmatched_factor);
  // So may a series number, on a side that has one ("Fund VII" / "Fund VIII").
  const float f_series = std::min(f, scorer.series_number_factor);
  // And the words of a numbered unit's group, on a side that names one ("CETC 14th Research
  // Institute": numbered_unit.h).
  const float f_unit = std::min(f, scorer.unit_group_factor);
  bool query_forebears = false, query_series = false;
  for (const auto& t : prepared.tokens) {
    query_forebears = query_forebears || (t.marks.lineage & kLineageParent);
    query_series = query_series || t.marks.series;
  }
  auto factor = [&](bool forebears, bool series, bool unit) {
    return std::min({forebears ? f_forebears : f, series ? f_series : f, unit ? f_unit : f});
  };
  // A side's own acronym ("… Corporation (CASC)") left over weighs as a legal form: its weight is
  // left out of what the leftovers must weigh at least.
  float query_acronym_weight = 0;
  for (const auto& t : prepared.tokens)
    if (t.own_acronym) query_acronym_weight += t.weight;
  const bool default_weights = scorer.legal_form_factor == ScorerSettings{}.legal_form_factor &&
                               scorer.stopword_factor == ScorerSettings{}.stopword_factor;
  // An initial's pair counts its similarity as matched; the rest of its weight is a leftover.
  const float initial_similarity = std::min(1.0f, scorer.initial_similarity);
  auto coverage = [](float matched, float all, float factor, float acronym_weight) {
    return all <= 0 ? 1.0f
                    : matched / (matched + factor * std::max(0.0f, all - matched - acronym_weight));
  };
  // The followers: the lightest ordinary words, as many as can together, with all a query
  // credits every name (its legal forms and stopwords, initials, a last word cut short), leave a
  // name's bound under `needed` — so a name none of the other words' lookups reach stays under
  // it. Their lookups then only credit names already reached.
  const auto& tokens = prepared.tokens;
  const bool any_distinctive = std::any_of(tokens.begin(), tokens.end(), [](const QueryToken& t) {
    return t.kind == TokenClass::ordinary;
  });
  float credited = 0;  // what gather_candidates() credits every name, at most
  for (const QueryToken& t : tokens)
    if (t.text.size() == 1)
      credited += initial_similarity * t.weight;
    else if (any_distinctive && t.kind != TokenClass::ordinary)
      credited += t.weight;
  if (prepared.maybe_cut && !tokens.empty()) credited += initial_similarity * tokens.back().weight;
  const float query_factor = factor(query_forebears, query_series, prepared.numbered_unit);
  auto unreached_bound = [&](float followed) {
    return 0.5f * (coverage(std::min(total, credited + followed), total, query_factor,
                            query_acronym_weight) +
                   1.0f);
  };
  uint64_t followers = 0;
  float followed = 0;  // their weight
  if (tokens.size() <= 64) {
    std::vector<uint32_t> lightest;
    for (uint32_t i = 0; i < tokens.size(); ++i)
      if (tokens[i].kind == TokenClass::ordinary && tokens[i].text.size() > 1)
        lightest.push_back(i);
    std::sort(lightest.begin(), lightest.end(),
              [&](uint32_t a, uint32_t b) { return tokens[a].weight < tokens[b].weight; });
    for (uint32_t i : lightest) {
      if (unreached_bound(followed + tokens[i].weight) >= std::min(needed, followers_under)) break;
      followers |= uint64_t{1} << i;
      followed += tokens[i].weight;
    }
  }
  const Unaccounted unaccounted = gather_candidates(prepared, person, scorer, followers, session);
  const uint32_t cut_letter =
      prepared.tokens.empty()
          ? 0
          : letter_mask(std::string_view(prepared.tokens.back().text).substr(0, 1));
  auto bound = [&](uint32_t n) {
    const NameScratch& x = session.names[n];
    const NameIndex::BoundFigures& name = index_->bound_figures()[n];
    const bool initials = unaccounted.initials_match_every_name || name.person;
    const float initials_q = initials ? initial_similarity * unaccounted.initials_query_weight : 0;
    const float cut = unaccounted.cut_query_weight > 0 && (name.first_letters & cut_letter)
                          ? initial_similarity
                          : 0;
    const float initials_n =
        (initials ? initial_similarity * unaccounted.initials * name.max_token_weight : 0) +
        cut * name.max_token_weight;
    const float matched_q = std::min(total, x.credit + unaccounted.query_weight + initials_q +
                                                cut * unaccounted.cut_query_weight);
    float matched_n = name.total_weight;
    if (default_weights)
      matched_n = std::min(name.total_weight, x.name_credit + unaccounted.name_weight + initials_n);
    return 0.5f *
           (coverage(matched_q, total, query_factor, query_acronym_weight) +
            coverage(
                matched_n, name.total_weight,
                // A name's unit is met on its number: only a query holding a number can meet it.
                factor(name.forebears, name.series, name.unit && prepared.has_number),
                name.acronym_weight));
  };
  // Filter here, in a plain loop: most candidates fall below the bound.
  session.survivors.clear();
  session.survivor_bounds.clear();
  // A name no lookup reached matches nothing but what is credited to every name: the query's
  // legal forms, stopwords, initials and a last word cut short, at best against all of its own.
  float below =
      0.5f * (coverage(std::min(total, unaccounted.query_weight +
                                           initial_similarity * (unaccounted.initials_query_weight +
                                                                 unaccounted.cut_query_weight)),
                       total, query_factor, query_acronym_weight) +
              1.0f);
  // A name only followers reach: what they and the rest credited to every name allow.
  if (followers) below = std::max(below, unreached_bound(followed));
  for (uint32_t n : session.candidates) {
    const float b = bound(n);
    if (b >= needed)
      session.survivors.push_back(n), session.survivor_bounds.push_back(b);
    else
      below = std::max(below, b);
  }
  session.bound_below = below;
}

ScreenResult Screener::screen_all_names(const ScreenQuery& query, const ScreenOptions& options,
                                        ScreenSession& session) const {
  TermTable terms(*index_);
  const NormalizedName normalized = session.normalizer.normalize_query(query.name);
  std::vector<uint32_t> all(index_->name_count());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  ScreenResult result = finish(query, options, prepare_query(normalized, terms), all);
  for (const NormalizedName& reading : normalized.readings) {
    PreparedQuery prepared = prepare_query(reading, terms);
    prepared.countries = countries_of_reading(reading);
    merge_reading(result, finish(query, options, std::move(prepared), all), options);
  }
  result.unread = normalized.unread;
  return result;
}

bool Hit::has_record(const Snapshot& snapshot, const std::string& id) const {
  if (entity && entity->id == id) return true;
  if (!party) return false;
  for (uint32_t m : party->members)
    if (snapshot.entities[m].id == id) return true;
  return false;
}

NameMatch Screener::compare(const std::string& a, const std::string& b, EntityType type,
                            ScreenSession& session, const ScorerSettings& settings) const {
  TermTable terms(*index_);
  const NormalizedName normalized = session.normalizer.normalize_query(a);
  const TermTable::AdHocName ad_hoc = terms.make_name(session.normalizer.normalize(b));
  return score_best_reading(normalized, ad_hoc.view(), terms, type == EntityType::person, settings)
      .match;
}

}  // namespace clearance
