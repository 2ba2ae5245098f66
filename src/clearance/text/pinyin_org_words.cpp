#include "clearance/text/pinyin_org_words.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "clearance/text/chinese_org_words.h"
#include "clearance/text/edit_distance.h"
#include "clearance/text/legal_forms.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/org_words.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

namespace {

// The most words one table word is written in ("you xian gong si").
constexpr size_t kMaxWords = 6;

struct Table {
  TextMap<const ChineseOrgWord*> words;  // a reading (letters only) → its word, longest first
  TextSet starts;  // every start of a reading: a word that opens none is passed at one lookup
  TextSet places;  // readings and English spellings of Chinese places
};

// Each character's readings in toneless pinyin: ICU's, and those data/names/
// pinyin_other_readings.csv gives where a word reads it otherwise (银行 yinhang).
class Reader {
 public:
  Reader() {
    UErrorCode status = U_ZERO_ERROR;
    to_pinyin_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower",
                                                         UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU: no Han-Latin transliterator");
    for (const auto& row :
         read_name_table("pinyin_other_readings.csv", {"character", "reading", "source"}))
      also_[row.fields[0]].push_back(row.fields[1]);
  }

  // Every reading of `han`, joined (at most a few: the table's polyphones are few).
  std::vector<std::string> readings(std::string_view han) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(han);
    std::vector<std::string> out{""};
    for (int32_t i = 0; i < u.length();) {
      const int32_t next = u.moveIndex32(i, 1);
      std::string character;
      u.tempSubStringBetween(i, next).toUTF8String(character);
      std::vector<std::string> ways{letters(u.tempSubStringBetween(i, next))};
      if (const auto it = also_.find(character); it != also_.end())
        ways.insert(ways.end(), it->second.begin(), it->second.end());
      std::vector<std::string> longer;
      for (const std::string& start : out)
        for (const std::string& way : ways) longer.push_back(start + way);
      out = std::move(longer);
      i = next;
    }
    return out;
  }

 private:
  std::string letters(const icu::UnicodeString& character) {
    icu::UnicodeString u = character;
    to_pinyin_->transliterate(u);
    std::string written, out;
    u.toUTF8String(written);
    for (char c : written)
      if (c >= 'a' && c <= 'z') out += c;
    return out;
  }

  std::unique_ptr<icu::Transliterator> to_pinyin_;
  TextMap<std::vector<std::string>> also_;
};

// Whether a word's English is its own pinyin, as a place's is (北京 "beijing/peking"): a letter or
// two apart at most (ICU reads 厦门 "shamen", the table "xiamen").
bool english_is_reading(const ChineseOrgWord& word, const std::string& reading) {
  if (word.english.empty()) return false;
  for (const std::string& e : split_trimmed(word.english.front(), "/"))
    if (bounded_edit_distance(reading, e, 2) <= 2) return true;
  return false;
}

const Table& table() {
  static const Table t = [] {
    Table out;
    Reader reader;
    for (const ChineseOrgWord& word : chinese_org_words()) {  // longest first
      // One character is one syllable, a part of too many names (院 yuan, 核 he).
      if (icu::UnicodeString::fromUTF8(word.chinese).countChar32() < 2) continue;
      for (const std::string& reading : reader.readings(word.chinese)) {
        if (english_is_reading(word, reading)) {
          out.places.insert(reading);
          for (std::string_view english : word.english)
            for (std::string& e : split_trimmed(english, "/")) out.places.insert(std::move(e));
        } else {
          out.words.try_emplace(reading, &word);
          for (size_t n = 1; n <= reading.size(); ++n) out.starts.insert(reading.substr(0, n));
        }
      }
    }
    for (const auto& row :
         read_name_table("chinese_places.csv", {"place", "source"}, {"spelling"})) {
      for (std::string& reading : reader.readings(row.fields[0]))
        out.places.insert(std::move(reading));
      for (std::string& spelling : split_trimmed(row.fields[2], "/"))
        out.places.insert(std::move(spelling));
    }
    return out;
  }();
  return t;
}

// Whether a word is a legal form as names write it (Ltd, Limited, Company), before they are folded.
bool is_legal_form_word(const NameToken& t) {
  std::vector<NameToken> one{t};
  canonicalize_legal_forms(one);
  return one.size() == 1 && one[0].kind == TokenClass::legal_form;
}

// Whether every English word of a table word is a legal form (有限公司 "Co., Ltd.").
bool is_legal_form_phrase(const ChineseOrgWord& word) {
  return std::all_of(word.english.begin(), word.english.end(), [](std::string_view english) {
    return is_legal_form_word(translated_token(english, ""));
  });
}

bool is_plain_word(const NameToken& t) {
  return t.origin == TokenOrigin::literal && t.kind == TokenClass::ordinary && !t.marks.letters;
}

