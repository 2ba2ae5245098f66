#include "clearance/rules/entry_policy.h"

#include <algorithm>
#include <cctype>

#include "clearance/rules/check_context.h"
#include "clearance/util/strings.h"

namespace clearance::rules {

namespace {

// The policy terms as the entries write them, typos of the published list included.
struct Term {
  std::string_view written;
  const char* policy;
};
constexpr Term kTerms[] = {
    {"policy of denial", "policy of denial"},
    {"presumption of denial", "presumption of denial"},
    {"presumption for denial", "presumption of denial"},
    {"presumption of approval", "presumption of approval"},
    {"case-by-case", "case-by-case"},
    {"case by case", "case-by-case"},
    {"case-by case", "case-by-case"},
    {"casa-by-case", "case-by-case"},
};

struct Clause {
  size_t begin = 0, end = 0;  // in the text: from its term to the next clause's term
  const char* policy = nullptr;
  std::string scope;  // lower case: the words after the term (and an "apart from …" before it)
};

std::vector<Clause> clauses_of(const std::string& lower) {
  std::vector<Clause> out;
  std::vector<size_t> term_ends;
  for (size_t at = 0; at < lower.size();) {
    size_t best = std::string::npos;
    const Term* term = nullptr;
    for (const Term& t : kTerms)
      if (const size_t found = lower.find(t.written, at); found < best) {
        best = found;
        term = &t;
      }
    if (!term) break;
    out.push_back({best, lower.size(), term->policy, ""});
    at = best + term->written.size();
    term_ends.push_back(at);
  }
  for (size_t i = 0; i < out.size(); ++i) {
    if (i + 1 < out.size()) out[i].end = out[i + 1].begin;
    out[i].scope = lower.substr(term_ends[i], out[i].end - term_ends[i]);
  }
  // "Policy of denial for all items … apart from food and medicine designated as EAR99, which
  // will be reviewed on a case-by-case basis": the exception's scope is written before its term.
  for (size_t i = 1; i < out.size(); ++i)
    if (const size_t apart = out[i - 1].scope.find("apart from"); apart != std::string::npos) {
      out[i].scope = out[i - 1].scope.substr(apart) + " " + out[i].scope;
      out[i - 1].scope.erase(apart);
    }
  return out;
}

// The ECCNs a clause lists, in full: "ECCN 3B001.a.4, .c, .d, f.1.b.2, .k to .p; 3B002.c, 3B993"
// → 3b001.a.4, 3b001.c, 3b001.d, 3b001.f.1.b.2, 3b001.k … 3b001.p, 3b002.c, 3b993.
std::vector<std::string> eccns_of(const std::string& scope) {
  std::vector<std::string> out;
  const size_t from = scope.find("eccn");
  if (from == std::string::npos) return out;
  auto is_eccn = [](std::string_view w) {
    return w.size() >= 5 && std::isdigit(static_cast<unsigned char>(w[0])) && w[1] >= 'a' &&
           w[1] <= 'e' && std::all_of(w.begin() + 2, w.begin() + 5, [](char c) {
             return std::isdigit(static_cast<unsigned char>(c));
           });
  };
  std::string base;
  std::string previous;  // the last paragraph letter, for "… to .p"
  bool range = false;
  for (std::string word : split_trimmed(scope.substr(from), " ")) {
    while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ')'))
      word.pop_back();
    if (word.empty()) continue;
    if (word == "to") {
      range = true;
      continue;
    }
    std::string full;
    if (is_eccn(word)) {
      base = word.substr(0, 5);
      full = word;
    } else if (!base.empty() &&
               (word[0] == '.' || (std::isalpha(static_cast<unsigned char>(word[0])) &&
                                   word.size() > 1 && word[1] == '.'))) {
      full = base + "." + word.substr(word[0] == '.' ? 1 : 0);
    } else {
      range = false;
      continue;
    }
    const char letter = full.size() > 6 ? full[6] : 0;
    if (range && previous.size() > 6 && letter > previous[6] && full.size() == 7)
      for (char c = static_cast<char>(previous[6] + 1); c < letter; ++c)
        out.push_back(base + "." + c);
    range = false;
    out.push_back(full);
    previous = full;
  }
  return out;
}

bool listed(const std::string& eccn, const std::vector<std::string>& eccns) {
  return std::any_of(eccns.begin(), eccns.end(),
                     [&](const std::string& e) { return eccn_within(eccn, e); });
}

bool mentions_any(const std::string& text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return text.find(w) != std::string::npos; });
}

enum class Fit { applies, does_not, unstated, general, otherwise };

