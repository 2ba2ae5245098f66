#include "clearance/text/branch_offices.h"

#include <algorithm>
#include <string>

namespace clearance {

namespace {

// The words that name a branch or an office, as tokens (after normalisation: lower case, Cyrillic
// transliterated — филиал "filial", представительство "predstavitelstvo"), longest first where
// one begins another.
const std::vector<std::vector<std::string>>& office_phrases() {
  static const std::vector<std::vector<std::string>> phrases = {
      {"representative", "office"},
      {"representative", "offices"},
      {"rep", "office"},
      {"repr", "office"},
      {"liaison", "office"},
      {"regional", "office"},
      {"branch", "office"},
      {"sub", "branch"},
      {"subbranch"},
      {"branch"},
      {"branches"},
      {"filial"},
      {"filiale"},
      {"filiala"},
      {"predstavitelstvo"},
      {"zweigstelle"},
      {"zweigniederlassung"},
      {"niederlassung"},
      {"sucursal"},
      {"succursale"},
  };
  return phrases;
}

// The length of the office phrase at token i, 0 when none begins there.
size_t office_phrase_at(const std::vector<NameToken>& tokens, size_t i) {
  for (const auto& phrase : office_phrases()) {
    if (i + phrase.size() > tokens.size()) continue;
    bool all = true;
    for (size_t k = 0; k < phrase.size() && all; ++k) all = tokens[i + k].text == phrase[k];
    if (all) return phrase.size();
  }
  return 0;
}

bool is(const NameToken& t, const char* text) {
  return t.text == text;
}

// The name without a closing "in <one to three words>" (the office's place).
std::vector<NameToken> without_place_after(std::vector<NameToken> name) {
  for (size_t i = name.size(); i-- > 0;)
    if (is(name[i], "in") && i > 0 && name.size() - i - 1 >= 1 && name.size() - i - 1 <= 3) {
      name.resize(i);
      break;
    }
  return name;
}

bool has_ordinary(const std::vector<NameToken>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(),
                     [](const NameToken& t) { return t.kind == TokenClass::ordinary; });
}

}  // namespace

std::vector<NormalizedName> branch_office_readings(const NormalizedName& name) {
  const std::vector<NameToken>& tokens = name.tokens;
  size_t q = 0, length = 0;
  for (; q < tokens.size(); ++q)
    if ((length = office_phrase_at(tokens, q)) > 0) break;
  if (length == 0) return {};
  const std::vector<NameToken> before(tokens.begin(), tokens.begin() + q),
      after(tokens.begin() + q + length, tokens.end());
  std::vector<std::vector<NameToken>> names;
  if (!after.empty() && is(after.front(), "of")) {
    // "Branch of X in Minsk", "Beijing Branch of X": the organisation follows; what comes before
    // the office words is the office's place.
    names.push_back(without_place_after(std::vector<NameToken>(after.begin() + 1, after.end())));
  } else if (!before.empty()) {
    // "X Hamburg Branch", "X Representative Office in Moscow", "X Rep. Office Tehran".
    // (A place of up to three words: "in Frankfurt am Main", ", Hong Kong"; a legal form there
    // says the office word was the name's own: "Golden Branch Trading LLC".)
    const bool in = !after.empty() && is(after.front(), "in");
    const bool place_after =
        after.size() <= (in ? 4u : 2u) &&
        std::none_of(after.begin() + (in ? 1 : 0), after.end(),
                     [](const NameToken& t) { return t.kind == TokenClass::legal_form; });
    if (!place_after) return {};
    names.push_back(before);
    // The word before the office words, when the name goes on without it: as often the place.
    std::vector<NameToken> shorter = before;
    if (shorter.size() >= 2 && shorter.back().kind == TokenClass::ordinary) {
      shorter.pop_back();
      while (!shorter.empty() && shorter.back().kind == TokenClass::stopword) shorter.pop_back();
      names.push_back(std::move(shorter));
    }
  }
  std::vector<NormalizedName> out;
  for (std::vector<NameToken>& kept : names) {
    if (!has_ordinary(kept)) continue;
    NormalizedName reading;
    reading.tokens = std::move(kept);
    reading.has_han = name.has_han;
    out.push_back(std::move(reading));
  }
  return out;
}

}  // namespace clearance
