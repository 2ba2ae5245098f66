#pragma once
// A query name made ready for scoring: its tokens resolved to the index's terms and weights, with
// what the scorer asks of each token again and again (phonetic and romanisation keys, letter mask,
// nicknames) computed once.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "clearance/match/name_index.h"
#include "clearance/match/term_table.h"
#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/name_token.h"

namespace clearance {

struct QueryToken {
  std::string text;
  std::string source;
  TermId term = kNoTerm;
  TokenClass kind = TokenClass::ordinary;
  TokenOrigin origin = TokenOrigin::literal;
  TokenMarks marks;  // NameToken::marks
  uint32_t han = 0;  // han_spelling()
  std::vector<TermId> alternatives;
  std::vector<std::string> alternative_texts;
  std::vector<TermId> nicknames;  // its short forms, or the names it is a short form of
  std::string phonetic;
  std::string romanization;  // chinese_romanization_key(text)
  // For a word transliterated from Arabic or Hebrew script that the name tables do not spell:
  // its readings in the letters the consonant comparison reads (its text, or a Hebrew word's
  // NameToken::abjad_forms), each read once as the comparison reads it, and their consonant
  // skeletons ("mhmd"), which list words meet on their consonants (MatchHow::skeleton). Empty
  // for other tokens.
  std::vector<SpellingShape> abjad_shapes;
  std::vector<std::string> skeletons;
  // For such a word and the next, both read from Arabic script: their readings joined, which a
  // list may write as one word (لوك أويل LUKOIL, جين بينغ Jinping), and their keys. Empty
  // otherwise.
  std::vector<SpellingShape> joined_shapes;
  std::vector<std::string> joined_skeletons;
  // For a word transliterated from Thai: NameToken::letter_keys, which list words meet on their
  // consonants (MatchHow::skeleton; text/thai_letters.h). Empty for other tokens.
  std::vector<std::string> thai_keys;
  // For a run of Han characters that may write a foreign name for its sound:
  // NameToken::transcription_keys, which list words meet on their consonants
  // (MatchHow::transcribed; text/chinese_transcription.h). Empty for other tokens.
  std::vector<std::string> transcription_keys;
  uint8_t transcription_characters = 0;
  uint32_t mask = 0;  // letter_mask(text)
  // A word no list name contains, of kMinJoinedTypoLength letters or more, with no list word
  // within the fuzzy edits either: not a typo of one word, perhaps two written together. Never
  // pinyin, where a letter apart is another character ("zhangwei" 张伟 is not "Zhang Lei").
  bool run_together = false;
  // The name's family name as the family-name rule reads it (name_scorer.cpp, family_name_apart):
  // the word marked so, else the last word, in a name of two words or more without a legal form.
  bool family_name = false;
  // It abbreviates the query's other words ("CASC" after China Aerospace Science and Technology
  // Corporation): left over, it weighs as a legal form (own_acronym.h).
  bool own_acronym = false;
  float weight = 0;
  // Its fuzzy and phonetic neighbours in the index numbered `similar_serial`, found beforehand
  // (as a family name, [1], and not, [0]; Screener::find_similar): a delta monitoring run prepares
  // each word of a million subjects once and looks up its neighbours once. Null: looked up when
  // needed.
  const std::vector<NameIndex::SimilarTerm>* similar[2] = {nullptr, nullptr};
  uint64_t similar_serial = 0;
};

struct PreparedQuery {
  std::vector<QueryToken> tokens;
  // Every ordinary token reads as Chinese syllables ("Hsi Chin-ping"): its romanisation keys may
  // meet another romanisation of the same name (romanized_name()).
  bool romanized = false;
  bool has_pinyin = false;  // a token spelled in pinyin from Han script
  bool maybe_cut = false;   // NormalizedName::maybe_cut: the last word may be cut short
  // Every ordinary token a syllable its script spells exactly and none a family name (a Burmese
  // name): no middle names, a syllable more or less is another name (name_scorer.cpp).
  bool syllables_only = false;
  // Some token abbreviates the query's other words (own_acronym.h; QueryToken::own_acronym).
  bool own_acronym = false;
  // No brand: every ordinary token a descriptive word, a place, a series number or the query's
  // own acronym (text/descriptive_words.h; name_scorer.cpp tells such names apart by each word).
  bool descriptive_only = false;
  // Some token is a number (a list name's numbered unit is met only on its number), and the
  // query names a numbered unit itself (numbered_unit.h; the scorer and the screener's bound).
  bool has_number = false;
  bool numbered_unit = false;
  // A reading that counts only against parties of these countries (ISO codes: a Korean reading of
  // Han characters, a Cantonese one); empty for every party.
  std::vector<std::string> countries;
};

// Whether a list word lies within the fuzzy edits (max_edits) of a query word. The screener
// answers from its session's cache of similar terms; by default the index is asked.
using HasSimilarTerm = std::function<bool(const QueryToken&)>;

// Resolves the query's tokens to terms and weights. With `intern`, tokens no list name contains
// are added to `terms` (for comparing two ad-hoc names); otherwise they stay kNoTerm.
PreparedQuery prepare_query(const NormalizedName& name, TermTable& terms, bool intern = false,
                            const HasSimilarTerm& has_similar_term = nullptr);

// What a query's tokens say together, once they are prepared: whether the name reads as Chinese
// syllables or holds pinyin, which token is the family name; `maybe_cut` as the name says.
void complete_query(PreparedQuery& query, bool maybe_cut);

// The shortest word read as two written together with a typo (name_scorer.cpp).
constexpr size_t kMinJoinedTypoLength = 8;

// Whether token k is the family name of a name: the tokens marked so, else the last ordinary word.
template <typename MarksOf, typename KindOf>
bool is_family_name(int k, int count, MarksOf marks_of, KindOf kind_of) {
  bool any_marked = false;
  for (int m = 0; m < count; ++m) any_marked = any_marked || marks_of(m).family;
  if (any_marked) return marks_of(k).family;
  if (kind_of(k) != TokenClass::ordinary) return false;
  for (int m = k + 1; m < count; ++m)
    if (kind_of(m) == TokenClass::ordinary) return false;
  return true;
}

// The tokens complete_query() marks as a name's family name, each given to `mark`: by
// is_family_name, in a name of two ordinary words or more without a legal form (a name of one
// word has nothing else to agree on; a name with a legal form is a company's).
template <typename MarksOf, typename KindOf, typename Mark>
void for_each_family_name(int count, MarksOf marks_of, KindOf kind_of, Mark mark) {
  int words = 0;
  bool legal_form = false;
  for (int k = 0; k < count; ++k) {
    words += kind_of(k) == TokenClass::ordinary;
    legal_form = legal_form || kind_of(k) == TokenClass::legal_form;
  }
  if (words < 2 || legal_form) return;
  for (int k = 0; k < count; ++k)
    if (is_family_name(k, count, marks_of, kind_of)) mark(k);
}

// Whether every ordinary token of a name reads as Chinese syllables, two or more in all: a single
// syllable ("Kia", the acronym "GIA") says nothing of the language it is written in.
template <typename KindOf, typename KeyOf>
bool romanized_name(size_t count, KindOf kind_of, KeyOf key_of) {
  size_t syllables = 0;
  for (size_t k = 0; k < count; ++k) {
    if (kind_of(k) != TokenClass::ordinary) continue;
    const std::string_view key = key_of(k);
    if (key.empty()) return false;
    syllables += static_cast<size_t>(std::count(key.begin(), key.end(), '.'));
  }
  return syllables >= 2;
}

}  // namespace clearance