// Whether the item and end use meet a clause's scope.
Fit fit(const std::string& scope, const EntryPolicyFacts& facts) {
  const std::string eccn = ascii_lower(facts.eccn);
  const bool known = !eccn.empty();
  const bool ear99 = eccn == "ear99";
  if (mentions_any(scope, {"all other items"})) return Fit::otherwise;
  const std::vector<std::string> eccns = eccns_of(scope);
  if (!eccns.empty() && scope.find("not described") != std::string::npos)
    return !known ? Fit::unstated : listed(eccn, eccns) ? Fit::does_not : Fit::applies;
  if (mentions_any(scope, {"all items"})) return Fit::general;
  if (!eccns.empty()) {
    if (!known) return Fit::unstated;
    if (listed(eccn, eccns)) return Fit::applies;
    // "… and for EAR99 items described in the Note to ECCN 1A995": the note is not read here.
    return ear99 && scope.find("ear99 items described") != std::string::npos ? Fit::unstated
                                                                             : Fit::does_not;
  }
  if (mentions_any(scope, {"200mm", "200 mm"}))
    return facts.facility_200mm ? Fit::applies : Fit::unstated;
  if (mentions_any(scope, {"food", "medicine"})) {
    if (!known) return Fit::unstated;
    if (!ear99) return Fit::does_not;
    return mentions_any(ascii_lower(facts.description), {"food", "medic", "pharma", "drug"})
               ? Fit::applies
               : Fit::unstated;
  }
  if (scope.find("ear99") != std::string::npos)
    return !known ? Fit::unstated : ear99 ? Fit::applies : Fit::does_not;
  if (scope.find("ccl") != std::string::npos)
    return !known ? Fit::unstated : ear99 ? Fit::does_not : Fit::applies;
  if (scope.find("category 5") != std::string::npos)
    return !known ? Fit::unstated : eccn[0] == '5' ? Fit::applies : Fit::does_not;
  // A scope the facts cannot decide (infectious disease, the International Space Station, the
  // safety of civil aviation …) or none at all ("Presumption of denial.", "Case-by-case basis").
  std::string rest = scope;
  for (std::string_view filler : {"review", "basis"})
    if (const size_t at = rest.find(filler); at != std::string::npos && at < 3 + filler.size())
      rest.erase(0, at + filler.size());
  rest = trim_copy(rest);
  return rest.rfind("for ", 0) == 0 ? Fit::unstated : Fit::general;
}

// "See § 744.3(d) of the EAR." → "per § 744.3(d)".
std::string reference_of(std::string_view text) {
  const size_t at = text.find("\xC2\xA7");  // §
  if (at == std::string_view::npos) return "";
  std::string ref(text.substr(at));
  for (std::string_view tail : {" of the EAR", " of this part", " of the ear"})
    if (const size_t t = ref.find(tail); t != std::string::npos) ref.erase(t);
  while (!ref.empty() && (ref.back() == '.' || ref.back() == ')' || ref.back() == ' ')) {
    if (ref.back() == ')' &&
        std::count(ref.begin(), ref.end(), '(') >= std::count(ref.begin(), ref.end(), ')'))
      break;
    ref.pop_back();
  }
  // "§744.3(d)" → "§ 744.3(d)", "§§744.11" → "§§ 744.11"
  size_t marks = 0;
  while (ref.compare(marks, 2, "\xC2\xA7") == 0) marks += 2;
  const bool spaced = marks >= ref.size() || ref[marks] == ' ';
  return "per " + ref.substr(0, marks) + (spaced ? "" : " ") + ref.substr(marks);
}

}  // namespace

EntryPolicyReading read_entry_policy(std::string_view text, const EntryPolicyFacts& facts) {
  EntryPolicyReading out;
  const std::string lower = ascii_lower(text);
  const std::vector<Clause> clauses = clauses_of(lower);
  auto written = [&](const Clause& c) { return trim_copy(text.substr(c.begin, c.end - c.begin)); };
  const Clause *chosen = nullptr, *general = nullptr, *otherwise = nullptr;
  for (const Clause& c : clauses) {
    switch (fit(c.scope, facts)) {
      case Fit::applies:
        if (!chosen) chosen = &c;
        break;
      case Fit::general:
        if (!general) general = &c;
        break;
      case Fit::otherwise:
        if (!otherwise) otherwise = &c;
        break;
      case Fit::unstated:
        out.conditional.push_back(written(c));
        break;
      case Fit::does_not:
        break;
    }
  }
  if (!chosen) chosen = general ? general : otherwise;
  if (chosen) {
    out.policy = chosen->policy;
    out.clause = written(*chosen);
    return out;
  }
  const std::string ref = clauses.empty() ? reference_of(text) : "";
  out.policy = ref.empty() ? "per the entry" : ref;
  return out;
}

}  // namespace clearance::rules
