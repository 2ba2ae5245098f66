#include "clearance/text/name_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <unordered_map>

#include "clearance/text/arabic_names.h"
#include "clearance/text/arabic_script_names.h"
#include "clearance/text/branch_offices.h"
#include "clearance/text/burmese_names.h"
#include "clearance/text/cantonese_reading.h"
#include "clearance/text/chinese_org_words.h"
#include "clearance/text/chinese_transcription.h"
#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/cyrillic_org_words.h"
#include "clearance/text/cyrillic_romanizations.h"
#include "clearance/text/given_names.h"
#include "clearance/text/greek_romanizations.h"
#include "clearance/text/han.h"
#include "clearance/text/hanja_reading.h"
#include "clearance/text/hebrew_names.h"
#include "clearance/text/indic_names.h"
#include "clearance/text/japanese_kanji_forms.h"
#include "clearance/text/japanese_names.h"
#include "clearance/text/khmer_names.h"
#include "clearance/text/korean_names.h"
#include "clearance/text/legal_forms.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/numbers.h"
#include "clearance/text/org_words.h"
#include "clearance/text/pinyin_org_words.h"
#include "clearance/text/place_adjectives.h"
#include "clearance/text/place_names.h"
#include "clearance/text/romanized_org_words.h"
#include "clearance/text/thai_letters.h"
#include "clearance/text/thai_names.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

// A white circle ○ beside a Chinese numeral is the zero 〇 typed with the nearest key
// (七六○研究所): made the Han character, so the number stays in one Han run.
void circle_zeros_as_han(icu::UnicodeString& text) {
  static const icu::UnicodeString numerals =
      icu::UnicodeString::fromUTF8("零〇一二三四五六七八九十百千两");
  auto numeral = [&](int32_t at) {
    return at >= 0 && at < text.length() && numerals.indexOf(text.charAt(at)) >= 0;
  };
  for (int32_t k = 0; k < text.length(); ++k)
    if (text.charAt(k) == 0x25CB && (numeral(k - 1) || numeral(k + 1))) text.setCharAt(k, 0x3007);
}

// The words a number just before names a numbered unit (七一五所, 五十四研究所, 七二五厂).
constexpr std::string_view kNumberedWords[] = {"研究所", "研究院", "所", "院", "厂", "基地"};

std::unique_ptr<icu::Transliterator> make_transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU transliterator unavailable: ") + id);
  return t;
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Splits "A.B. Smith & Sons" into lower-case tokens: apostrophes vanish ("O'Brien" → "obrien"),
// any other non-alphanumeric byte separates, "&" is the word "and".
std::vector<std::pair<std::string, std::string>> split_ascii(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> tokens;  // (folded, as written)
  std::string token, written;
  auto flush = [&] {
    if (!token.empty()) tokens.emplace_back(std::move(token), std::move(written));
    token.clear();
    written.clear();
  };
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      token += ch;
      written += ch;
    } else if (c >= 'A' && c <= 'Z') {
      token += static_cast<char>(c - 'A' + 'a');
      written += ch;
    } else if (c == '\'' || c == '`') {
      written += ch;
    } else if (c == '&') {
      flush();
      tokens.emplace_back("and", "&");
    } else {
      // A letter's dot stays in what was written: "V L.P." is a numeral and an abbreviation,
      // not the letters V, L and P (see normalize_text).
      if (c == '.' && token.size() == 1) written += ch;
      flush();
    }
  }
  flush();
  return tokens;
}

// The places Chinese firms are registered in (data/names/chinese_places.csv): by their first
// character (three bytes of UTF-8), the longest first, so that a run is looked up at each
// character against the few places that open with it; and the spellings of those pinyin reads
// otherwise than the lists write them (佛山 Foshan, which ICU reads "fushan").
struct ChinesePlaces {
  std::unordered_map<std::string, std::vector<std::string>> by_first;
  std::unordered_map<std::string, std::vector<std::string>> spellings;  // the lists' first
};

