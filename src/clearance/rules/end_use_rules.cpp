// End-use and end-user controls the exporter's knowledge triggers (§§ 744.6, 744.21, 744.22,
// 744.23) and General Prohibition 10 for PRC advanced-computing ICs.
#include <fmt/format.h>

#include "clearance/rules/check_context.h"

namespace clearance::rules {

namespace {

bool covered_on(const CheckContext& ctx, const std::vector<DatedScope>& periods) {
  const DatedScope* current = nullptr;
  for (const DatedScope& s : periods)
    if (s.from <= ctx.date && (!current || s.from > current->from)) current = &s;
  return current && ctx.book.scope_covers_destination(current->scope, ctx.destination, ctx.date);
}

}  // namespace

void check_end_uses(CheckContext& ctx) {
  const auto& groups = ctx.book.groups;
  const bool macau_d5 = groups.macau_or_d5(ctx.destination, ctx.date);
  const std::string& eccn = ctx.eccn;

  if (ctx.has_end_use(end_use::supercomputer)) {
    const bool item =
        eccn_in(eccn, {"3A001", "3A991", "4A994", "5A002", "5A004", "5A992", "4A003", "4A004"}) ||
        !ctx.level.empty();
    if (item && covered_on(ctx, ctx.book.supercomputer_end_use))
      ctx.add(
          {"§ 744.23(a)(1) supercomputer end use", "EAR", "license",
           fmt::format("{} for a supercomputer in {} (≥ 100 FP64 or ≥ 200 FP32 petaflops within "
                       "41,600 ft³)",
                       eccn, ctx.destination),
           "§ 744.23(a)(1); § 772.1 \"supercomputer\"", "87 FR 62186; 88 FR 73458", "2022-10-07",
           "V", false, "presumption of denial", "§ 744.23(d)"});
  }
  if (ctx.has_end_use(end_use::advanced_node_fab) && macau_d5) {
    if (ctx.party_has_footnote("FN5"))
      ctx.out.jurisdiction.push_back(
          "§ 744.23(a)(2)(iv): the party is a Footnote 5 entity, whose own "
          "regime applies instead of § 744.23(a)(2)");
    else
      ctx.add({"§ 744.23(a)(2)(i) advanced-node IC production", "EAR", "license",
               fmt::format("any item subject to the EAR ({}) for developing or producing ICs at an "
                           "advanced-node facility in {}",
                           eccn.empty() ? "EAR99" : eccn, ctx.destination),
               "§ 744.23(a)(2)(i)", "88 FR 73424", "2023-11-17", "V", false,
               ctx.hq_d5
                   ? "presumption of denial"
                   : "presumption of denial (case-by-case where a foreign-made equivalent exists)",
               "§ 744.23(d)"});
  }
  if (ctx.has_end_use(end_use::fab_node_unknown) && macau_d5 &&
      (eccn.rfind("3B", 0) == 0 || eccn.rfind("3C", 0) == 0 || eccn.rfind("3D", 0) == 0 ||
       eccn.rfind("3E", 0) == 0)) {
    ctx.add({"§ 744.23(a)(2)(ii) fab of unknown node", "EAR", "license",
             fmt::format("Category 3 B/C/D/E item ({}) for an IC fab in {} whose node is not known",
                         eccn, ctx.destination),
             "§ 744.23(a)(2)(ii)", "88 FR 73424", "2023-11-17", "V", false, "presumption of denial",
             "§ 744.23(d)"});
  }
  if (!ctx.has_end_use(end_use::advanced_node_fab) && !ctx.has_end_use(end_use::fab_node_unknown) &&
      eccn.rfind("3B", 0) == 0 && macau_d5)
    ctx.flag(
        "record the basis for the fab's node determination (Red Flag 27: a facility connected to "
        "an advanced-node facility counts as one)");
  if (ctx.has_end_use(end_use::sme_development) && eccn != "EAR99" && !eccn.empty() &&
      (macau_d5 || ctx.hq_d5)) {
    ctx.add({macau_d5 ? "§ 744.23(a)(4)(i) SME development"
                      : "§ 744.23(a)(4)(ii) SME development (HQ-D5)",
             "EAR", "license",
             fmt::format("CCL item ({}) for developing or producing semiconductor manufacturing "
                         "equipment {}",
                         eccn, macau_d5 ? "in " + ctx.destination : "by an HQ-D5 entity"),
             macau_d5 ? "§ 744.23(a)(4)(i)" : "§ 744.23(a)(4)(ii)", "89 FR 96790", "2024-12-02",
             "V", false, "presumption of denial", "§ 744.23(d)"});
    ctx.flag("exceptions: only those § 740.2(a)(9)(i) leaves open (GOV)");
  }
  const bool meu_country = ctx.destination == "CN" || ctx.destination == "MM" ||
                           ctx.destination == "KH" || ctx.destination == "NI" ||
                           ctx.destination == "VE";
  const bool ru_by = ctx.destination == "RU" || ctx.destination == "BY";
  if (ctx.has_end_use(end_use::military) || ctx.party_on_list("MEU")) {
    std::string base = eccn;
    const bool supp2 = [&] {
      for (const std::string& e : ctx.book.supp2_part744_eccns)
        if (eccn_in(base, {e.c_str()})) return true;
      return false;
    }();
    if (ru_by || ((meu_country || ctx.party_on_list("MEU")) && (supp2 || !ctx.level.empty()))) {
      ctx.add(
          {"§ 744.21 military end use/user", "EAR", "license",
           ru_by ? fmt::format("any item subject to the EAR for a military end use or user in {}",
                               ctx.destination)
                 : fmt::format("{} (Supp. No. 2 to Part 744) for a military end use or user in {}",
                               eccn, ctx.destination),
           "§ 744.21; " + ctx.book.supp2_part744_citation, "", "", "V", false,
           ru_by ? "policy of denial" : "presumption of denial", "§ 744.21(e)"});
      // § 744.21(c): GOV (§ 740.11(b)(2)(i)-(ii)) is the one exception that overcomes it.
      ctx.out.exceptions.push_back(
          {"GOV", "verify",
           "§ 744.21(c) allows only License Exception GOV for the military end-use rule: items "
           "for US government agencies or personnel (§ 740.11(b)(2)(i)-(ii))",
           "§ 744.21(c); § 740.11(b)(2)(i)-(ii)"});
    }
  }
  if (ctx.has_end_use(end_use::military_intelligence)) {
    const bool country =
        ctx.destination == "BY" || ctx.destination == "MM" || ctx.destination == "KH" ||
        ctx.destination == "CN" || ctx.destination == "RU" || ctx.destination == "VE" ||
        groups.in(ctx.destination, "E:1", ctx.date) || groups.in(ctx.destination, "E:2", ctx.date);
    if (country)
      ctx.add({"§ 744.22 military-intelligence end use/user", "EAR", "license",
               "any item subject to the EAR for a military-intelligence end use or end user",
               "§ 744.22", "", "", "V", false, "presumption of denial", "§ 744.22(e)"});
  }
}

void check_us_person(CheckContext& ctx) {
  const std::string& activity = ctx.tx.us_person_activity;
  if (activity.empty()) return;
  // § 744.6(d)(4): natural US persons working for a company headquartered in the US, A:5 or A:6
  // and not majority-owned by entities headquartered in Macau/D:5 are outside § 744.6(c)(2).
  const std::string& employer = ctx.us_person_employer_hq;
  if (!employer.empty()) {
    const bool allied = employer == "US" || ctx.book.groups.in(employer, "A:5", ctx.date) ||
                        ctx.book.groups.in(employer, "A:6", ctx.date);
    if (allied && !ctx.tx.us_person_employer_d5_owned) {
      ctx.out.jurisdiction.push_back(fmt::format(
          "§ 744.6(d)(4): the US person works for a company headquartered in {} that entities "
          "headquartered in Macau/D:5 do not own a majority of: excluded from § 744.6(c)(2)",
          employer));
      return;
    }
  }
  const bool macau_d5 = ctx.book.groups.macau_or_d5(ctx.destination, ctx.date);
  const bool sme_parameters = is_sme_fdp_item(ctx.eccn) || eccn_in(ctx.eccn, {"3D992", "3E992"});
  if (sme_parameters && macau_d5) {
    if (activity == "service" && !ctx.has_end_use(end_use::advanced_node_fab)) {
      ctx.out.jurisdiction.push_back(
          "§ 744.6(c)(2)(iii): servicing at a facility that is not an "
          "advanced-node fab is excluded (§ 744.6(d)(5))");
    } else {
      ctx.add({"§ 744.6(c)(2)(iii) US-person support", "EAR", "license",
               fmt::format(
                   "a US person {}s an item meeting {} parameters going to {}, whatever the end "
                   "use or end user (the item need not be subject to the EAR)",
                   activity == "service" ? "service" : "facilitate", ctx.eccn, ctx.destination),
               "§ 744.6(c)(2)(iii)", "87 FR 62186; 88 FR 73424", "2022-10-12", "V", false,
               "presumption of denial", "§ 744.6(e)"});
    }
  }
  if (ctx.has_end_use(end_use::advanced_node_fab) && macau_d5 && ctx.hq_d5)
    ctx.add({"§ 744.6(c)(2)(i) US-person support", "EAR", "license",
             "a US person supports IC development or production at an advanced-node facility of an "
             "HQ-D5 entity in Macau/D:5",
             "§ 744.6(c)(2)(i)", "87 FR 62186", "2022-10-12", "V", false, "presumption of denial",
             "§ 744.6(e)"});
  if (employer.empty())
    ctx.flag(
        "§ 744.6(d)(4): natural US persons working for companies headquartered in the US/A:5/A:6 "
        "and not majority-owned by HQ-D5 entities are excluded — state the employer "
        "(--us-person-employer-hq)");
}

void check_gp10(CheckContext& ctx) {
  const auto& chip = ctx.tx.chip;
  if (!chip || (ctx.level != "a" && ctx.level != "b")) return;
  if (!ctx.book.hq_in_macau_or_d5(chip->designer_hq, ctx.date) || ctx.date < ctx.book.gp10_from)
    return;
  if (ctx.has_end_use(end_use::technical_analysis)) {
    ctx.add(
        {"GP10 (technical analysis)", "EAR", "notice",
         fmt::format(
             "{} is a PRC-designed IC meeting 3A090 parameters; BIS will not take enforcement "
             "action against acquisition solely for technical analysis or evaluation — "
             "enforcement discretion, not a license exception: document it and seek legal review",
             chip->name),
         ctx.book.gp10_citation, "", ctx.book.gp10_from, ctx.book.gp10_confidence, false, "", ""});
    return;
  }
  ctx.add({"GP10 risk: PRC advanced-computing IC", "EAR", "license",
           fmt::format(
               "{} is designed by an entity headquartered in {} and meets 3A090 parameters: BIS "
               "presumes it was produced in violation of the EAR, so using, selling, transferring, "
               "financing or servicing it without BIS authorization risks a violation of "
               "General Prohibition 10 (named in the guidance: {}). Authorization required / "
               "legal review",
               chip->name, chip->designer_hq, fmt::join(ctx.book.gp10_named, ", ")),
           ctx.book.gp10_citation, "", ctx.book.gp10_from, ctx.book.gp10_confidence, false,
           "no license exception overcomes GP10", "§ 736.2(b)(10)"});
  ctx.flag(
      "the 2025-05-13 press release first said using Ascend chips anywhere violates US export "
      "controls; BIS softened the wording about a week later, and the guidance kept its list");
}

}  // namespace clearance::rules
