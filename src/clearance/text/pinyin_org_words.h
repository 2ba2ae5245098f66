#pragma once
// Chinese organisation names written in pinyin. Lists and customs records spell some Chinese
// firms so — "Haiguang Xinxi Jishu Youxian Gongsi" is the Entity List's alias of Hygon
// Information Technology, "Chengdu Haiguang Wei Dianzi Jishu" of Chengdu Haiguang
// Microelectronics Technology — where another record, or a contract in Chinese, writes the words
// in English or in characters. The words of the Chinese organisation-word table
// (chinese_org_words.h: 信息 information, 技术 technology, 有限公司 Co., Ltd.) are read in pinyin
// too, and a name written in pinyin gets their English as the Chinese name does.
#include <vector>

#include "clearance/text/name_token.h"

namespace clearance {

// In a name written in pinyin — two of the table's words in it, or one in a name of three words
// or more that a Chinese place opens ("Beijing Huada Shiye") — each run of words that spells a
// table word in pinyin ("Jishu", "Wei Dianzi", "Youxian Gongsi") gets its English: a word of one
// English word keeps its pinyin with the English as alternatives, a word of several becomes the
// English words as the characters would; a place's administrative "shi" (深圳市 Shenzhenshi,
// Shenzhen Shi) is dropped. One such word alone is as often a brand's syllables ("Huagong
// Tech"), and is left as written. Runs before the legal forms are read.
void read_pinyin_org_words(std::vector<NameToken>& tokens);

}  // namespace clearance
