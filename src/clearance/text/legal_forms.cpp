#include "clearance/text/legal_forms.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "clearance/text/edit_distance.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

// Multi-word legal forms → canonical token. Longest phrases first within the matcher below.
// Spellings cover English, the Russian/Ukrainian transliterations OFAC and BIS use, Romance and
// Germanic languages; Chinese forms (有限公司…) arrive already translated to these words.
const std::vector<std::pair<std::vector<std::string>, std::string>>& phrases() {
  static const std::vector<std::pair<std::vector<std::string>, std::string>> table = {
      {{"limited", "liability", "company"}, "llc"},
      {{"limited", "liability", "partnership"}, "llp"},
      {{"public", "limited", "company"}, "plc"},
      {{"public", "company", "limited"}, "plc"},  // Thailand's and Myanmar's (บริษัท … จำกัด (มหาชน))
      {{"public", "joint", "stock", "company"}, "pjsc"},
      {{"open", "joint", "stock", "company"}, "ojsc"},
      {{"closed", "joint", "stock", "company"}, "cjsc"},
      {{"joint", "stock", "company"}, "jsc"},
      {{"joint", "stock", "co"}, "jsc"},
      {{"company", "limited"}, "ltd"},
      {{"co", "ltd"}, "ltd"},
      {{"co", "limited"}, "ltd"},
      {{"private", "limited"}, "ltd"},
      {{"pvt", "ltd"}, "ltd"},
      {{"pte", "ltd"}, "ltd"},
      {{"pty", "ltd"}, "ltd"},
      {{"sdn", "bhd"}, "ltd"},
      // Malaysia's private company written out, and Indonesia's limited company and state
      // company (PT, Persero) written out.
      {{"sendirian", "berhad"}, "ltd"},
      {{"sdn", "berhad"}, "ltd"},
      {{"sendirian", "bhd"}, "ltd"},
      {{"perseroan", "terbatas"}, "pt"},
      {{"perusahaan", "perseroan"}, "persero"},
      {{"obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"}, "ooo"},
      {{"obshchestvo", "s", "ogranichennoi", "otvetstvennostyu"}, "ooo"},
      {{"obshchestvo", "s", "ogranichennoj", "otvetstvennostju"}, "ooo"},
      {{"tovarystvo", "z", "obmezhenoyu", "vidpovidalnistyu"}, "ooo"},
      {{"zakrytoe", "aktsionernoe", "obshchestvo"}, "cjsc"},
      {{"otkrytoe", "aktsionernoe", "obshchestvo"}, "ojsc"},
      {{"publichnoe", "aktsionernoe", "obshchestvo"}, "pjsc"},
      {{"aktsionernoe", "obshchestvo"}, "jsc"},
      {{"aktsionernoye", "obshchestvo"}, "jsc"},
      {{"sociedad", "anonima"}, "sa"},
      {{"societe", "anonyme"}, "sa"},
      {{"sociedade", "anonima"}, "sa"},
      {{"societa", "per", "azioni"}, "spa"},
      {{"sociedad", "de", "responsabilidad", "limitada"}, "srl"},
      {{"societe", "a", "responsabilite", "limitee"}, "sarl"},
      {{"gesellschaft", "mit", "beschrankter", "haftung"}, "gmbh"},
      {{"kabushiki", "kaisha"}, "kk"},
      {{"societatea", "cu", "raspundere", "limitata"}, "srl"},
      {{"societate", "cu", "raspundere", "limitata"}, "srl"},
      {{"spolka", "z", "ograniczona", "odpowiedzialnoscia"}, "zoo"},
      {{"sp", "zoo"}, "zoo"},
      {{"sp", "z", "oo"}, "zoo"},
      {{"joint", "stock", "compan"}, "jsc"},
      {{"avtonomnaya", "nekommercheskaya", "organizatsiya"}, "ano"},
      {{"besloten", "vennootschap"}, "bv"},
      {{"naamloze", "vennootschap"}, "nv"},
      {{"sa", "de", "cv"}, "sa"},
      {{"s", "de", "rl"}, "srl"},
  };
  return table;
}