const ChinesePlaces& chinese_places() {
  static const ChinesePlaces places = [] {
    ChinesePlaces out;
    for (const auto& row :
         read_name_table("chinese_places.csv", {"place", "source"}, {"spelling"})) {
      out.by_first[row.fields[0].substr(0, 3)].push_back(row.fields[0]);
      if (auto spellings = split_trimmed(row.fields[2], "/"); !spellings.empty())
        out.spellings.emplace(row.fields[0], std::move(spellings));
    }
    for (auto& [first, list] : out.by_first)
      std::sort(list.begin(), list.end(),
                [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return out;
  }();
  return places;
}

// The length in bytes of a Chinese place name at `at`, the longest; 0 when none starts there.
size_t chinese_place_length(const std::string& text, size_t at) {
  if (at + 3 > text.size()) return 0;
  const auto& places = chinese_places().by_first;
  const auto it = places.find(text.substr(at, 3));
  if (it == places.end()) return 0;
  for (const std::string& place : it->second)
    if (text.compare(at, place.size(), place) == 0) return place.size();
  return 0;
}

// The length in bytes of a place's administrative suffix (市 city, 省 province) at `at`, when
// more of the name follows; 0 otherwise.
size_t place_suffix_length(const std::string& text, size_t at) {
  for (std::string_view suffix : {"市", "省"})
    if (text.compare(at, suffix.size(), suffix) == 0 && at + suffix.size() < text.size())
      return suffix.size();
  return 0;
}

// The words of a transliterated run that keep letters no transliterator spelled (a script with
// none: Tibetan, Sinhala, Khmer…): tokens are ASCII, so those letters would be lost unseen. Words
// of one script in a row are one text.
void add_unread_words(const icu::UnicodeString& run, std::vector<UnreadText>& out) {
  int32_t k = 0;
  bool last_unread = false;
  while (k < run.length()) {
    while (k < run.length() && u_isUWhiteSpace(run.char32At(k))) k = run.moveIndex32(k, 1);
    const int32_t start = k;
    UScriptCode script = USCRIPT_INVALID_CODE;
    while (k < run.length() && !u_isUWhiteSpace(run.char32At(k))) {
      const UChar32 c = run.char32At(k);
      if (c > 0x7F && u_isalpha(c) && script == USCRIPT_INVALID_CODE) {
        UErrorCode status = U_ZERO_ERROR;
        script = uscript_getScript(c, &status);
      }
      k = run.moveIndex32(k, 1);
    }
    if (start == k) break;
    const bool unread = script != USCRIPT_INVALID_CODE;
    if (unread && last_unread && out.back().script == uscript_getName(script))
      out.back().text += " " + to_utf8(run.tempSubStringBetween(start, k));
    else if (unread)
      out.push_back({to_utf8(run.tempSubStringBetween(start, k)), uscript_getName(script)});
    last_unread = unread;
  }
}

}  // namespace

NameNormalizer::NameNormalizer() = default;

// ICU objects take tens of milliseconds to build: only made when a non-ASCII name first needs them.
void NameNormalizer::prepare_icu() {
  if (to_latin_) return;
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
  // BGN/PCGN romanisation for Cyrillic matches the spellings of the US lists; Any-Latin covers the
  // other scripts (Greek, Arabic, Hebrew, Hangul, kana…). Before them, the Cyrillic letters of
  // Kazakh, Kyrgyz, Uzbek, Tajik, Tatar, Bashkir and Mongolian, which those leave as they are or
  // split with a modifier mark (Тоқаев → "Tokˌayev"), get the spelling English texts give them
  // (Tokayev). After them, the marks BGN/PCGN puts inside a word (Det·skiy for Детский, Pod"yachev
  // for Подъячев) and those Any-Latin writes for the Arabic letters ain and hamza (ʿ ʾ: مستضعفان
  // "mstḍʿfan") go: they would split one word into two tokens.
  UParseError parse_error;
  to_latin_.reset(icu::Transliterator::createFromRules(
      "clearance-latin",
      icu::UnicodeString::fromUTF8(
          "Қ > K; қ > k; Ғ > G; ғ > g; Ң > Ng; ң > ng; Ө > O; ө > o; Ұ > U; ұ > u; Ү > U; ү > u;"
          "Һ > H; һ > h; Ә > A; ә > a; Ў > O; ў > o; Ҳ > H; ҳ > h; Ҷ > J; ҷ > j; Ӣ > I; ӣ > i;"
          "Ӯ > U; ӯ > u; Ҙ > Z; ҙ > z; Ҫ > S; ҫ > s; Җ > Zh; җ > zh; Ҡ > K; ҡ > k;"
          "::Russian-Latin/BGN; ::Ukrainian-Latin/BGN; ::Belarusian-Latin/BGN; ::Any-Latin;"
          "::Latin-ASCII;"
          "[:L:] { [\\u00B7\\u02CC\\u02B9\\u02BA\\u02BE\\u02BF\\\"] } [:L:] > ;"),
      UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU transliterator rules rejected");
  // Han-Latin/Names reads surnames as surnames (单 shan, 曾 zeng, 解 xie).
  han_to_pinyin_ = make_transliterator("Han-Latin/Names; Latin-ASCII");
  traditional_to_simplified_ = make_transliterator("Traditional-Simplified");
  simplified_to_traditional_ = make_transliterator("Simplified-Traditional");
}

NameNormalizer::~NameNormalizer() = default;

void NameNormalizer::add_latin_text(std::string_view ascii, TokenOrigin origin,
                                    NormalizedName& out) const {
  for (auto& [folded, written] : split_ascii(ascii)) {
    NameToken t;
    t.text = std::move(folded);
    t.source = std::move(written);
    t.origin = origin;
    out.tokens.push_back(std::move(t));
  }
}

std::string NameNormalizer::pinyin(const std::string& han_utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(han_utf8);
  han_to_pinyin_->transliterate(u);
  std::string joined;
  for (char c : to_utf8(u)) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9'))
      joined += c;
    else if (b >= 'A' && b <= 'Z')
      joined += static_cast<char>(b - 'A' + 'a');
  }
  return joined;
}

void NameNormalizer::add_han_run(const std::string& han_utf8, NormalizedName& out,
                                 bool foreign_name) {
  icu::UnicodeString simplified = icu::UnicodeString::fromUTF8(han_utf8);
  traditional_to_simplified_->transliterate(simplified);
  const std::string text = to_utf8(simplified);
  std::string pending;  // Han characters not covered by the dictionary, spelled in pinyin together
  // `before_word`: an organisation word follows the characters (霍尼韦尔国际公司).
  auto flush_pending = [&](bool before_word = false) {
    if (pending.empty()) return;
    NameToken t;
    t.text = pinyin(pending);
    t.source = pending;
    t.origin = TokenOrigin::pinyin;
    // Characters that may write a foreign name for its sound are read so where the writing says
    // it is one: a part of a name with the interpunct, a brand before an organisation word, or a
    // run longer than a Chinese personal name (阿布拉莫维奇). A Chinese person's name of two to
    // four characters made of them (丁娜, 万安特) is read as itself only.
    const size_t characters = to_code_points(pending).size();
    if (foreign_name || before_word || characters >= kMinBareTranscription) {
      t.transcription_keys = chinese_transcription_keys(pending);
      if (!t.transcription_keys.empty())
        t.transcription_characters = static_cast<uint8_t>(std::min<size_t>(characters, 255));
    }
    if (!t.text.empty()) out.tokens.push_back(std::move(t));
    pending.clear();
  };
  size_t i = 0;
  // A number as a token of its own, written as `length` bytes at i, its numerals the last
  // `numerals` of them.
  auto add_number = [&](size_t length, size_t numerals) {
    flush_pending();
    NameToken t;
    t.origin = TokenOrigin::translated;
    t.source = text.substr(i, length);
    t.text = chinese_number_text(std::string_view(t.source).substr(length - numerals));
    out.tokens.push_back(std::move(t));
    i += length;
  };
  while (i < text.size()) {
    // A Chinese firm's name opens with the place it is registered in (深圳市大疆创新科技有限公司:
    // Shenzhen, then the brand): spelled apart from the brand, so the brand meets the same brand
    // under another place, or with none (chinese_places.csv). Only before more Han text.
    // A place the word table spells as the lists do (哈尔滨 Harbin) is left to the table.
    const auto word_at = [&] {
      return std::any_of(
          chinese_org_words().begin(), chinese_org_words().end(), [&](const ChineseOrgWord& w) {
            return w.chinese.size() > 3 && text.compare(i, w.chinese.size(), w.chinese) == 0;
          });
    };
    if (pending.empty()) {
      if (const size_t length = chinese_place_length(text, i);
          length > 0 && i + length < text.size() && !word_at()) {
        pending.assign(text, i, length);
        i += length;
        const auto spelling = chinese_places().spellings.find(pending);
        flush_pending();
        NameToken& place = out.tokens.back();
        place.marks.place = true;
        if (spelling != chinese_places().spellings.end()) {
          const std::vector<std::string>& spellings = spelling->second;
          place.alternatives.assign(spellings.begin() + 1, spellings.end());
          if (std::find(spellings.begin(), spellings.end(), place.text) == spellings.end())
            place.alternatives.push_back(std::move(place.text));
          place.text = spellings.front();
        }
        // The administrative suffix (市 city, 省 province) belongs to the place, which the lists
        // spell without it (义乌市 Yiwu).
        const size_t suffix = place_suffix_length(text, i);
        out.tokens.back().source.append(text, i, suffix);
        i += suffix;
        continue;
      }
    }
    // An ordinal, 第 and a number: 第十四研究所 is the "14th Research Institute".
    if (const size_t length = chinese_ordinal_length(text, i); length > 0) {
      add_number(length, length - kChineseOrdinalMark.size());
      continue;
    }
    // A number of two numerals or more just before an institute word, without 第: 七一五所 is
    // the 715th institute as 第七一五研究所 is. (Elsewhere numerals are a name's: 三一重工.)
    if (const size_t length = chinese_numerals_length(text, i);
        length >= 6 && std::any_of(std::begin(kNumberedWords), std::end(kNumberedWords),
                                   [&](std::string_view word) {
                                     return text.compare(i + length, word.size(), word) == 0;
                                   })) {
      add_number(length, length);
      continue;
    }
    const ChineseOrgWord* hit = nullptr;
    for (const auto& word : chinese_org_words()) {
      if (text.compare(i, word.chinese.size(), word.chinese) != 0) continue;
      // A one-character word (所, 院, 厂…) counts only at the end of the run: elsewhere it is more
      // often part of a proper name.
      const bool one_character = word.chinese.size() <= 3;
      if (one_character && i + word.chinese.size() != text.size()) continue;
      hit = &word;
      break;
    }
    if (!hit) {
      const auto lead = static_cast<unsigned char>(text[i]);
      const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      pending.append(text, i, length);
      i += length;
      continue;
    }
    // A place the word table spells (哈尔滨 Harbin, 北京 Beijing/Peking) opening a firm's name is
    // its place of registration, as above.
    const bool place = pending.empty() && chinese_place_length(text, i) == hit->chinese.size() &&
                       i + hit->chinese.size() < text.size();
    flush_pending(true);
    for (std::string_view english : hit->english) {
      out.tokens.push_back(translated_token(english, std::string(hit->chinese)));
      out.tokens.back().marks.place = place;
    }
    i += hit->chinese.size();
    // The place's administrative suffix (深圳市, 广东省) belongs to it, not to the brand after it.
    if (const size_t suffix = place ? place_suffix_length(text, i) : 0; suffix > 0) {
      out.tokens.back().source.append(text, i, suffix);
      i += suffix;
    }
  }
  flush_pending();
}

bool NameNormalizer::add_arabic_script_words(const std::string& run, NormalizedName& out) {
  // A run of Arabic script is read word by word even when the table knows none of its words.
  const bool arabic = has_arabic_script_letters(run);
  // Two names Persian writes as one word (محمدجواد) are read as the two.
  std::vector<std::string> words;
  for (auto& word : split_trimmed(run, " ")) {
    auto parts = arabic ? arabic_script_compound(word) : std::vector<std::string>{};
    if (parts.empty())
      words.push_back(std::move(word));
    else
      words.insert(words.end(), parts.begin(), parts.end());
  }
  std::vector<std::vector<std::string>> spellings;
  bool any = false;
  for (const auto& word : words) {
    spellings.push_back(arabic_script_spellings(word));
    any = any || !spellings.back().empty();
  }
  if (!any && !arabic) return false;
  for (size_t k = 0; k < words.size(); ++k) {
    const size_t first_new = out.tokens.size();
    // An organisation word the lists translate (بانک ملی Bank Melli, شرکت ملی نفت ایران National
    // Iranian Oil Company): its English, spelled in full, not an abjad's consonants.
    if (const OrgWord* w =
            arabic && spellings[k].empty() ? arabic_script_org_word(words[k]) : nullptr) {
      append_translation(w->english, words[k], out.tokens);
      continue;
    }
    if (!spellings[k].empty()) {
      NameToken t;
      t.text = spellings[k].front();
      t.alternatives.assign(spellings[k].begin() + 1, spellings[k].end());
      t.source = words[k];
      t.origin = TokenOrigin::transliterated;
      out.tokens.push_back(std::move(t));
    } else {
      std::string word = words[k];
      // A final ى (alef maqsura) is a long a (مقتدى Muqtada), which ICU writes as y.
      if (constexpr std::string_view kMaqsura = "\u0649";
          word.size() > kMaqsura.size() && word.ends_with(kMaqsura)) {
        word.resize(word.size() - kMaqsura.size());
        word += "\u0627";
      }
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
      to_latin_->transliterate(u);
      add_latin_text(to_utf8(u), TokenOrigin::transliterated, out);
      // One token of one word: written as the user wrote it, for the explanation.
      if (out.tokens.size() == first_new + 1) out.tokens.back().source = words[k];
    }
    for (size_t m = first_new; m < out.tokens.size(); ++m) out.tokens[m].marks.abjad = true;
  }
  return true;
}

bool NameNormalizer::add_cyrillic_org_words(const std::string& run, NormalizedName& out) {
  std::string spaced = run;
  std::replace(spaced.begin(), spaced.end(), '-', ' ');  // научно-исследовательский: two words
  const auto words = split_trimmed(spaced, " ");
  std::vector<const OrgWord*> found;
  std::vector<std::string> letters;
  for (const auto& word : words) {
    // The word's letters, without the quotes and brackets around a name («Ростех», (ПАО)).
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    int32_t first = 0, last = u.length();
    while (first < last && !u_isalpha(u.char32At(first))) first = u.moveIndex32(first, 1);
    while (last > first && !u_isalpha(u.char32At(u.moveIndex32(last, -1))))
      last = u.moveIndex32(last, -1);
    letters.push_back(to_utf8(u.tempSubStringBetween(first, last)));
    found.push_back(cyrillic_org_word(letters.back()));
  }
  if (std::none_of(found.begin(), found.end(), [](const OrgWord* w) { return w != nullptr; }))
    return false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (!found[k]) {
      add_org_name_word(words[k], letters[k], out);
      continue;
    }
    // The word as the lists that transliterate it write it (Gruppa, Zavod; a letter off still
    // meets it), its English as alternatives; an English of two words or more, or a legal or
    // generic word (корпорация, which the English side reads as a legal form), replaces it.
    NormalizedName spelled;
    add_other_word(words[k], spelled);
    std::vector<NameToken> english;
    append_translation(found[k]->english, words[k], english);
    if (english.size() == 1 && english[0].kind == TokenClass::ordinary &&
        spelled.tokens.size() == 1) {
      NameToken& t = spelled.tokens[0];
      t.alternatives.push_back(english[0].text);
      for (std::string& alt : english[0].alternatives) t.alternatives.push_back(std::move(alt));
      out.tokens.push_back(std::move(t));
    } else {
      if (english.size() == 1 && spelled.tokens.size() == 1)
        english[0].alternatives.push_back(spelled.tokens[0].text);
      for (NameToken& t : english) out.tokens.push_back(std::move(t));
    }
  }
  return true;
}

void NameNormalizer::add_org_name_word(const std::string& word, const std::string& letters,
                                       NormalizedName& out) {
  NormalizedName as_written;
  add_other_word(word, as_written);
  icu::UnicodeString lower = icu::UnicodeString::fromUTF8(letters);
  lower.toLower();
  const auto nominatives = cyrillic_nominatives(to_utf8(lower));
  if (as_written.tokens.size() != 1 || nominatives.empty()) {
    for (NameToken& t : as_written.tokens) out.tokens.push_back(std::move(t));
    return;
  }
  // A name in the genitive (Вагнера): compared as its nominative, the likeliest first ("vagner",
  // a letter from "Wagner"), the word as written and the other nominatives exact alternatives.
  NameToken t = std::move(as_written.tokens[0]);
  std::vector<std::string> spelled;
  for (const std::string& nominative : nominatives) {
    NormalizedName n;
    add_other_word(nominative, n);
    if (n.tokens.size() == 1 && n.tokens[0].text != t.text) spelled.push_back(n.tokens[0].text);
  }
  if (!spelled.empty()) {
    t.alternatives.push_back(std::move(t.text));
    t.text = spelled.front();
    t.alternatives.insert(t.alternatives.end(), spelled.begin() + 1, spelled.end());
  }
  out.tokens.push_back(std::move(t));
}

void NameNormalizer::add_other_word(const std::string& word, NormalizedName& out) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  to_latin_->transliterate(u);
  add_latin_text(to_utf8(u), is_ascii(word) ? TokenOrigin::literal : TokenOrigin::transliterated,
                 out);
}

