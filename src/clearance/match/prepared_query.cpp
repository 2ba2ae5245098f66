#include "clearance/match/prepared_query.h"

#include <algorithm>

#include "clearance/match/name_scorer.h"
#include "clearance/match/numbered_unit.h"
#include "clearance/match/own_acronym.h"
#include "clearance/text/arabic_script_names.h"
#include "clearance/text/chinese_romanization.h"
#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/descriptive_words.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/given_names.h"
#include "clearance/text/nicknames.h"
#include "clearance/text/phonetic.h"
#include "clearance/util/strings.h"

namespace clearance {

PreparedQuery prepare_query(const NormalizedName& name, TermTable& terms, bool intern,
                            const HasSimilarTerm& has_similar_term) {
  PreparedQuery q;
  // Written on a Persian keyboard (arabic_script_names.h): some word says so. (Most queries are
  // Latin: a word of ASCII alone is not looked at.)
  const bool persian = std::any_of(name.tokens.begin(), name.tokens.end(), [](const NameToken& t) {
    return !is_ascii(t.source) && has_persian_letters(t.source);
  });
  // Each word's readings read from Arabic script, for joining two words (below).
  std::vector<std::vector<SpellingShape>> join_shapes;
  for (const NameToken& t : name.tokens) {
    join_shapes.emplace_back();
    QueryToken qt;
    qt.text = t.text;
    qt.source = t.source;
    qt.term = intern ? terms.intern(t.text) : terms.find(t.text);
    qt.kind = t.kind;
    qt.origin = t.origin;
    qt.marks = t.marks;
    qt.marks.descriptive = describes_organisation(t.kind, t.origin, t.text);
    qt.han = han_spelling(t);
    qt.alternative_texts = t.alternatives;
    float base = qt.term == kNoTerm ? terms.unseen_idf() : terms.idf(qt.term);
    for (const auto& alt : t.alternatives) {
      const TermId id = intern ? terms.intern(alt) : terms.find(alt);
      if (id == kNoTerm) continue;
      qt.alternatives.push_back(id);
      base = std::min(base, terms.idf(id));  // a translation weighs as its most common rendering
    }
    // Short forms, the name's forms in other languages and other languages' spellings of it:
    // each a list word a person's name may be written with (MatchHow::nickname, ::equivalent).
    auto relate = [&](const std::string& relative) {
      const TermId id = intern ? terms.intern(relative) : terms.find(relative);
      if (id != kNoTerm && id != qt.term &&
          std::find(qt.nicknames.begin(), qt.nicknames.end(), id) == qt.nicknames.end())
        qt.nicknames.push_back(id);
    };
    if (t.kind == TokenClass::ordinary) {
      for (const auto& relative : nickname_relatives(t.text)) relate(relative);
      for (const auto& form : given_name_equivalents(t.text)) relate(form);
      if (t.origin == TokenOrigin::literal)
        for (const auto& spelling : foreign_spellings(t.text)) relate(spelling);
    }
    qt.mask = letter_mask(qt.text);
    if (qt.text.size() >= 3) qt.phonetic = phonetic_key(qt.text);
    if (qt.phonetic.size() < 2) qt.phonetic.clear();
    qt.romanization = chinese_romanization_key(qt.text);
    // (A katakana word's forms are its loanword spellings, which its alternatives hold too.)
    const bool loanword = t.marks.kana && !t.abjad_forms.empty();
    if (((t.marks.abjad && t.alternatives.empty()) || loanword) && t.kind == TokenClass::ordinary) {
      // Only readings of enough consonants to say something (kMinSkeleton). A word transliterated
      // from Arabic script is also read as Persian says its letters (persian_reading: ق gh, ض z,
      // ث s) when its name is Persian and the word has none of Arabic's own letters (Arabic's
      // Qays is no Ghais); each reading also with its Persian v (with_waw_as_v) and with its h
      // apart from the letter before (with_h_apart).
      std::vector<std::string> forms = t.abjad_forms;
      if (forms.empty()) {
        forms.emplace_back(without_vowel_seat(without_article(qt.text)));
        // Opening with the letters of the article, a word may have none: a foreign name's "al"
        // (ألكسندر Alexander), or the article the Latin spelling joins (Albashir).
        if (forms.front().size() != qt.text.size()) forms.emplace_back(qt.text);
        if (persian && !has_arabic_only_letters(t.source)) {
          // The same letters read otherwise (not a word split from the one written).
          const std::string said = persian_reading(t.source);
          const std::string_view word = without_article(said);
          if (!word.empty() && word != forms.front() &&
              consonant_skeleton(word).size() == consonant_skeleton(forms.front()).size())
            forms.emplace_back(word);
        }
        for (size_t k = 0, read = forms.size(); k < read; ++k)
          if (std::string v = with_waw_as_v(forms[k]); !v.empty()) forms.push_back(std::move(v));
        for (size_t k = 0, read = forms.size(); k < read; ++k)
          if (std::string apart = with_h_apart(forms[k]); !apart.empty())
            forms.push_back(std::move(apart));
        if (!persian)  // Persian writes ch چ
          for (size_t k = 0, read = forms.size(); k < read; ++k)
            if (std::string ch = with_tsh_as_ch(forms[k]); !ch.empty())
              forms.push_back(std::move(ch));
      }
      // Arabic writes a foreign name's p, v and g with ب, ف and ج; Persian has letters for them.
      const bool foreign_sounds = !persian && has_arabic_script_letters(t.source);
      for (const std::string& form : forms) {
        std::string key = consonant_skeleton(form);
        SpellingShape shape = abjad_shape(form, foreign_sounds);
        // A word of one consonant says too little alone (أويل "oil"), but may be half of one
        // word the list writes (LUKOIL).
        if (foreign_sounds) join_shapes.back().push_back(shape);
        if (key.empty()) continue;
        qt.abjad_shapes.push_back(std::move(shape));
        for (std::string& each : foreign_sounds ? foreign_sound_keys(key) : std::vector{key})
          if (std::find(qt.skeletons.begin(), qt.skeletons.end(), each) == qt.skeletons.end())
            qt.skeletons.push_back(std::move(each));
      }
    }
    if (t.kind == TokenClass::ordinary) {
      qt.thai_keys = t.letter_keys;
      qt.transcription_keys = t.transcription_keys;
      qt.transcription_characters = t.transcription_characters;
    }
    // Never a word of exact syllables (a Burmese name's joined: "naingkhin" is not "Hlaing Khin").
    if (!terms.in_lists(qt.term) && t.kind == TokenClass::ordinary &&
        t.origin != TokenOrigin::pinyin && !t.marks.syllable &&
        qt.text.size() >= kMinJoinedTypoLength) {
      if (has_similar_term) {
        qt.run_together = !has_similar_term(qt);
      } else {
        thread_local std::vector<NameIndex::SimilarTerm> similar;
        similar.clear();
        terms.index().similar_terms(qt.text, similar);
        qt.run_together = similar.empty();
      }
    }
    qt.weight = base * token_class_factor(t.kind, ScorerSettings{});
    if (qt.text.size() == 1) qt.weight *= 0.5f;  // an initial says less than a name
    q.tokens.push_back(std::move(qt));
  }
  // Two words of a foreign name read from Arabic script, joined: the first few readings of each.
  constexpr size_t kMostJoinedReadings = 4;
  constexpr size_t kMinJoinedSkeleton = 3;
  for (size_t k = 0; k + 1 < q.tokens.size(); ++k) {
    QueryToken& first = q.tokens[k];
    const auto &firsts = join_shapes[k], &seconds = join_shapes[k + 1];
    for (size_t a = 0; a < std::min(kMostJoinedReadings, firsts.size()); ++a)
      for (size_t b = 0; b < std::min(kMostJoinedReadings, seconds.size()); ++b) {
        // Each word a consonant at least, three in all: fewer meet a list word by chance (يو
        // مين "ywmyn", two, meets any m-n word).
        if (firsts[a].consonants.empty() || seconds[b].consonants.empty()) continue;
        SpellingShape joined = joined_shape(firsts[a], seconds[b]);
        if (joined.consonants.size() < kMinJoinedSkeleton) continue;
        const std::string key_of_joined = shape_key(joined);
        for (std::string& key : foreign_sound_keys(key_of_joined))
          if (std::find(first.joined_skeletons.begin(), first.joined_skeletons.end(), key) ==
              first.joined_skeletons.end())
            first.joined_skeletons.push_back(std::move(key));
        first.joined_shapes.push_back(std::move(joined));
      }
  }
  complete_query(q, name.maybe_cut);
  return q;
}

void complete_query(PreparedQuery& q, bool maybe_cut) {
  q.has_pinyin = std::any_of(q.tokens.begin(), q.tokens.end(),
                             [](const QueryToken& t) { return t.origin == TokenOrigin::pinyin; });
  const bool any_syllable = std::any_of(q.tokens.begin(), q.tokens.end(),
                                        [](const QueryToken& t) { return t.marks.syllable; });
  q.syllables_only =
      any_syllable && std::all_of(q.tokens.begin(), q.tokens.end(), [](const QueryToken& t) {
        return t.kind != TokenClass::ordinary || (t.marks.syllable && !t.marks.family);
      });
  // Not a name its script spells syllable by syllable (Hangul, Burmese, Khmer): a syllable is
  // what it spells, not any Chinese syllable's romanisation.
  q.romanized = !any_syllable &&
                romanized_name(
                    q.tokens.size(), [&](size_t k) { return q.tokens[k].kind; },
                    [&](size_t k) -> const std::string& { return q.tokens[k].romanization; });
  q.maybe_cut = maybe_cut;
  q.own_acronym = false;
  for (size_t k = 0; k < q.tokens.size(); ++k) {
    q.tokens[k].own_acronym = is_own_acronym(q.tokens, k);
    q.own_acronym = q.own_acronym || q.tokens[k].own_acronym;
  }
  q.descriptive_only = std::all_of(q.tokens.begin(), q.tokens.end(), [](const QueryToken& t) {
    return t.kind != TokenClass::ordinary || t.marks.descriptive || t.marks.place ||
           t.marks.series || t.own_acronym;
  });
  q.has_number = std::any_of(q.tokens.begin(), q.tokens.end(),
                             [](const QueryToken& t) { return is_all_digits(t.text); });
  q.numbered_unit =
      q.has_number &&
      last_numbered_unit(static_cast<int>(q.tokens.size()), [&](int k) -> std::string_view {
        return q.tokens[k].text;
      }).number >= 0;
  for (QueryToken& t : q.tokens) t.family_name = false;
  for_each_family_name(
      static_cast<int>(q.tokens.size()),
      [&](int m) -> const TokenMarks& { return q.tokens[m].marks; },
      [&](int m) { return q.tokens[m].kind; }, [&](int k) { q.tokens[k].family_name = true; });
}

}  // namespace clearance