// Single-token legal forms and their canonical spelling.
const std::unordered_map<std::string, std::string>& single_forms() {
  static const std::unordered_map<std::string, std::string> table = {
      {"ltd", "ltd"},
      {"limited", "ltd"},
      {"ltda", "ltd"},
      {"co", "co"},
      {"company", "co"},
      {"cos", "co"},
      {"compania", "co"},
      // The word for a company in Persian, Arabic and Korean (شرکت, شركة, 회사) as names romanise
      // it.
      {"sherkat", "co"},
      {"shirkat", "co"},
      {"sharikat", "co"},
      {"sharika", "co"},
      {"sharikah", "co"},
      {"hoesa", "co"},
      {"companhia", "co"},
      {"cia", "co"},
      {"corp", "corp"},
      {"corporation", "corp"},
      {"inc", "inc"},
      {"incorporated", "inc"},
      {"llc", "llc"},
      {"llp", "llp"},
      {"lp", "lp"},
      {"plc", "plc"},
      {"gmbh", "gmbh"},
      {"ag", "ag"},
      {"kg", "kg"},
      {"sa", "sa"},
      {"sas", "sa"},
      {"sarl", "sarl"},
      {"srl", "srl"},
      {"spa", "spa"},
      {"bv", "bv"},
      {"nv", "nv"},
      {"oy", "oy"},
      {"oyj", "oy"},
      {"ab", "ab"},
      {"as", "as"},
      {"asa", "as"},
      {"aps", "aps"},
      {"jsc", "jsc"},
      {"ojsc", "ojsc"},
      {"cjsc", "cjsc"},
      {"pjsc", "pjsc"},
      {"ooo", "ooo"},
      {"oao", "ojsc"},
      {"zao", "cjsc"},
      {"pao", "pjsc"},
      {"ao", "jsc"},
      {"ano", "ano"},
      {"aktiengesellschaft", "ag"},
      {"aktiengeselschaft", "ag"},
      {"tov", "ooo"},
      {"pat", "pjsc"},
      {"pp", "pp"},
      {"pte", "pte"},
      {"pty", "pty"},
      {"bhd", "bhd"},
      {"kk", "kk"},
      {"cv", "cv"},
      {"fzco", "fze"},
      {"fze", "fze"},
      {"fzc", "fze"},
      {"fzllc", "fze"},
      {"dmcc", "dmcc"},
      {"sl", "sl"},
      {"sae", "sa"},
      {"spolka", "sp"},
      {"sp", "sp"},
      {"zoo", "zoo"},
      {"doo", "doo"},
      {"dd", "dd"},
      {"ad", "ad"},
      {"ead", "ad"},
      {"eood", "ood"},
      {"ood", "ood"},
      {"sro", "sro"},
      {"as", "as"},
      {"kft", "kft"},
      {"zrt", "zrt"},
      {"tbk", "tbk"},
      // Indonesia's limited company (PT Bank Mandiri; "Huawei Tech Investment, PT") and state
      // company (Persero), Malaysia's public company written out (Berhad).
      {"pt", "pt"},
      {"persero", "persero"},
      {"berhad", "bhd"},
      {"pvt", "pvt"},
      {"gk", "gk"},
      {"ltdco", "ltd"},
      {"unitary", "unitary"},
      {"enterprise", "enterprise"},
      {"enterprises", "enterprise"},
      {"group", "group"},
      // A concern (German Konzern, Russian концерн: Concern Kalashnikov, BELNEFTEKHIM CONCERN) is
      // a group of companies, as Chinese (集团) and English name it.
      {"concern", "group"},
      {"holding", "holding"},
      {"holdings", "holding"},
      {"firm", "firm"},
      {"partnership", "partnership"},
  };
  return table;
}

