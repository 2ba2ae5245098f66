// Parties named in the transaction and their owners, screened against the lists: Entity List
// entries bring their license requirement, review policy and FDP footnotes; the Denied Persons
// List prohibits; the Unverified List removes exceptions; SDNs are blocked (OFAC) and, under some
// programs, need an EAR license (§ 744.8); owners bring the Affiliates Rule (when not stayed).
#include <fmt/format.h>

#include <map>
#include <set>

#include "clearance/match/screener.h"
#include "clearance/model/freshness.h"
#include "clearance/rules/check_context.h"
#include "clearance/rules/entry_policy.h"
#include "clearance/util/strings.h"

namespace clearance::rules {

namespace {

std::vector<std::string> footnotes_of(const std::string& requirement) {
  std::vector<std::string> out;
  auto has = [&](const char* s) { return requirement.find(s) != std::string::npos; };
  if (has("734.9(e)(1)") || has("736.2(b)(3)(vi)")) out.push_back("FN1");
  if (has("734.9(g)") || has("746.8(a)(3)")) out.push_back("FN3");
  if (has("734.9(e)(2)") || has("744.11(a)(2)(iv)")) out.push_back("FN4");
  if (has("734.9(e)(3)") || has("744.11(a)(2)(v)")) out.push_back("FN5");
  return out;
}

// An entry's review policy for this item and end use: the clause whose scope they meet
// (entry_policy.h), in the policy's own words; clauses that would apply on a fact the transaction
// does not state are flagged. Below-5G items for a footnote 1 entity are case-by-case whatever
// the entry's clauses (§ 744.11(a)(2)(i)).
struct AppliedPolicy {
  std::string policy;
  std::string citation;
  std::string why;  // for the finding's summary: the entry's text and the clause applied
};
AppliedPolicy apply_entry_policy(CheckContext& ctx, const std::string& entry,
                                 const std::string& text, bool fn1) {
  const std::string as_written =
      text.empty() ? "" : fmt::format("; the entry's review policy: \"{}\"", text);
  if (fn1 && ctx.has_end_use(end_use::below_5g))
    return {"case-by-case", "§ 744.11(a)(2)(i)",
            as_written + "; case-by-case for items capable of supporting below-5G telecom"};
  const EntryPolicyReading r = read_entry_policy(
      text, {ctx.eccn, ctx.tx.description, ctx.has_end_use(end_use::facility_200mm)});
  for (const std::string& clause : r.conditional)
    ctx.flag(
        fmt::format("Entity List entry \"{}\": \"{}\" — if that is so, this clause sets the "
                    "review policy",
                    entry, clause));
  const bool part = !r.clause.empty() && r.clause != trim(text);
  return {r.policy, "§ 744.16(c) (the entry's policy)",
          as_written + (part ? fmt::format(" (the clause that applies: \"{}\")", r.clause) : "")};
}

std::string listed(const PartyMatch& p) {
  return fmt::format("\"{}\" matched {} entry \"{}\" (score {:.2f}{})", p.query, p.list, p.name,
                     p.score, p.matched_name != p.name ? ", via \"" + p.matched_name + "\"" : "");
}

// OFAC's lists other than the SDN List: restrictions on US persons' dealings, not on exports.
struct OfacNonSdn {
  const char* list;
  const char* restriction;
  const char* citation;
};
const OfacNonSdn* ofac_non_sdn(const std::string& list) {
  static constexpr OfacNonSdn kLists[] = {
      {"CMIC",
       "Chinese Military-Industrial Complex company: US persons may not buy or sell its publicly "
       "traded securities (or securities derived from them); an investment ban, not an export "
       "restriction",
       "EO 13959 as amended by EO 14032; 31 CFR Part 586"},
      {"SSI",
       "Sectoral Sanctions Identification: the directive named in the listing restricts US "
       "persons' dealings in new debt or equity (or energy projects); other dealings are allowed",
       "EO 13662 directives; 31 CFR Part 589"},
      {"FSE",
       "Foreign Sanctions Evader: transactions by US persons, or within the United States, "
       "involving the person are prohibited",
       "EO 13608"},
      {"CAP",
       "CAPTA List: US financial institutions may not open or keep correspondent or "
       "payable-through accounts for it, or only under the stated conditions",
       "31 CFR Part 561"},
  };
  for (const OfacNonSdn& l : kLists)
    if (list == l.list) return &l;
  return nullptr;
}

bool is_prc_list(const std::string& list, const Rulebook& book) {
  return book.prc_lists.count(list) > 0;
}

}  // namespace

void screen_parties(CheckContext& ctx, const Screener* screener, float threshold,
                    int max_list_age_days) {
  const Transaction& tx = ctx.tx;
  if (tx.parties.empty() && tx.owners.empty())
    ctx.ask(
        "Who are the purchaser, intermediate and ultimate consignees and end user? Name them "
        "(--party) so they are screened");
  if (!tx.names_anyone()) return;
  if (!screener) {
    ctx.flag("parties were not screened: no list snapshot is loaded (clearance lists import)");
    return;
  }
  // A list published long before the transaction cannot clear a party listed since.
  for (std::string& w :
       freshness_warnings(screener->index().snapshot(), today_utc(), max_list_age_days, ctx.date))
    ctx.flag(std::move(w));
  ScreenSession session;
  ScreenOptions options;
  options.threshold = threshold;
  options.limit = 5;
  auto screen_one = [&](const std::string& name, const std::string& role) {
    ScreenQuery q;
    q.name = name;
    const ScreenResult result = screener->screen(q, options, session);
    const Snapshot& snapshot = screener->index().snapshot();
    // Every listing of every matched party: an owner whose best-scoring record is a CMIC row is
    // still the Entity List entry its other records are.
    for (const Hit& hit : result.hits) {
      std::vector<const Entity*> records = {hit.entity};
      if (hit.party) {
        records.clear();
        for (uint32_t m : hit.party->members) records.push_back(&snapshot.entities[m]);
      }
      for (const Entity* e : records) {
        PartyMatch m{name,
                     role,
                     hit.party ? hit.party->id : e->id,
                     e->id,
                     e->name,
                     hit.matched_name(),
                     e->list,
                     hit.score,
                     e->license_requirement,
                     e->license_policy,
                     e->federal_register_notice,
                     footnotes_of(e->license_requirement),
                     e->programs,
                     e->listed_on,
                     e->end_date};
        ctx.out.parties.push_back(std::move(m));
      }
    }
  };
  for (const std::string& p : tx.parties) screen_one(p, "party");
  for (const Owner& o : tx.owners) screen_one(o.name, "owner");
  if (!tx.exporter.empty()) screen_one(tx.exporter, "exporter");
  if (!tx.seller.empty()) screen_one(tx.seller, "seller");
}

namespace {

// The exporter or seller: a denial order or a blocking forbids the transaction whatever the
// role; the Entity List binds the purchaser, consignees and end user (§ 748.5(c)-(f)), so an
// entry in another role is a red flag to resolve, not a license requirement.
void check_trade_role(CheckContext& ctx, const PartyMatch& p, std::set<std::string>& seen) {
  if (!seen.insert(p.role + '\n' + p.list + '\n' + p.party_id).second) return;
  if (p.list == "DPL" && !(!p.end_date.empty() && p.end_date < ctx.date)) {
    ctx.add({fmt::format("Denied Persons List: {} ({})", p.name, p.role), "EAR", "prohibited",
             fmt::format("the {} {}: a denial order bars participation in any transaction "
                         "involving items subject to the EAR",
                         p.role, listed(p)),
             "§ 736.2(b)(4) (General Prohibition 4); Part 764", p.federal_register, "", "V", false,
             "prohibited", "Part 764"});
  } else if (p.list == "SDN") {
    ctx.add({fmt::format("OFAC SDN: {} ({})", p.name, p.role), "OFAC", "prohibited",
             fmt::format("the {} {}: property and interests of the blocked person; US persons "
                         "may not deal with it",
                         p.role, listed(p)),
             "31 CFR Chapter V", "", "", "V", false, "prohibited (OFAC license only)", ""});
  } else if (p.list == "EL" || p.list == "MEU" || p.list == "UVL") {
    ctx.flag(fmt::format(
        "the {} {}: the {} binds a purchaser, consignee or end user (§ 748.5(c)-(f)), not the "
        "{}; a red flag to resolve before shipping (Supp. No. 3 to Part 732)",
        p.role, listed(p), p.list, p.role));
  }
}

}  // namespace

void check_parties(CheckContext& ctx) {
  const bool subject = ctx.out.subject_to_ear != Answer::no;
  // One finding per name, list and party (a party's records repeat its entry: the CSL's copy of
  // an SDN, the Entity List's rows per address).
  std::set<std::string> seen;
  for (const PartyMatch& p : ctx.out.parties) {
    if (p.role == "exporter" || p.role == "seller") {
      check_trade_role(ctx, p, seen);
      continue;
    }
    if (p.role != "party") continue;
    if (!seen.insert(p.query + '\n' + p.list + '\n' + p.party_id).second) continue;
    if (p.list == "EL" && subject) {
      const bool fn1 =
          std::find(p.footnotes.begin(), p.footnotes.end(), "FN1") != p.footnotes.end();
      const bool all_items =
          ascii_lower(p.license_requirement).find("all items") != std::string::npos;
      std::string citation = "§ 744.11; § 744.16";
      if (!p.footnotes.empty())
        citation += fmt::format(" (footnotes {}: § 734.9(e)/(g) foreign-direct-product scope)",
                                join(p.footnotes, ", "));
      const AppliedPolicy policy = apply_entry_policy(ctx, p.name, p.license_policy, fn1);
      ctx.add({"Entity List: " + p.name, "EAR", all_items ? "license" : "indeterminate",
               listed(p) + "; license requirement: " +
                   (p.license_requirement.empty() ? "not given" : p.license_requirement) +
                   policy.why,
               citation, p.federal_register, "", "V", fn1, policy.policy, policy.citation});
      if (!all_items)
        ctx.ask(fmt::format("Is {} among the items the Entity List entry for {} names?", ctx.eccn,
                            p.name));
      if (fn1)
        ctx.flag("Footnote 1 (§ 734.9(e)(1)): license exceptions are available subject to § 740.2");
      else
        ctx.flag("Entity List: no license exceptions unless the entry says so (§ 744.16(b))");
    } else if (p.list == "DPL" && !p.end_date.empty() && p.end_date < ctx.date) {
      // A denial order binds for its term: one that ended before the transaction date bars
      // nothing (the list may still carry the row until its next edition).
      ctx.flag(fmt::format(
          "{}: the denial order ended {}, before the transaction date; not a prohibition (check "
          "the Federal Register for a renewal or a new order)",
          listed(p), p.end_date));
    } else if (p.list == "DPL") {
      ctx.add({"Denied Persons List: " + p.name, "EAR", "prohibited",
               listed(p) + ": a denial order bars participation in any transaction involving items "
                           "subject to the EAR",
               "§ 736.2(b)(4) (General Prohibition 4); Part 764", p.federal_register, "", "V",
               false, "prohibited", "Part 764"});
    } else if (p.list == "UVL" && subject) {
      ctx.add({"Unverified List: " + p.name, "EAR", "notice",
               listed(p) +
                   ": obtain a signed UVL statement from the party before shipping (and keep a "
                   "log when one statement covers several shipments); no license exceptions",
               "§ 744.15(b); § 740.2(a)(17)", p.federal_register, "", "V", false, "", ""});
      ctx.out.exceptions.push_back(
          {"all", "not available", "a party is on the Unverified List", "§ 740.2(a)(17)"});
    } else if (p.list == "SDN") {
      ctx.add(
          {"OFAC SDN: " + p.name, "OFAC", "prohibited",
           listed(p) +
               ": property and interests of the blocked person; US persons may not deal with it",
           "31 CFR Chapter V", "", "", "V", false, "prohibited (OFAC license only)", ""});
      for (const std::string& program : p.programs)
        if (ctx.book.sdn_744_8_programs.count(program) && subject)
          ctx.add({"§ 744.8 SDN party", "EAR", "license",
                   fmt::format("an SDN designated under {} is a party", program), "§ 744.8", "", "",
                   "V", false, "policy of denial", "§ 744.8(c)"});
    } else if (p.list == "MEU") {
      // § 744.21: applied with the end-use rules.
    } else if (const OfacNonSdn* ofac = ofac_non_sdn(p.list)) {
      ctx.add({fmt::format("OFAC {}: {}", p.list, p.name), "OFAC", "notice",
               fmt::format("{}: {}", listed(p), ofac->restriction), ofac->citation,
               p.federal_register, "", "V", true, "", ""});
    } else if (!is_prc_list(p.list, ctx.book)) {
      ctx.add({"listed: " + p.name, "EAR", "notice",
               listed(p) + ": review the listing's restrictions", "", p.federal_register, "", "V",
               true, "", ""});
    }
  }

  // Owners: the OFAC 50 Percent Rule, and the BIS Affiliates Rule when it is in force.
  std::map<std::string, double> percent_by_list;
  std::map<std::string, std::vector<const PartyMatch*>> owners_by_list;
  for (const Owner& o : ctx.tx.owners) {
    // The owner is the best-matching party; its share counts once on each list it is on.
    const std::string* owner_party = nullptr;
    std::set<std::string> counted;
    for (const PartyMatch& p : ctx.out.parties) {
      if (p.role != "owner" || p.query != o.name) continue;
      if (!owner_party) owner_party = &p.party_id;
      if (p.party_id != *owner_party || !counted.insert(p.list).second) continue;
      percent_by_list[p.list] += o.percent;
      owners_by_list[p.list].push_back(&p);
    }
  }
  const auto& rule = ctx.book.affiliates;
  if (percent_by_list["SDN"] >= 50) {
    ctx.add({"OFAC 50 Percent Rule", "OFAC", "prohibited",
             fmt::format("the party is {:g} % owned by SDN(s) ({}): blocked by operation of the 50 "
                         "Percent Rule, whether or not it is listed",
                         percent_by_list["SDN"], owners_by_list["SDN"].front()->name),
             "31 CFR Chapter V; OFAC 50 Percent Rule guidance", "", "", "S", false, "prohibited",
             ""});
    if (rule.status_on(ctx.date) == "stayed")
      ctx.out.jurisdiction.push_back(
          fmt::format("the EAR's § 744.8 extension to 50 %-owned entities is stayed ({} to {}, "
                      "{}); OFAC blocking "
                      "still governs",
                      rule.stayed_from, rule.stayed_until, rule.stay_fr));
  }
  for (const char* list : {"EL", "MEU"}) {
    const double pct = percent_by_list[list];
    if (pct < rule.ownership_percent || !subject) continue;
    const PartyMatch& owner = *owners_by_list[list].front();
    const std::string status = rule.status_on(ctx.date);
    if (status == "active") {
      const bool go7 = ctx.date <= rule.general_order_7_until && [&] {
        for (const std::string& g : rule.general_order_7_groups)
          if (ctx.book.groups.in(ctx.destination, g, ctx.date)) return true;
        return false;
      }();
      const AppliedPolicy policy = apply_entry_policy(ctx, owner.name, owner.license_policy, false);
      ctx.add({fmt::format("Affiliates Rule ({} owner)", list), "EAR", "license",
               fmt::format(
                   "the party is {:g} % owned by {} entry \"{}\": it takes on the owner's "
                   "requirement ({}){}",
                   pct, list, owner.name,
                   owner.license_requirement.empty() ? "per the entry" : owner.license_requirement,
                   ctx.date > rule.stayed_until ? " — the stay ended " + rule.stayed_until +
                                                      "; confirm no extension has been published"
                                                : "") +
                   policy.why,
               rule.citation, rule.fr, rule.effective, "V", false, policy.policy, policy.citation});
      if (go7)
        ctx.flag(
            "Temporary General License (General Order No. 7) may cover affiliates located in "
            "A:5/A:6 until " +
            rule.general_order_7_until);
      else if (ctx.date <= rule.general_order_7_until)
        ctx.flag("General Order No. 7 does not cover this affiliate (not located in A:5/A:6)");
    } else if (status == "stayed") {
      ctx.flag(
          fmt::format("due-diligence red flag: the party is {:g} % owned by {} entry \"{}\"; the "
                      "Affiliates Rule is stayed from {} to {} ({}) and brings no requirement on "
                      "this date",
                      pct, list, owner.name, rule.stayed_from, rule.stayed_until, rule.stay_fr));
    } else {
      ctx.flag(
          fmt::format("the party is {:g} % owned by {} entry \"{}\"; before {} unlisted "
                      "subsidiaries were not covered unless separately listed",
                      pct, list, owner.name, rule.effective));
    }
  }
  for (const auto& [list, pct] : percent_by_list)
    if (pct > 0 && pct < rule.ownership_percent && (list == "EL" || list == "MEU" || list == "SDN"))
      ctx.flag(
          fmt::format("listed owners ({}) hold {:g} % in aggregate, below {:g} %: confirm the "
                      "ownership (Red Flag 29)",
                      list, pct, rule.ownership_percent));
}

}  // namespace clearance::rules
