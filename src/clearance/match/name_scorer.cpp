#include "clearance/match/name_scorer.h"

#include <algorithm>
#include <array>

#include "clearance/match/numbered_unit.h"
#include "clearance/match/own_acronym.h"
#include "clearance/text/chinese_transcription.h"
#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/legal_forms.h"
#include "clearance/text/nicknames.h"
#include "clearance/text/thai_letters.h"
#include "clearance/util/strings.h"

namespace clearance {

const char* to_string(MatchHow how) {
  switch (how) {
    case MatchHow::exact:
      return "exact";
    case MatchHow::translated:
      return "translated";
    case MatchHow::transliterated:
      return "transliterated";
    case MatchHow::fuzzy:
      return "fuzzy";
    case MatchHow::phonetic:
      return "phonetic";
    case MatchHow::initial:
      return "initial";
    case MatchHow::joined:
      return "joined";
    case MatchHow::nickname:
      return "nickname";
    case MatchHow::romanization:
      return "romanization";
    case MatchHow::cut:
      return "cut";
    case MatchHow::equivalent:
      return "equivalent";
    case MatchHow::skeleton:
      return "skeleton";
    case MatchHow::transcribed:
      return "transcribed";
  }
  return "exact";
}

float token_class_factor(TokenClass kind, const ScorerSettings& settings) {
  switch (kind) {
    case TokenClass::legal_form:
      return settings.legal_form_factor;
    case TokenClass::stopword:
      return settings.stopword_factor;
    case TokenClass::ordinary:
      break;
  }
  return 1.0f;
}

int sound_alike_edits(std::string_view a, std::string_view b) {
  // Short words have too few letters for their sound to tell them apart: "Olga" is not "Oleg".
  if (std::min(a.size(), b.size()) < 5) return kTooManyEdits;
  // A different last letter is often another name, not another spelling: the ending marks a
  // name's gender in many languages (Camila / Camilo, Alexandra / Alexandre).
  if (a.back() != b.back()) return kTooManyEdits;
  const int d = bounded_edit_distance(a, b, kMaxSoundAlikeEdits);
  // Two letters apart only in a long word: "Volodimir" / "Volodymyr", not "Salma" / "Salim".
  const size_t shorter = std::min(a.size(), b.size());
  if (d > kMaxSoundAlikeEdits || (d == 2 && shorter < 7)) return kTooManyEdits;
  return d;
}

float sound_alike_similarity(int edits, size_t longer, const ScorerSettings& s) {
  if (edits == kTooManyEdits || longer == 0) return s.phonetic_similarity;
  return std::max(s.phonetic_similarity,
                  1.0f - 0.5f * static_cast<float>(edits) / static_cast<float>(longer));
}

namespace {

constexpr size_t kMaxAcronym = 6;

// The shortest word spelled in every way the lists write it (TokenMarks::spelled) that may still
// meet a list word a typo away.
constexpr size_t kMinSpelledTypoLength = 5;

// Two words that may be one mistyped past the fuzzy match: the shorter opens the longer ("Al" /
// "Ali"), or they share a run of five letters ("echnologies" / "technology", "industriales" /
// "industry").
bool words_alike(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (a.size() >= 2 && b.starts_with(a)) return true;
  constexpr size_t kRun = 5;
  if (a.size() < kRun) return false;
  for (size_t at = 0; at + kRun <= a.size(); ++at)
    if (b.find(a.substr(at, kRun)) != std::string_view::npos) return true;
  return false;
}

// Two words ending one in a, the other in o, the rest alike in length: a Romance name's two
// genders (Camila / Camilo, Mario / Maria).
bool other_gender_ending(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.size() < 3) return false;
  const char x = a.back(), y = b.back();
  return (x == 'a' && y == 'o') || (x == 'o' && y == 'a');
}

// How well the best of a word's abjad readings spells a Latin word: skeleton_vowels_similarity
// with a vowel wherever the Latin writes one, skeleton_similarity on its consonants, else 0.
float abjad_similarity(const std::vector<SpellingShape>& readings, std::string_view latin_word,
                       const ScorerSettings& s) {
  thread_local SpellingShape latin;
  read_latin_shape(latin_word, latin);
  AbjadSpelling best = AbjadSpelling::none;
  for (const SpellingShape& form : readings) {
    best = std::max(best, abjad_spelling(form, latin));
    if (best == AbjadSpelling::every_vowel) break;
  }
  return best == AbjadSpelling::every_vowel  ? s.skeleton_vowels_similarity
         : best == AbjadSpelling::consonants ? s.skeleton_similarity
                                             : 0.0f;
}

struct Candidate {
  int q_begin, q_end;  // [begin, end) spans
  int n_begin, n_end;
  MatchHow how;
  float similarity;
  int edits;
  float priority;
};

// Similarity of two single strings: exact, fuzzy within the allowed edits, or phonetic.
[[gnu::always_inline]] inline bool compare_texts(
    std::string_view a, std::string_view b, uint32_t mask_a, uint32_t mask_b,
    std::string_view phonetic_a, std::string_view phonetic_b, const ScorerSettings& s, bool fuzzy,
    bool sound_alike, MatchHow& how, float& sim, int& edits, int most_edits = kTooManyEdits) {
  if (a == b) {
    how = MatchHow::exact;
    sim = 1.0f;
    edits = 0;
    return true;
  }
  const int allowed = fuzzy ? std::min(max_edits(std::min(a.size(), b.size())), most_edits) : 0;
  float best = 0;
  if (allowed > 0 && edit_lower_bound(mask_a, mask_b) <= allowed) {
    const int d = bounded_edit_distance(a, b, allowed);
    if (d <= allowed) {
      best = 1.0f - static_cast<float>(d) / static_cast<float>(std::max(a.size(), b.size()));
      how = MatchHow::fuzzy;
      edits = d;
    }
  }
  if (!phonetic_a.empty() && phonetic_a == phonetic_b) {
    const int d = sound_alike ? sound_alike_edits(a, b) : kTooManyEdits;
    const float sim = sound_alike_similarity(d, std::max(a.size(), b.size()), s);
    if (sim > best) {
      best = sim;
      how = MatchHow::phonetic;
      edits = d == kTooManyEdits ? 0 : d;
    }
  }
  sim = best;
  return best > 0;
}

}  // namespace

