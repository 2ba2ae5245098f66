#pragma once
// Any name, any script → NormalizedName: NFKC case folding, transliteration to Latin (Cyrillic by
// BGN/PCGN as the US lists spell it), diacritics folded, punctuation and spacing removed, Chinese
// organisation words translated and the rest of a Han run spelled in pinyin, legal forms folded.
//
// Holds ICU transliterators, which are expensive to build and not thread-safe: build one per
// thread and reuse it. ASCII input takes a fast path that touches no ICU object.
#include <unicode/uversion.h>

#include <memory>
#include <string_view>

#include "clearance/text/japanese_reading.h"
#include "clearance/text/name_token.h"

U_NAMESPACE_BEGIN
class Transliterator;
class Normalizer2;
U_NAMESPACE_END

namespace clearance {

class NameNormalizer {
 public:
  NameNormalizer();
  ~NameNormalizer();
  NameNormalizer(const NameNormalizer&) = delete;
  NameNormalizer& operator=(const NameNormalizer&) = delete;

  // Also marks the tokens that are a person's family name when the writing shows it: the part
  // before a comma ("KINAYEH, Lina"), or a last name carrying the Arabic article ("... al-Habbo",
  // "الحبو"). Other names are left unmarked: word order alone does not tell.
  NormalizedName normalize(std::string_view name);
  // A query's name: normalize(), and its other readings (NormalizedName::readings): a name in kanji
  // or kana read as Japanese (with its organisation words translated, and not), a Korean name in
  // Han characters read in Korean (hanja_reading.h), an Arabic word before الله joined to it, a
  // Thai organisation's name spelled without its words translated. The lists' names are indexed as
  // written: a query's readings meet them.
  NormalizedName normalize_query(std::string_view name);

 private:
  // normalize(), a Thai organisation's words translated or, without `translate_thai`, spelled
  // (the reading normalize_query() adds for lists that spell them).
  NormalizedName normalize_name(std::string_view name, bool translate_thai);
  NormalizedName normalize_text(std::string_view name, bool translate_thai);
  void prepare_icu();
  void add_latin_text(std::string_view ascii, TokenOrigin origin, NormalizedName& out) const;
  // `foreign_name`: the name writes the interpunct between Han characters, as Chinese writes the
  // parts of a foreign person's name (罗曼·阿布拉莫维奇).
  void add_han_run(const std::string& han_utf8, NormalizedName& out, bool foreign_name);
  // A run of Arabic-script words when the name table knows one of them; false (nothing added)
  // when it knows none.
  bool add_arabic_script_words(const std::string& run, NormalizedName& out);
  // A run holding Cyrillic letters when one of its words is an organisation word
  // (cyrillic_org_words.h): those translated, the others transliterated; false (nothing added)
  // when none is.
  bool add_cyrillic_org_words(const std::string& run, NormalizedName& out);
  // A word among those of another script (digits, Latin…), transliterated as any other text.
  void add_other_word(const std::string& word, NormalizedName& out);
  // A word of an organisation's name in Cyrillic that the table does not hold (its `letters`
  // without quotes): transliterated, and when it may be a name in the genitive, compared as its
  // nominative (cyrillic_nominatives()).
  void add_org_name_word(const std::string& word, const std::string& letters, NormalizedName& out);
  // The other romanisations of each word of `run`, as alternatives of its tokens from
  // `first_token` on: a Cyrillic word's (cyrillic_romanizations.h, `strict`: marked
  // TokenMarks::spelled) or a Greek one's (greek_romanizations.h).
  using Romanizations = std::vector<std::string> (*)(std::string_view word, std::string_view as_is);
  void add_romanizations(const std::string& run, size_t first_token, Romanizations spellings_of,
                         bool strict, NormalizedName& out);
  // A run holding Hebrew letters, a token per word (hebrew_names.h).
  void add_hebrew_words(const std::string& run, NormalizedName& out);
  // A run holding Thai letters, a token per word (thai_names.h); with `translate`, an
  // organisation's words translated.
  void add_thai_words(const std::string& run, bool translate, NormalizedName& out);
  void add_burmese_words(const std::string& run, NormalizedName& out);
  void add_khmer_words(const std::string& run, NormalizedName& out);
  // A run holding letters of the scripts of India, a token per word as the lists spell it, with
  // the forms the consonant comparison reads (indic_names.h).
  void add_indic_words(const std::string& run, NormalizedName& out);
  std::string pinyin(const std::string& han_utf8);
  // A Japanese firm as Chinese writes it (三菱重工业株式会社, its Japanese legal form kept): a
  // reading with each word spelled in pinyin read as Japanese reads its characters (三菱
  // Mitsubishi), the words Chinese translates kept translated.
  void add_japanese_firm_reading(std::string_view name, NormalizedName& out);
  // A Korean firm as Chinese writes it (端川商业银行): a reading with each word spelled in pinyin
  // read as Korean reads its characters (端川 Tanchon), the words Chinese translates kept.
  void add_korean_firm_reading(NormalizedName& out);

  const icu::Normalizer2* nfkc_casefold_ = nullptr;
  std::unique_ptr<icu::Transliterator> to_latin_;
  std::unique_ptr<icu::Transliterator> han_to_pinyin_;
  std::unique_ptr<icu::Transliterator> traditional_to_simplified_;
  std::unique_ptr<icu::Transliterator> simplified_to_traditional_;
  JapaneseReader japanese_;
};

}  // namespace clearance
