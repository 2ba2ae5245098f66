#include "clearance/rules/rulebook.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "clearance/rules/embedded_data.h"
#include "clearance/util/dates.h"
#include "clearance/util/file_io.h"

namespace clearance::rules {

using nlohmann::json;

namespace {

// A field that is missing or of the wrong type: the message names its JSON path.
struct FieldError {
  std::string path;
  std::string message;
};

// Reads one JSON object, remembering where it is so that errors can say so.
class Reader {
 public:
  Reader(const json& node, std::string path) : node_(node), path_(std::move(path)) {
    if (!node_.is_object()) throw FieldError{path_, "expected an object"};
  }
  bool has(const char* key) const { return node_.contains(key) && !node_.at(key).is_null(); }
  std::string str(const char* key) const {
    const json& v = need(key);
    if (!v.is_string()) throw FieldError{at(key), "expected a string"};
    return v.get<std::string>();
  }
  std::string str_or(const char* key, std::string fallback = {}) const {
    return has(key) ? str(key) : std::move(fallback);
  }
  std::string date(const char* key) const {
    std::string d = str(key);
    if (!is_iso_day(d)) throw FieldError{at(key), "expected a date YYYY-MM-DD, got \"" + d + "\""};
    return d;
  }
  std::string date_or(const char* key) const { return has(key) ? date(key) : std::string(); }
  double num(const char* key) const {
    const json& v = need(key);
    if (!v.is_number()) throw FieldError{at(key), "expected a number"};
    return v.get<double>();
  }
  double num_or(const char* key, double fallback) const { return has(key) ? num(key) : fallback; }
  bool flag(const char* key) const {
    if (!has(key)) return false;
    const json& v = node_.at(key);
    if (!v.is_boolean()) throw FieldError{at(key), "expected true or false"};
    return v.get<bool>();
  }
  std::vector<std::string> strings(const char* key) const {
    std::vector<std::string> out;
    if (!has(key)) return out;
    const json& v = node_.at(key);
    if (!v.is_array()) throw FieldError{at(key), "expected an array of strings"};
    for (size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_string())
        throw FieldError{fmt::format("{}[{}]", at(key), i), "expected a string"};
      out.push_back(v[i].get<std::string>());
    }
    return out;
  }
  Reader object(const char* key) const { return Reader(need(key), at(key)); }
  // The elements of an array of objects, each a Reader that knows its path ("$.x.y[3]").
  std::vector<Reader> objects(const char* key) const {
    const json& v = need(key);
    if (!v.is_array()) throw FieldError{at(key), "expected an array"};
    std::vector<Reader> out;
    for (size_t i = 0; i < v.size(); ++i) out.emplace_back(v[i], fmt::format("{}[{}]", at(key), i));
    return out;
  }
  std::string at(const char* key) const { return path_ + "." + key; }
  const json& node() const { return node_; }
  const std::string& path() const { return path_; }

