#pragma once
// Scores one query name against one list name and records why: which query tokens met which list
// tokens, how, and what each contributed. The same scorer serves the index and the brute-force
// reference, so the two can only differ in which names they look at.
#include <string>
#include <string_view>
#include <vector>

#include "clearance/match/name_index.h"
#include "clearance/match/prepared_query.h"
#include "clearance/match/term_table.h"
#include "clearance/text/name_token.h"

namespace clearance {

// The shortest list word exact at the start or end of one query word against two list words
// written together (kMinJoinedTypoLength).
constexpr size_t kMinJoinedExactPart = 4;

enum class MatchHow : uint8_t {
  exact,
  translated,
  transliterated,
  fuzzy,
  phonetic,
  initial,
  joined,
  nickname,
  romanization,  // another romanisation of the same Chinese syllables (Hsi ↔ Xi, Tse-tung ↔ Zedong)
  cut,  // the query's last word cut short where a long name was ("… Belkassem DR" ↔ DRISSI)
  // A given name's form in another language (Oleksandr ↔ Aleksandr, Mhd ↔ Muhammad) or another
  // language's spelling of a name (Poutine, Wladimir ↔ Putin, Vladimir): data/names, given_names.h.
  equivalent,
  // A word written in Arabic or Hebrew script against a Latin spelling with the same consonants
  // (محمود "mhmwd" ↔ Mahmoud): text/consonant_skeleton.h.
  skeleton,
  // A foreign name written in Chinese characters for its sound against a Latin spelling with the
  // same consonants (阿布拉莫维奇 ↔ Abramovich): text/chinese_transcription.h.
  transcribed,
};
const char* to_string(MatchHow how);

struct TokenAlignment {
  std::vector<int> query_tokens;  // one, or several when written apart on the query side
  std::vector<int> name_tokens;   // one, or several when written apart on the list side
  MatchHow how = MatchHow::exact;
  float similarity = 0;
  int edits = 0;
  float query_weight = 0;
  float name_weight = 0;
};

struct NameMatch {
  float score = 0;     // 0..1
  float evidence = 0;  // matched weight of distinctive (non legal-form, non stopword) tokens
  std::vector<TokenAlignment> alignments;
  std::vector<int> unmatched_query;
  std::vector<int> unmatched_name;
};

// The most tokens on one side a token of the other may write together ("youbangshida" for the
// EU's "You Bang Shi Da", a brand of four syllables): the scorer's joined match, the index's
// joined postings and the screener's lookups share it.
constexpr int kMaxJoinedSpan = 4;

struct ScorerSettings {
  float legal_form_factor = 0.1f;  // legal forms are weak evidence, never the reason for a hit
  float stopword_factor = 0.1f;
  float person_unmatched_factor = 0.6f;  // middle names and patronymics present on one side only
  // A forebear's name in an Arabic lineage (after bin/ibn: "Usama bin Muhammad bin Awad bin Ladin")
  // present on one side only: the part of such a name most often left out.
  float lineage_unmatched_factor = 0.3f;
  // Common words (IDF below generic_idf) left unmatched in an organisation name count this much:
  // "Huawei" is "Huawei Technologies Co., Ltd.", "Huawei Marine" is not.
  float generic_unmatched_factor = 0.5f;
  // The group's words left over beside a numbered unit met on its number and unit word ("China
  // State Shipbuilding Corporation" before "760th Research Institute": numbered_unit.h).
  float unit_group_factor = 0.2f;
  // A series number in an organisation's name ("Fund VII", "Trust 2004-1") left unmatched.
  float series_number_factor = 0.3f;
  // Person names with leftover parts on both sides ("Kim Sok Jin" / "Kim Sok Chol") are scaled by
  // this.
  float person_conflict_factor = 0.9f;
  // The syllables of a Korean given name met in another order ("Chol Yong" for 영철), or one of
  // them against another syllable ("Man Chun" for 민준): another name, scaled by this.
  float syllable_order_factor = 0.75f;
  int person_discounted_leftovers = 2;  // 1 or 2
  float generic_idf = 5.0f;
  float min_evidence = 5.0f;  // below this much distinctive weight, the score is scaled down
  float initial_similarity = 0.6f;
  float phonetic_similarity = 0.6f;
  // The same Chinese syllables in another romanisation (Wade–Giles "Chin-ping", pinyin "Jinping").
  float romanization_similarity = 0.85f;
  // An Arabic- or Hebrew-script word against a Latin word of the same consonants: below an exact
  // spelling, since the vowels are unknown.
  float skeleton_similarity = 0.8f;
  // The same, with a vowel written wherever the Latin word writes one (AbjadSpelling::every_vowel:
  // a foreign name Arabic spells letter for letter, فلاديمير Vladimir).
  float skeleton_vowels_similarity = 0.9f;
  // A run of Han characters read as a foreign name's sounds against a Latin word with the same
  // consonants, for a key of six classes or more (less for a shorter one): the vowels and the
  // characters chosen are the transcriber's.
  float transcription_similarity = 0.95f;
  // A given name against its short form ("Bill" / "William"), people only.
  float nickname_similarity = 0.9f;
  // An acronym or run of initials is ambiguous ("MIT"): alone it stays below the default threshold.
  float acronym_similarity = 0.75f;
  // Two people's names that match in everything else at this similarity or more may have family
  // names two letters apart (name_scorer.cpp, family_name_apart).
  float family_apart_min_similarity = 0.8f;
};

float token_class_factor(TokenClass kind, const ScorerSettings& settings);

// Two tokens of a person's name with the same phonetic key that differ in a letter or two are
// transliteration variants of one name ("Usama" / "Osama", "Volodimir" / "Volodymyr"): their edits
// count half. Organisations write their names one way, in Latin letters: there "Hitachi" and
// "Hitech", "Nanyang" and "Nanjing" sound alike and are different words. The edit distance the
// rule reads (kTooManyEdits when it does not apply: words under five letters, a different last
// letter, two edits in a word under seven letters, more than kMaxSoundAlikeEdits), and the
// similarity it gives, at least the phonetic floor.
constexpr int kMaxSoundAlikeEdits = 2;
constexpr int kTooManyEdits = 0xFF;
int sound_alike_edits(std::string_view a, std::string_view b);
float sound_alike_similarity(int edits, size_t longer, const ScorerSettings& settings);

NameMatch score_name(const PreparedQuery& query, const IndexedName& name, const TermTable& terms,
                     bool person, const ScorerSettings& settings = {});
// The best of a query name's readings against one name: as written, or another reading
// (NormalizedName::readings) that scores higher. Its tokens are interned into `terms` (two
// ad-hoc names). `other_reading` says the alignment is of a reading, not of the name as written.
struct ReadingMatch {
  PreparedQuery query;
  NameMatch match;
  bool other_reading = false;
};
ReadingMatch score_best_reading(const NormalizedName& query, const IndexedName& name,
                                TermTable& terms, bool person, const ScorerSettings& settings = {});
// The same score as score_name, without the alignment (no allocation): for ranking candidates.
float name_score_only(const PreparedQuery& query, const IndexedName& name, const TermTable& terms,
                      bool person, const ScorerSettings& settings = {});

}  // namespace clearance