// A run of words from `begin` that spells a table word, the longest; its end is `begin` when none.
std::pair<size_t, const ChineseOrgWord*> word_at(const std::vector<NameToken>& tokens,
                                                 size_t begin) {
  const Table& t = table();
  std::pair<size_t, const ChineseOrgWord*> found{begin, nullptr};
  if (!is_plain_word(tokens[begin]) || !t.starts.contains(tokens[begin].text)) return found;
  std::string joined;
  for (size_t end = begin; end < tokens.size() && end < begin + kMaxWords; ++end) {
    if (!is_plain_word(tokens[end])) break;
    joined += tokens[end].text;
    if (!t.starts.contains(joined)) break;
    if (const auto it = t.words.find(joined); it != t.words.end()) found = {end + 1, it->second};
  }
  return found;
}

// The place a word names with its administrative "shi" joined (shenzhenshi → shenzhen), or empty.
std::string place_with_shi(const NameToken& t) {
  if (!is_plain_word(t) || t.text.size() <= 5 || !t.text.ends_with("shi")) return {};
  std::string place = t.text.substr(0, t.text.size() - 3);
  return table().places.contains(place) ? place : std::string{};
}

}  // namespace

void read_pinyin_org_words(std::vector<NameToken>& tokens) {
  const Table& t = table();
  int found = 0;
  for (size_t i = 0; i < tokens.size();) {
    const auto [end, word] = word_at(tokens, i);
    found += word != nullptr;
    i = word ? end : i + 1;
  }
  if (found == 0) return;  // most names: no word of the table
  const bool certain = found >= 2;
  if (!certain) {
    const bool opens_with_place = is_plain_word(tokens[0]) && (t.places.contains(tokens[0].text) ||
                                                               !place_with_shi(tokens[0]).empty());
    if (!opens_with_place) return;
    // Three words or more, legal forms aside ("Beijing Huada Shiye Co Ltd" has three).
    int words = 0;
    for (size_t i = 0; i < tokens.size();) {
      const auto [end, word] = word_at(tokens, i);
      words += word ? 1 : is_plain_word(tokens[i]) && !is_legal_form_word(tokens[i]);
      i = word ? end : i + 1;
    }
    if (words < 3) return;
  }

  std::vector<NameToken> out;
  out.reserve(tokens.size() + 2);
  for (size_t i = 0; i < tokens.size();) {
    const auto [end, word] = word_at(tokens, i);
    if (!word) {
      const bool after_place =
          !out.empty() && (out.back().marks.place || t.places.contains(out.back().text));
      if (std::string place = place_with_shi(tokens[i]); !place.empty()) {
        out.push_back(std::move(tokens[i]));
        out.back().text = std::move(place);
      } else if (!(tokens[i].text == "shi" && is_plain_word(tokens[i]) && after_place)) {
        out.push_back(std::move(tokens[i]));
      }
      ++i;
      continue;
    }
    std::string pinyin, source = tokens[i].source;
    for (size_t k = i; k < end; ++k) pinyin += tokens[k].text;
    for (size_t k = i + 1; k < end; ++k) source += " " + tokens[k].source;
    const auto required = std::count_if(word->english.begin(), word->english.end(),
                                        [](std::string_view e) { return !e.starts_with('?'); });
    if (word->english.size() == 1 || (!certain && required == 1)) {
      // One English word (科技's second is optional), or a name only a place says is Chinese: the
      // pinyin stays (a brand's syllables may spell a word too: 中芯 Zhongxin is 中心 "center",
      // Dalian Ligong a brand), the English its alternatives.
      NameToken joined = std::move(tokens[i]);
      joined.text = std::move(pinyin);
      joined.source = std::move(source);
      std::string_view english =
          *std::find_if(word->english.begin(), word->english.end(),
                        [&](std::string_view e) { return required == 0 || !e.starts_with('?'); });
      if (english.starts_with('?')) english.remove_prefix(1);
      for (std::string& e : split_trimmed(english, "/"))
        if (e != joined.text && std::find(joined.alternatives.begin(), joined.alternatives.end(),
                                          e) == joined.alternatives.end())
          joined.alternatives.push_back(std::move(e));
      out.push_back(std::move(joined));
    } else if (!certain && !is_legal_form_phrase(*word)) {
      // Several English words in a name only a place says is Chinese: half a translation
      // (国防 "national") would meet words it does not mean; left as written. A legal form
      // (Gufen Youxian Gongsi) says what it says anywhere.
      for (size_t k = i; k < end; ++k) out.push_back(std::move(tokens[k]));
    } else {
      // Several (有限公司 "Co., Ltd.", 信息技术): the English words, as the characters are read;
      // the first the name cannot lack keeps the pinyin beside it, which a name not read so
      // ("Haiguang Keji") still meets.
      bool kept = false;
      for (std::string_view english : word->english) {
        out.push_back(translated_token(english, source));
        if (!kept && !english.starts_with('?')) {
          out.back().alternatives.push_back(pinyin);
          kept = true;
        }
      }
    }
    i = end;
  }
  tokens = std::move(out);
}

}  // namespace clearance
