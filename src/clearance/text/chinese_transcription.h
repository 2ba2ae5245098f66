#pragma once
// A foreign name written in Chinese characters for its sound (罗曼·阿布拉莫维奇 Roman Abramovich,
// 霍尼韦尔 Honeywell, 卡拉什尼科夫 Kalashnikov), against its Latin spelling. Chinese writes such
// names with a small set of characters chosen for their sound
// (data/names/chinese_transcription.csv), a syllable for each consonant, and the vowel each
// character brings with it is no vowel of the name (克 ke for k, 斯 si for s, 夫 fu for a final v).
// Their pinyin ("abulamoweiqi") is no spelling of the name; what the two share is the consonants.
// So both sides become keys of consonant classes — p (b, p), f (f, v, w), m, t (d, t, th), n (n,
// ng), r (r, l), k (k, g, hard c, q, kh), s (s, z, soft c), c (ch, j), x (sh, zh) — vowels, y and h
// dropped and a class twice in a row counted once. A run of characters has a key for each sound its
// syllables may stand for (哈 ha for h or kh, 季 ji for the Russian ti and di, 任 ren for r or zh);
// a Latin word one, and one without each r after a vowel that English does not sound (Martin 马丁).
// A word meets another when a key is shared.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The keys of a run of Han characters (UTF-8, simplified) read as a foreign name's sounds:
// distinct, at most kMaxTranscriptionKeys, none shorter than kMinTranscriptionKey classes. Empty
// unless the run is two characters or more, each of the table.
std::vector<std::string> chinese_transcription_keys(std::string_view han);

// The keys of a Latin word (lower-case ASCII; other bytes ignored): one, and one without the r
// after a vowel and before a consonant or the word's end when it has one; none shorter than
// kMinTranscriptionKey classes.
std::vector<std::string> latin_transcription_keys(std::string_view word);

// The syllables of a Latin word as a transcription counts them: its runs of vowels (y among
// them), a final e after a consonant not counted ("George").
size_t latin_syllables(std::string_view word);

// The length, in classes, of the longest key a Latin word shares with the keys of a run of
// `characters` characters; 0 when none, or when the word has more syllables than the run has
// characters — a transcription writes each syllable with a character at least: 普京 is Putin,
// not Potanin, whose consonants are the same.
size_t transcription_match(const std::vector<std::string>& han_keys, size_t characters,
                           std::string_view latin);

// What a shared key of `classes` classes is worth, `full` for kFullTranscriptionKey classes or
// more: a short key is shared by many more names (three classes, 0.15 less than six).
float transcription_similarity(size_t classes, float full);

constexpr size_t kMinTranscriptionKey = 3;
// The fewest characters a run needs to be read as a transcription with nothing else saying it is
// one: more than a Chinese personal name has (a family name of up to two, a given name of up to
// two).
constexpr size_t kMinBareTranscription = 5;
constexpr size_t kFullTranscriptionKey = 6;
constexpr size_t kMaxTranscriptionKeys = 64;

}  // namespace clearance