 private:
  const json& need(const char* key) const {
    if (!has(key)) throw FieldError{at(key), "missing"};
    return node_.at(key);
  }
  const json& node_;
  std::string path_;
};

std::set<std::string> to_set(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

DatedCitation dated_citation(const Reader& r) {
  return {r.date("from"), r.str("citation"), r.str_or("fr"), r.str_or("confidence", "V")};
}

void read_groups(const Reader& root, Rulebook& book) {
  const Reader g = root.object("country_groups");
  book.groups.as_of = g.date("as_of");
  book.groups.citation = g.str("citation");
  const Reader members = g.object("members");
  for (const auto& [group, list] : members.node().items())
    book.groups.members[group] = to_set(members.strings(group.c_str()));
  for (const char* needed : {"A:5", "A:6", "D:1", "D:4", "D:5", "E:1", "E:2"})
    if (!book.groups.members.count(needed))
      throw FieldError{members.at(needed), "missing (the engine needs this group)"};
  for (const Reader& c : g.objects("changes")) {
    book.groups.changes.push_back({c.date("date"), c.str("country"), c.strings("added"),
                                   c.strings("removed"), c.str("citation")});
  }
  for (const Reader& s : g.objects("same_as")) {
    book.groups.same_as[s.str("country")] = s.str("treated_as");
  }
}

void read_chart(const Reader& root, Rulebook& book) {
  const Reader c = root.object("country_chart");
  book.chart.as_of = c.date("as_of");
  book.chart.citation = c.str("citation");
  const Reader columns = c.object("columns");
  for (const auto& [column, body] : columns.node().items()) {
    const Reader col(body, columns.at(column.c_str()));
    book.chart.all_except[column] = to_set(col.strings("all_except"));
  }
  const Reader embargoed = c.object("embargoed");
  for (const auto& [country, pointer] : embargoed.node().items())
    book.chart.embargoed[country] = embargoed.str(country.c_str());
  const Reader rb = c.object("russia_belarus");
  book.chart.russia_belarus = to_set(rb.strings("countries"));
  book.chart.russia_belarus_citation = rb.str("citation");
  book.chart.russia_belarus_from = rb.date("from");
}

void read_supplements(const Reader& root, Rulebook& book) {
  const Reader s = root.object("supplements");
  const Reader s4 = s.object("supp4_part742");
  book.supp4_part742 = to_set(s4.strings("countries"));
  book.supp4_citation = s4.str("citation");
  const Reader s5 = s.object("supp5a_part740");
  book.supp5a_part740 = to_set(s5.strings("countries"));
  book.supp5a_citation = s5.str("citation");
  const Reader s8 = s.object("supp8_part740");
  book.supp8_from = s8.date("from");
  book.supp8_citation = s8.str("citation");
  book.supp8_entities = s8.strings("entities");
  const Reader s2 = s.object("supp2_part744_items");
  book.supp2_part744_eccns = to_set(s2.strings("eccns"));
  book.supp2_part744_citation = s2.str("citation");
}

void read_classification(const Reader& root, Rulebook& book) {
  const Reader c = root.object("classification");
  const Reader a = c.object("3A090_2022");
  book.t2022 = {a.date("from"),    a.date("to"), a.num("tpp"),       a.num("io_gbps"),
                a.str("citation"), a.str("fr"),  a.str("confidence")};
  const Reader b = c.object("3A090_2023");
  Thresholds2023& t = book.t2023;
  t.from = b.date("from");
  t.a1_tpp = b.num("a1_tpp");
  t.a2_tpp = b.num("a2_tpp");
  t.a2_pd = b.num("a2_pd");
  t.b1_tpp_min = b.num("b1_tpp_min");
  t.b1_tpp_max = b.num("b1_tpp_max");
  t.b1_pd_min = b.num("b1_pd_min");
  t.b1_pd_max = b.num("b1_pd_max");
  t.b2_tpp = b.num("b2_tpp");
  t.b2_pd_min = b.num("b2_pd_min");
  t.b2_pd_max = b.num("b2_pd_max");
  t.note2_tpp = b.num("note2_tpp");
  t.citation = b.str("citation");
  t.fr = b.str("fr");
  t.confidence = b.str("confidence");
  const Reader h = c.object("3A090c");
  book.hbm = {h.date("from"),    h.date("compliance"), h.num("mbd"),
              h.str("citation"), h.str("fr"),          h.str("confidence")};
  const Reader p = c.object("3A991p");
  book.t3a991p = {p.num("tops"), p.num("io_gbps"), p.str("citation"), p.str("confidence"),
                  p.str_or("date_note")};
}

void read_advanced(const Reader& root, Rulebook& book) {
  const Reader a = root.object("advanced_computing");
  AdvancedComputing& ac = book.advanced;
  for (const Reader& s : a.objects("scopes")) {
    ScopeRule rule;
    rule.tier = s.str("tier");
    if (rule.tier != "a" && rule.tier != "b" && rule.tier != "c")
      throw FieldError{s.at("tier"), "expected \"a\", \"b\" or \"c\""};
    rule.from = s.date("from");
    rule.compliance = s.date_or("compliance");
    rule.mode = s.str_or("mode");
    if (!rule.mode.empty() && rule.mode != "text")
      throw FieldError{s.at("mode"), "expected \"text\" or no mode"};
    rule.scope = s.strings("scope");
    rule.unless_supp8 = s.flag("unless_supp8");
    rule.citation = s.str("citation");
    rule.hq_citation = s.str_or("hq_citation", rule.citation);
    rule.fr = s.str("fr");
    rule.confidence = s.str("confidence");
    ac.scopes.push_back(std::move(rule));
  }
  const Reader d = a.object("ai_diffusion");
  ac.ai_diffusion_effective = d.date("effective");
  ac.ai_diffusion_compliance = d.date("compliance");
  ac.ai_diffusion_not_enforced_from = d.date("not_enforced_from");
  ac.ai_diffusion_fr = d.str("fr");
  ac.ai_diffusion_statement = d.str("statement");
  ac.lpp_tpp_per_year = d.num("lpp_tpp_per_year");
  ac.nac = dated_citation(a.object("nac"));
  ac.nac_notice_days = static_cast<int>(a.object("nac").num_or("notice_days", 25));
  ac.aca = dated_citation(a.object("aca"));
  ac.hbm_exception = dated_citation(a.object("hbm_exception"));
  ac.fdp_worldwide_text = dated_citation(a.object("fdp_worldwide_text"));
  ac.hbm_exception_mbd_below = a.object("hbm_exception").num("mbd_below");
  const Reader cbc = a.object("case_by_case_2026");
  ac.case_by_case_2026 = dated_citation(cbc);
  ac.cbc_tpp_below = cbc.num("tpp_below");
  ac.cbc_dram_bandwidth_below = cbc.num("dram_bandwidth_below_gbps");
  ac.policy_citation = a.str("policy_citation");
}

void read_events(const Reader& root, Rulebook& book) {
  const Reader e = root.object("events");
  const Reader af = e.object("affiliates_rule");
  AffiliatesRule& r = book.affiliates;
  r.effective = af.date("effective");
  r.stayed_from = af.date("stayed_from");
  r.stayed_until = af.date("stayed_until");
  r.ownership_percent = af.num("ownership_percent");
  r.fr = af.str("fr");
  r.stay_fr = af.str("stay_fr");
  r.citation = af.str("citation");
  r.general_order_7_until = af.date("general_order_7_until");
  r.general_order_7_groups = af.strings("general_order_7_groups");
  const Reader gp = e.object("gp10_guidance");
  book.gp10_from = gp.date("from");
  book.gp10_citation = gp.str("citation");
  book.gp10_named = gp.strings("named");
  book.gp10_confidence = gp.str("confidence");
  for (const Reader& s : e.objects("supercomputer_end_use")) {
    book.supercomputer_end_use.push_back({s.date("from"), s.strings("scope"), s.str("fr")});
  }
  for (const Reader& l : e.objects("is_informed_letters")) {
    book.letters.push_back({l.str("exporter"), l.strings("items"), l.date("from"),
                            l.strings("scope"), l.str("citation"), l.str("confidence")});
  }
}

void read_prc(const Reader& root, Rulebook& book) {
  for (const Reader& m : root.objects("prc_measures")) {
    PrcMeasure p;
    p.id = m.str("id");
    p.items = m.strings("items");
    p.any_dual_use = m.flag("any_dual_use");
    p.destinations = m.strings("destinations");
    p.end_user_military_of = m.strings("end_user_military_of");
    p.extraterritorial = m.flag("extraterritorial");
    p.min_content_percent = m.num_or("min_content_percent", 0);
    p.effective = m.date("effective");
    p.suspended_from = m.date_or("suspended_from");
    p.suspended_until = m.date_or("suspended_until");
    p.suspension = m.str_or("suspension");
    p.extension_announced = m.date_or("extension_announced");
    p.effect = m.str("effect");
    if (p.effect != "license" && p.effect != "denial" && p.effect != "prohibited")
      throw FieldError{m.at("effect"), "expected license, denial or prohibited"};
    p.summary = m.str("summary");
    book.prc_measures.push_back(std::move(p));
  }
  book.prc_dual_use_items = root.strings("prc_dual_use_items");
  const Reader lists = root.object("prc_lists");
  for (const auto& [code, body] : lists.node().items()) {
    const Reader l(body, lists.at(code.c_str()));
    book.prc_lists[code] = {l.str("name"), l.str("effect"), l.str("citation")};
  }
}

}  // namespace

std::string CountryGroups::canonical(std::string_view country) const {
  auto it = same_as.find(std::string(country));
  return it == same_as.end() ? std::string(country) : it->second;
}

std::set<std::string> CountryGroups::groups_of(std::string_view country,
                                               std::string_view date) const {
  const std::string cc = canonical(country);
  std::set<std::string> out;
  for (const auto& [group, codes] : members)
    if (codes.count(cc)) out.insert(group);
  // Undo, newest first, every change that happened after the date.
  std::vector<const GroupChange*> later;
  for (const GroupChange& c : changes)
    if (c.country == cc && c.date > date) later.push_back(&c);
  std::sort(later.begin(), later.end(),
            [](const GroupChange* a, const GroupChange* b) { return a->date > b->date; });
  for (const GroupChange* c : later) {
    for (const std::string& g : c->added) out.erase(g);
    for (const std::string& g : c->removed) out.insert(g);
  }
  return out;
}

bool CountryGroups::in(std::string_view country, std::string_view group,
                       std::string_view date) const {
  return groups_of(country, date).count(std::string(group)) > 0;
}

bool CountryGroups::d_scope(std::string_view country, std::string_view date) const {
  const auto g = groups_of(country, date);
  const bool d = g.count("D:1") || g.count("D:4") || g.count("D:5");
  const bool a = g.count("A:5") || g.count("A:6");
  return d && !a;
}

bool CountryGroups::macau_or_d5(std::string_view country, std::string_view date) const {
  return canonical(country) == "MO" || in(country, "D:5", date);
}

bool CountryChart::has_x(std::string_view column, std::string_view country) const {
  if (embargoed.count(std::string(country))) return false;
  auto it = all_except.find(std::string(column));
  if (it == all_except.end()) return false;
  if (it->second.count("*")) return false;
  return it->second.count(std::string(country)) == 0;
}

const ScopeRule* AdvancedComputing::scope_for(std::string_view tier, std::string_view date,
                                              bool text) const {
  const ScopeRule* best = nullptr;
  for (const ScopeRule& r : scopes) {
    if (r.tier != tier || r.from > date) continue;
    if (!text && r.mode == "text") continue;
    // In text mode a text-only entry beats an enforced one from the same date.
    if (!best || r.from > best->from || (r.from == best->from && text && r.mode == "text"))
      best = &r;
  }
  return best;
}

std::string AffiliatesRule::status_on(std::string_view date) const {
  if (date < effective) return "not yet in force";
  if (date >= stayed_from && date <= stayed_until) return "stayed";
  return "active";
}

bool Rulebook::scope_covers_destination(const std::vector<std::string>& scope,
                                        std::string_view country, std::string_view date) const {
  const std::string cc = groups.canonical(country);
  for (const std::string& s : scope) {
    if (s == "worldwide" && cc != "US") return true;
    if (s == "d_scope" && groups.d_scope(cc, date)) return true;
    if (s == "macau_d5" && groups.macau_or_d5(cc, date)) return true;
    if (s == cc) return true;
  }
  return false;
}

bool Rulebook::hq_in_macau_or_d5(std::string_view hq, std::string_view date) const {
  return !hq.empty() && groups.macau_or_d5(hq, date);
}

Result<Rulebook> Rulebook::parse(std::string_view json_text, std::string_view source_name) {
  json root;
  try {
    root = json::parse(json_text);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for 1e99999
    return make_error(ErrorCode::parse,
                      fmt::format("{}: not valid JSON: {}", source_name, e.what()));
  }
  try {
    const Reader r(root, "$");
    Rulebook book;
    book.version = r.str("version");
    book.law_as_of = r.date("law_as_of");
    read_groups(r, book);
    read_chart(r, book);
    read_supplements(r, book);
    read_classification(r, book);
    read_advanced(r, book);
    read_events(r, book);
    book.sdn_744_8_programs = to_set(r.strings("sdn_744_8_programs"));
    read_prc(r, book);
    return book;
  } catch (const FieldError& e) {
    return make_error(ErrorCode::parse, fmt::format("{}: {}: {}", source_name, e.path, e.message));
  }
}

Result<Rulebook> Rulebook::load_file(const std::string& path) {
  auto text = read_file(path);
  if (!text) return text.error();
  return parse(text.value(), path);
}

const Rulebook& Rulebook::builtin() {
  static const Rulebook book = [] {
    auto parsed = parse(embedded_rulebook(), "data/rules/rulebook.json (built in)");
    if (!parsed) {
      // The build embeds a file the tests have parsed; failing here is a packaging bug.
      fmt::print(stderr, "fatal: {}\n", parsed.error().message);
      std::abort();
    }
    return std::move(parsed.value());
  }();
  return book;
}

}  // namespace clearance::rules