// Organisation words that are common but still meaningful: folded to one spelling, weighted by IDF.
const std::unordered_map<std::string, std::string>& abbreviations() {
  static const std::unordered_map<std::string, std::string> table = {
      {"intl", "international"},
      {"int", "international"},
      {"internat", "international"},
      {"mfg", "manufacturing"},
      {"manuf", "manufacturing"},
      {"univ", "university"},
      {"uni", "university"},
      {"tech", "technology"},
      {"techn", "technology"},
      {"technologies", "technology"},
      {"technological", "technology"},
      {"inst", "institute"},
      {"institution", "institute"},
      {"dept", "bureau"},
      {"ctr", "center"},
      {"centre", "center"},
      {"cntr", "center"},
      {"natl", "national"},
      {"assn", "association"},
      {"assoc", "association"},
      {"acad", "academy"},
      {"bros", "brothers"},
      {"svcs", "services"},
      {"svc", "services"},
      {"service", "services"},
      {"electronic", "electronics"},
      {"elec", "electronics"},
      {"engg", "engineering"},
      {"eng", "engineering"},
      {"eqpt", "equipment"},
      {"equip", "equipment"},
      {"ind", "industry"},
      {"indus", "industry"},
      {"industries", "industry"},
      {"industrial", "industry"},
      {"sci", "science"},
      {"sciences", "science"},
      {"scientific", "science"},
      {"res", "research"},
      {"lab", "laboratory"},
      {"labs", "laboratory"},
      {"laboratories", "laboratory"},
      {"systems", "system"},
      {"communications", "communication"},
      {"comm", "communication"},
      {"telecom", "telecommunication"},
      {"telecommunications", "telecommunication"},
      // Words translators choose between for one word of a Russian, Chinese or Persian name
      // (завод plant, factory or works; 航空 aviation or aeronautical; 机械 machinery or
      // mechanical; бюро, 局 bureau or department): folded to one.
      {"aeronautical", "aviation"},
      {"aeronautics", "aviation"},
      {"aviation", "aviation"},
      {"factory", "plant"},
      {"factories", "plant"},
      {"plants", "plant"},
      {"works", "plant"},
      {"mill", "plant"},
      {"mills", "plant"},
      {"shipyards", "shipyard"},
      {"wharf", "shipyard"},
      {"wharves", "shipyard"},
      {"mechanical", "machinery"},
      {"machine", "machinery"},
      {"machines", "machinery"},
      {"mechanics", "machinery"},
      {"department", "bureau"},
      {"directorate", "bureau"},
      {"administration", "bureau"},
      {"st", "saint"},
      {"mt", "mount"},
      {"ft", "fort"},
      {"trading", "trade"},
      {"mgmt", "management"},
      {"invest", "investment"},
      {"investments", "investment"},
      {"shipping", "shipping"},
      {"intel", "intelligence"},
      {"computing", "computing"},
      {"computational", "computing"},
      {"computation", "computing"},
      // An airline is written "Air" as often as "Airlines" or "Airways" (Mahan Air, Iran Air).
      {"airlines", "air"},
      {"airline", "air"},
      {"airways", "air"},
  };
  return table;
}

const std::unordered_set<std::string>& stopwords() {
  static const std::unordered_set<std::string> table = {
      "of", "the", "and", "for", "de",  "del", "des", "du",  "la", "le", "les",
      "el", "los", "das", "der", "die", "und", "y",   "e",   "et", "i",  "in",
      "at", "on",  "a",   "an",  "da",  "do",  "dos", "von", "van"};
  return table;
}

// A long word a letter off one that folds to another spelling ("technolgies" → "technology"):
// folded too, or the typo would be compared with the folded form, three letters away. Eight
// letters or more, the same first letter; null when there is none.
const std::string* folded_with_typo(const std::string& word) {
  constexpr size_t kMinLength = 8;
  static const std::vector<std::pair<std::string, std::string>> long_words = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [from, to] : abbreviations())
      if (from.size() >= kMinLength && from != to) out.emplace_back(from, to);
    return out;
  }();
  if (word.size() < kMinLength) return nullptr;
  for (const auto& [from, to] : long_words)
    if (from[0] == word[0] && from != word && bounded_edit_distance(word, from, 1) <= 1 &&
        bounded_edit_distance(word, to, 1) > 1)
      return &to;
  return nullptr;
}

}  // namespace

bool is_organisation_kind(std::string_view canonical) {
  return canonical == "enterprise" || canonical == "group" || canonical == "holding" ||
         canonical == "firm" || canonical == "partnership" || canonical == "unitary";
}

bool is_legal_form(std::string_view canonical) {
  static const std::unordered_set<std::string> canonical_forms = [] {
    std::unordered_set<std::string> s;
    for (const auto& [word, form] : single_forms())
      if (!is_organisation_kind(form)) s.insert(form);
    for (const auto& [words, form] : phrases()) s.insert(form);
    return s;
  }();
  return canonical_forms.count(std::string(canonical)) > 0;
}

