#include "clearance/text/indic_names.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "clearance/text/consonant_skeleton.h"
#include "clearance/text/name_tables.h"
#include "clearance/text/utf8.h"
#include "clearance/util/strings.h"
#include "clearance/util/text_map.h"

namespace clearance {

namespace {

enum class Script : uint8_t {
  devanagari,
  bengali,
  gurmukhi,
  gujarati,
  odia,
  tamil,
  telugu,
  kannada,
  malayalam
};

constexpr char32_t kFirst = 0x0900, kLast = 0x0D7F;

// The script of a code point in U+0900–U+0D7F (each block is 0x80 wide) and its place in it.
Script script_of(char32_t c) {
  return static_cast<Script>((c - kFirst) >> 7);
}
unsigned place_in_block(char32_t c) {
  return static_cast<unsigned>(c & 0x7F);
}

// The languages that leave a word's last unwritten a unsaid (राम Ram, আহমেদ Ahmed); the Dravidian
// ones say it (Telugu's వెంకట Venkata).
bool drops_unsaid_a(Script s) {
  return s <= Script::odia;
}

// The consonants by their place in the block (0x15–0x39), as the lists spell them: c is ch, ś
// and ṣ are sh, the retroflex letters fold into the dental ones, ṅ ñ ṇ are n.
constexpr std::array<const char*, 0x25> kConsonants = {
    "k",  "kh", "g", "gh", "n", "ch", "chh", "j",  "jh", "n",  "t", "th", "d",
    "dh", "n",  "t", "th", "d", "dh", "n",   "n",  "p",  "ph", "b", "bh", "m",
    "y",  "r",  "r", "l",  "l", "zh", "v",   "sh", "sh", "s",  "h"};

// A consonant letter's Latin (before the script's own letters and the nukta are read), or null.
const char* consonant_at(Script s, unsigned place) {
  if (place >= 0x15 && place <= 0x39) {
    // ழ and ഴ (Tamil, Malayalam) are zh; the letter at that place is a retroflex l elsewhere.
    if (place == 0x34 && s != Script::tamil && s != Script::malayalam) return "l";
    return kConsonants[place - 0x15];
  }
  switch (place) {
    case 0x58:  // Devanagari's letters with a nukta, when written as one code point
      return "q";
    case 0x59:
      return "kh";
    case 0x5A:
      return "gh";
    case 0x5B:
      return "z";
    case 0x5C:  // ड़ ড় ੜ ଡ଼
      return "r";
    case 0x5D:
      return "rh";
    case 0x5E:
      return "f";
    case 0x5F:  // য় ୟ
      return "y";
    default:
      break;
  }
  if (s == Script::bengali && place == 0x4E) return "t";  // ৎ khanda ta
  if (s == Script::bengali && place == 0x70) return "r";  // ৰ Assamese ra
  if (s == Script::bengali && place == 0x71) return "w";  // ৱ Assamese wa
  if (s == Script::odia && place == 0x71) return "w";     // ୱ
  if (s == Script::malayalam && place >= 0x7A && place <= 0x7F) {
    static constexpr const char* kChillu[] = {"n", "n", "r", "l", "l", "k"};
    return kChillu[place - 0x7A];  // ൺ ൻ ർ ൽ ൾ ൿ: a consonant with no vowel
  }
  return nullptr;
}

bool is_chillu(Script s, unsigned place) {
  return (s == Script::malayalam && place >= 0x7A && place <= 0x7F) ||
         (s == Script::bengali && place == 0x4E);
}

// A consonant with the nukta under it: the sounds Persian and Arabic loanwords bring (क़ q, ज़ z,
// फ़ f), and the flapped r (ड़).
const char* with_nukta(unsigned place, const char* plain) {
  switch (place) {
    case 0x15:
      return "q";
    case 0x16:
      return "kh";
    case 0x17:
      return "gh";
    case 0x1C:
      return "z";
    case 0x21:
      return "r";
    case 0x22:
      return "rh";
    case 0x2B:
      return "f";
    case 0x2F:
      return "y";
    case 0x38:  // ਸ਼
      return "sh";
    default:
      return plain;
  }
}

// A vowel, independent (0x05–0x14, 0x60–0x61) or a sign after a consonant (0x3E–0x4C, 0x62–0x63):
// its Latin as the lists spell it, and as the consonant comparison reads it (ai is e or ai, au o
// or au: the lists write "Jaishankar" and "Chowdhury").
struct Vowel {
  const char* spelled;
  const char* form;
};

const Vowel* vowel_at(unsigned place, bool sign) {
  static constexpr Vowel kVowels[] = {{"a", "a"}, {"a", "a"}, {"i", "i"},   {"i", "i"},
                                      {"u", "u"}, {"u", "u"}, {"ri", "ri"}, {"li", "li"},
                                      {"e", "E"}, {"e", "E"}, {"e", "E"},   {"ai", "e"},
                                      {"o", "o"}, {"o", "o"}, {"o", "o"},   {"au", "o"}};
  // Independent vowels: a ā i ī u ū ṛ ḷ ê ĕ e ai ô ŏ o au; signs start at ā.
  if (place == 0x60 || (sign && place == 0x44)) return &kVowels[6];  // ṝ
  if (!sign && place >= 0x05 && place <= 0x14) return &kVowels[place - 0x05];
  if (sign && place >= 0x3E && place <= 0x4C) return &kVowels[place - 0x3E + 1];
  if (place == 0x61 || place == 0x62 || place == 0x63) return &kVowels[7];
  return nullptr;
}

bool is_vowel_sign(unsigned place) {
  return (place >= 0x3E && place <= 0x4C) || place == 0x62 || place == 0x63;
}

constexpr char kUnwrittenForm[] = {kVowelUnwritten, '\0'};

constexpr unsigned kNukta = 0x3C, kVirama = 0x4D, kCandrabindu = 0x01, kAnusvara = 0x02,
                   kVisarga = 0x03, kAvagraha = 0x3D;

// One sound of the word, in order.
struct Sound {
  enum Kind : uint8_t { consonant, vowel, unwritten_a, nasal, visarga } kind;
  const char* spelled;  // a literal, as every letter's Latin is
  const char* form;
  bool joined = false;  // a consonant after another with no vowel between (a cluster)
  // A letter that also writes the z of Arabic and Persian names: Bengali's জ (and its word-initial
  // য), Gujarati's ઝ, and ज or ਜ where the nukta that makes them z is left out (अजीज Aziz).
  bool may_be_z = false;
  // A letter the lists spell two ways, one a v: व v or w (Yadav, Bhagwant, Agarwal); Bengali's
  // and Odia's ব and ভ b or v, bh or v (সৌরভ Sourav, ନବୀନ Naveen).
  bool v_letter = false;
  bool unsaid = false;  // an unwritten a the language does not say
};

bool is_vowel(const Sound& s) {
  return (s.kind == Sound::vowel || s.kind == Sound::unwritten_a) && !s.unsaid;
}

// The unwritten a's a Hindi, Bengali or Punjabi speaker leaves unsaid: the last one after a single
// consonant, in a word of two syllables or more (राम ram, सिंह singh; not नरेंद्र narendra), then,
// from the end, one between two single consonants each beside a vowel (आहमेद ahmed, मनमोहन
// manmohan, not in the first syllable: कमल kamal).
void drop_unsaid_a(std::vector<Sound>& sounds) {
  const size_t n = sounds.size();
  const auto syllables = std::count_if(sounds.begin(), sounds.end(), [](const Sound& s) {
    return s.kind == Sound::vowel || s.kind == Sound::unwritten_a;
  });
  if (syllables < 2) return;
  if (n >= 2 && sounds[n - 1].kind == Sound::unwritten_a &&
      sounds[n - 2].kind == Sound::consonant && !sounds[n - 2].joined)
    sounds[n - 1].unsaid = true;
  for (size_t i = n >= 2 ? n - 2 : 0; i >= 2; --i) {
    if (sounds[i].kind != Sound::unwritten_a || i + 2 >= n) continue;
    const Sound &before = sounds[i - 1], &after = sounds[i + 1];
    if (before.kind == Sound::consonant && !before.joined && is_vowel(sounds[i - 2]) &&
        after.kind == Sound::consonant && is_vowel(sounds[i + 2]))
      sounds[i].unsaid = true;
  }
}

// The sounds of a word of `script`, or an empty list when it holds anything else.
std::vector<Sound> read_sounds(const std::u32string& text, Script script) {
  std::vector<Sound> sounds;
  // The vowel sign at `next`, when it is one: its sound taken, true.
  auto take_sign = [&](int next) {
    if (next < 0 || !is_vowel_sign(static_cast<unsigned>(next))) return false;
    const Vowel* v = vowel_at(static_cast<unsigned>(next), true);
    sounds.push_back({Sound::vowel, v->spelled, v->form});
    return true;
  };
  bool geminate = false;      // after Gurmukhi's addak: the next consonant is doubled
  bool after_virama = false;  // the letter before was the virama
  for (size_t k = 0; k < text.size(); ++k) {
    const char32_t c = text[k];
    if (c == 0x200C || c == 0x200D) continue;  // joiners say how to draw, not what to say
    if (c < kFirst || c > kLast || script_of(c) != script) return {};
    const unsigned place = place_in_block(c);
    auto next_place = [&]() -> int {
      return k + 1 < text.size() && text[k + 1] >= kFirst && text[k + 1] <= kLast &&
                     script_of(text[k + 1]) == script
                 ? static_cast<int>(place_in_block(text[k + 1]))
                 : -1;
    };
    if (const char* latin = consonant_at(script, place)) {
      const char* spelled = latin;
      const bool nukta = next_place() == static_cast<int>(kNukta);
      if (nukta) {
        spelled = with_nukta(place, latin);
        ++k;
      }
      bool joined = !sounds.empty() && sounds.back().kind == Sound::consonant;
      // Bengali's য after the virama (য-ফলা) is no y: it doubles the consonant before it or
      // makes the vowel an æ (ব্যাংক bank, র‍্যাপিড rapid,
      // অ্যাকশন action).
      if (script == Script::bengali && place == 0x2F && !nukta && after_virama) {
        after_virama = false;
        const int next = next_place();
        const bool after_vowel = sounds.empty() || sounds.back().kind != Sound::consonant;
        if (next >= 0 && is_vowel_sign(static_cast<unsigned>(next)) && after_vowel)
          ++k;  // অ্যা: the vowel written before is the one said
        else if (take_sign(next))
          ++k;
        continue;
      }
      after_virama = false;
      // व (Bengali ব) after a consonant is w (द्विवेदी Dwivedi, বিশ্বাস Biswas); Bengali's ব is b
      // elsewhere, and its য (Odia's ଯ) j but after a consonant.
      if (place == 0x35 || (script == Script::bengali && place == 0x2C))
        spelled = joined ? "w" : script == Script::bengali ? "b" : "v";
      const bool ya_as_ja = (script == Script::bengali || script == Script::odia) &&
                            place == 0x2F && !nukta && !joined;
      if (ya_as_ja) spelled = "j";
      const bool may_be_z = (place == 0x1C && !nukta &&
                             (script == Script::bengali || script == Script::devanagari ||
                              script == Script::gurmukhi)) ||
                            (script == Script::bengali && ya_as_ja) ||
                            (script == Script::gujarati && place == 0x1D);
      if (geminate) {  // written once, said twice: the lists write it twice or once
        sounds.push_back({Sound::consonant, spelled, spelled, joined});
        geminate = false;
        joined = true;
      }
      Sound consonant{Sound::consonant, spelled, spelled, joined};
      consonant.may_be_z = may_be_z;
      consonant.v_letter =
          spelled[0] == 'v' || ((script == Script::bengali || script == Script::odia) &&
                                (place == 0x2C || place == 0x2D) && !joined);
      // Bengali's য় between vowels is a glide the Latin spellings write as y, w or not at all
      // (আনোয়ার Anwar, জিয়া Zia, তোফায়েল Tofayel): any vowel there, or none.
      if (script == Script::bengali && place == 0x2F && nukta) consonant.form = kUnwrittenForm;
      sounds.push_back(std::move(consonant));
      if (is_chillu(script, place)) continue;
      const int next = next_place();
      if (take_sign(next)) {
        ++k;
      } else if (next == static_cast<int>(kVirama)) {
        ++k;
        after_virama = true;
      } else {
        sounds.push_back({Sound::unwritten_a, "a", kUnwrittenForm});
      }
      continue;
    }
    if (const Vowel* v = vowel_at(place, false)) {
      sounds.push_back({Sound::vowel, v->spelled, v->form});
      continue;
    }
    // Gurmukhi's vowel bearers ੲ and ੳ carry the sign after them; alone, their own vowel.
    if (script == Script::gurmukhi && (place == 0x72 || place == 0x73)) {
      if (take_sign(next_place()))
        ++k;
      else
        sounds.push_back({Sound::vowel, place == 0x72 ? "i" : "u", place == 0x72 ? "i" : "u"});
      continue;
    }
    if (place == kCandrabindu || place == kAnusvara ||
        (script == Script::gurmukhi && place == 0x70)) {  // ੰ tippi
      sounds.push_back({Sound::nasal, "n", "n"});
      continue;
    }
    if (place == kVisarga) {
      sounds.push_back({Sound::visarga, "h", "h"});
      continue;
    }
    if (script == Script::gurmukhi && place == 0x71) {  // ੱ addak
      geminate = true;
      continue;
    }
    if (place == kVirama) {  // after a vowel (অ্যা æ)
      after_virama = true;
      continue;
    }
    if (place == kNukta || place == kAvagraha || place == 0x00 ||
        (place >= 0x51 && place <= 0x57))  // accents and length marks
      continue;
    return {};
  }
  return sounds;
}

// The nasal sign is m before p, b and m (संभव sambhav, चंपा champa), ng before h (सिंह Singh)
// and at a Bengali word's end, where it is said so (সিং Singh, বাংলা Bangla), n elsewhere.
void place_nasals(std::vector<Sound>& sounds, Script script) {
  for (size_t k = 0; k < sounds.size(); ++k) {
    if (sounds[k].kind != Sound::nasal) continue;
    const bool last = k + 1 == sounds.size();
    const char next =
        !last && sounds[k + 1].kind == Sound::consonant ? sounds[k + 1].spelled[0] : '\0';
    if (next == 'p' || next == 'b' || next == 'm')
      sounds[k].spelled = sounds[k].form = "m";
    else if (next == 'h' || (script == Script::bengali && (last || next == 'l')))
      sounds[k].spelled = sounds[k].form = "ng";
  }
}

// The form the consonant comparison reads: `z` writes each letter that may be z so, `w` each
// v_letter the other way (v as w, a vowel to the comparison as Latin's w is; b and bh as v).
std::string form_of(const std::vector<Sound>& sounds, bool z, bool w) {
  std::string form;
  for (size_t k = 0; k < sounds.size(); ++k) {
    const Sound& s = sounds[k];
    // An a left unsaid between one consonant written twice is none: মোশাররফ "mosharraf".
    if (s.unsaid && k > 0 && k + 1 < sounds.size() &&
        std::string_view(sounds[k - 1].form) == sounds[k + 1].form)
      continue;
    // Two consonants the comparison would read as one digraph (क्ह k|h, not kh).
    if (s.kind != Sound::vowel && s.kind != Sound::unwritten_a && !form.empty() &&
        s.form[0] == 'h' && is_digraph_head(form.back()))
      form += kLettersApart;
    if (z && s.may_be_z)
      form += 'z';
    else if (w && s.v_letter)
      form += s.form[0] == 'v' ? 'w' : 'v';
    else
      form += s.form;
  }
  return form;
}

}  // namespace

bool has_indic_letters(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const CodePoint c = code_point_at(text, i);
    if (c.value >= kFirst && c.value <= kLast &&
        (consonant_at(script_of(c.value), place_in_block(c.value)) ||
         vowel_at(place_in_block(c.value), false)))
      return true;
    i += c.length;
  }
  return false;
}

