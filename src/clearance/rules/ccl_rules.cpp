// License requirements from the CCL and the Country Chart for items other than 3A090/4A090
// (the SME entries with their own destination scope, Chart columns), and the Part 746 embargoes.
#include <fmt/format.h>

#include "clearance/rules/check_context.h"

namespace clearance::rules {

namespace {

// Reasons for control (Country Chart columns) of the entries the engine knows. Items under
// 3A090/4A090 and the SME set have their own scopes and are handled elsewhere.
struct EccnColumns {
  const char* eccn;
  std::initializer_list<const char*> columns;
};
const EccnColumns kColumns[] = {
    {"3A991", {"AT 1"}},
    {"3A992", {"AT 1"}},
    {"4A994", {"AT 1"}},
    {"5A991", {"AT 1"}},
    {"5A992", {"AT 1"}},
    {"3B991", {"AT 1"}},
    {"3B992", {"AT 1"}},
    {"3B001", {"NS 2", "AT 1"}},
    {"3B002", {"NS 2", "AT 1"}},
    {"2B001", {"NS 2", "AT 1"}},
    // 3E001: NS Column 1 (technology for 3A001–3A003, 3B001, 3B002, 3C001–3C006) and AT 1; its
    // MT, NP and RS rows depend on the commodity the technology is for (flagged below).
    {"3E001", {"NS 1", "AT 1"}},
};

const EccnColumns* columns_of(const std::string& eccn) {
  for (const EccnColumns& e : kColumns)
    if (eccn_in(eccn, {e.eccn})) return &e;
  return nullptr;
}

// 4E091, the weights of a model trained with 10^26 operations or more (AI Diffusion, 90 FR 4544):
// the text requires a license to every destination (§ 742.6(a)(13)); BIS has not enforced it
// since 2025-05-13. ENFORCED mode answers with the enforcement and reports the text; TEXT mode
// the other way round.
void model_weights_rule(CheckContext& ctx) {
  const auto& ac = ctx.book.advanced;
  if (ctx.date < ac.ai_diffusion_effective) {
    ctx.out.jurisdiction.push_back(fmt::format(
        "4E091 did not exist before {} ({}): the weights are classified under the entry that "
        "described them then",
        ac.ai_diffusion_effective, ac.ai_diffusion_fr));
    return;
  }
  const bool compliance_due = ctx.date >= ac.ai_diffusion_compliance;
  const std::string text = fmt::format(
      "§ 742.6(a)(13) requires a license for 4E091 to every destination ({}; compliance from {}); "
      "presumption of denial for end users headquartered outside the Supp. No. 5(a) countries "
      "(§ 742.6(b)(14))",
      ac.ai_diffusion_fr, ac.ai_diffusion_compliance);
  const bool enforced_now = ctx.date < ac.ai_diffusion_not_enforced_from;
  if (ctx.tx.text_mode) {
    if (compliance_due)
      ctx.add({"4E091 model weights (text)", "EAR", "license", text,
               "§ 742.6(a)(13); § 742.6(b)(14)", ac.ai_diffusion_fr, ac.ai_diffusion_effective, "V",
               true, "presumption of denial outside Supp. No. 5(a)", "§ 742.6(b)(14)"});
    else
      ctx.out.jurisdiction.push_back(
          fmt::format("4E091: {} — compliance was not yet required on {}", text, ctx.date));
    if (!enforced_now)
      ctx.out.text_mode_differences.push_back(fmt::format(
          "ENFORCED: BIS has not enforced the AI Diffusion rule since {} ({}): no license",
          ac.ai_diffusion_not_enforced_from, ac.ai_diffusion_statement));
    return;
  }
  if (enforced_now && compliance_due) {
    ctx.add({"4E091 model weights", "EAR", "license", text, "§ 742.6(a)(13); § 742.6(b)(14)",
             ac.ai_diffusion_fr, ac.ai_diffusion_effective, "V", true,
             "presumption of denial outside Supp. No. 5(a)", "§ 742.6(b)(14)"});
    return;
  }
  ctx.out.jurisdiction.push_back(
      fmt::format("4E091: no license on {} — {}", ctx.date,
                  enforced_now ? "compliance with the AI Diffusion rule was not yet required"
                               : "the AI Diffusion rule is not enforced"));
  ctx.flag(fmt::format(
      "4E091: AI Diffusion not enforced since {} ({}); no rescission published — the text's "
      "worldwide license requirement is reported under the other reading",
      ac.ai_diffusion_not_enforced_from, ac.ai_diffusion_statement));
  ctx.out.text_mode_differences.push_back("TEXT: " + text);
}

void sme_destination_rule(CheckContext& ctx) {
  if (!ctx.book.groups.macau_or_d5(ctx.destination, ctx.date)) return;
  // Supp. No. 4 exclusion: an item subject only through § 734.4(a)(8) or § 734.9(k), exported
  // from abroad by an entity located in a Supp. 4 country that is not HQ-D5.
  const bool only_via_foreign_rules =
      ctx.subject_only_via_zero_de_minimis || ctx.subject_via_sme_fdp;
  const bool exporter_in_supp4 = ctx.book.supp4_part742.count(ctx.ship_from) > 0 &&
                                 !ctx.book.hq_in_macau_or_d5(ctx.tx.exporter_hq, ctx.date);
  if (only_via_foreign_rules && exporter_in_supp4) {
    ctx.add(
        {"SME to Macau/D:5 (Supp. No. 4 exclusion)", "EAR", "no license",
         fmt::format("the item is subject only through § 734.4(a)(8)/§ 734.9(k) and is exported "
                     "by an entity located in {} (Supp. No. 4 to Part 742) that is not "
                     "headquartered in Macau/D:5: excluded from the RS requirement",
                     ctx.ship_from),
         "§ 742.6(a)(6)(i)(A)(2)(ii); " + ctx.book.supp4_citation, "89 FR 96790", "2024-12-02", "V",
         false, "", ""});
    ctx.flag(
        "a parallel exclusion from the NS requirement of § 742.4(a)(4) is assumed, not "
        "verified; the exporting country's own licensing applies");
    return;
  }
  ctx.add(
      {"SME to Macau/D:5", "EAR", "license",
       fmt::format("{} is in the SME set controlled to Macau or D:5 ({})", ctx.eccn,
                   ctx.destination),
       "§ 742.4(a)(4) (NS); § 742.6(a)(6)(i)(A) (RS)", "88 FR 73424; 89 FR 96790", "2023-11-17",
       "V", true,
       "presumption of denial for Macau/D:5 (case-by-case where a foreign-made equivalent exists)",
       "§ 744.23(d); § 742.6(b)(10)(i)"});
  if (only_via_foreign_rules && !exporter_in_supp4)
    ctx.flag(fmt::format(
        "{} is not in Supp. No. 4 to Part 742: the equivalent-controls exclusion applies only if "
        "that country lists the item and applies the same review policy (advisory opinion)",
        ctx.ship_from));
}

}  // namespace

void check_other_ccl(CheckContext& ctx) {
  const std::string& dest = ctx.destination;
  // Embargoes first: the Chart has no marks for these rows.
  auto embargo = ctx.book.chart.embargoed.find(dest);
  if (embargo != ctx.book.chart.embargoed.end()) {
    ctx.add({"embargo", "EAR", "license",
             fmt::format(
                 "{} is under a comprehensive embargo: a license is required for items subject "
                 "to the EAR, with narrow exceptions in Part 746 (OFAC sanctions apply as well)",
                 dest),
             embargo->second, "", "", "V", false, "policy of denial (Part 746)", embargo->second});
    return;
  }
  if (ctx.book.chart.russia_belarus.count(dest) && ctx.date >= ctx.book.chart.russia_belarus_from) {
    if (ctx.eccn != "EAR99" && !ctx.eccn.empty())
      ctx.add({"Russia/Belarus sanctions", "EAR", "license",
               fmt::format("{} to {}: license required for items on the CCL", ctx.eccn, dest),
               ctx.book.chart.russia_belarus_citation, "87 FR 12226",
               ctx.book.chart.russia_belarus_from, "V", false, "policy of denial (§ 746.8(b))",
               "§ 746.8(b)"});
    else
      ctx.ask(
          "Is the EAR99 item listed in the supplements to Part 746 (Russia/Belarus industrial and "
          "luxury items)?");
  }
  if (!ctx.level.empty() || ctx.eccn.empty()) return;  // 3A090/4A090 levels have their own rules
  if (is_sme_fdp_item(ctx.eccn)) {
    sme_destination_rule(ctx);
    return;
  }
  if (ctx.eccn == "EAR99") return;
  if (eccn_in(ctx.eccn, {"4E091"})) {
    model_weights_rule(ctx);
    return;
  }
  const EccnColumns* cols = columns_of(ctx.eccn);
  if (!cols) {
    ctx.ask(
        fmt::format("The engine's table does not carry the reasons for control of {}: which "
                    "Country Chart columns does its CCL entry name?",
                    ctx.eccn));
    ctx.add({"Country Chart", "EAR", "indeterminate",
             fmt::format("reasons for control of {} are not in the engine's table", ctx.eccn),
             "§ 738.4", "", "", "V", true, "", ""});
    return;
  }
  if (ctx.eccn.rfind("3E001", 0) == 0)
    ctx.flag(
        "3E001 is also controlled for MT (technology for 3A001/3A101 MT items, MT Column 1), NP "
        "(for 3A001, 3A201, 3A225–3A234 NP items, NP Column 1) and RS: technology for 3A090 to "
        "D:1/D:4/D:5 excluding A:5/A:6 (§ 742.6(a)(6)(iii)), worldwide when exported from "
        "Macau/D:5 "
        "(§ 742.6(a)(6)(ii)), for 3A090.c to Macau/D:5 (§ 742.6(a)(6)(i)(B)), RS Column 2 for "
        "3A001.a.15, 3A004, 3B003, 3C007–3C009: state the commodity (--eccn of the item it is for) "
        "when one of these could apply");
  bool any = false;
  for (const char* column : cols->columns) {
    if (ctx.book.chart.has_x(column, dest)) {
      any = true;
      ctx.add({fmt::format("Country Chart {}", column), "EAR", "license",
               fmt::format("{} is controlled for {} and the Chart has an X for {}", ctx.eccn,
                           column, dest),
               "§ 738.4; " + ctx.book.chart.citation, "", ctx.book.chart.as_of, "V", true,
               "case-by-case (§ 742.4(b) for NS)", "§ 742.4(b)"});
    }
  }
  if (!any)
    ctx.out.jurisdiction.push_back(fmt::format(
        "{} to {}: no X in the Country Chart for its reasons for control (NLR under GP1–3 only if "
        "GP4–10 do not apply)",
        ctx.eccn, dest));
}

}  // namespace clearance::rules
