#include "clearance/text/chinese_transcription.h"

#include <algorithm>
#include <array>

#include "clearance/text/name_tables.h"
#include "clearance/text/utf8.h"
#include "clearance/util/text_map.h"

namespace clearance {

namespace {

// Each character of the table with its pinyin (data/names/chinese_transcription.csv).
const TextMap<std::string>& transcription_characters() {
  static const auto table = [] {
    TextMap<std::string> out;
    for (const auto& row :
         read_name_table("chinese_transcription.csv", {"character", "pinyin", "source"}))
      out[row.fields[0]] = row.fields[1];
    return out;
  }();
  return table;
}

void append_collapsed(std::string& key, std::string_view classes) {
  for (char c : classes)
    if (key.empty() || key.back() != c) key.push_back(c);
}

// A pinyin syllable's initial ("zh", "b", or "" for a syllable that opens with its vowel).
std::string_view initial_of(std::string_view syllable) {
  if (syllable.size() >= 2 && syllable[1] == 'h' &&
      (syllable[0] == 'z' || syllable[0] == 'c' || syllable[0] == 's'))
    return syllable.substr(0, 2);
  if (!syllable.empty() && std::string_view("aeiou").find(syllable[0]) == std::string_view::npos)
    return syllable.substr(0, 1);
  return {};
}

// The consonant classes an initial stands for in a transcription. Some stand for more than one
// sound: 哈 ha writes h (dropped) or kh; 季 ji and 奇 qi the Russian ti, di and the ch of -vich;
// 希 xi an h (Lockheed 洛克希德) as well as s or sh; 任 ren the zh of Prigozhin.
std::vector<std::string_view> initial_classes(std::string_view initial) {
  if (initial.empty() || initial == "y") return {""};
  if (initial == "zh") return {"c", "x", "s"};
  if (initial == "ch") return {"c"};
  if (initial == "sh") return {"x", "s"};
  switch (initial[0]) {
    case 'b':
    case 'p':
      return {"p"};
    case 'm':
      return {"m"};
    case 'f':
      return {"f"};
    case 'w':  // 维 wei for v, 乌 wu for a vowel
      return {"f", ""};
    case 'd':
    case 't':
      return {"t"};
    case 'n':
      return {"n"};
    case 'l':
      return {"r"};
    case 'g':
    case 'k':
      return {"k"};
    case 'h':
      return {"", "k"};
    case 'j':
    case 'q':
      return {"c", "t", "k"};
    case 'x':
      return {"s", "x", ""};
    case 'r':
      return {"r", "x"};
    case 'z':
      return {"s"};
    case 'c':  // 茨 ci for ts
      return {"s", "ts", "c"};
    case 's':
      return {"s"};
    default:
      return {""};
  }
}

// The classes a syllable's final adds: 尔 er an r; a nasal final its n — or an m before a labial,
// as Chinese writes it (穆罕默德 Mohammed: 罕 han for the m before m).
std::vector<std::string_view> final_classes(std::string_view syllable, std::string_view next) {
  if (syllable == "er") return {"r"};
  if (syllable.ends_with("n") || syllable.ends_with("ng")) {
    const std::string_view following = initial_of(next);
    if (following == "b" || following == "p" || following == "m") return {"n", "m"};
    return {"n"};
  }
  return {""};
}

// The class of each consonant letter written alone (vowels, h and c are read apart), a to z.
constexpr std::array<std::string_view, 26> kLetterClasses = {
    "",  "p", "",  "t", "",  "f", "k", "", "",  "c", "k",  "r", "m",
    "n", "",  "p", "k", "r", "s", "t", "", "f", "f", "ks", "",  "s"};

bool latin_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

}  // namespace

std::vector<std::string> chinese_transcription_keys(std::string_view han) {
  std::vector<std::string_view> syllables;  // views of the table's pinyin, which lives on
  const auto& table = transcription_characters();
  for (size_t at = 0; at < han.size();) {
    const size_t length = code_point_at(han, at).length;
    const auto it = table.find(han.substr(at, length));
    if (it == table.end()) return {};
    syllables.push_back(it->second);
    at += length;
  }
  if (syllables.size() < 2) return {};
  std::vector<std::string> keys = {""};
  for (size_t k = 0; k < syllables.size(); ++k) {
    const std::string_view syllable = syllables[k];
    const auto firsts = initial_classes(initial_of(syllable));
    const auto lasts = final_classes(syllable, k + 1 < syllables.size() ? syllables[k + 1] : "");
    std::vector<std::string> next;
    for (const std::string& key : keys)
      for (std::string_view first : firsts)
        for (std::string_view last : lasts) {
          std::string extended = key;
          append_collapsed(extended, first);
          append_collapsed(extended, last);
          if (next.size() < kMaxTranscriptionKeys &&
              std::find(next.begin(), next.end(), extended) == next.end())
            next.push_back(std::move(extended));
        }
    keys = std::move(next);
  }
  std::erase_if(keys, [](const std::string& key) { return key.size() < kMinTranscriptionKey; });
  return keys;
}

std::vector<std::string> latin_transcription_keys(std::string_view w) {
  std::string key, without_r;
  bool has_silent_r = false;
  auto at = [&](size_t k) { return k < w.size() ? w[k] : '\0'; };
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i], next = at(i + 1);
    if (c < 'a' || c > 'z' || latin_vowel(c) || c == 'h') continue;
    std::string_view cls;
    if (c == 't' && next == 'c' && at(i + 2) == 'h') {  // tch
      cls = "c", i += 2;
    } else if (c == 's' && next == 'c' && at(i + 2) == 'h') {  // German sch
      cls = "x", i += 2;
    } else if (next == 'h' && c == 'c') {
      cls = "c", ++i;
    } else if (next == 'h' && (c == 's' || c == 'z')) {
      cls = "x", ++i;
    } else if (next == 'h' && (c == 'k' || c == 'g')) {
      cls = "k", ++i;
    } else if (next == 'h' && c == 'p') {
      cls = "f", ++i;
    } else if (next == 'h' && c == 't') {
      cls = "t", ++i;
    } else if (c == 'c' && next == 'k') {
      cls = "k", ++i;
    } else if (c == 'n' && next == 'g') {
      cls = "n", ++i;
    } else if (c == 'c') {  // soft before e, i, y
      cls = next == 'e' || next == 'i' || next == 'y' ? "s" : "k";
    } else {
      cls = kLetterClasses[static_cast<size_t>(c - 'a')];
    }
    append_collapsed(key, cls);
    // An r after a vowel and before a consonant or the end, which English does not sound and
    // Chinese leaves unwritten (Martin 马丁, Wagner 瓦格纳; Russian names write it: 尔).
    const bool silent_r = c == 'r' && i > 0 && latin_vowel(w[i - 1]) && !latin_vowel(at(i + 1));
    if (silent_r)
      has_silent_r = true;
    else
      append_collapsed(without_r, cls);
  }
  std::vector<std::string> keys;
  if (key.size() >= kMinTranscriptionKey) keys.push_back(key);
  if (has_silent_r && without_r.size() >= kMinTranscriptionKey && without_r != key)
    keys.push_back(without_r);
  return keys;
}

