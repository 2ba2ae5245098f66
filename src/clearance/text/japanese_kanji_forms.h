#pragma once
// Chinese characters as Japanese writes them. Chinese text writes a Japanese firm in simplified
// characters and keeps its Japanese legal form (三菱重工业株式会社, 富士通网络解决方案株式会社:
// China's lists name Mitsubishi Heavy Industries and Fujitsu Network Solutions so); Taiwan and Hong
// Kong write it in traditional ones (三菱重工業株式會社). Japan reformed its characters in 1946–49
// on lines of its own (發 発, 豐 豊, 澤 沢, 會 会), so neither is what a Japanese dictionary reads.
// A name's traditional characters (the normaliser spells simplified ones traditional first) become
// the forms the Jōyō and Jinmeiyō kanji lists give, read at first use from the dictionaries Debian
// installs: KANJIDIC2 (`kanjidic-xml`, the EDRDG's kanji dictionary: a character of the lists and
// the variants it is cross-referenced to) and the Unicode Han database (`unicode-data`: the
// Jinmeiyō list's old forms, 黃 黄; z-variants, glyphs of one character, 橫 横), with the few glyph
// pairs neither links in data/names/japanese_kanji_variants.csv (產 産). Without the
// dictionaries, only those few are converted.
#include <string>
#include <string_view>

namespace clearance {

inline constexpr const char* kKanjidicPath = "/usr/share/edict/kanjidic2.xml.gz";

// The text with each character in its Japanese form (發 → 発; a character Japanese writes as it
// is stays), from the name as written and in traditional characters (ICU's Simplified-Traditional,
// which spells 内 as 內: where the written character is a Jōyō or Jinmeiyō kanji and its
// traditional form is none Japanese writes, the written one stays); "" when some character is
// none Japanese is written in (Windows-31J), for a Japanese dictionary could not read the text.
std::string in_japanese_kanji_forms(std::string_view written_utf8,
                                    std::string_view traditional_utf8);

// Whether the name holds a legal form only Japanese firms have (株式会社, 有限会社, 合同会社,
// 合資会社, 合名会社, in either writing of 会): a firm of Japan, whatever characters its name is
// written in.
bool has_japanese_company_form(std::string_view utf8);

// How many characters have a Japanese form other than themselves (0 without the dictionaries).
size_t japanese_kanji_form_count();

}  // namespace clearance
