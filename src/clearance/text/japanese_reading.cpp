#include "clearance/text/japanese_reading.h"

#include <mecab.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "clearance/text/han.h"
#include "clearance/text/katakana_loanwords.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

char32_t to_katakana(char32_t c) {
  return c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c;
}

bool kana(char32_t c) {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
}

// Each katakana as Hepburn spells it alone.
const std::unordered_map<char32_t, std::string_view>& syllables() {
  static const std::unordered_map<char32_t, std::string_view> table = [] {
    std::unordered_map<char32_t, std::string_view> t;
    const std::u32string_view kana =
        U"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
        U"ヲン"
        U"ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポヴァィゥェォャュョヰヱ";
    static const std::string_view spelled[] = {
        "a",  "i",  "u",   "e",   "o",  "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se",
        "so", "ta", "chi", "tsu", "te", "to", "na", "ni", "nu", "ne", "no", "ha",  "hi", "fu",
        "he", "ho", "ma",  "mi",  "mu", "me", "mo", "ya", "yu", "yo", "ra", "ri",  "ru", "re",
        "ro", "wa", "o",   "n",   "ga", "gi", "gu", "ge", "go", "za", "ji", "zu",  "ze", "zo",
        "da", "ji", "zu",  "de",  "do", "ba", "bi", "bu", "be", "bo", "pa", "pi",  "pu", "pe",
        "po", "vu", "a",   "i",   "u",  "e",  "o",  "ya", "yu", "yo", "i",  "e"};
    static_assert(std::size(spelled) == 82);
    for (size_t k = 0; k < kana.size() && k < std::size(spelled); ++k)
      t.emplace(kana[k], spelled[k]);
    return t;
  }();
  return table;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o';
}

}  // namespace

namespace {

// An ICU converter to Windows-31J that stops at a character it cannot encode; one per thread.
struct JapaneseCharset {
  UConverter* converter = nullptr;
  JapaneseCharset() {
    UErrorCode status = U_ZERO_ERROR;
    converter = ucnv_open("windows-31j", &status);
    if (U_SUCCESS(status))
      ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
    if (U_FAILURE(status) && converter) {
      ucnv_close(converter);
      converter = nullptr;
    }
  }
  ~JapaneseCharset() {
    if (converter) ucnv_close(converter);
  }
};

}  // namespace

const OrgWordTable& japanese_org_words() {
  static const OrgWordTable words("japanese_org_words.csv", "japanese");
  return words;
}

bool in_japanese_charset(std::string_view utf8) {
  thread_local JapaneseCharset charset;
  if (!charset.converter) return true;  // no converter: leave it to the dictionary
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string bytes(static_cast<size_t>(u.length()) * 2 + 8, '\0');
  ucnv_reset(charset.converter);
  ucnv_fromUChars(charset.converter, bytes.data(), static_cast<int32_t>(bytes.size()),
                  u.getBuffer(), u.length(), &status);
  return U_SUCCESS(status);
}

bool has_kana(std::string_view utf8) {
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = code_point_at(utf8, i);
    if (kana(c.value) && c.value != 0x30FC) return true;
    i += c.length;
  }
  return false;
}

std::string kana_to_hepburn(std::u32string_view text) {
  std::string out;
  bool double_next = false;  // after ッ: the next consonant doubled
  for (size_t k = 0; k < text.size(); ++k) {
    const char32_t c = to_katakana(text[k]);
    if (c == U'ッ') {
      double_next = true;
      continue;
    }
    if (c == U'ー') {  // the vowel before it, long
      if (!out.empty() && is_vowel(out.back())) out += out.back();
      continue;
    }
    const auto it = syllables().find(c);
    if (it == syllables().end()) return "";
    std::string syllable(it->second);
    // A small ャ ュ ョ after an i-syllable joins it (キャ kya, シャ sha, チャ cha, ジャ ja); a
    // small ァ ィ ェ ォ after ウ, フ, テ, デ, ヴ, シ, ジ, チ makes the loanwords' syllables (ファ
    // fa, ティ ti).
    const char32_t next = k + 1 < text.size() ? to_katakana(text[k + 1]) : 0;
    const bool small_y = next == U'ャ' || next == U'ュ' || next == U'ョ';
    const bool small_vowel =
        next == U'ァ' || next == U'ィ' || next == U'ゥ' || next == U'ェ' || next == U'ォ';
    if (small_y && syllable.size() >= 2 && syllable.back() == 'i') {
      const char vowel = next == U'ャ' ? 'a' : next == U'ュ' ? 'u' : 'o';
      syllable.pop_back();
      if (syllable == "sh" || syllable == "ch" || syllable == "j")
        syllable += vowel;
      else
        syllable += std::string("y") + vowel;
      ++k;
    } else if (small_vowel && syllable.size() >= 2) {
      const char vowel = std::string_view("aiueo")[next == U'ァ'   ? 0
                                                   : next == U'ィ' ? 1
                                                   : next == U'ゥ' ? 2
                                                   : next == U'ェ' ? 3
                                                                   : 4];
      if (syllable == "fu" || syllable == "vu" || syllable == "te" || syllable == "de") {
        syllable = syllable.substr(0, 1) + vowel;
        ++k;
      } else if (syllable == "shi" || syllable == "chi" || syllable == "ji") {
        syllable = syllable.substr(0, syllable.size() - 1) + vowel;
        ++k;
      }
    } else if (small_vowel && syllable == "u") {  // ウィ wi, ウェ we, ウォ wo
      syllable = std::string("w") + "aiueo"[next == U'ィ' ? 1 : next == U'ェ' ? 3 : 4];
      ++k;
    }
    if (double_next && !syllable.empty() && !is_vowel(syllable[0]))
      syllable = (syllable.starts_with("ch") ? std::string("t") : syllable.substr(0, 1)) + syllable;
    double_next = false;
    out += syllable;
  }
  return out;
}