void NameNormalizer::add_romanizations(const std::string& run, size_t first_token,
                                       Romanizations spellings_of, bool strict,
                                       NormalizedName& out) {
  // The run's words as split_ascii() splits their transliteration: letters, digits and apostrophes
  // make a word, anything else ends one.
  std::vector<std::string> words(1);
  for (size_t at = 0; at < run.size();) {
    const CodePoint c = code_point_at(run, at);
    if (u_isalnum(static_cast<UChar32>(c.value)) || c.value == '\'' || c.value == '`')
      words.back().append(run, at, c.length);
    else if (!words.back().empty())
      words.emplace_back();
    at += c.length;
  }
  if (words.back().empty()) words.pop_back();
  if (words.size() != out.tokens.size() - first_token) return;  // "&" or marks split otherwise
  for (size_t k = 0; k < words.size(); ++k) {
    NameToken& t = out.tokens[first_token + k];
    if (t.origin != TokenOrigin::transliterated) continue;
    std::vector<std::string> spellings = spellings_of(words[k], t.text);
    t.marks.spelled = strict && !spellings.empty();
    for (std::string& spelling : spellings)
      if (std::find(t.alternatives.begin(), t.alternatives.end(), spelling) == t.alternatives.end())
        t.alternatives.push_back(std::move(spelling));
  }
}