std::vector<std::string> indic_spellings(std::string_view word) {
  static const TextMap<std::vector<std::string>> table = [] {
    TextMap<std::vector<std::string>> out;
    for (const auto& row : read_name_table("indic_names.csv", {"written", "spellings", "source"}))
      out[row.fields[0]] = split_trimmed(row.fields[1], " ");
    return out;
  }();
  const auto it = table.find(word);
  return it == table.end() ? std::vector<std::string>() : it->second;
}

IndicReading indic_reading(std::string_view word) {
  IndicReading out;
  const std::u32string text = to_code_points(word);
  if (text.empty() || text.front() < kFirst || text.front() > kLast) return out;
  const Script script = script_of(text.front());
  std::vector<Sound> sounds = read_sounds(text, script);
  if (sounds.empty()) return out;
  place_nasals(sounds, script);
  // Bengali writes with এ the i of Arabic names as well as an e (তারেক Tarique, হোসেন Hussain).
  if (script == Script::bengali)
    for (Sound& s : sounds)
      if (s.kind == Sound::vowel && s.form[0] == 'E') s.form = "e";
  if (drops_unsaid_a(script)) drop_unsaid_a(sounds);
  for (const Sound& s : sounds)
    if (!s.unsaid) out.text += s.spelled;
  const bool any_z =
      std::any_of(sounds.begin(), sounds.end(), [](const Sound& s) { return s.may_be_z; });
  const bool any_v =
      std::any_of(sounds.begin(), sounds.end(), [](const Sound& s) { return s.v_letter; });
  for (const bool z : {false, true})
    for (const bool w : {false, true})
      if ((any_z || !z) && (any_v || !w)) out.forms.push_back(form_of(sounds, z, w));
  // The Dravidian scripts' words are spelled in more ways than their letters say: Tamil writes k
  // and g, t and d, p and b with one letter each, Malayalam says its nt as nd, and the lists
  // write Telugu's నాయుడు Naidu and Kannada's ಗೌಡ Gowda.
  out.exact_consonants = script <= Script::odia;
  return out;
}

}  // namespace clearance
