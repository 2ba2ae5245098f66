#include "clearance/text/japanese_names.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "clearance/text/han.h"
#include "clearance/text/utf8.h"

namespace clearance {

namespace {

// The dictionary's words that may name a person, by how they are written: each with its
// readings in kana, in the dictionary's order.
struct NameDictionary {
  std::unordered_map<std::string, std::vector<std::string>> persons, surnames, given_names;
};

// EUC-JP to UTF-8 (glibc's converter); "" when the text cannot be converted.
std::string euc_jp_to_utf8(const std::string& in) {
  iconv_t cd = iconv_open("UTF-8", "EUC-JP");
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string out(in.size() * 2, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  while (src_left > 0) {
    if (iconv(cd, &src, &src_left, &dst, &dst_left) != static_cast<size_t>(-1)) continue;
    if (errno == EILSEQ || errno == EINVAL) {  // a byte the converter refuses: skipped
      ++src;
      --src_left;
    } else {
      break;
    }
  }
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

bool all_han(std::string_view utf8) {
  if (utf8.empty()) return false;
  for (size_t i = 0; i < utf8.size();) {
    const CodePoint c = code_point_at(utf8, i);
    if (!is_han(static_cast<UChar32>(c.value)) && c.value != U'々') return false;
    i += c.length;
  }
  return true;
}

// One line: "晋三 [しんぞう] /(g) Shinzou/" or "菅 [すが] /(p,s) Suga/": the headword, its
// reading, and the kinds of name it is (s surname, g given, m male, f female, u either, h a
// person's full name, p place, c company…).
void add_entry(std::string_view line, NameDictionary& into) {
  const size_t space = line.find(' ');
  const size_t open = line.find('[');
  const size_t close = line.find(']');
  const size_t kinds_open = line.find("/(");
  if (space == std::string_view::npos || open != space + 1 || close == std::string_view::npos ||
      kinds_open == std::string_view::npos || kinds_open < close)
    return;
  const std::string_view head = line.substr(0, space);
  if (!all_han(head)) return;
  const std::string_view kana = line.substr(open + 1, close - open - 1);
  const size_t kinds_close = line.find(')', kinds_open);
  if (kinds_close == std::string_view::npos) return;
  bool person = false, surname = false, given = false;
  const std::string_view kinds = line.substr(kinds_open + 2, kinds_close - kinds_open - 2);
  for (size_t i = 0; i <= kinds.size();) {
    const size_t comma = std::min(kinds.find(',', i), kinds.size());
    const std::string_view kind = kinds.substr(i, comma - i);
    person = person || kind == "h";
    surname = surname || kind == "s";
    given = given || kind == "g" || kind == "m" || kind == "f" || kind == "u";
    i = comma + 1;
  }
  auto add = [&](std::unordered_map<std::string, std::vector<std::string>>& map) {
    auto& readings = map[std::string(head)];
    if (std::find(readings.begin(), readings.end(), kana) == readings.end())
      readings.emplace_back(kana);
  };
  if (person) add(into.persons);
  if (surname) add(into.surnames);
  if (given) add(into.given_names);
}

const NameDictionary& dictionary() {
  static const NameDictionary loaded = [] {
    NameDictionary d;
    std::ifstream file(kEnamdictPath, std::ios::binary);
    if (!file) return d;
    const std::string text = euc_jp_to_utf8(std::string(std::istreambuf_iterator<char>(file), {}));
    for (size_t i = 0; i < text.size();) {
      const size_t end = std::min(text.find('\n', i), text.size());
      add_entry(std::string_view(text).substr(i, end - i), d);
      i = end + 1;
    }
    return d;
  }();
  return loaded;
}

// A word read from its dictionary readings: each reading spelled as the lists spell it (the
// first spelling of the first reading its text), duplicates dropped.
JapaneseWord word_of(std::string_view written, const std::vector<std::string>& readings) {
  JapaneseWord word;
  word.source = std::string(written);
  for (const std::string& kana : readings) {
    const std::string as_read = kana_to_hepburn(to_code_points(kana));
    if (as_read.empty()) continue;
    for (std::string& spelling : hepburn_spellings(as_read)) {
      if (word.spelling.empty()) {
        word.spelling = std::move(spelling);
      } else if (spelling != word.spelling &&
                 std::find(word.alternatives.begin(), word.alternatives.end(), spelling) ==
                     word.alternatives.end()) {
        word.alternatives.push_back(std::move(spelling));
      }
    }
  }
  return word;
}

constexpr size_t kMinNameCharacters = 2, kMaxNameCharacters = 6;
// A name parted by MeCab's surname has three characters or more: two are as often a Chinese
// name (王芳), which the dictionary of Japanese names would read too. Its given name has two or
// more (its last character starts after the surname): one character has dozens of name readings
// (明: Akira, Satoshi, Tooru, Haru…), and MeCab reads the common ones.
constexpr size_t kMinPartedCharacters = 3;

}  // namespace

std::vector<JapaneseWord> read_japanese_person_name(std::string_view utf8, JapaneseReader& reader) {
  if (!all_han(utf8)) return {};
  std::vector<size_t> starts;  // byte offset of each character
  for (size_t i = 0; i < utf8.size(); i += code_point_at(utf8, i).length) starts.push_back(i);
  if (starts.size() < kMinNameCharacters || starts.size() > kMaxNameCharacters) return {};
  const NameDictionary& d = dictionary();
  const std::string name(utf8);
  // A person the dictionary names: the reading parted where a reading of a surname ends.
  if (const auto p = d.persons.find(name); p != d.persons.end())
    for (const std::string& kana : p->second)
      for (size_t cut = starts.size() - 1; cut >= 1; --cut) {
        const auto f = d.surnames.find(name.substr(0, starts[cut]));
        if (f == d.surnames.end()) continue;
        for (const std::string& family : f->second)
          if (kana.size() > family.size() && kana.compare(0, family.size(), family) == 0) {
            JapaneseWord family_word = word_of(name.substr(0, starts[cut]), {family});
            JapaneseWord given_word =
                word_of(name.substr(starts[cut]), {kana.substr(family.size())});
            if (!family_word.spelling.empty() && !given_word.spelling.empty())
              return {std::move(family_word), std::move(given_word)};
          }
      }
  // A surname MeCab knows and a given name the dictionary holds. MeCab parses only a name that
  // ends in such a given name.
  if (starts.size() < kMinPartedCharacters) return {};
  bool given_name_ends_it = false;
  for (size_t cut = 1; cut + 2 <= starts.size() && !given_name_ends_it; ++cut)
    given_name_ends_it = d.given_names.count(name.substr(starts[cut])) > 0;
  if (!given_name_ends_it) return {};
  const auto [length, family_kana] = reader.surname(utf8);
  if (length == 0 || length >= utf8.size() || starts.back() <= length) return {};
  const auto g = d.given_names.find(name.substr(length));
  if (g == d.given_names.end()) return {};
  JapaneseWord family_word = word_of(name.substr(0, length), {family_kana});
  JapaneseWord given_word = word_of(name.substr(length), g->second);
  if (family_word.spelling.empty() || given_word.spelling.empty()) return {};
  return {std::move(family_word), std::move(given_word)};
}

}  // namespace clearance