void NameNormalizer::add_hebrew_words(const std::string& run, NormalizedName& out) {
  // Words apart at spaces, hyphens and the maqaf (בן־ציון, בן-ציון).
  constexpr std::string_view kMaqaf = "\u05BE";
  std::string spaced;
  for (size_t at = 0; at < run.size();) {
    const bool maqaf = std::string_view(run).substr(at).starts_with(kMaqaf);
    spaced += maqaf || run[at] == '-' ? ' ' : run[at];
    at += maqaf ? kMaqaf.size() : 1;
  }
  for (const auto& word : split_trimmed(spaced, " ")) {
    if (!has_hebrew_letters(word)) {  // digits, Latin or another script among the Hebrew
      add_other_word(word, out);
      continue;
    }
    NameToken t;
    t.source = word;
    t.origin = TokenOrigin::transliterated;
    t.marks.abjad = true;
    if (auto spellings = hebrew_spellings(word); !spellings.empty()) {
      t.text = spellings.front();
      t.alternatives.assign(spellings.begin() + 1, spellings.end());
      // Spelled as the lists and the languages write it: a Latin word further than a typo is
      // another name (לוי Levi is not LAVI), as for a Cyrillic word (TokenMarks::spelled).
      t.marks.spelled = true;
    } else {
      t.abjad_forms = hebrew_abjad_forms(word);
      if (t.abjad_forms.empty()) continue;
      t.text = t.abjad_forms.front();
      std::erase(t.text, kLettersApart);
      std::erase(t.text, kOAndUWritten);
    }
    out.tokens.push_back(std::move(t));
  }
}

void NameNormalizer::add_indic_words(const std::string& run, NormalizedName& out) {
  // Words apart at spaces, hyphens and the dot of an abbreviation (মো. Md.).
  std::string spaced = run;
  std::replace_if(
      spaced.begin(), spaced.end(), [](char c) { return c == '-' || c == '.'; }, ' ');
  for (const auto& word : split_trimmed(spaced, " ")) {
    if (auto spellings = indic_spellings(word); !spellings.empty()) {
      NameToken t;
      t.source = word;
      t.origin = TokenOrigin::transliterated;
      t.text = spellings.front();
      t.alternatives.assign(spellings.begin() + 1, spellings.end());
      t.marks.spelled = true;
      out.tokens.push_back(std::move(t));
      continue;
    }
    IndicReading reading = indic_reading(word);
    if (reading.text.empty()) {  // digits, Latin, another script, a sign not read
      add_other_word(word, out);
      continue;
    }
    // The reading is a Latin word as any other: a title, a stopword or a legal form is one here.
    const size_t first_new = out.tokens.size();
    add_latin_text(reading.text, TokenOrigin::transliterated, out);
    if (out.tokens.size() != first_new + 1) continue;
    NameToken& t = out.tokens.back();
    t.source = word;
    if (t.kind != TokenClass::ordinary || t.text != reading.text) continue;
    t.marks.abjad = true;
    // The script writes each consonant as said: a Latin word a consonant further than a typo is
    // another name (रमेश Ramesh is not Rajesh), a short one is it exactly (अमित Amit, not Amir);
    // its vowels the forms compare.
    t.marks.spelled = reading.exact_consonants;
    t.abjad_forms = std::move(reading.forms);
  }
}

void NameNormalizer::add_thai_words(const std::string& run, bool translate, NormalizedName& out) {
  const auto words = split_trimmed(run, " ");
  const bool organisation =
      translate && std::any_of(words.begin(), words.end(), [](const std::string& word) {
        return is_thai_organisation_word(word);
      });
  for (const auto& word : words) {
    if (thai_spellings(word).empty()) {  // digits, Latin or another script among the Thai
      add_other_word(word, out);
      continue;
    }
    // Thai writes a name's words together (ธนาคารกรุงเทพ, "bank Bangkok"): in an organisation's
    // name the table's words are translated and the letters between them read as one word.
    for (const ThaiPart& part :
         organisation ? thai_organisation_parts(word) : std::vector<ThaiPart>{{word, nullptr}}) {
      if (part.translation) {
        append_translation(part.translation->english, part.text, out.tokens);
        continue;
      }
      auto spellings = thai_spellings(part.text);
      if (spellings.empty()) continue;  // marks alone between two table words
      NameToken t;
      t.source = part.text;
      t.origin = TokenOrigin::transliterated;
      t.text = spellings.front();
      t.alternatives.assign(spellings.begin() + 1, spellings.end());
      t.letter_keys = thai_letter_keys(part.text);
      out.tokens.push_back(std::move(t));
    }
  }
}

namespace {

// A syllable a token, spelled exactly, its other spellings alternatives (Burmese, Khmer); one the
// table does not read is said as unread in `script`.
void add_syllable(const std::string& source, std::vector<std::string> spellings, const char* script,
                  NormalizedName& out) {
  if (spellings.empty()) {
    out.unread.push_back({source, script});
    return;
  }
  NameToken t;
  t.source = source;
  t.origin = TokenOrigin::transliterated;
  t.marks.syllable = true;
  t.text = std::move(spellings.front());
  t.alternatives.assign(std::make_move_iterator(spellings.begin() + 1),
                        std::make_move_iterator(spellings.end()));
  out.tokens.push_back(std::move(t));
}

}  // namespace

void NameNormalizer::add_burmese_words(const std::string& run, NormalizedName& out) {
  static const OrgWordTable org_words("burmese_org_words.csv", "burmese");
  const auto words = split_trimmed(run, " ");
  // The syllables of the whole name, and where each word's begin: a title opens the name only.
  std::vector<std::vector<std::string>> syllables;
  size_t total = 0;
  for (const std::string& word : words) {
    syllables.push_back(has_burmese_letters(word) ? burmese_syllables(word)
                                                  : std::vector<std::string>());
    total += syllables.back().size();
  }
  size_t read = 0;  // syllables of the name read so far
  bool opening = true;
  for (size_t w = 0; w < words.size(); ++w) {
    const std::vector<std::string>& s = syllables[w];
    if (s.empty()) {  // digits, Latin or another script among the Burmese
      add_other_word(words[w], out);
      opening = false;
      continue;
    }
    // The syllables spelled since the word began or since its last title or organisation word.
    size_t word_begin = out.tokens.size();
    auto close_word = [&] {
      if (out.tokens.size() >= word_begin + 2)
        out.syllable_words.emplace_back(word_begin, out.tokens.size());
    };
    for (size_t k = 0; k < s.size();) {
      // Honorifics and ranks before a person's name (ဦး U, ဒေါ် Daw, ဗိုလ်ချုပ်ကြီး General) say
      // who the person is, not what they are called: stopwords, as titles are in Latin. Only
      // before a name's own syllables: ဦး closing "Mya Tun Oo" is a name.
      std::string english;
      if (const size_t n = opening ? burmese_title_at(s, k, &english) : 0;
          n && read + k + n < total) {
        close_word();
        for (const std::string& part : split_trimmed(english, " ")) {
          NameToken t = translated_token(
              part, join(std::vector<std::string>(s.begin() + k, s.begin() + k + n), ""));
          t.kind = TokenClass::stopword;
          out.tokens.push_back(std::move(t));
        }
        k += n;
        word_begin = out.tokens.size();
        continue;
      }
      opening = false;
      // An organisation word of several syllables (စီးပွားရေး economic), the longest first.
      const OrgWord* found = nullptr;
      size_t found_end = k;
      std::string joined;
      for (size_t m = k; m < s.size() && m - k < 12; ++m) {
        joined += s[m];
        if (const OrgWord* o = org_words.find(joined)) {
          found = o;
          found_end = m + 1;
        }
      }
      if (found) {
        close_word();
        append_translation(found->english, found->written, out.tokens);
        k = found_end;
        word_begin = out.tokens.size();
        continue;
      }
      // A letter of Mon, Shan or Karen, which the table does not read, is said as unread.
      add_syllable(s[k], burmese_spellings(s[k]), "Myanmar", out);
      ++k;
    }
    close_word();
    read += s.size();
  }
}