size_t latin_syllables(std::string_view word) {
  size_t runs = 0;
  bool in_vowels = false;
  for (char c : word) {
    if (c < 'a' || c > 'z') continue;
    const bool vowel = latin_vowel(c);
    if (vowel && !in_vowels) ++runs;
    in_vowels = vowel;
  }
  if (runs >= 2 && word.size() >= 2 && word.back() == 'e' && !latin_vowel(word[word.size() - 2]))
    --runs;
  return runs;
}

size_t transcription_match(const std::vector<std::string>& han_keys, size_t characters,
                           std::string_view latin) {
  size_t longest = 0;
  if (han_keys.empty() || latin_syllables(latin) > characters) return 0;
  for (const std::string& key : latin_transcription_keys(latin))
    if (std::find(han_keys.begin(), han_keys.end(), key) != han_keys.end())
      longest = std::max(longest, key.size());
  return longest;
}

float transcription_similarity(size_t classes, float full) {
  const size_t missing = classes >= kFullTranscriptionKey ? 0 : kFullTranscriptionKey - classes;
  // The shortest keys, three classes, are shared by the most words: one more step down, so that a
  // name of two such words (丁雷 "Daniel") stays under a full one's worth.
  const size_t steps = missing + (classes <= kMinTranscriptionKey ? 1 : 0);
  return full - 0.05f * static_cast<float>(steps);
}

}  // namespace clearance