namespace {

// The scorer. With `record` false it computes the score and evidence only, without the alignment
// an explanation needs: the screener scores many names and explains few (name_score_only).
NameMatch score(const PreparedQuery& query, const IndexedName& name, const TermTable& index,
                bool person, const ScorerSettings& s, bool record) {
  NameMatch result;
  const auto& qt = query.tokens;
  const auto& nt = name.tokens;
  const int nq = static_cast<int>(qt.size()), nn = static_cast<int>(nt.size());
  if (nq == 0 || nn == 0) return result;

  // Scratch reused across calls on this thread: scoring runs for hundreds of names per query.
  thread_local std::vector<float> name_weight;
  thread_local std::vector<Candidate> candidates;
  thread_local std::vector<bool> q_used, n_used;
  name_weight.assign(nn, 0.0f);
  candidates.clear();
  for (int j = 0; j < nn; ++j)
    name_weight[j] = index.idf(nt[j].term) * token_class_factor(nt[j].kind, s);

  // One query token against one name token.
  for (int i = 0; i < nq; ++i) {
    for (int j = 0; j < nn; ++j) {
      const IndexedToken& n = nt[j];
      // A son's name is not his father's: "Salman bin Muhammad" is not "Muhammad bin Salman".
      if (lineage_conflict(qt[i].marks.lineage, n.marks.lineage)) continue;
      MatchHow how = MatchHow::exact;
      float sim = 0;
      int edits = 0;
      // The same pinyin of other characters is another name (高市 / 高石, both "gaoshi").
      if (qt[i].han && n.han && qt[i].han != n.han) continue;
      bool same_term = qt[i].term != kNoTerm && qt[i].term == n.term;
      bool translated = false;
      if (!same_term) {
        for (TermId alt : qt[i].alternatives) same_term = same_term || alt == n.term;
        for (TermId alt : name.alternatives(n)) same_term = same_term || alt == qt[i].term;
        for (TermId a : qt[i].alternatives)
          for (TermId b : name.alternatives(n)) same_term = same_term || a == b;
        translated = same_term;
      }
      if (same_term) {
        sim = 1.0f;
        // Another spelling of a word read from another script (a katakana word's Latin spelling,
        // an Arabic name's in the tables) is a transliteration, not a translation.
        const bool spelled = translated && qt[i].origin == TokenOrigin::transliterated;
        how = !spelled && (translated || qt[i].origin == TokenOrigin::translated ||
                           n.origin == TokenOrigin::translated)
                  ? MatchHow::translated
                  : (qt[i].origin == TokenOrigin::transliterated ? MatchHow::transliterated
                                                                 : MatchHow::exact);
      } else if (person && (qt[i].text.size() == 1 || index.text(n.term).size() == 1)) {
        std::string_view a = qt[i].text;
        const std::string_view b = index.text(n.term);
        if (!a.empty() && !b.empty() && a[0] == b[0]) {
          sim = s.initial_similarity;
          how = MatchHow::initial;
        }
      } else if (person && std::find(qt[i].nicknames.begin(), qt[i].nicknames.end(), n.term) !=
                               qt[i].nicknames.end()) {
        const std::string_view list_text = index.text(n.term);
        const auto& short_forms = nickname_relatives(qt[i].text);
        sim = s.nickname_similarity;
        how = MatchHow::nickname;
        // A form in another language that is also a close spelling, which the fuzzy rule scores
        // higher (Oleksandr / Aleksandr), is read as that spelling.
        if (std::find(short_forms.begin(), short_forms.end(), list_text) == short_forms.end()) {
          how = MatchHow::equivalent;
          MatchHow spelled = MatchHow::fuzzy;
          float spelled_sim = 0;
          int spelled_edits = 0;
          if (compare_texts(qt[i].text, list_text, qt[i].mask, index.mask(n.term), qt[i].phonetic,
                            index.phonetic(n.term), s, true, person, spelled, spelled_sim,
                            spelled_edits) &&
              spelled_sim >= sim) {
            how = spelled;
            sim = spelled_sim;
            edits = spelled_edits;
          }
        }
      } else if (qt[i].kind == TokenClass::ordinary && n.kind == TokenClass::ordinary &&
                 !(qt[i].origin == TokenOrigin::pinyin && n.origin == TokenOrigin::pinyin) &&
                 !qt[i].marks.syllable && !n.marks.syllable) {
        // Pinyin of two Han names is compared exactly: a letter apart is another character
        // (李娜 "lina" is not 林达 "linda"); so is a name written in Hangul, which spells each
        // syllable exactly (TokenMarks::syllable) and whose spellings in the lists' systems are its
        // alternatives. Two short words both written in Arabic script are
        // too: the script writes consonants and long vowels, so "mhmwd" (محمود, Mahmoud) one
        // letter from "mhmd" (محمد, Muhammad) is another name, not a typo.
        const std::string_view list_text = index.text(n.term);
        const bool short_abjad =
            qt[i].marks.abjad && n.marks.abjad && std::min(qt[i].text.size(), list_text.size()) < 6;
        // A word of a Japanese reading is spelled from its kana: never compared by sound (Suzuki
        // and Sasaki), and a short one exactly (Sato, Kato, Saito and Ito are four names); a long
        // one may be a list's other spelling a letter apart (Kunrei's "zi" for "ji").
        const bool kana = qt[i].marks.kana;
        const bool short_kana = kana && std::min(qt[i].text.size(), list_text.size()) < 6;
        // A word spelled in every way the lists write it (TokenMarks::spelled: a Cyrillic word's
        // romanisations) meets a list word further from them than a typo never, nor one that
        // merely sounds alike (Тимченко: Timchenko, Timtchenko, Timtschenko — not TKACHENKO); a
        // short one, only as spelled (Игорь Igor, not EGOR).
        const bool spelled = qt[i].marks.spelled;
        // A word the normaliser translated (电力 "electric") is an English word chosen for
        // another language's, not a spelling of a name: it meets a list word as written or
        // mistyped by a letter, never one two letters off or sounding alike (electric is no
        // "Electron").
        const bool translation = qt[i].origin == TokenOrigin::translated;
        const bool short_spelled = spelled && qt[i].text.size() < kMinSpelledTypoLength;
        // Two countries or regions a letter apart are two places (Iran / Iraq): the names of
        // places are known, not mistyped. A place's name that opens the other is its adjective
        // (Russia / Russian Federation, Korea / Korean).
        const bool two_places = qt[i].marks.place && n.marks.place &&
                                !qt[i].text.starts_with(list_text) &&
                                !list_text.starts_with(qt[i].text);
        // A person's given name ending in a where the other ends in o is the other gender's
        // (Camila / Camilo, Antonia / Antonio), not a typo of it: the sound-alike rule refuses a
        // different last letter too. Not a family name, whose ending is no gender's (DERIPASKO).
        const bool other_gender = person && !qt[i].family_name && !n.marks.family &&
                                  other_gender_ending(qt[i].text, list_text);
        // Two numbers a digit apart are two numbers (Unit 61398 / 61389, ARAMOUN 1507 SAL /
        // ARAMOUN 1506 SAL): a number tells units, institutes and sister firms apart.
        const bool two_numbers = is_all_digits(qt[i].text) && is_all_digits(list_text);
        if (!short_kana && !short_spelled && !two_places && !two_numbers)
          compare_texts(qt[i].text, list_text, qt[i].mask, index.mask(n.term),
                        kana || spelled || translation ? std::string_view()
                                                       : std::string_view(qt[i].phonetic),
                        index.phonetic(n.term), s, !short_abjad && !other_gender, person, how, sim,
                        edits, spelled || translation ? 1 : kTooManyEdits);
      }
      // A word from Arabic or Hebrew script the tables do not spell, against a Latin word of the
      // same consonants.
      if (sim < std::max(s.skeleton_similarity, s.skeleton_vowels_similarity) &&
          !qt[i].skeletons.empty() && !n.marks.abjad && n.kind == TokenClass::ordinary) {
        const float spelled = abjad_similarity(qt[i].abjad_shapes, index.text(n.term), s);
        if (spelled > sim) {
          sim = spelled;
          how = MatchHow::skeleton;
          edits = 0;
        }
      }
      // A word transliterated from Thai against a Latin spelling of its letters.
      if (sim < s.skeleton_similarity && n.kind == TokenClass::ordinary &&
          !qt[i].thai_keys.empty()) {
        if (const size_t classes = thai_letters_match(qt[i].thai_keys, index.text(n.term))) {
          const float letters = thai_letter_similarity(classes, s.skeleton_similarity);
          if (letters > sim) {
            sim = letters;
            how = MatchHow::skeleton;
            edits = 0;
          }
        }
      }
      // A foreign name written in Chinese characters for its sound, against a Latin spelling of
      // the same consonants.
      if (sim < s.transcription_similarity && n.kind == TokenClass::ordinary &&
          !qt[i].transcription_keys.empty()) {
        if (const size_t classes = transcription_match(
                qt[i].transcription_keys, qt[i].transcription_characters, index.text(n.term))) {
          const float sound = transcription_similarity(classes, s.transcription_similarity);
          if (sound > sim) {
            sim = sound;
            how = MatchHow::transcribed;
            edits = 0;
          }
        }
      }
      if (sim > 0)
        candidates.push_back(
            {i, i + 1, j, j + 1, how, sim, edits, sim * (qt[i].weight + name_weight[j])});
    }
  }
  // Two words of a foreign name read from Arabic script that the list writes as one (لوك أويل
  // LUKOIL; a Chinese name's syllables, جين بينغ Jinping), on their consonants as one word is.
  for (int i = 0; i + 1 < nq; ++i) {
    if (qt[i].joined_shapes.empty()) continue;
    for (int j = 0; j < nn; ++j) {
      const IndexedToken& n = nt[j];
      if (n.marks.abjad || n.kind != TokenClass::ordinary) continue;
      const float sim = abjad_similarity(qt[i].joined_shapes, index.text(n.term), s);
      if (sim <= 0) continue;
      candidates.push_back({i, i + 2, j, j + 1, MatchHow::skeleton, sim, 0,
                            sim * (qt[i].weight + qt[i + 1].weight + name_weight[j])});
    }
  }
  // Chinese syllables in two romanisations: the pinyin of a Han query against a list's Wade–Giles
  // ("zhongshan" ↔ "chung shan"), or two names each read wholly as Chinese syllables ("Hsi
  // Chin-ping" ↔ "Xi Jinping"). Elsewhere the key would merge English words (Dan ↔ Tan).
  const bool both_romanized =
      query.romanized &&
      romanized_name(
          nt.size(), [&](size_t k) { return nt[k].kind; },
          [&](size_t k) -> std::string_view { return index.romanization(nt[k].term); });
  if (both_romanized || query.has_pinyin) {
    // Query spans of one to three tokens against a list term, and one query token against list
    // spans of two or three: their keys concatenate to the same key.
    thread_local std::string key;
    for (int i = 0; i < nq; ++i) {
      key.clear();
      bool query_pinyin = false, all_pinyin = true;
      for (int span_q = 1; span_q <= 3 && i + span_q <= nq; ++span_q) {
        const QueryToken& last = qt[i + span_q - 1];
        if (last.romanization.empty() || last.kind != TokenClass::ordinary) break;
        key += last.romanization;
        query_pinyin = query_pinyin || last.origin == TokenOrigin::pinyin;
        all_pinyin = all_pinyin && last.origin == TokenOrigin::pinyin;
        if (!query_pinyin && !both_romanized) continue;
        float wq = 0;
        for (int k = i; k < i + span_q; ++k) wq += qt[k].weight;
        for (int j = 0; j < nn; ++j) {
          size_t at = 0;
          bool all = all_pinyin;
          int span_n = 0;
          // List tokens from j while they spell a prefix of the key: one when the query span is
          // longer, up to three when it is one token.
          while (j + span_n < nn && span_n < (span_q == 1 ? 3 : 1)) {
            const IndexedToken& n = nt[j + span_n];
            const std::string_view part = index.romanization(n.term);
            if (part.empty() || n.kind != TokenClass::ordinary ||
                key.compare(at, part.size(), part) != 0)
              break;
            at += part.size();
            all = all && n.origin == TokenOrigin::pinyin;
            ++span_n;
            if (at < key.size()) continue;
            // Two pinyin spellings of Han text differ because the characters do; the same text
            // is an exact match already.
            if (all || (span_q == 1 && span_n == 1 && last.text == index.text(n.term))) break;
            float wn = 0;
            for (int k = j; k < j + span_n; ++k) wn += name_weight[k];
            candidates.push_back({i, i + span_q, j, j + span_n, MatchHow::romanization,
                                  s.romanization_similarity, 0,
                                  s.romanization_similarity * (wq + wn)});
            break;
          }
        }
      }
    }
  }
  // Spacing: several tokens on one side written as one on the other ("hua wei" ↔ "huawei",
  // pinyin "hefeibaolongda" ↔ "hefei baolongda", "youbangshida" ↔ "you bang shi da").
  // Compared piece by piece, without building the joined string: most spans differ in length.
  auto span_equals = [](auto text_of, int begin, int end, std::string_view target) {
    size_t length = 0;
    for (int k = begin; k < end; ++k) length += text_of(k).size();
    if (length != target.size()) return false;
    size_t at = 0;
    for (int k = begin; k < end; ++k) {
      std::string_view part = text_of(k);
      if (target.compare(at, part.size(), part) != 0) return false;
      at += part.size();
    }
    return true;
  };
  auto query_text = [&](int k) -> std::string_view { return qt[k].text; };
  auto name_text = [&](int k) -> std::string_view { return index.text(nt[k].term); };
  for (int span = 2; span <= kMaxJoinedSpan; ++span) {
    for (int i = 0; i + span <= nq; ++i) {
      for (int j = 0; j < nn; ++j) {
        if (!span_equals(query_text, i, i + span, name_text(j))) continue;
        float w = 0;
        for (int k = i; k < i + span; ++k) w += qt[k].weight;
        candidates.push_back(
            {i, i + span, j, j + 1, MatchHow::joined, 1.0f, 0, w + name_weight[j]});
      }
    }
    for (int j = 0; j + span <= nn; ++j) {
      // A name's syllables written as one word are one part of it: never a span across a list
      // name's comma ("MIN, Aung" is Aung Min, not "minaung").
      const bool across_comma = nt[j].marks.family != nt[j + span - 1].marks.family;
      for (int i = 0; i < nq; ++i) {
        if (across_comma && qt[i].marks.syllable) continue;
        if (!span_equals(name_text, j, j + span, qt[i].text)) continue;
        float w = 0;
        for (int k = j; k < j + span; ++k) w += name_weight[k];
        candidates.push_back({i, i + 1, j, j + span, MatchHow::joined, 1.0f, 0, qt[i].weight + w});
      }
    }
  }
  // Two words written together, with a typo: "FridrichBuchenberg" ↔ "Friedrich Buchenberg". Only
  // where the query word is no list word nor a typo of one (QueryToken::run_together, never
  // pinyin), and one of the two list words, not a common one, four letters or more, is exact at
  // its start or end with four letters or more left: the index finds no other (screener.cpp). Not
  // the other way round — two query words against one list word —, where a short code and a common
  // word would meet any brand a letter or two from them ("Eze Components" / "Elecomponents").
  auto joined_typo = [&](std::string_view a, std::string_view b, int& edits) {
    if (std::min(a.size(), b.size()) < kMinJoinedTypoLength) return false;
    const int allowed = max_edits(std::min(a.size(), b.size()));
    edits = bounded_edit_distance(a, b, allowed);
    return edits > 0 && edits <= allowed;
  };
  auto ordinary_n = [&](int k) { return nt[k].kind == TokenClass::ordinary; };
  thread_local std::string together;
  for (int i = 0; i < nq; ++i) {
    if (!qt[i].run_together) continue;
    std::string_view word = qt[i].text;
    for (int j = 0; j + 1 < nn; ++j) {
      if (!ordinary_n(j) || !ordinary_n(j + 1)) continue;
      auto exact_part = [&](int k) {
        return name_text(k).size() >= kMinJoinedExactPart &&
               word.size() >= name_text(k).size() + kMinJoinedExactPart &&
               index.idf(nt[k].term) >= s.generic_idf;
      };
      const bool exact_start = exact_part(j) && word.starts_with(name_text(j));
      const bool exact_end = exact_part(j + 1) && word.ends_with(name_text(j + 1));
      if (!exact_start && !exact_end) continue;
      together.assign(name_text(j)).append(name_text(j + 1));
      int edits = 0;
      if (!joined_typo(word, together, edits)) continue;
      const float sim = 1.0f - static_cast<float>(edits) /
                                   static_cast<float>(std::max(word.size(), together.size()));
      candidates.push_back({i, i + 1, j, j + 2, MatchHow::joined, sim, edits,
                            sim * (qt[i].weight + name_weight[j] + name_weight[j + 1])});
    }
  }
  // Acronyms and initials: "pla" ↔ "people's liberation army", "jc" ↔ "jean claude", "us" ↔
  // "united states". Stopwords inside the span may be skipped ("nudt" ↔ national university of
  // defense technology); a legal form may be its last word ("pmc" ↔ private military company).
  // A span opens on a word of the name, never on a stopword: "of Iraq and the Levant" is the tail
  // of a name, no "OIL".
  auto initials_span = [&](std::string_view letters, int count, auto text_of, auto kind_of,
                           int start) {
    if (start < count && kind_of(start) == TokenClass::stopword) return -1;
    int matched = 0, k = start;
    while (k < count && matched < static_cast<int>(letters.size())) {
      std::string_view word = text_of(k);
      if (kind_of(k) == TokenClass::legal_form &&
          (matched + 1 < static_cast<int>(letters.size()) || !closes_acronym(word, matched)))
        return -1;
      if (kind_of(k) == TokenClass::stopword && matched > 0) {
        ++k;
        continue;
      }
      if (word.empty() || word[0] != letters[matched]) return -1;
      ++matched;
      ++k;
    }
    return matched == static_cast<int>(letters.size()) ? k : -1;
  };
  // Two letters are an acronym only when written as letters ("J.C.", "U.S."); otherwise it takes
  // three ("PLA"): "Al" or "Li" is a word.
  auto is_acronym = [&](std::string_view t, bool letters) {
    if (t.size() < (letters ? 2u : 3u) || t.size() > kMaxAcronym) return false;
    for (char c : t)
      if (c < 'a' || c > 'z') return false;
    return true;
  };
  for (int i = 0; i < nq; ++i) {
    if (!is_acronym(qt[i].text, qt[i].marks.letters) || qt[i].kind != TokenClass::ordinary)
      continue;
    for (int j = 0; j < nn; ++j) {
      const int end = initials_span(
          qt[i].text, nn, [&](int k) -> std::string_view { return index.text(nt[k].term); },
          [&](int k) { return nt[k].kind; }, j);
      if (end <= j + 1) continue;
      float w = 0;
      for (int k = j; k < end; ++k) w += name_weight[k];
      candidates.push_back({i, i + 1, j, end, MatchHow::initial, s.acronym_similarity, 0,
                            s.acronym_similarity * (qt[i].weight + w)});
    }
  }
  for (int j = 0; j < nn; ++j) {
    const std::string_view acronym = index.text(nt[j].term);
    if (!is_acronym(acronym, nt[j].marks.letters) || nt[j].kind != TokenClass::ordinary) continue;
    for (int i = 0; i < nq; ++i) {
      const int end = initials_span(
          acronym, nq, [&](int k) -> std::string_view { return qt[k].text; },
          [&](int k) { return qt[k].kind; }, i);
      if (end <= i + 1) continue;
      float w = 0;
      for (int k = i; k < end; ++k) w += qt[k].weight;
      candidates.push_back({i, end, j, j + 1, MatchHow::initial, s.acronym_similarity, 0,
                            s.acronym_similarity * (w + name_weight[j])});
    }
  }

  // Greedy one-to-one alignment: pairs that match in full first, then the strongest. An acronym
  // spanning a whole name outweighs any one word of it, but must not take the words a name written
  // out in full matches one by one ("China Aerodynamics Research and Development Center (CARDC)"
  // against itself).
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    const bool a_full = a.similarity >= 1.0f, b_full = b.similarity >= 1.0f;
    if (a_full != b_full) return a_full;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.q_begin != b.q_begin) return a.q_begin < b.q_begin;
    return a.n_begin < b.n_begin;
  });
  q_used.assign(nq, false);
  n_used.assign(nn, false);
  // (similarity, query weight, name weight) of each pair aligned, in order.
  thread_local std::vector<std::array<float, 3>> aligned;
  aligned.clear();
  // (query token, list token) of each syllable matched other than a family name's: their order is
  // the name's (김영철 Yong Chol is not Chol Yong); the list token's place negative when it was
  // written before the list name's comma (its family part).
  thread_local std::vector<std::pair<int, int>> syllables;
  syllables.clear();
  // The one pair of family names left over when everything else in two people's names matched
  // well, a letter or two apart; q_begin −1 when there is none.
  auto family_name_apart = [&]() -> Candidate {
    Candidate none{-1, -1, -1, -1, MatchHow::fuzzy, 0, 0, 0};
    int qi = -1, nj = -1;
    for (int i = 0; i < nq; ++i) {
      if (q_used[i] || qt[i].kind != TokenClass::ordinary) continue;
      if (qi >= 0) return none;
      qi = i;
    }
    for (int j = 0; j < nn; ++j) {
      if (n_used[j] || nt[j].kind != TokenClass::ordinary) continue;
      if (nj >= 0) return none;
      nj = j;
    }
    if (qi < 0 || nj < 0 || aligned.empty() || !qt[qi].family_name) return none;
    for (const auto& a : aligned)
      if (a[0] < s.family_apart_min_similarity) return none;
    if (!is_family_name(
            nj, nn, [&](int k) -> const TokenMarks& { return nt[k].marks; },
            [&](int k) { return nt[k].kind; }))
      return none;
    const IndexedToken& n = nt[nj];
    std::string_view a = qt[qi].text;
    const std::string_view b = index.text(n.term);
    if (std::min(a.size(), b.size()) < 5 || a[0] != b[0]) return none;
    if (lineage_conflict(qt[qi].marks.lineage, n.marks.lineage)) return none;
    if ((qt[qi].origin == TokenOrigin::pinyin && n.origin == TokenOrigin::pinyin) ||
        qt[qi].marks.syllable || n.marks.syllable || qt[qi].marks.spelled ||
        (qt[qi].marks.abjad && n.marks.abjad && std::min(a.size(), b.size()) < 6))
      return none;
    if (edit_lower_bound(qt[qi].mask, index.mask(n.term)) > 2) return none;
    const int d = bounded_edit_distance(a, b, 2);
    if (d > 2) return none;
    const float sim =
        1.0f - static_cast<float>(d) / static_cast<float>(std::max(a.size(), b.size()));
    return {qi, qi + 1, nj, nj + 1, MatchHow::fuzzy, sim, d, 0};
  };
  float matched_q = 0, matched_n = 0;
  // Whether a pair other than a lone initial, a word cut short or words that only say what kind
  // of organisation it is (Holding, Group, a legal form) matched: those only add to a name met by
  // other words ("Holdings SARL" names no one; the index finds names by their words, never by a
  // letter or a word's start alone, and brute force must agree with it).
  bool met_by_a_word = false;
  auto take = [&](const Candidate& c) {
    // Either side's words (a kind word mistyped meets one: Groupe / group).
    bool query_kind = true, list_kind = true;
    for (int k = c.q_begin; k < c.q_end && query_kind; ++k)
      query_kind = qt[k].kind == TokenClass::legal_form || is_organisation_kind(qt[k].text);
    for (int k = c.n_begin; k < c.n_end && list_kind; ++k)
      list_kind = nt[k].kind == TokenClass::legal_form || is_organisation_kind(name_text(k));
    const bool kind_alone = query_kind || list_kind;
    met_by_a_word =
        met_by_a_word ||
        !(c.how == MatchHow::cut || kind_alone ||
          (c.how == MatchHow::initial && c.q_end - c.q_begin == 1 && c.n_end - c.n_begin == 1));
    float query_weight = 0, pair_name_weight = 0;
    bool distinctive = false;
    for (int k = c.q_begin; k < c.q_end; ++k) {
      q_used[k] = true;
      query_weight += qt[k].weight;
      distinctive = distinctive || qt[k].kind == TokenClass::ordinary;
    }
    for (int k = c.n_begin; k < c.n_end; ++k) {
      n_used[k] = true;
      pair_name_weight += name_weight[k];
      distinctive = distinctive || nt[k].kind == TokenClass::ordinary;
    }
    matched_q += c.similarity * query_weight;
    matched_n += c.similarity * pair_name_weight;
    if (distinctive) result.evidence += c.similarity * std::min(query_weight, pair_name_weight);
    aligned.push_back({c.similarity, query_weight, pair_name_weight});
    if (qt[c.q_begin].marks.syllable && !qt[c.q_begin].marks.family)
      syllables.emplace_back(c.q_begin, nt[c.n_begin].marks.family ? -1 - c.n_begin : c.n_begin);
    if (!record) return;
    TokenAlignment a;
    a.how = c.how;
    a.similarity = c.similarity;
    a.edits = c.edits;
    for (int k = c.q_begin; k < c.q_end; ++k) a.query_tokens.push_back(k);
    for (int k = c.n_begin; k < c.n_end; ++k) a.name_tokens.push_back(k);
    a.query_weight = query_weight;
    a.name_weight = pair_name_weight;
    result.alignments.push_back(std::move(a));
  };
  // The greedy order first, as indices into candidates, with the list token each pair holds.
  thread_local std::vector<size_t> chosen;
  thread_local std::vector<int> holder;  // per list token: the chosen pair holding it, or -1
  chosen.clear();
  holder.assign(nn, -1);
  for (size_t c = 0; c < candidates.size(); ++c) {
    const Candidate& x = candidates[c];
    bool free = true;
    for (int k = x.q_begin; k < x.q_end; ++k) free = free && !q_used[k];
    for (int k = x.n_begin; k < x.n_end; ++k) free = free && !n_used[k];
    if (!free) continue;
    for (int k = x.q_begin; k < x.q_end; ++k) q_used[k] = true;
    for (int k = x.n_begin; k < x.n_end; ++k) {
      n_used[k] = true;
      holder[k] = static_cast<int>(chosen.size());
    }
    chosen.push_back(c);
  }
  // One repair of the greedy order: a word left out because the list word it matches in full went
  // to another word that matches a free list word in full too. A translated word has several
  // English words (工业大学: "institute/university/polytechnical" and "technology/
  // polytechnical"): "institute" taking "polytechnical" left "technology" without a word, where
  // "university" and "polytechnical" match both.
  auto single_full = [](const Candidate& c) {
    return c.similarity >= 1.0f && c.q_end - c.q_begin == 1 && c.n_end - c.n_begin == 1;
  };
  for (size_t c = 0; c < candidates.size(); ++c) {
    const Candidate& x = candidates[c];
    if (!single_full(x) || q_used[x.q_begin] || holder[x.n_begin] < 0) continue;
    const size_t held = chosen[holder[x.n_begin]];
    if (!single_full(candidates[held])) continue;
    const int other_query = candidates[held].q_begin;
    for (size_t z = 0; z < candidates.size(); ++z) {
      const Candidate& y = candidates[z];
      if (y.q_begin != other_query || !single_full(y) || n_used[y.n_begin]) continue;
      // other_query moves to y's list word; x takes the one it held.
      chosen[holder[x.n_begin]] = z;
      holder[y.n_begin] = holder[x.n_begin];
      n_used[y.n_begin] = true;
      q_used[x.q_begin] = true;
      holder[x.n_begin] = static_cast<int>(chosen.size());
      chosen.push_back(c);
      break;
    }
  }
  q_used.assign(nq, false);
  n_used.assign(nn, false);
  for (size_t c : chosen) take(candidates[c]);
  // A long query may have been cut by a field of fixed width: its last word, left over, may be the
  // start of a longer word of the name ("Noureddine Ben Ali Ben Belkassem DR" in a 35-character
  // field, "DRISSI" in the list). It counts like an initial, and only beside words of the query
  // that matched: a word's start alone is no evidence (and the index, which looks names up by
  // those other words, could not find a name by it).
  const bool other_word_matched =
      nq > 1 && std::any_of(q_used.begin(), q_used.begin() + (nq - 1), [](auto u) { return u; });
  if (const int last = nq - 1; query.maybe_cut && other_word_matched && !q_used[last] &&
                               qt[last].kind == TokenClass::ordinary && qt[last].text.size() >= 2) {
    int best = -1;
    for (int j = 0; j < nn; ++j) {
      if (n_used[j] || nt[j].kind != TokenClass::ordinary) continue;
      const std::string_view text = index.text(nt[j].term);
      if (text.size() > qt[last].text.size() && text.starts_with(qt[last].text) &&
          (best < 0 || name_weight[j] > name_weight[best]))
        best = j;
    }
    if (best >= 0)
      take({last, last + 1, best, best + 1, MatchHow::cut, s.initial_similarity, 0, 0});
  }
  // A person's name that agrees in everything but a family name a letter or two apart ("Keir
  // Starkey" / "Keir Starmer", "Igor Sechev" / "Igor Sechin") is a spelling of it to review: two
  // edits are allowed in a family name of five letters or more when the rest matches.
  if (person) {
    if (const auto pair = family_name_apart(); pair.q_begin >= 0) take(pair);
  }
  // A token left over on one side only is a middle name, patronymic or descriptor; left-over
  // tokens on both sides are names that disagree, and count in full.
  bool q_leftover = false, n_leftover = false;
  for (int i = 0; i < nq; ++i)
    q_leftover = q_leftover || (!q_used[i] && qt[i].kind == TokenClass::ordinary);
  for (int j = 0; j < nn; ++j)
    n_leftover = n_leftover || (!n_used[j] && nt[j].kind == TokenClass::ordinary);
  const bool conflicting = q_leftover && n_leftover;
  // An organisation's own acronym left over ("… Corporation (CASC)" against the words alone)
  // weighs as a legal form does: it repeats what the words say.
  thread_local std::vector<bool> q_acronym, n_acronym;
  q_acronym.assign(nq, false);
  n_acronym.assign(nn, false);
  for (int i = 0; i < nq && !person && query.own_acronym; ++i)
    q_acronym[i] = !q_used[i] && qt[i].own_acronym;
  for (int j = 0; j < nn && !person; ++j) n_acronym[j] = !n_used[j] && nt[j].marks.own_acronym;
  // Two organisations' names disagree when each keeps a word of its own as written ("China
  // Construction Bank" / "China Construction Technology"): their common words are then no
  // descriptors but what tells the two apart. A word the normaliser translated counts too: its
  // English words are the table's, each with its alternatives, and a Chinese state group's name is
  // nothing but such words (中国航天科工集团 "science and industry" is not 中国航天科技集团's
  // "science and technology"). Not a word for the kind of organisation ("Wagner Group" / "PMC
  // Wagner").
  // Nor two leftovers that are one word mistyped beyond the fuzzy match ("echnologies" /
  // "technology", "Al" / "Ali"): words_alike().
  auto own_word = [](const auto& token, std::string_view text) {
    return token.kind == TokenClass::ordinary && !is_organisation_kind(text);
  };
  thread_local std::vector<std::string_view> q_own, n_own;
  q_own.clear();
  n_own.clear();
  for (int i = 0; i < nq && !person; ++i)
    if (!q_used[i] && !q_acronym[i] && own_word(qt[i], qt[i].text)) q_own.push_back(qt[i].text);
  for (int j = 0; j < nn && !person && !q_own.empty(); ++j)
    if (!n_used[j] && !n_acronym[j] && own_word(nt[j], name_text(j))) n_own.push_back(name_text(j));
  auto unlike_any = [](const std::vector<std::string_view>& words,
                       const std::vector<std::string_view>& others) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
      return std::none_of(others.begin(), others.end(),
                          [&](std::string_view o) { return words_alike(w, o); });
    });
  };
  const bool names_disagree = unlike_any(q_own, n_own) && unlike_any(n_own, q_own);
  // Organisations: leftover common words (descriptors) weigh less. People: up to
  // person_discounted_leftovers leftover names on one side (middle names, patronymics) weigh
  // less; further leftovers, leftovers on both sides, or a leftover family name ("Lina" is not
  // "KINAYEH, Lina") count in full.
  // The `limit` heaviest discountable leftovers of one side (index −1 when fewer).
  auto heaviest_leftovers = [&](const std::vector<bool>& used, auto weight_of, auto family,
                                auto forebear, int count) {
    std::array<int, 2> best = {-1, -1};
    for (int k = 0; k < count; ++k) {
      if (used[k] || family(k) || forebear(k)) continue;
      if (best[0] < 0 || weight_of(k) > weight_of(best[0])) {
        best[1] = best[0];
        best[0] = k;
      } else if (best[1] < 0 || weight_of(k) > weight_of(best[1])) {
        best[1] = k;
      }
    }
    if (s.person_discounted_leftovers < 2) best[1] = -1;
    return best;
  };
  // The first name of a lineage is the person's own given name, which counts in full like a
  // family name: without it, "Muhammad bin Ladin" names the father of "Usama bin Muhammad".
  // A family part of two surnames (GUZMAN LOERA, the father's and the mother's) is written with
  // the first alone as often as with both ("Joaquin Guzman"): with the first met, the others
  // weigh as middle names do. Not the other way round: a name of the second alone ("Rafael
  // Quintero" for CARO QUINTERO) is as likely another family's.
  // An article or particle opening it (AL HAKIM, DE LA CRUZ) is not the surname.
  auto family_met = [](int count, const std::vector<bool>& used, auto token_of, auto text_of) {
    static constexpr std::string_view kParticles[] = {
        "al", "el", "de", "da",  "do",  "dos", "das", "del", "della", "di",
        "du", "la", "le", "van", "von", "der", "den", "ter", "ten"};
    for (int k = 0; k < count; ++k) {
      if (!token_of(k).marks.family || token_of(k).kind != TokenClass::ordinary) continue;
      if (std::find(std::begin(kParticles), std::end(kParticles), text_of(k)) !=
          std::end(kParticles))
        continue;
      return static_cast<bool>(used[k]);
    }
    return false;
  };
  const bool q_family_met =
      person && family_met(
                    nq, q_used, [&](int k) -> const QueryToken& { return qt[k]; },
                    [&](int k) -> std::string_view { return qt[k].text; });
  const bool n_family_met =
      person && family_met(
                    nn, n_used, [&](int k) -> const IndexedToken& { return nt[k]; }, name_text);
  // Forebears' names in a lineage (and patronymics) are discounted apart, however many
  // (lineage_unmatched_factor). Not a second surname: at a forebear's weight the commonest names
  // (Maria Garcia, GARCIA DURAN, Maria del Rosario) would meet every namesake listed.
  auto q_forebear = [&](int k) { return (qt[k].marks.lineage & kLineageParent) != 0; };
  auto n_forebear = [&](int k) { return (nt[k].marks.lineage & kLineageParent) != 0; };
  auto own_name = [](const TokenMarks& m, bool family_met) {
    return (m.family && !family_met) || m.lineage == kLineageChild;
  };
  const auto q_discounted = heaviest_leftovers(
      q_used, [&](int k) { return qt[k].weight; },
      [&](int k) { return own_name(qt[k].marks, q_family_met); }, q_forebear, nq);
  const auto n_discounted = heaviest_leftovers(
      n_used, [&](int k) { return name_weight[k]; },
      [&](int k) { return own_name(nt[k].marks, n_family_met); }, n_forebear, nn);
  // A middle name is one beyond a given and a family name: with a single name matched, the part
  // left over is as likely the other of the two ("Ahmed Hassan" is not the listed "Hassan").
  // A name of syllables and no family name (PreparedQuery::syllables_only, a Burmese one) has no
  // middle names either: a syllable more on either side is another name (Maung Aye is not Maung
  // Maung Aye, Aung San Suu Kyi not Aung San).
  const bool syllables_only = query.syllables_only;
  const bool middle_possible = aligned.size() >= 2 && !syllables_only;
  // An organisation's common words are descriptors ("Huawei Technologies"), except those after
  // "of", which say which one it is: "Nanjing University" is not "Nanjing University of Science
  // and Technology".
  auto first_of = [](int count, auto text_of, auto kind_of) {
    for (int k = 1; k < count; ++k)
      if (kind_of(k) == TokenClass::stopword && text_of(k) == "of") return k;
    return count;
  };
  const int q_of = person ? nq
                          : first_of(
                                nq, [&](int k) -> std::string_view { return qt[k].text; },
                                [&](int k) { return qt[k].kind; });
  const int n_of = person ? nn : first_of(nn, name_text, [&](int k) { return nt[k].kind; });
  // Each side's leftover series numbers: 2 when one is unambiguous, 1 when only a one-letter
  // Roman numeral (V) is, 0 when none is. "Partners V" against "Partners VI" is a conflict of
  // numbers; "V" against a word is not.
  auto series_left = [&](const std::vector<bool>& used, int count, auto series_of, auto text_of) {
    int found = 0;
    for (int k = 0; k < count; ++k) {
      if (used[k] || !series_of(k)) continue;
      std::string_view text = text_of(k);
      if (text.size() > 1 || (text[0] >= '0' && text[0] <= '9')) return 2;
      found = 1;
    }
    return found;
  };
  const int q_series = person ? 0
                              : series_left(
                                    q_used, nq, [&](int k) { return qt[k].marks.series; },
                                    [&](int k) -> std::string_view { return qt[k].text; });
  const int n_series = person
                           ? 0
                           : series_left(
                                 n_used, nn, [&](int k) { return nt[k].marks.series; }, name_text);
  const bool series_conflict = q_series && n_series && q_series + n_series >= 3;
  // A country or region after the words matched, on one side of an organisation's name, says where
  // a firm of the group is ("Faberlic Europe", "Deutsche Bank (Schweiz) AG") and weighs like a
  // common word. Not when the other side keeps a word of its own ("Kang & Green Industries" /
  // "Green Industries Hong Kong"), nor before the words matched, where it names the group ("Japan
  // Marine United", "Asia International Trading"), nor against another place ("Bank of China (Hong
  // Kong)" / "(Singapore)").
  // 1 when a side's leftovers hold a place after its last matched word, 2 when they hold any other
  // word worth a name (ordinary, not common), 0 when neither.
  auto place_left = [&](const std::vector<bool>& used, const std::vector<bool>& acronym, int count,
                        auto token_of, auto idf_of) {
    int last_matched = -1;
    bool distinctive_matched = false;  // a word that is no common word: the brand
    for (int k = 0; k < count; ++k)
      if (used[k] && token_of(k).kind == TokenClass::ordinary) {
        last_matched = k;
        distinctive_matched = distinctive_matched || idf_of(k) >= s.generic_idf;
      }
    int found = 0;
    for (int k = 0; k < count; ++k) {
      if (used[k] || acronym[k] || token_of(k).kind != TokenClass::ordinary) continue;
      // A Chinese name opens with its place of registration (深圳市大疆…): there the place
      // before the brand says where the firm is, as a place after the words does elsewhere. Only
      // beside the brand: with common words alone matched, the place is what names the firm
      // ("Nanyang Technological University" is not 南京理工大学).
      if (token_of(k).marks.place &&
          (k > last_matched || (token_of(k).origin != TokenOrigin::literal && distinctive_matched)))
        found = std::max(found, 1);
      else if (token_of(k).marks.place || idf_of(k) >= s.generic_idf)
        return 2;
    }
    return found;
  };
  const int q_place =
      person ? 0
             : place_left(
                   q_used, q_acronym, nq, [&](int k) -> const QueryToken& { return qt[k]; },
                   [&](int k) {
                     return qt[k].term == kNoTerm ? index.unseen_idf() : index.idf(qt[k].term);
                   });
  const int n_place =
      person ? 0
             : place_left(
                   n_used, n_acronym, nn, [&](int k) -> const IndexedToken& { return nt[k]; },
                   [&](int k) { return index.idf(nt[k].term); });
  const bool one_place = (q_place == 1 && n_place == 0) || (q_place == 0 && n_place == 1);
  // Two names of descriptive words and places alone ("Export Development Bank of Iran", Bank
  // Saderat Iran "Export Bank Iran"; 中国电子科技集团 / China Electronics Corporation): no brand
  // says which organisation either is, so every word does. A descriptive word on one side only is
  // then no descriptor but what makes it another organisation, and counts in full; a place and a
  // word for the kind of organisation ("Group") stay as they are.
  const bool descriptive_names =
      !person && query.descriptive_only && std::all_of(nt.begin(), nt.end(), [](const auto& t) {
        return t.kind != TokenClass::ordinary || t.marks.descriptive || t.marks.place ||
               t.marks.series || t.marks.own_acronym;
      });
  auto tells_apart = [&](const TokenMarks& marks, std::string_view text) {
    return descriptive_names && marks.descriptive && !marks.place && !is_organisation_kind(text);
  };
  auto unmatched_factor = [&](float idf, bool discounted, bool qualifier, bool forebear,
                              bool series, bool place, bool translated) {
    if (person && forebear && !conflicting && middle_possible) return s.lineage_unmatched_factor;
    if (person)
      return (conflicting || !discounted || !middle_possible) ? 1.0f : s.person_unmatched_factor;
    // Two series numbers that differ tell one fund or trust of a family from the next ("Partners
    // VII" / "Partners VIII"); the family is what a screen looks for. A number on one side only
    // may be all that tells a name of common words apart ("Management Company 23").
    if (series_conflict && series) return s.series_number_factor;
    // A list name written in Han characters (or in pinyin, pinyin_org_words.h): a word it
    // translates from Chinese that the query lacks is the name's own text (南京大学 /
    // 南京理工大学), not a descriptor English adds; its place is still a place. The query's own
    // extra words stay descriptors (a brand with another trade word: 北京寒武纪科技 / 寒武纪).
    if (translated && !place) return 1.0f;
    return (idf < s.generic_idf || (one_place && place)) && !qualifier && !names_disagree
               ? s.generic_unmatched_factor
               : 1.0f;
  };
  // A numbered unit met on its number and unit word (numbered_unit.h): the group's words left
  // over say whose unit it is, and the unit's own ("research", "no") nothing more; both weigh
  // little (unit_group_factor). The group must be named in descriptive words, places and
  // acronyms, as a state group is ("China State Shipbuilding Corporation, Limited (CSSC)"): a
  // brand before "Plant 2" names another firm. On the query's side: its unit's own words, and
  // its group's words when one side's acronym abbreviates the other's ("CETC" for China
  // Electronics Technology Group Corporation); a query keeping a word of its own names another
  // group's unit, and one naming a group against a list's unit alone ("Research Institute 14")
  // says nothing the list can confirm.
  thread_local std::vector<UnitWord> q_unit, n_unit;
  thread_local std::vector<std::string_view> q_group_words, n_group_words;
  // Met on its number by one of the query's numbers (the screener's bound counts on it).
  const NumberedUnit n_unit_at = person || !query.has_number
                                     ? NumberedUnit{}
                                     : numbered_unit_words(nn, name_text, n_used, n_unit);
  bool n_has_unit = n_unit_at.number >= 0;
  bool q_has_unit = n_has_unit && query.numbered_unit &&
                    numbered_unit_words(
                        nq, [&](int k) -> std::string_view { return qt[k].text; }, q_used, q_unit)
                            .number >= 0;
  auto abbreviates = [](std::string_view word, const std::vector<std::string_view>& words) {
    return abbreviates_own_words(
        word, -1, static_cast<int>(words.size()), [&](int m) { return words[m]; },
        [](int) { return TokenClass::ordinary; });
  };
  n_group_words.clear();
  q_group_words.clear();
  for (int j = 0; j < nn && n_has_unit; ++j)
    if (n_unit[j] == UnitWord::group) n_group_words.push_back(name_text(j));
  for (int i = 0; i < nq && q_has_unit; ++i)
    if (q_unit[i] == UnitWord::group) q_group_words.push_back(qt[i].text);
  // The query's group words weigh little only as the list's group named otherwise.
  auto abbreviates_q = [&](std::string_view w) {
    return !q_group_words.empty() && abbreviates(w, q_group_words);
  };
  const bool n_abbreviates_q =
      std::any_of(n_group_words.begin(), n_group_words.end(), abbreviates_q);
  for (int j = 0; j < nn && n_has_unit; ++j) {
    const std::string_view w = name_text(j);
    if (n_unit[j] == UnitWord::group && nt[j].kind == TokenClass::ordinary &&
        !nt[j].marks.descriptive && !nt[j].marks.place && !nt[j].marks.own_acronym &&
        !is_all_digits(w) && !abbreviates(w, n_group_words) && !abbreviates_q(w))
      n_has_unit = false;
  }
  for (int i = 0; i < nq && q_has_unit; ++i)
    if (q_unit[i] == UnitWord::group && !n_abbreviates_q &&
        !(qt[i].kind == TokenClass::ordinary && abbreviates(qt[i].text, n_group_words)))
      q_unit[i] = UnitWord::none;
  // A query keeping a word of its own besides (中国航天科技集团第四研究院第四十三研究所, CASC's
  // 43rd, against CETC's "43 Research Institute") names another group's unit.
  for (int i = 0; i < nq && n_has_unit; ++i)
    if (!q_used[i] && qt[i].kind == TokenClass::ordinary && !q_acronym[i] && !qt[i].marks.place &&
        !(q_has_unit && q_unit[i] != UnitWord::none))
      n_has_unit = false;
  // A group met by a word a letter or two off ("CASC" / "CSSC") is another group's unit.
  for (size_t c = 0; c < chosen.size() && n_has_unit; ++c) {
    const Candidate& x = candidates[chosen[c]];
    if (x.how == MatchHow::fuzzy && (x.n_end <= n_unit_at.begin || x.n_begin >= n_unit_at.end))
      n_has_unit = false;
  }
  q_has_unit = q_has_unit && n_has_unit;
  float total_q = matched_q, total_n = matched_n;
  bool told_apart = false;  // a descriptive word left over between names of such words alone
  // Save the list's name cut short: every word of the query met, the list's words left over all
  // after its last word met ("Harbin Institute" for Harbin Institute of Technology). A query
  // names an organisation by the start of its name; it adds no word of another.
  // In order, as the list writes them: "National Defense University" is no start of National
  // University of Defense Technology. Words translated from another script keep the order of
  // that language (การบินไทย "airways Thai"), which says nothing. Only between descriptive names.
  int last_met = -1;
  bool in_order = descriptive_names && !q_leftover;
  for (int j = 0; j < nn && in_order; ++j)
    if (n_used[j]) last_met = j;
  for (size_t c = 1; c < chosen.size() && in_order; ++c)
    for (size_t d = 0; d < c && in_order; ++d) {
      const Candidate &x = candidates[chosen[c]], &y = candidates[chosen[d]];
      in_order = qt[x.q_begin].origin != TokenOrigin::literal ||
                 qt[y.q_begin].origin != TokenOrigin::literal ||
                 (x.q_begin < y.q_begin) == (x.n_begin < y.n_begin);
    }
  // One descriptive word left off, not a phrase of them (places, kinds and stopwords aside):
  // "Nanjing University" is another university than Nanjing University of Science and
  // Technology, whose last two words make it the one it is.
  int left_off = 0;
  for (int j = last_met + 1; j < nn && in_order; ++j)
    left_off += tells_apart(nt[j].marks, name_text(j));
  const bool cut_short = in_order && left_off <= 1;
  for (int i = 0; i < nq; ++i) {
    if (q_used[i]) continue;
    if (record) result.unmatched_query.push_back(i);
    float factor = s.legal_form_factor;
    if (q_has_unit && q_unit[i] != UnitWord::none) {
      if (!q_acronym[i]) factor = s.unit_group_factor;
    } else if (tells_apart(qt[i].marks, qt[i].text)) {
      factor = 1.0f;
      told_apart = true;
    } else if (!q_acronym[i]) {
      const float idf = qt[i].term == kNoTerm ? index.unseen_idf() : index.idf(qt[i].term);
      factor = unmatched_factor(idf, i == q_discounted[0] || i == q_discounted[1], i > q_of,
                                q_forebear(i), qt[i].marks.series, qt[i].marks.place, false);
    }
    total_q += factor * qt[i].weight;
  }
  for (int j = 0; j < nn; ++j) {
    if (n_used[j]) continue;
    if (record) result.unmatched_name.push_back(j);
    float factor = s.legal_form_factor;
    if (n_has_unit && n_unit[j] != UnitWord::none) {
      if (!n_acronym[j]) factor = s.unit_group_factor;
    } else if (tells_apart(nt[j].marks, name_text(j))) {
      factor = 1.0f;
      told_apart = told_apart || !cut_short || j < last_met;
    } else if (!n_acronym[j]) {
      factor = unmatched_factor(index.idf(nt[j].term), j == n_discounted[0] || j == n_discounted[1],
                                j > n_of, n_forebear(j), nt[j].marks.series, nt[j].marks.place,
                                nt[j].origin == TokenOrigin::translated);
    }
    total_n += factor * name_weight[j];
  }
  // Similarity-weighted totals: a fuzzy pair counts its full weight in the denominator.
  for (const auto& [similarity, query_weight, pair_name_weight] : aligned) {
    total_q += (1.0f - similarity) * query_weight;
    total_n += (1.0f - similarity) * pair_name_weight;
  }
  // A name written exactly as listed is that name however common its words ("AT&T Inc." / "AT and
  // T Inc.", a listed name of kind words alone): the floor and the need for a word of its own are
  // for names that share only part of what they say.
  const bool same_name =
      std::all_of(q_used.begin(), q_used.end(), [](bool u) { return u; }) &&
      std::all_of(n_used.begin(), n_used.end(), [](bool u) { return u; }) &&
      std::all_of(aligned.begin(), aligned.end(), [](const auto& a) { return a[0] >= 1.0f; });
  if (total_q <= 0 || total_n <= 0 || (!met_by_a_word && !same_name)) return result;
  const float coverage_q = matched_q / total_q, coverage_n = matched_n / total_n;
  // Between names of descriptive words alone, a word one of them keeps makes it another
  // organisation however fully the other is covered: the lesser coverage is the score.
  float score = told_apart ? std::min(coverage_q, coverage_n) : 0.5f * (coverage_q + coverage_n);
  // Two people whose names each keep a part the other lacks are more likely two people.
  if (person && conflicting) score *= s.person_conflict_factor;
  // The syllables' order is the name's, a list's part written before its comma moved last: the
  // lists write a Burmese name's last syllable there ("HLAING, Min Aung" for Min Aung Hlaing). A
  // name whose family name opens it (Korean, Khmer) has its family syllables left out of the
  // order, and they meet the list's family part.
  std::sort(syllables.begin(), syllables.end());
  bool syllables_differ = false;
  auto place = [&](int n) { return n >= 0 ? n : nn - 1 - n; };
  for (size_t k = 1; k < syllables.size(); ++k)
    syllables_differ =
        syllables_differ || place(syllables[k].second) < place(syllables[k - 1].second);
  // A syllable of a Korean given name left over while the other name keeps a word of its own:
  // another given name (김민준 Min Jun is not Man Chun), not a middle name.
  for (int i = 0; i < nq && person && conflicting; ++i)
    syllables_differ =
        syllables_differ || (!q_used[i] && qt[i].marks.syllable && !qt[i].marks.family &&
                             qt[i].kind == TokenClass::ordinary);
  // A Burmese name's syllable more or less is another name, as another order is.
  syllables_differ = syllables_differ || (syllables_only && (q_leftover || n_leftover));
  if (person && syllables_differ) score *= s.syllable_order_factor;
  // The floor is in IDF units, calibrated on the full lists (rarest term ≈ 11). A small snapshot
  // (a custom list alone) has low IDFs everywhere; there the floor shrinks with the rarest
  // possible term, or an exact match of a whole listed name could never reach the threshold.
  const float floor = std::min(s.min_evidence, 0.5f * index.unseen_idf());
  if (result.evidence < floor && !same_name) score *= result.evidence / floor;
  result.score = std::clamp(score, 0.0f, 1.0f);
  return result;
}

}  // namespace

ReadingMatch score_best_reading(const NormalizedName& query, const IndexedName& name,
                                TermTable& terms, bool person, const ScorerSettings& settings) {
  ReadingMatch best;
  best.query = prepare_query(query, terms, true);
  best.match = score_name(best.query, name, terms, person, settings);
  for (const NormalizedName& reading : query.readings) {
    PreparedQuery other = prepare_query(reading, terms, true);
    NameMatch match = score_name(other, name, terms, person, settings);
    if (match.score <= best.match.score) continue;
    best = {std::move(other), std::move(match), true};
  }
  return best;
}

NameMatch score_name(const PreparedQuery& query, const IndexedName& name, const TermTable& index,
                     bool person, const ScorerSettings& s) {
  return score(query, name, index, person, s, true);
}

float name_score_only(const PreparedQuery& query, const IndexedName& name, const TermTable& index,
                      bool person, const ScorerSettings& s) {
  return score(query, name, index, person, s, false).score;
}

}  // namespace clearance