void NameNormalizer::add_khmer_words(const std::string& run, NormalizedName& out) {
  static const OrgWordTable org_words("khmer_org_words.csv", "khmer");
  // Titles before a person's name (សម្តេច Samdech, ឯកឧត្តម Excellency, ឧកញ៉ា Oknha), written
  // apart or together, are stopwords as titles are in Latin; only before letters of a name.
  std::string_view text = trim(run);
  std::string english;
  for (size_t n; (n = khmer_title_length(text, &english)) && has_khmer_letters(text.substr(n));) {
    for (const std::string& part : split_trimmed(english, " ")) {
      NameToken t = translated_token(part, std::string(text.substr(0, n)));
      t.kind = TokenClass::stopword;
      out.tokens.push_back(std::move(t));
    }
    text = trim(text.substr(n));
  }
  const std::vector<std::string> words = split_trimmed(text, " ");
  const size_t first_token = out.tokens.size();
  size_t family_end = 0;  // the tokens of the name's first word, when a person's name has two
  for (const std::string& word : words) {
    if (!has_khmer_letters(word)) {  // digits, Latin or another script among the Khmer
      add_other_word(word, out);
      continue;
    }
    // The letters between organisation words (គណបក្ស party, ធនាគារ bank) are a name's part: a
    // token a syllable, and one word of English (syllable_words).
    std::string part;
    auto spell_part = [&] {
      const size_t begin = out.tokens.size();
      for (const std::string& syllable : khmer_syllables(part))
        add_syllable(syllable, khmer_spellings(syllable), "Khmer", out);
      if (out.tokens.size() >= begin + 2) out.syllable_words.emplace_back(begin, out.tokens.size());
      part.clear();
    };
    for (size_t at = 0; at < word.size();) {
      if (const OrgWord* o = org_words.longest_at(word, at)) {
        spell_part();
        append_translation(o->english, o->written, out.tokens);
        at += o->written.size();
        continue;
      }
      const size_t length = code_point_at(word, at).length;
      part.append(word, at, length);
      at += length;
    }
    spell_part();
    if (!family_end) family_end = out.tokens.size();
  }
  // A Khmer person's name opens with the family name (ហ៊ុន សែន: Hun), as the lists write it
  // (HUN Sen); an organisation's name has translated words instead.
  const bool person_like =
      words.size() >= 2 && std::all_of(out.tokens.begin() + first_token, out.tokens.end(),
                                       [](const NameToken& t) { return t.marks.syllable; });
  if (person_like)
    for (size_t k = first_token; k < family_end; ++k) out.tokens[k].marks.family = true;
}