std::vector<std::string> hepburn_spellings(std::string_view as_read) {
  std::string dropped;
  for (size_t k = 0; k < as_read.size(); ++k) {
    const char c = as_read[k];
    const char before = dropped.empty() ? '\0' : dropped.back();
    // ou, oo → o; uu → u; aa, ee, ii kept (Niigata, Seiichi).
    if ((c == 'u' && (before == 'o' || before == 'u')) || (c == 'o' && before == 'o')) continue;
    dropped += c;
  }
  std::string oh;
  for (size_t k = 0; k < as_read.size(); ++k) {
    const char c = as_read[k];
    if ((c == 'u' || c == 'o') && k > 0 && as_read[k - 1] == 'o')
      oh += 'h';
    else
      oh += c;
  }
  std::vector<std::string> out{dropped};
  // A long i closing a word is how katakana writes an English -y (ソニー Sony, ハーシー Hershey).
  std::string y;
  if (dropped.size() > 3 && dropped.ends_with("ii"))
    y = dropped.substr(0, dropped.size() - 2) + "y";
  for (std::string s : {std::string(as_read), oh, y})
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(std::move(s));
  return out;
}

// The dictionary, loaded once: naist-jdic where Debian installs it, else MeCab's default.
struct JapaneseReader::Tagger {
  std::shared_ptr<MeCab::Model> model;
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
};

namespace {

std::shared_ptr<MeCab::Model> shared_model() {
  static std::once_flag once;
  static std::shared_ptr<MeCab::Model> model;
  std::call_once(once, [] {
    const char* naist = "/var/lib/mecab/dic/naist-jdic";
    const std::string args = std::filesystem::exists(naist) ? std::string("-d ") + naist : "";
    model.reset(MeCab::createModel(args.c_str()));
  });
  return model;
}

// A morpheme's features: part of speech and its subclasses, then (known words) the base form,
// the reading and the pronunciation, comma-separated.
std::vector<std::string> features(const MeCab::Node* node) {
  return split_trimmed(node->feature, ",");
}

}  // namespace

bool JapaneseReader::available() {
  return shared_model() != nullptr;
}

JapaneseReader::JapaneseReader() = default;
JapaneseReader::~JapaneseReader() = default;

namespace {

// The words of one path through the lattice, spelled as read (long vowels as the kana write
// them); nothing when a word cannot be read. `proper` and `all_nouns` say what its words are.
std::optional<std::vector<JapaneseWord>> words_of_path(const MeCab::Node* bos, bool any_kana,
                                                       bool& proper, bool& all_nouns) {
  std::vector<JapaneseWord> words;
  proper = false;
  all_nouns = true;
  bool given_name_before = false;  // the previous word a given name's part: this one joins it
  for (const MeCab::Node* node = bos; node; node = node->next) {
    if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
    const std::string surface(node->surface, node->length);
    // A space before the word (rlength counts it): a given name's parts are not written apart.
    if (node->rlength != node->length) given_name_before = false;
    const auto f = features(node);
    // Punctuation and spaces (記号) part words and are dropped.
    if (!f.empty() && f[0] == "記号") {
      given_name_before = false;
      continue;
    }
    // A particle as it sounds (は wa, へ e), any other word as the dictionary reads it.
    const size_t field = !f.empty() && f[0] == "助詞" ? 8 : 7;
    std::string reading = f.size() > field && f[field] != "*" ? f[field] : "";
    // A word the dictionary does not know: kana spell themselves; kanji cannot be read.
    if (reading.empty() || node->stat == MECAB_UNK_NODE) {
      if (!has_kana(surface)) return std::nullopt;
      reading = surface;
      all_nouns = all_nouns && any_kana;
    }
    const bool noun = !f.empty() && (f[0] == "名詞" || f[0] == "接頭詞" || f[0] == "助詞");
    all_nouns = all_nouns && noun;
    const bool proper_noun = f.size() > 1 && f[1] == "固有名詞";
    proper = proper || proper_noun;
    const std::string spelled = kana_to_hepburn(to_code_points(reading));
    if (spelled.empty()) return std::nullopt;
    const bool given_name = proper_noun && f.size() > 3 && f[2] == "人名" && f[3] == "名";
    if (given_name && given_name_before) {  // 彰 + 晃: one given name
      words.back().source += surface;
      words.back().spelling += spelled;
    } else {
      words.push_back({spelled, {}, surface, {}});
    }
    given_name_before = given_name;
  }
  return words;
}

// How many paths after the best one a name's words may also be read by (清司 Seiji, or Kiyoshi).
constexpr int kOtherPaths = 2;

}  // namespace

