#include "clearance/text/japanese_kanji_forms.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <pugixml.hpp>
#include <stdexcept>
#include <unordered_map>

#include "clearance/text/japanese_reading.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/unihan.h"
#include "clearance/text/utf8.h"
#include "clearance/util/file_io.h"

namespace clearance {

namespace {

using FormTable = std::unordered_map<char32_t, char32_t>;

struct KanjiForms {
  FormTable to_japanese;
  std::map<char32_t, int> grades;  // the Jōyō (1–6, 8) and Jinmeiyō (9, 10) kanji
};

char32_t single_code_point(std::string_view utf8) {
  const std::u32string cps = to_code_points(utf8);
  return cps.size() == 1 ? cps[0] : 0;
}

// KANJIDIC2: each character of the Jōyō (grades 1–6, 8) and Jinmeiyō (9, 10) lists is
// cross-referenced to its variants by their codes in the JIS sets. A variant on neither list
// (發, 澤) is written as the listed character; a Jinmeiyō character that is an old form of a Jōyō
// one (氣 of 気, allowed in given names) likewise, for the dictionary of words knows the new form.
// Where several characters claim a variant, the lowest grade's.
void add_kanjidic_forms(FormTable& forms, std::map<char32_t, int>& grades) {
  auto bytes = read_file(kKanjidicPath);
  if (!bytes) return;
  pugi::xml_document doc;
  if (!doc.load_buffer(bytes.value().data(), bytes.value().size())) return;
  struct Entry {
    char32_t literal;
    int grade;
    std::vector<std::pair<std::string, std::string>> variants;  // (var_type, code)
  };
  std::vector<Entry> entries;
  std::map<std::pair<std::string, std::string>, char32_t> by_code;
  for (pugi::xml_node c : doc.child("kanjidic2").children("character")) {
    const char32_t literal = single_code_point(c.child_value("literal"));
    if (!literal) continue;
    for (pugi::xml_node cp : c.child("codepoint").children("cp_value"))
      by_code[{cp.attribute("cp_type").value(), cp.child_value()}] = literal;
    const pugi::xml_node misc = c.child("misc");
    const int grade = std::atoi(misc.child_value("grade"));
    if (grade <= 0) continue;
    grades[literal] = grade;
    Entry e{literal, grade, {}};
    for (pugi::xml_node v : misc.children("variant"))
      e.variants.emplace_back(v.attribute("var_type").value(), v.child_value());
    entries.push_back(std::move(e));
  }
  std::unordered_map<char32_t, int> claimed_grade;
  for (const Entry& e : entries)
    for (const auto& [type, code] : e.variants) {
      const auto it = by_code.find({type, code});
      if (it == by_code.end() || it->second == e.literal) continue;
      const char32_t variant = it->second;
      const auto listed = grades.find(variant);
      const bool old_form = listed == grades.end() || (listed->second >= 9 && e.grade <= 8);
      if (!old_form) continue;
      const auto claim = claimed_grade.find(variant);
      if (claim != claimed_grade.end() &&
          (claim->second < e.grade || (claim->second == e.grade && forms[variant] < e.literal)))
        continue;
      forms[variant] = e.literal;
      claimed_grade[variant] = e.grade;
    }
}

// Unihan's z-variants: two code points for one character's glyphs (產 産, 橫 横, 說 説). A
// character on neither list whose z-variant is listed is written as that.
void add_z_variants(FormTable& forms, const std::map<char32_t, int>& grades) {
  for_each_unihan_value(kUnihanVariantsPath, "kZVariant", [&](char32_t c, std::string_view value) {
    if (grades.count(c) || forms.count(c)) return;
    for (char32_t v : unihan_code_points(value))
      if (grades.count(v)) {
        forms[c] = v;
        return;
      }
  });
}

// The Unicode Han database's Jinmeiyō old forms ("U+9EC3 kJinmeiyoKanji 2010:U+9EC4": 黃, allowed
// in given names, is 黄), where KANJIDIC2 does not link them.
void add_jinmeiyo_old_forms(FormTable& forms, const std::map<char32_t, int>& grades) {
  for_each_unihan_value(kUnihanOtherMappingsPath, "kJinmeiyoKanji",
                        [&](char32_t c, std::string_view value) {
                          const auto to = unihan_code_points(value);
                          if (to.size() != 1 || forms.count(c)) return;
                          const auto old = grades.find(c), listed = grades.find(to[0]);
                          if (listed == grades.end()) return;
                          if (old == grades.end() || (old->second >= 9 && listed->second <= 8))
                            forms[c] = to[0];
                        });
}

const KanjiForms& forms() {
  static const KanjiForms table = [] {
    KanjiForms t;
    // Glyphs of one character that neither database links (產 産, 歲 歳): the project's table.
    for (const NameTableRow& row :
         read_name_table("japanese_kanji_variants.csv", {"written", "japanese", "source"})) {
      const char32_t written = single_code_point(row.fields[0]);
      const char32_t japanese = single_code_point(row.fields[1]);
      if (!written || !japanese)
        throw std::runtime_error("japanese_kanji_variants.csv:" + std::to_string(row.line) +
                                 ": one character expected in each of written, japanese");
      t.to_japanese[written] = japanese;
    }
    add_kanjidic_forms(t.to_japanese, t.grades);
    if (t.grades.empty()) return t;
    add_jinmeiyo_old_forms(t.to_japanese, t.grades);
    add_z_variants(t.to_japanese, t.grades);
    return t;
  }();
  return table;
}

bool written_in_japanese(char32_t c) {
  return in_japanese_charset(to_utf8(std::u32string_view(&c, 1)));
}

}  // namespace

std::string in_japanese_kanji_forms(std::string_view written_utf8,
                                    std::string_view traditional_utf8) {
  const std::u32string written = to_code_points(written_utf8);
  std::u32string text = to_code_points(traditional_utf8);
  const KanjiForms& table = forms();
  for (size_t k = 0; k < text.size(); ++k) {
    char32_t& c = text[k];
    if (const auto it = table.to_japanese.find(c); it != table.to_japanese.end()) c = it->second;
    // A simplified character that is Japanese's own form too (内 of 內, 彦 of 彥): as written.
    if (written.size() == text.size() && written[k] != c && table.grades.count(written[k]) &&
        !written_in_japanese(c))
      c = written[k];
  }
  std::string out = to_utf8(text);
  return in_japanese_charset(out) ? out : std::string();
}

bool has_japanese_company_form(std::string_view utf8) {
  static constexpr std::string_view kForms[] = {"株式会社", "株式會社", "有限会社", "有限會社",
                                                "合同会社", "合同會社", "合資会社", "合資會社",
                                                "合名会社", "合名會社"};
  return std::any_of(std::begin(kForms), std::end(kForms),
                     [&](std::string_view f) { return utf8.find(f) != std::string_view::npos; });
}

size_t japanese_kanji_form_count() {
  return forms().to_japanese.size();
}

}  // namespace clearance