namespace {

// The most spellings a word of syllables written together gets (their product, likeliest first),
// and the fewest letters one has.
constexpr size_t kMaxJoinedSpellings = 32;
constexpr size_t kMinJoinedSpelling = 4;

// A name whose written words spell a syllable a token (NormalizedName::syllable_words): a reading
// with each such word one token, its syllables' spellings joined, as English often writes a name's
// syllables together (တေဇ Tayza, တပ်မတော် Tatmadaw); exact as the syllables it joins are.
void add_joined_syllables_reading(NormalizedName& out) {
  if (out.syllable_words.empty()) return;
  NormalizedName joined;
  size_t next = 0;
  bool any = false;
  for (const auto& [begin, end] : out.syllable_words) {
    for (; next < begin; ++next) joined.tokens.push_back(out.tokens[next]);
    // The spellings' product in order of the sum of the alternatives' ranks: the first spellings
    // of every syllable first.
    std::vector<std::pair<size_t, std::string>> spelled = {{0, ""}};
    for (size_t k = begin; k < end; ++k) {
      const NameToken& t = out.tokens[k];
      std::vector<std::pair<size_t, std::string>> longer;
      for (const auto& [rank, text] : spelled) {
        longer.emplace_back(rank, text + t.text);
        for (size_t a = 0; a < t.alternatives.size(); ++a)
          longer.emplace_back(rank + a + 1, text + t.alternatives[a]);
      }
      std::stable_sort(longer.begin(), longer.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      if (longer.size() > kMaxJoinedSpellings) longer.resize(kMaxJoinedSpellings);
      spelled = std::move(longer);
    }
    // A short spelling joined is a code or an acronym as often as a name (အေးစိုး "eso", an alias
    // of Hizballah): kept only from kMinJoinedSpelling letters.
    std::erase_if(spelled, [](const auto& s) { return s.second.size() < kMinJoinedSpelling; });
    if (spelled.empty()) {
      for (size_t k = begin; k < end; ++k) joined.tokens.push_back(out.tokens[k]);
      next = end;
      continue;
    }
    NameToken t;
    t.origin = TokenOrigin::transliterated;
    t.marks.syllable = true;  // its spellings are the syllables': exact, as they are
    t.marks.family = out.tokens[begin].marks.family;  // a Khmer family name of two syllables
    for (size_t k = begin; k < end; ++k) t.source += out.tokens[k].source;
    t.text = spelled.front().second;
    for (size_t k = 1; k < spelled.size(); ++k)
      if (std::find(t.alternatives.begin(), t.alternatives.end(), spelled[k].second) ==
              t.alternatives.end() &&
          spelled[k].second != t.text)
        t.alternatives.push_back(spelled[k].second);
    joined.tokens.push_back(std::move(t));
    next = end;
    any = true;
  }
  if (!any) return;
  for (; next < out.tokens.size(); ++next) joined.tokens.push_back(out.tokens[next]);
  out.readings.push_back(std::move(joined));
}

// A word of Arabic script before الله, which Latin writes as one word with it (نصر الله Nasrallah,
// حزب الله Hizballah or Hezbollah, فضل الله Fadlallah): a reading of the name with the two as one
// word, beside the name as written. The article's alef is not sounded there: an untabled word is
// joined to "llah" apart from it (kLettersApart), whatever vowel the Latin spelling writes between.
void add_joined_allah_reading(NormalizedName& out) {
  constexpr std::string_view kAllah = "\u0627\u0644\u0644\u0647";
  // Most names have no such word: nothing copied for them.
  if (std::none_of(out.tokens.begin(), out.tokens.end(),
                   [&](const NameToken& t) { return t.source == kAllah; }))
    return;
  NormalizedName joined;
  bool any = false;
  for (size_t k = 0; k < out.tokens.size(); ++k) {
    const NameToken& t = out.tokens[k];
    if (k + 1 < out.tokens.size() && t.marks.abjad && t.kind == TokenClass::ordinary &&
        out.tokens[k + 1].source == kAllah) {
      NameToken m = t;
      m.source = t.source + " " + out.tokens[k + 1].source;
      if (t.alternatives.empty()) {
        m.text = t.text + "llah";
        if (t.abjad_forms.empty()) m.abjad_forms = {t.text};
        for (std::string& form : m.abjad_forms) form += std::string(1, kLettersApart) + "llah";
      } else {
        m.alternatives.clear();
        m.abjad_forms.clear();
        m.text = t.text + "allah";
        for (const std::string& s : t.alternatives) m.alternatives.push_back(s + "allah");
        m.alternatives.push_back(t.text + "ullah");
      }
      joined.tokens.push_back(std::move(m));
      ++k;
      any = true;
      continue;
    }
    joined.tokens.push_back(t);
  }
  if (any) out.readings.push_back(std::move(joined));
}

// The words of a Japanese name, with an organisation the dictionary holds as one word (三菱重工業,
// 東京電力) cut before the table's word it ends with (重工業 heavy industries, 電力 electric power)
// and its head read again: the lists translate that word and spell the head.
std::vector<JapaneseWord> cut_japanese_org_words(JapaneseReader& reader,
                                                 const std::vector<JapaneseWord>& words) {
  std::vector<JapaneseWord> out;
  for (const JapaneseWord& word : words) {
    const OrgWord* tail = nullptr;
    for (const OrgWord& w : japanese_org_words().words())
      if (w.written.size() < word.source.size() && word.source.ends_with(w.written)) {
        tail = &w;
        break;
      }
    auto head = tail ? reader.read(std::string_view(word.source)
                                       .substr(0, word.source.size() - tail->written.size()))
                     : std::vector<JapaneseWord>{};
    if (head.empty()) {
      out.push_back(word);
      continue;
    }
    for (JapaneseWord& h : head) out.push_back(std::move(h));
    out.push_back({"", {}, tail->written, {}});  // the translation's source, read from the table
  }
  return out;
}

// A name's Japanese reading: each word spelled from its kana or, with `translate`, the longest
// runs of words that write an organisation word of the table (銀行 bank) in English.
NormalizedName japanese_reading(const std::vector<JapaneseWord>& words, bool translate) {
  NormalizedName reading;
  reading.language = "ja";
  for (size_t k = 0; k < words.size();) {
    const OrgWord* translation = nullptr;
    size_t end = k;
    std::string written;
    for (size_t j = k; translate && j < words.size(); ++j) {
      written += words[j].source;
      if (const OrgWord* w = japanese_org_words().find(written)) translation = w, end = j + 1;
    }
    if (translation) {
      append_translation(translation->english, translation->written, reading.tokens);
      k = end;
      continue;
    }
    const JapaneseWord& w = words[k++];
    if (w.spelling.empty()) continue;
    NameToken t;
    t.text = w.spelling;
    t.alternatives = w.alternatives;
    t.source = w.source;
    t.origin = TokenOrigin::transliterated;
    t.marks.kana = true;
    // A foreign word in katakana: its Latin spellings, each a list word it may be exactly, and
    // compared on their consonants as a word from an abjad is (prepared_query.cpp).
    for (const std::string& spelling : w.loanword_spellings)
      if (spelling != t.text &&
          std::find(t.alternatives.begin(), t.alternatives.end(), spelling) == t.alternatives.end())
        t.alternatives.push_back(spelling);
    t.abjad_forms = w.loanword_spellings;
    reading.tokens.push_back(std::move(t));
  }
  if (translate) canonicalize_legal_forms(reading.tokens);  // 株式会社 "company" as "co"
  return reading;
}

}  // namespace

namespace {

// Whether a name holds a word Chinese translates (公司, 汽车, 银行): a firm's or a body's name, not
// a person's. Not a number (第十四 "14").
bool has_firm_word(const NormalizedName& name) {
  return std::any_of(name.tokens.begin(), name.tokens.end(), [](const NameToken& t) {
    return t.origin == TokenOrigin::translated && !t.text.empty() &&
           !(t.text[0] >= '0' && t.text[0] <= '9');
  });
}

}  // namespace

void NameNormalizer::add_japanese_firm_reading(std::string_view name, NormalizedName& out) {
  if (!out.has_han) return;
  // A Japanese legal form says the firm is Japanese; a word Chinese translates (汽车, 公司) only
  // that the name is a firm's, which may be Japan's (丰田汽车 Toyota Motor): that reading counts
  // against parties of Japan alone (screener.cpp), as a Korean reading does against Korea's.
  const bool japanese_form = has_japanese_company_form(name);
  if (!japanese_form && !has_firm_word(out)) return;
  NormalizedName reading;
  reading.language = japanese_form ? "ja" : kJapaneseBrandReading;
  bool any = false;
  for (const NameToken& t : out.tokens) {
    std::vector<JapaneseWord> words;
    if (t.origin == TokenOrigin::pinyin && !t.marks.place) {
      // The characters as Japanese writes them: simplified ones traditional first (丰 豐), then
      // the form Japan gave them (豐 豊).
      icu::UnicodeString traditional = icu::UnicodeString::fromUTF8(t.source);
      simplified_to_traditional_->transliterate(traditional);
      const std::string written = in_japanese_kanji_forms(t.source, to_utf8(traditional));
      if (!written.empty()) words = japanese_.read(written);
    }
    if (words.empty()) {
      reading.tokens.push_back(t);
      continue;
    }
    for (NameToken& w : japanese_reading(cut_japanese_org_words(japanese_, words), true).tokens)
      reading.tokens.push_back(std::move(w));
    any = true;
  }
  if (any) out.readings.push_back(std::move(reading));
}

void NameNormalizer::add_korean_firm_reading(NormalizedName& out) {
  // A firm's name (a word Chinese translates in it): a Korean firm's, North or South, is written
  // so too (端川商业银行, Tanchon Commercial Bank); that reading counts against parties of Korea
  // alone (screener.cpp).
  if (!out.has_han || !has_firm_word(out)) return;
  NormalizedName reading;
  reading.language = "ko";
  bool any = false;
  for (const NameToken& t : out.tokens) {
    const bool spelled_word = t.origin == TokenOrigin::pinyin && !t.marks.place;
    const bool translated_word = t.origin == TokenOrigin::translated && !t.source.empty();
    NameToken spelled;
    if (spelled_word || translated_word) {
      const std::string hangul = hanja_in_hangul(t.source);
      if (!hangul.empty()) spelled = korean_proper_name(hangul);
    }
    if (spelled_word && !spelled.text.empty()) {
      spelled.source = t.source;
      reading.tokens.push_back(std::move(spelled));
      any = true;
      continue;
    }
    reading.tokens.push_back(t);
    // A word Chinese translates, the lists sometimes spell in Korean (聯合 "united", yonhap:
    // CHONGSONG YONHAP; 銀行 "bank", unhaeng): its Korean spellings as alternatives.
    if (translated_word && !spelled.text.empty()) {
      NameToken& kept = reading.tokens.back();
      kept.alternatives.push_back(spelled.text);
      for (std::string& a : spelled.alternatives) kept.alternatives.push_back(std::move(a));
    }
  }
  if (any) out.readings.push_back(std::move(reading));
}

NormalizedName NameNormalizer::normalize_query(std::string_view name) {
  NormalizedName out = normalize(name);
  // A branch or office of an organisation: also read as the organisation's name.
  for (NormalizedName& reading : branch_office_readings(out))
    out.readings.push_back(std::move(reading));
  if (is_ascii(name)) return out;
  add_joined_allah_reading(out);
  add_joined_syllables_reading(out);
  // Japanese: the name as read and, where it holds organisation words, with those translated
  // (some lists spell NIHON SEKIGUN, others write Japanese Red Army).
  const auto words = japanese_.read(name);
  if (!words.empty()) {
    out.readings.push_back(japanese_reading(words, false));
    NormalizedName translated = japanese_reading(cut_japanese_org_words(japanese_, words), true);
    if (std::any_of(translated.tokens.begin(), translated.tokens.end(),
                    [](const NameToken& t) { return t.origin == TokenOrigin::translated; }))
      out.readings.push_back(std::move(translated));
  }
  add_korean_firm_reading(out);
  // A firm's brand as Japanese would write it, its other words as Chinese translates them: also
  // where the name is not Japanese as written (simplified characters, Latin letters beside the
  // kanji) or its whole reading leaves Chinese words untranslated.
  add_japanese_firm_reading(name, out);
  // A person's name in kanji: a surname and a given name as the dictionary of names reads them
  // (安倍晋三 Abe Shinzo, which MeCab reads "Abe Susumu-san").
  if (out.has_han && in_japanese_charset(name))
    if (const auto person = read_japanese_person_name(name, japanese_); !person.empty())
      out.readings.push_back(japanese_reading(person, false));
  // Thai: an organisation's name is read with the table's words translated (ธนาคารกรุงเทพ Bangkok
  // Bank); some lists spell it (Thanakhan Krung Thep), as a reading with every word spelled.
  if (has_thai_letters(name) &&
      std::any_of(out.tokens.begin(), out.tokens.end(),
                  [](const NameToken& t) { return t.origin == TokenOrigin::translated; })) {
    NormalizedName spelled = normalize_name(name, false);
    spelled.language = "th";
    out.readings.push_back(std::move(spelled));
  }
  // A Hong Kong or Macau person's name in Han characters (李嘉誠 LI Ka-shing): read in Cantonese
  // too, a token per syllable spelled as Hong Kong spells it, the family name first — two
  // syllables of a name of four (a compound surname, or a married woman's two: 林鄭月娥).
  if (out.has_han) {
    const auto syllables = cantonese_name_syllables(name);
    NormalizedName reading;
    for (const CantoneseSyllable& syllable : syllables) {
      NameToken t;
      t.text = syllable.spellings.front();
      t.alternatives.assign(syllable.spellings.begin() + 1, syllable.spellings.end());
      t.source = syllable.source;
      t.origin = TokenOrigin::transliterated;
      t.marks.syllable = true;  // a syllable spelled exactly, its other spellings alternatives
      t.marks.family = reading.tokens.size() < (syllables.size() == 4 ? 2u : 1u);
      reading.tokens.push_back(std::move(t));
    }
    if (!reading.tokens.empty()) {
      reading.language = "yue";
      out.readings.push_back(std::move(reading));
    }
  }
  // A Korean name in Han characters (金正恩, as Chinese writes Kim Jong Un): read in Korean too.
  if (out.has_han) {
    const std::string hangul = hanja_name_in_hangul(name);
    NormalizedName reading;
    if (!hangul.empty() && add_korean_name(hangul, reading.tokens)) {
      reading.language = "ko";
      out.readings.push_back(std::move(reading));
    }
  }
  return out;
}

NormalizedName NameNormalizer::normalize(std::string_view name) {
  return normalize_name(name, true);
}

namespace {

// Whether a word ends as an East Slavic patronymic does, in the spellings the lists and other
// languages write it: Vladimirovich, Volodymyrovych, Ryhoravich, Borissovitch, Wladimirowitsch;
// Sergeyevna, Ivanivna. Long enough to be a name before it.
bool has_patronymic_ending(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"ovich",  "evich",  "avich",   "ovych",   "evych",
                                                  "ovitch", "evitch", "owitsch", "ewitsch", "ovna",
                                                  "evna",   "ivna",   "avna",    "ichna"};
  constexpr size_t kMinStem = 3;
  return std::any_of(std::begin(kEndings), std::end(kEndings), [&](std::string_view ending) {
    return word.size() >= ending.size() + kMinStem && word.ends_with(ending);
  });
}

// An East Slavic patronymic ("PUTIN, Vladimir Vladimirovich", "Elvira Sakhipzadovna NABIULLINA")
// is the father's name, a forebear's as after bin: most names written without it leave it out,
// and it weighs as a forebear's name left over does (name_scorer.cpp). Where it stands: after
// the given name — after the first word of the part after a list's comma (`family` words before
// it), or a middle word of a name of three or more; or last in a name of three, family name first
// ("Putin Vladimir Vladimirovich"), when no other word could be it. A surname of the same ending
// (Roman ABRAMOVICH) stands first or last, beside a patronymic or a given name alone.
void mark_patronymics(std::vector<NameToken>& tokens, size_t family) {
  const size_t n = tokens.size();
  auto patronymic = [&](size_t k) {
    return tokens[k].kind == TokenClass::ordinary && has_patronymic_ending(tokens[k].text);
  };
  if (family > 0) {
    for (size_t k = family + 1; k < n; ++k)
      if (patronymic(k)) tokens[k].marks.lineage |= kLineageParent;
    return;
  }
  if (n < 3) return;
  bool any = false;
  for (size_t k = 1; k + 1 < n; ++k)
    if (patronymic(k)) {
      tokens[k].marks.lineage |= kLineageParent;
      any = true;
    }
  if (!any && n == 3 && patronymic(n - 1) && !patronymic(0))
    tokens[n - 1].marks.lineage |= kLineageParent;
}

}  // namespace