void canonicalize_legal_forms(std::vector<NameToken>& tokens) {
  std::vector<NameToken> out;
  out.reserve(tokens.size());
  // A phrase of three words or more matches with one word of five letters or more a letter off
  // ("Joynt Stock Company"): the other words say what it is. Shorter phrases match exactly — in
  // "Stork Company" the first word is a name.
  auto matches = [&](size_t i, const std::vector<std::string>& words, bool typo_allowed) {
    // With one typo at most, one of the first two words is exact: a cheap test before any
    // distance is computed.
    if (typo_allowed &&
        (words.size() < 3 || (tokens[i].text != words[0] && tokens[i + 1].text != words[1])))
      return false;
    int typos = 0;
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& text = tokens[i + k].text;
      if (text == words[k]) continue;
      if (!typo_allowed || words.size() < 3 || words[k].size() < 5 || ++typos > 1 ||
          bounded_edit_distance(text, words[k], 1) > 1)
        return false;
    }
    return true;
  };
  // The phrase starting at token i, exact ones first; null when none does.
  // Only phrases whose first or second word is the token's are tried, in table order.
  using Phrase = std::pair<std::vector<std::string>, std::string>;
  static const auto by_word = [] {
    std::unordered_map<std::string, std::vector<size_t>> first, second;
    for (size_t p = 0; p < phrases().size(); ++p) {
      first[phrases()[p].first[0]].push_back(p);
      if (phrases()[p].first.size() >= 3) second[phrases()[p].first[1]].push_back(p);
    }
    return std::pair{std::move(first), std::move(second)};
  }();
  auto phrase_at = [&](size_t i) -> const Phrase* {
    const auto first = by_word.first.find(tokens[i].text);
    if (first != by_word.first.end())
      for (size_t p : first->second)
        if (i + phrases()[p].first.size() <= tokens.size() && matches(i, phrases()[p].first, false))
          return &phrases()[p];
    // A typo in the first word: the second is exact. In a later word: the first is (above).
    const auto second =
        i + 1 < tokens.size() ? by_word.second.find(tokens[i + 1].text) : by_word.second.end();
    for (const auto* list : {first != by_word.first.end() ? &first->second : nullptr,
                             second != by_word.second.end() ? &second->second : nullptr}) {
      if (!list) continue;
      for (size_t p : *list)
        if (i + phrases()[p].first.size() <= tokens.size() && matches(i, phrases()[p].first, true))
          return &phrases()[p];
    }
    return nullptr;
  };
  for (size_t i = 0; i < tokens.size();) {
    if (const Phrase* phrase = phrase_at(i)) {
      const auto& [words, form] = *phrase;
      NameToken t = tokens[i];
      std::vector<std::string> sources;
      for (size_t k = 0; k < words.size(); ++k) sources.push_back(tokens[i + k].source);
      t.source = join(sources, " ");
      t.text = form;
      t.kind = TokenClass::legal_form;
      out.push_back(std::move(t));
      i += words.size();
      continue;
    }
    NameToken t = std::move(tokens[i++]);
    // PT written as letters apart ("P.T. Usha", "P. T. Thomas") is a person's initials; Indonesia
    // writes its form PT or PT.
    const bool initials =
        t.text == "pt" && t.source.size() > 2 && (t.source[1] == '.' || t.source[1] == ' ');
    if (auto it = single_forms().find(t.text); it != single_forms().end() && !initials) {
      t.text = it->second;
      t.kind = is_legal_form(t.text) ? TokenClass::legal_form : TokenClass::ordinary;
    } else if (auto ab = abbreviations().find(t.text); ab != abbreviations().end()) {
      t.text = ab->second;
    } else if (stopwords().count(t.text)) {
      t.kind = TokenClass::stopword;
    } else if (const std::string* folded = folded_with_typo(t.text)) {
      t.text = *folded;
    }
    // A translation's other words fold as words do ("directorate/administration" for
    // управление meets a list's "Directorate", folded to "bureau").
    for (std::string& alternative : t.alternatives)
      if (auto ab = abbreviations().find(alternative); ab != abbreviations().end())
        alternative = ab->second;
    std::erase(t.alternatives, t.text);
    out.push_back(std::move(t));
  }
  tokens = std::move(out);
}

bool closes_acronym(std::string_view legal_form, size_t letters_before) {
  constexpr size_t kMinAcronym = 3;  // letters, the legal form's own included
  return letters_before + 1 >= kMinAcronym && (legal_form == "co" || legal_form == "corp");
}

}  // namespace clearance
