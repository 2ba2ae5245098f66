#pragma once
// One Chinese name is written in several romanisations: pinyin (Xi Jinping, Mao Zedong),
// Wade–Giles with or without its aspiration marks (Hsi Chin-ping, Mao Tse-tung), and the
// Taiwanese, Hong Kong and older spellings in between (Chung-Shan, Zhongshan). The key below is
// what those spellings share: each syllable's initial in a class that merges the consonants the
// systems write differently (b/p, d/t, g/k; j/q/zh/ch/z/c/ts/tz; x/sh/s/hs), and its final folded
// to one spelling (-ung → -ong, -ih → -i, -ien → -ian, e/o/uo, …).
#include <string>
#include <string_view>

namespace clearance {

// The key of a token read as a run of Chinese syllables ("jinping" → "cin.ping."), or empty when
// the token cannot be read so (most English words). Keys of adjacent tokens concatenate:
// key("chin") + key("ping") == key("jinping").
std::string chinese_romanization_key(std::string_view token);

}  // namespace clearance
