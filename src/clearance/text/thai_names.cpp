#include "clearance/text/thai_names.h"

#include <algorithm>

#include "clearance/text/utf8.h"

namespace clearance {

namespace {

constexpr char32_t kKoKai = 0x0E01, kHoNokHuk = 0x0E2E;
constexpr char32_t kRoRuea = 0x0E23, kLoLing = 0x0E25, kWoWaen = 0x0E27, kYoYak = 0x0E22;
constexpr char32_t kOAng = 0x0E2D, kHoHip = 0x0E2B;
constexpr char32_t kSaraE = 0x0E40, kSaraAe = 0x0E41, kSaraO = 0x0E42, kSaraAiMaimuan = 0x0E43,
                   kSaraAiMaimalai = 0x0E44;
constexpr char32_t kSaraA = 0x0E30, kMaiHanAkat = 0x0E31, kSaraAa = 0x0E32, kSaraAm = 0x0E33,
                   kSaraI = 0x0E34, kSaraIi = 0x0E35, kSaraUe = 0x0E36, kSaraUee = 0x0E37,
                   kSaraU = 0x0E38, kSaraUu = 0x0E39, kMaiTaikhu = 0x0E47, kThanthakhat = 0x0E4C;

bool consonant(char32_t c) {
  return c >= kKoKai && c <= kHoNokHuk && c != 0x0E24 && c != 0x0E26;
}
bool pre_vowel(char32_t c) {
  return c >= kSaraE && c <= kSaraAiMaimalai;
}
// Vowel signs written above, below or after their consonant.
bool vowel_sign(char32_t c) {
  return (c >= kSaraA && c <= kSaraUu) || c == kMaiTaikhu;
}

// A consonant's sound opening a syllable and closing one, in RTGS; and as the letter is commonly
// spelled wherever it stands (the second spelling).
struct Sounds {
  std::string_view initial, final, letter;
};

Sounds sounds(char32_t c) {
  switch (c) {
    case 0x0E01:
      return {"k", "k", "k"};
    case 0x0E02:
    case 0x0E03:
    case 0x0E04:
    case 0x0E05:
    case 0x0E06:
      return {"kh", "k", "kh"};
    case 0x0E07:
      return {"ng", "ng", "ng"};
    case 0x0E08:
      return {"ch", "t", "j"};
    case 0x0E09:
    case 0x0E0A:
    case 0x0E0C:
      return {"ch", "t", "ch"};
    case 0x0E0B:
      return {"s", "t", "s"};
    case 0x0E0D:
      return {"y", "n", "y"};
    case 0x0E0E:
      return {"d", "t", "d"};
    case 0x0E0F:
      return {"t", "t", "t"};
    case 0x0E10:
    case 0x0E11:
    case 0x0E12:
      return {"th", "t", "th"};
    case 0x0E13:
      return {"n", "n", "n"};
    case 0x0E14:
      return {"d", "t", "d"};
    case 0x0E15:
      return {"t", "t", "t"};
    case 0x0E16:
    case 0x0E17:
    case 0x0E18:
      return {"th", "t", "th"};
    case 0x0E19:
      return {"n", "n", "n"};
    case 0x0E1A:
      return {"b", "p", "b"};
    case 0x0E1B:
      return {"p", "p", "p"};
    case 0x0E1C:
    case 0x0E1E:
    case 0x0E20:
      return {"ph", "p", "ph"};
    case 0x0E1D:
    case 0x0E1F:
      return {"f", "p", "f"};
    case 0x0E21:
      return {"m", "m", "m"};
    case 0x0E22:
      return {"y", "i", "y"};
    case 0x0E23:
      return {"r", "n", "r"};
    case 0x0E25:
    case 0x0E2C:
      return {"l", "n", "l"};
    case 0x0E27:
      return {"w", "o", "v"};
    case 0x0E28:
    case 0x0E29:
    case 0x0E2A:
      return {"s", "t", "s"};
    case 0x0E2B:
    case 0x0E2E:
      return {"h", "", "h"};
    case 0x0E2D:
      return {"", "", ""};
    default:
      return {"", "", ""};
  }
}

// Consonants a second consonant ร, ล or ว may follow in one syllable (ปร pr, กล kl, คว khw).
bool cluster_head(char32_t c) {
  switch (c) {
    case 0x0E01:
    case 0x0E02:
    case 0x0E04:
    case 0x0E15:
    case 0x0E1B:
    case 0x0E1C:
    case 0x0E1E:
    case 0x0E1A:
    case 0x0E1F:
    case 0x0E17:
      return true;
    default:
      return false;
  }
}

// Sonorants a silent ห makes high-class (หม, หน, หล, หว…).
bool sonorant(char32_t c) {
  return c == 0x0E07 || c == 0x0E0D || c == 0x0E19 || c == 0x0E21 || c == kYoYak || c == kRoRuea ||
         c == kLoLing || c == kWoWaen;
}

// The word's letters as read: tone marks and the other signs that do not change the spelling
// dropped, a letter under ◌์ dropped with a vowel sign it carries.
std::u32string letters(std::string_view word) {
  std::u32string out;
  const std::u32string in = to_code_points(word);
  for (size_t k = 0; k < in.size(); ++k) {
    char32_t c = in[k];
    // Sara am as NFKC writes it (the normaliser's form): nikhahit and sara aa, a tone mark
    // between them or not (น้ำ).
    if (c == 0x0E4D) {
      size_t next = k + 1;
      while (next < in.size() && in[next] >= 0x0E48 && in[next] <= 0x0E4B) ++next;
      if (next < in.size() && in[next] == kSaraAa) {
        out += kSaraAm;
        k = next;
        continue;
      }
    }
    if (c >= 0x0E48 && c <= 0x0E4B) continue;  // tone marks
    if (c == 0x0E3A || c == 0x0E45 || c == 0x0E46 || c == 0x0E4D || c == 0x0E4E) continue;
    if (c == kThanthakhat) {
      while (!out.empty() && vowel_sign(out.back())) out.pop_back();
      if (!out.empty() && consonant(out.back())) out.pop_back();
      continue;
    }
    if (consonant(c) || pre_vowel(c) || vowel_sign(c) || c == 0x0E24) out += c;
  }
  return out;
}

struct Spelled {
  std::string rtgs, letters;
};

void add(Spelled& s, std::string_view rtgs, std::string_view letter) {
  s.rtgs += rtgs;
  s.letters += letter;
}

}  // namespace

bool has_thai_letters(std::string_view utf8) {
  return has_code_point_in(utf8, 0x0E01, 0x0E4E);
}

std::vector<std::string> thai_spellings(std::string_view word) {
  const std::u32string w = letters(word);
  const size_t n = w.size();
  auto at = [&](size_t k) -> char32_t { return k < n ? w[k] : 0; };
  Spelled out;
  bool last_closed = false;  // the syllable before ended in a consonant
  for (size_t i = 0; i < n;) {
    if (w[i] == 0x0E24) {  // ฤ: the vowel "rue" (ri after a consonant in RTGS; rue alone)
      add(out, out.rtgs.empty() ? "rue" : "ri", out.rtgs.empty() ? "rue" : "ri");
      ++i;
      last_closed = false;
      continue;
    }
    char32_t pre = 0;
    if (pre_vowel(w[i])) pre = w[i++];
    if (!consonant(at(i))) {  // a stray sign
      ++i;
      continue;
    }
    char32_t initial = w[i++];
    // A silent ห before a sonorant, a silent อ before ย.
    if ((initial == kHoHip && sonorant(at(i)) && at(i) != kWoWaen) ||
        (initial == kOAng && at(i) == kYoYak))
      initial = w[i++];
    // A consonant without a vowel after a closed syllable, at the end of the word or before a
    // vowel written before the next consonant, is not read (วัตร wat, จันทร์โอชา chan-o-cha).
    if (!pre && last_closed && (i == n || pre_vowel(at(i)))) continue;
    const Sounds head = sounds(initial);
    std::string_view rtgs_initial = head.initial, letter_initial = head.letter;
    std::string_view cluster;
    // A cluster: ร, ล or ว after a head consonant, with the syllable's vowel after it.
    const char32_t second = at(i);
    const bool can_cluster = second == kWoWaen
                                 ? (initial == 0x0E01 || initial == 0x0E02 || initial == 0x0E04)
                                 : cluster_head(initial);
    if ((second == kRoRuea || second == kLoLing || second == kWoWaen) && can_cluster &&
        (vowel_sign(at(i + 1)) || (pre && (i + 1 == n || consonant(at(i + 1)))))) {
      if (initial == 0x0E17 && second == kRoRuea) {  // ทร reads s
        rtgs_initial = letter_initial = "s";
      } else {
        cluster = second == kWoWaen ? std::string_view("w") : sounds(second).initial;
      }
      ++i;
    }
    add(out, rtgs_initial, letter_initial);
    add(out, cluster, cluster);
    // The vowel: signs after the consonant, completed by the letters that spell it with them.
    std::u32string signs;
    while (vowel_sign(at(i))) signs += w[i++];
    std::string_view vowel, vowel_letter;
    bool takes_final = true;
    const auto has = [&](char32_t s) { return signs.find(s) != std::u32string::npos; };
    if (pre == kSaraE) {
      if (has(kSaraIi) && at(i) == kYoYak) {
        vowel = "ia", ++i;
      } else if (has(kSaraUee) && at(i) == kOAng) {
        vowel = "uea", ++i;
      } else if (has(kSaraAa)) {
        vowel = has(kSaraA) ? "o" : "ao";
        takes_final = false;
      } else if (has(kSaraI)) {
        vowel = "oe";
      } else if (signs.empty() && at(i) == kOAng) {
        vowel = "oe", ++i;
      } else {
        vowel = "e";
      }
    } else if (pre == kSaraAe) {
      vowel = "ae";
    } else if (pre == kSaraO) {
      vowel = "o";
    } else if (pre == kSaraAiMaimuan || pre == kSaraAiMaimalai) {
      vowel = "ai";
      // ไทย: a ย closing ai is not read.
      if (at(i) == kYoYak && !vowel_sign(at(i + 1))) ++i;
      takes_final = false;
    } else if (has(kMaiHanAkat) && at(i) == kWoWaen) {
      vowel = "ua", ++i;
    } else if (has(kSaraAm)) {
      vowel = "am", takes_final = false;
    } else if (has(kSaraA) || has(kMaiHanAkat) || has(kSaraAa)) {
      vowel = "a";
      takes_final = !has(kSaraA);
    } else if (has(kSaraI) || has(kSaraIi)) {
      vowel = "i", vowel_letter = has(kSaraIi) ? "ee" : "i";
    } else if (has(kSaraUe) || has(kSaraUee)) {
      vowel = "ue";
      if (at(i) == kOAng) ++i;
    } else if (has(kSaraU) || has(kSaraUu)) {
      vowel = "u", vowel_letter = has(kSaraUu) ? "oo" : "u";
    } else if (at(i) == kOAng && !vowel_sign(at(i + 1))) {
      vowel = "o", ++i;  // กอ ko, ก่อน kon
    } else if (at(i) == kWoWaen && consonant(at(i + 1)) && !vowel_sign(at(i + 2))) {
      vowel = "ua", ++i;  // ชวน chuan
    } else if (at(i) == kRoRuea && at(i + 1) == kRoRuea) {
      i += 2;  // รร: an, or a before another final (กรรม kam)
      vowel = consonant(at(i)) && !vowel_sign(at(i + 1)) && !pre_vowel(at(i)) ? "a" : "an";
    } else {
      // No vowel written: o in a closed syllable (สม som), a in an open one.
      const bool closes = consonant(at(i)) && !vowel_sign(at(i + 1)) &&
                          !(at(i + 1) == kOAng || at(i + 1) == kWoWaen || at(i + 1) == kYoYak);
      vowel = closes ? "o" : "a";
    }
    if (vowel_letter.empty()) vowel_letter = vowel;
    add(out, vowel, vowel_letter);
    // The final: a consonant that opens no syllable of its own (no vowel sign after it).
    last_closed = false;
    // Not when the letters after it spell its own vowel: อ or ว before a consonant (ทอง thong,
    // ชวน chuan), รร (สุวรรณ su-wan).
    const bool opens_syllable = (at(i + 1) == kOAng && consonant(at(i + 2))) ||
                                (at(i + 1) == kRoRuea && at(i + 2) == kRoRuea);
    if (takes_final && consonant(at(i)) && !vowel_sign(at(i + 1)) && !opens_syllable) {
      const char32_t f = w[i];
      const Sounds fs = sounds(f);
      if (f == kYoYak) {
        add(out, vowel == "i" ? "" : "i", vowel == "i" ? "" : "i");
      } else if (f == kWoWaen) {
        add(out, vowel == "o" ? "" : "o", vowel == "o" ? "" : "o");
      } else {
        add(out, fs.final, fs.letter);
      }
      ++i;
      last_closed = true;
    }
  }
  std::vector<std::string> spellings;
  if (out.rtgs.empty()) return spellings;
  spellings.push_back(out.rtgs);
  if (out.letters != out.rtgs) spellings.push_back(out.letters);
  return spellings;
}

namespace {

// A table word as the normaliser's text writes it: NFKC spells sara am (ำ) as nikhahit and sara
// aa.
std::string nfkc_sara_am(std::string_view word) {
  std::string out;
  for (size_t at = 0; at < word.size();) {
    const CodePoint c = code_point_at(word, at);
    out += c.value == kSaraAm ? std::string_view("\u0E4D\u0E32") : word.substr(at, c.length);
    at += c.length;
  }
  return out;
}

const OrgWordTable& thai_org_words() {
  static const OrgWordTable words("thai_org_words.csv", "thai", nfkc_sara_am);
  return words;
}

}  // namespace

bool is_thai_organisation_word(std::string_view word) {
  constexpr size_t kMinLetters = 4;
  for (size_t at = 0; at < word.size(); at += code_point_at(word, at).length)
    if (const OrgWord* w = thai_org_words().longest_at(word, at);
        w && to_code_points(w->written).size() >= kMinLetters)
      return true;
  return false;
}

std::vector<ThaiPart> thai_organisation_parts(std::string_view word) {
  std::vector<ThaiPart> parts;
  std::string pending;
  auto flush = [&] {
    if (!pending.empty()) parts.push_back({std::move(pending), nullptr});
    pending.clear();
  };
  for (size_t at = 0; at < word.size();) {
    if (const OrgWord* w = thai_org_words().longest_at(word, at)) {
      flush();
      parts.push_back({w->written, w});
      at += w->written.size();
      continue;
    }
    const size_t length = code_point_at(word, at).length;
    pending.append(word.substr(at, length));
    at += length;
  }
  flush();
  return parts;
}

}  // namespace clearance