NormalizedName NameNormalizer::normalize_name(std::string_view name, bool translate_thai) {
  NormalizedName out = normalize_text(name, translate_thai);
  // Characters, not bytes: UTF-8 continuation bytes and control characters do not count. Only
  // the last of several words can be one a fixed-width field cut short.
  const auto characters = std::count_if(name.begin(), name.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b & 0xC0) != 0x80 && b >= 0x20 && b != 0x7F;
  });
  const unsigned char final_byte = name.empty() ? 0 : static_cast<unsigned char>(name.back());
  out.maybe_cut = static_cast<size_t>(characters) >= kMinCutNameLength && out.tokens.size() >= 2 &&
                  (std::isalnum(final_byte) || final_byte >= 0x80);
  auto& tokens = out.tokens;
  if (tokens.size() < 2) return out;
  // A name with a legal form is a company's ("Huawei Technologies Co., Ltd."): no family name, and
  // no second pass over the part before its comma.
  for (const NameToken& t : tokens)
    if (t.kind == TokenClass::legal_form) return out;
  // Titles and honorifics before a person's name ("President Vladimir Putin", "Sheikh Tamim bin
  // Hamad Al Thani", "Dr. Ayman al-Zawahiri") say who the person is, not what they are called:
  // they weigh like stopwords. Only before two words or more, so "President Hotel" keeps its word.
  for (size_t k = 0; k < 2 && k + 2 < tokens.size() && is_title(tokens[k].text); ++k)
    tokens[k].kind = TokenClass::stopword;
  // Arabic lineage: in "Salman bin Muhammad" Salman is the son and Muhammad the father; the same
  // names the other way round are another two people. The particle itself says only "son of"
  // (bin = ibn = ben; bint "daughter of"): one spelling, weak like a stopword. A particle opening
  // the name is a given name ("Ben Netanyahu").
  for (size_t k = 1; k + 1 < tokens.size(); ++k) {
    NameToken& t = tokens[k];
    if (t.text == "bin" || t.text == "ibn" || t.text == "ben" || t.text == "bn")
      t.text = "bin";
    else if (t.text == "bint" || t.text == "binti" || t.text == "binte")
      t.text = "bint";
    else
      continue;
    t.kind = TokenClass::stopword;
    tokens[k - 1].marks.lineage |= kLineageChild;
    tokens[k + 1].marks.lineage |= kLineageParent;
  }
  const size_t comma = name.find(',');
  const size_t family = comma == std::string_view::npos
                            ? 0
                            : normalize_text(name.substr(0, comma), translate_thai).tokens.size();
  mark_patronymics(tokens, family < tokens.size() ? family : 0);
  if (comma != std::string_view::npos) {
    if (family > 0 && family < tokens.size())
      for (size_t k = 0; k < family; ++k) tokens[k].marks.family = true;
    return out;
  }
  NameToken& last = tokens.back();
  const std::string& before = tokens[tokens.size() - 2].text;
  const bool article_before = before == "al" || before == "el";
  const bool article_joined = last.origin == TokenOrigin::transliterated && last.text.size() > 4 &&
                              last.text.compare(0, 2, "al") == 0;
  if (article_before || article_joined) last.marks.family = true;
  return out;
}

// Apostrophes other than ASCII's — typographic (People’s), modifier letters and the ayn and hamza
// marks of Arabic transliteration (Qaʿida) — vanish like "'" instead of splitting a word.
std::string ascii_apostrophes(std::string_view name) {
  static constexpr std::string_view kApostrophes[] = {"\u2019", "\u2018", "\u02BC", "\u02BB",
                                                      "\u02BE", "\u02BF", "\u00B4"};
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    const auto mark =
        std::find_if(std::begin(kApostrophes), std::end(kApostrophes),
                     [&](std::string_view a) { return name.substr(i).starts_with(a); });
    if (mark == std::end(kApostrophes)) {
      out.push_back(name[i++]);
    } else {
      out.push_back('\'');
      i += mark->size();
    }
  }
  return out;
}