bool JapaneseReader::prepare() {
  if (!tagger_) {
    auto model = shared_model();
    if (!model) return false;
    tagger_ = std::make_unique<Tagger>();
    tagger_->model = model;
    tagger_->tagger.reset(model->createTagger());
    tagger_->lattice.reset(model->createLattice());
  }
  return tagger_->tagger && tagger_->lattice;
}

std::pair<size_t, std::string> JapaneseReader::surname(std::string_view utf8) {
  if (!in_japanese_charset(utf8) || !prepare()) return {0, ""};
  MeCab::Lattice& lattice = *tagger_->lattice;
  const std::string text(utf8);
  lattice.set_request_type(MECAB_ONE_BEST);
  lattice.set_sentence(text.c_str());
  if (!tagger_->tagger->parse(&lattice)) return {0, ""};
  const MeCab::Node* first = lattice.bos_node()->next;
  if (!first || first->stat != MECAB_NOR_NODE || first->rlength != first->length) return {0, ""};
  const auto f = features(first);
  if (f.size() < 8 || f[1] != "固有名詞" || f[2] != "人名" || f[3] != "姓" || f[7] == "*")
    return {0, ""};
  return {first->length, f[7]};
}

std::vector<JapaneseWord> JapaneseReader::read(std::string_view utf8) {
  bool any_kana = false, any_han = false;
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = code_point_at(utf8, i);
    any_kana = any_kana || (kana(c.value) && c.value != 0x30FC);
    any_han = any_han || is_han(c.value);
    i += c.length;
  }
  if (!any_kana && !any_han) return {};
  if (!any_kana && !in_japanese_charset(utf8)) return {};
  if (!prepare()) return {};
  MeCab::Lattice& lattice = *tagger_->lattice;
  // The dots and equals signs Japanese writes between the words of a foreign name (ウラジーミル・
  // プーチン, アル＝アサド) are read by MeCab as letters of one unknown word: spaces part them.
  std::string text;
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = code_point_at(utf8, i);
    const bool separator = c.value == U'・' || c.value == U'＝' || c.value == U'=' ||
                           c.value == 0xFF65;  // ･ (half-width)
    text += separator ? std::string_view(" ") : utf8.substr(i, c.length);
    i += c.length;
  }
  lattice.set_request_type(MECAB_ONE_BEST);
  lattice.set_sentence(text.c_str());
  if (!tagger_->tagger->parse(&lattice)) return {};
  bool proper = false, all_nouns = true;
  auto best = words_of_path(lattice.bos_node(), any_kana, proper, all_nouns);
  // Kanji alone are read only as a Japanese name: nouns, one of them proper.
  if (!best || (!any_kana && (!all_nouns || !proper))) return {};
  std::vector<JapaneseWord> words = std::move(*best);
  // A Japanese name: the next likeliest paths that part it into the same words give those words
  // other readings, as alternatives (no screening more). Parsed again for them: only a name read
  // as Japanese pays for the n-best search.
  lattice.set_request_type(MECAB_NBEST);
  lattice.set_sentence(text.c_str());
  std::vector<std::vector<std::string>> others(words.size());
  if (tagger_->tagger->parse(&lattice)) {
    for (int k = 0; k < kOtherPaths && lattice.next(); ++k) {
      bool p = false, n = true;
      const auto path = words_of_path(lattice.bos_node(), any_kana, p, n);
      if (!path || path->size() != words.size()) continue;
      bool same_words = true;
      for (size_t w = 0; w < words.size() && same_words; ++w)
        same_words = (*path)[w].source == words[w].source;
      if (!same_words) continue;
      for (size_t w = 0; w < words.size(); ++w)
        if ((*path)[w].spelling != words[w].spelling) others[w].push_back((*path)[w].spelling);
    }
  }
  for (size_t w = 0; w < words.size(); ++w) {
    JapaneseWord& word = words[w];
    auto spellings = hepburn_spellings(word.spelling);
    word.spelling = spellings.front();
    word.alternatives.assign(spellings.begin() + 1, spellings.end());
    for (const std::string& other : others[w])
      for (std::string& s : hepburn_spellings(other))
        if (s != word.spelling && std::find(word.alternatives.begin(), word.alternatives.end(),
                                            s) == word.alternatives.end())
          word.alternatives.push_back(std::move(s));
    word.loanword_spellings = loanword_spellings(to_code_points(word.source));
  }
  return words;
}

}  // namespace clearance
