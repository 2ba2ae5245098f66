#include "clearance/match/name_words.h"

#include <cstdint>

namespace clearance {

namespace {

void put_text(std::string& out, std::string_view text) {
  out.push_back(static_cast<char>(std::min<size_t>(text.size(), 255)));
  out.append(text.substr(0, 255));
}

std::string_view take_text(std::string_view& in) {
  if (in.empty()) return {};
  const size_t n = std::min<size_t>(static_cast<uint8_t>(in[0]), in.size() - 1);
  const std::string_view text = in.substr(1, n);
  in.remove_prefix(1 + n);
  return text;
}

uint8_t take_byte(std::string_view& in) {
  if (in.empty()) return 0;
  const auto b = static_cast<uint8_t>(in[0]);
  in.remove_prefix(1);
  return b;
}

}  // namespace

std::string encode_word(const NameToken& t) {
  std::string out;
  out.push_back(static_cast<char>(t.origin));
  out.push_back(static_cast<char>(t.kind));
  const TokenMarks& m = t.marks;
  out.push_back(static_cast<char>(m.family | m.letters << 1 | m.abjad << 2 | m.syllable << 3 |
                                  m.kana << 4 | m.place << 5 | m.series << 6 | m.spelled << 7));
  out.push_back(static_cast<char>(m.lineage));
  put_text(out, t.text);
  out.push_back(static_cast<char>(std::min<size_t>(t.alternatives.size(), 255)));
  for (size_t k = 0; k < t.alternatives.size() && k < 255; ++k) put_text(out, t.alternatives[k]);
  out.push_back(static_cast<char>(std::min<size_t>(t.abjad_forms.size(), 255)));
  for (size_t k = 0; k < t.abjad_forms.size() && k < 255; ++k) put_text(out, t.abjad_forms[k]);
  out.push_back(static_cast<char>(std::min<size_t>(t.letter_keys.size(), 255)));
  for (size_t k = 0; k < t.letter_keys.size() && k < 255; ++k) put_text(out, t.letter_keys[k]);
  return out;
}

NameToken decode_word(std::string_view in) {
  NameToken t;
  t.origin = static_cast<TokenOrigin>(take_byte(in));
  t.kind = static_cast<TokenClass>(take_byte(in));
  const uint8_t bits = take_byte(in);
  t.marks.family = bits & 1;
  t.marks.letters = bits & 2;
  t.marks.abjad = bits & 4;
  t.marks.syllable = bits & 8;
  t.marks.kana = bits & 16;
  t.marks.place = bits & 32;
  t.marks.series = bits & 64;
  t.marks.spelled = bits & 128;
  t.marks.lineage = take_byte(in);
  t.text = std::string(take_text(in));
  t.source = t.text;
  for (uint8_t n = take_byte(in); n > 0; --n) t.alternatives.emplace_back(take_text(in));
  for (uint8_t n = take_byte(in); n > 0; --n) t.abjad_forms.emplace_back(take_text(in));
  for (uint8_t n = take_byte(in); n > 0; --n) t.letter_keys.emplace_back(take_text(in));
  return t;
}

std::vector<std::vector<std::string>> name_words(const NormalizedName& name) {
  std::vector<std::vector<std::string>> out;
  auto add = [&](const NormalizedName& reading) {
    std::vector<std::string> words;
    for (const NameToken& t : reading.tokens) words.push_back(encode_word(t));
    out.push_back(std::move(words));
  };
  add(name);
  for (const NormalizedName& reading : name.readings) add(reading);
  return out;
}

}  // namespace clearance