NormalizedName NameNormalizer::normalize_text(std::string_view raw, bool translate_thai) {
  NormalizedName out;
  const std::string cleaned = is_ascii(raw) ? std::string() : ascii_apostrophes(raw);
  const std::string_view name = cleaned.empty() ? raw : std::string_view(cleaned);
  if (is_ascii(name)) {
    add_latin_text(name, TokenOrigin::literal, out);
  } else {
    prepare_icu();
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded =
        nfkc_casefold_->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                      name.data(), static_cast<int32_t>(name.size()))),
                                  status);
    circle_zeros_as_han(folded);
    // The interpunct between Han characters: the parts of a foreign person's name (GB/T 15834).
    bool foreign_name = false;
    for (int32_t k = 1; k + 1 < folded.length() && !foreign_name; ++k) {
      const UChar c = folded.charAt(k);
      foreign_name = (c == 0x00B7 || c == 0x2022 || c == 0x2027 || c == 0x30FB || c == 0x2219) &&
                     is_han(folded.char32At(k - 1)) && is_han(folded.char32At(k + 1));
    }
    // Walk runs of Han and non-Han text.
    int32_t i = 0;
    while (i < folded.length()) {
      const bool han = is_han(folded.char32At(i));
      int32_t j = i;
      while (j < folded.length() && is_han(folded.char32At(j)) == han) j = folded.moveIndex32(j, 1);
      icu::UnicodeString run = folded.tempSubStringBetween(i, j);
      if (han) {
        out.has_han = true;
        add_han_run(to_utf8(run), out, foreign_name);
      } else {
        const std::string utf8 = to_utf8(run);
        const bool ascii = is_ascii(utf8);
        // A Korean personal name in Hangul: the family name and each syllable of the given name,
        // spelled as the lists spell them (korean_names.h).
        if (!ascii && add_korean_name(trim(utf8), out.tokens)) {
          i = j;
          continue;
        }
        // Scripts with readers of their own: Hebrew words as the table spells them, else every
        // reading of their letters (hebrew_names.h); Khmer and Burmese names a syllable a token,
        // as the lists spell them (khmer_names.h, burmese_names.h).
        using Reader = void (NameNormalizer::*)(const std::string&, NormalizedName&);
        static constexpr std::pair<bool (*)(std::string_view), Reader> kReaders[] = {
            {has_hebrew_letters, &NameNormalizer::add_hebrew_words},
            {has_khmer_letters, &NameNormalizer::add_khmer_words},
            {has_indic_letters, &NameNormalizer::add_indic_words},
            {has_burmese_letters, &NameNormalizer::add_burmese_words}};
        const auto reader = std::find_if(std::begin(kReaders), std::end(kReaders),
                                         [&](const auto& r) { return !ascii && r.first(utf8); });
        if (reader != std::end(kReaders)) {
          (this->*reader->second)(utf8, out);
          i = j;
          continue;
        }
        // Thai words in RTGS and as their letters are commonly spelled (thai_names.h).
        if (!ascii && has_thai_letters(utf8)) {
          add_thai_words(utf8, translate_thai, out);
          i = j;
          continue;
        }
        // Names in Arabic script the table knows, spelled as the lists spell them; other words
        // transliterated (arabic_script_names.h).
        if (!ascii && add_arabic_script_words(utf8, out)) {
          i = j;
          continue;
        }
        // Organisation words of a name in Cyrillic translated (cyrillic_org_words.h).
        if (!ascii && has_cyrillic_letters(utf8) && add_cyrillic_org_words(utf8, out)) {
          i = j;
          continue;
        }
        if (!ascii) to_latin_->transliterate(run);
        // A Latin run with diacritics is still literal; other scripts are transliterated.
        bool other_script = false, abjad = false, hangul = false;
        for (int32_t k = 0; k < folded.tempSubStringBetween(i, j).length() && !other_script; ++k) {
          const UChar32 c = folded.char32At(i + k);
          UErrorCode s = U_ZERO_ERROR;
          const UScriptCode script = uscript_getScript(c, &s);
          other_script =
              script != USCRIPT_LATIN && script != USCRIPT_COMMON && script != USCRIPT_INHERITED;
          abjad = script == USCRIPT_ARABIC || script == USCRIPT_HEBREW || script == USCRIPT_SYRIAC;
          hangul = script == USCRIPT_HANGUL;
        }
        if (!ascii) add_unread_words(run, out.unread);
        const size_t first_new = out.tokens.size();
        add_latin_text(to_utf8(run),
                       other_script ? TokenOrigin::transliterated : TokenOrigin::literal, out);
        for (size_t k = first_new; k < out.tokens.size(); ++k) {
          out.tokens[k].marks.abjad = abjad;
          out.tokens[k].marks.syllable = hangul;
        }
        if (!ascii && has_cyrillic_letters(utf8))
          add_romanizations(utf8, first_new, cyrillic_romanizations, true, out);
        else if (!ascii && has_greek_letters(utf8))
          add_romanizations(utf8, first_new, greek_romanizations, false, out);
      }
      i = j;
    }
  }
  // Runs of single letters are one abbreviation: "S.A." → "sa", "N.U.D.T." → "nudt". A digit is
  // not a letter of one: "Partners 7 L.P." keeps its 7.
  // A Roman numeral's letter written without a dot does not join letters written with one: in
  // "Partners V L.P." the V is a numeral.
  auto dotted = [](const NameToken& t) { return t.source.ends_with('.'); };
  auto numeral_before_dotted = [&](const NameToken& numeral, const NameToken& next) {
    return !dotted(numeral) && dotted(next) && is_series_number(numeral.source);
  };
  std::vector<NameToken> merged;
  for (size_t k = 0; k < out.tokens.size();) {
    size_t end = k;
    while (end < out.tokens.size() && out.tokens[end].text.size() == 1 &&
           out.tokens[end].text[0] >= 'a' && out.tokens[end].text[0] <= 'z' &&
           out.tokens[end].origin != TokenOrigin::translated &&
           (end == k || !numeral_before_dotted(out.tokens[end - 1], out.tokens[end])))
      ++end;
    if (end - k >= 2) {
      NameToken t = out.tokens[k];
      t.marks.letters = true;
      for (size_t m = k + 1; m < end; ++m) {
        t.text += out.tokens[m].text;
        if (!dotted(out.tokens[m - 1])) t.source += ".";
        t.source += out.tokens[m].source;
      }
      merged.push_back(std::move(t));
      k = end;
    } else {
      merged.push_back(std::move(out.tokens[k++]));
    }
  }
  out.tokens = std::move(merged);
  // Two capitals among words written in mixed case are initials too ("JC Juncker"); among other
  // words in capitals ("AL NAIMI", "ABD AL-HAMID, Makki") they may be a word.
  auto capitals = [](const std::string& w) {
    return std::count_if(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) >= 2 &&
           std::none_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  const auto words_in_capitals = std::count_if(
      out.tokens.begin(), out.tokens.end(), [&](const NameToken& t) { return capitals(t.source); });
  const bool mixed_case =
      std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  for (NameToken& t : out.tokens)
    if (mixed_case && words_in_capitals == 1 && t.text.size() == 2 && capitals(t.source))
      t.marks.letters = true;
  for (size_t k = 0; k < out.tokens.size(); ++k) {
    NameToken& t = out.tokens[k];
    t.marks.series = is_series_number(t.source) &&
                     (t.source.size() > 1 || (k > 0 && !t.marks.letters && !dotted(t))) &&
                     !numbers_a_unit(out.tokens, k);
  }
  letters_for_digits(out.tokens);
  normalize_numbers(out.tokens);
  normalize_abd_names(out.tokens);
  read_pinyin_org_words(out.tokens);
  canonicalize_legal_forms(out.tokens);
  add_romanized_org_words(out.tokens);
  add_place_adjective_bases(out.tokens);
  mark_place_names(out.tokens);
  return out;
}

}  // namespace clearance
