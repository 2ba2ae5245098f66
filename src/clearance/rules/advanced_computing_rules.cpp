// License requirements for 3A090/4A090/.z items and 3A090.c (§ 742.6(a)(6)), the company-specific
// is-informed letters, the review policy (§ 742.6(b)(10)) and the exceptions NAC/ACA/HBM (§ 740.8,
// § 740.25) with the § 740.2(a)(9) limits.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "clearance/rules/check_context.h"
#include "clearance/util/strings.h"

namespace clearance::rules {

namespace {

bool is_supp8_party(const CheckContext& ctx) {
  if (ctx.date < ctx.book.supp8_from) return false;
  for (const std::string& party : ctx.tx.parties)
    for (const std::string& approved : ctx.book.supp8_entities)
      if (iequals(trim(party), approved)) return true;
  return false;
}

std::string scope_text(const std::vector<std::string>& scope) {
  std::vector<std::string> parts;
  for (const std::string& s : scope) {
    if (s == "d_scope")
      parts.push_back("D:1/D:4/D:5 not also in A:5/A:6");
    else if (s == "macau_d5")
      parts.push_back("Macau or D:5");
    else if (s == "hq_d5")
      parts.push_back("entities headquartered in Macau/D:5");
    else
      parts.push_back(s);
  }
  return join(parts, ", ");
}

struct ScopeResult {
  bool license = false;
  bool by_hq = false;
  bool supp8 = false;
  // The destination is outside the scope, the scope reaches entities headquartered in Macau/D:5,
  // and the headquarters was not given: the answer turns on it.
  bool hq_unknown = false;
};

ScopeResult evaluate_scope(const CheckContext& ctx, const ScopeRule& rule) {
  ScopeResult r;
  std::vector<std::string> destinations;
  for (const std::string& s : rule.scope)
    if (s != "hq_d5") destinations.push_back(s);
  const bool dest = ctx.book.scope_covers_destination(destinations, ctx.destination, ctx.date);
  const bool hq = ctx.hq_d5 && ctx.destination != "US" &&
                  std::find(rule.scope.begin(), rule.scope.end(), "hq_d5") != rule.scope.end();
  if (rule.unless_supp8 && ctx.destination == "AE" && is_supp8_party(ctx)) {
    r.supp8 = true;
    return r;
  }
  r.license = dest || hq;
  r.by_hq = !dest && hq;
  r.hq_unknown = !dest && ctx.party_hq.empty() && ctx.destination != "US" &&
                 std::find(rule.scope.begin(), rule.scope.end(), "hq_d5") != rule.scope.end();
  return r;
}

std::string policy_for(const CheckContext& ctx, const std::string& tier, bool by_hq,
                       std::string& citation) {
  const auto& ac = ctx.book.advanced;
  citation = ac.policy_citation;
  if (tier == "c") {
    citation = "§ 742.6(b)(10)(ii)";
    return ctx.hq_d5 ? "presumption of denial" : "presumption of approval";
  }
  if (ctx.level == "2022") {
    citation = "§ 742.6(b)(10) (2022)";
    return "presumption of denial";
  }
  const bool macau_d5 = ctx.book.groups.macau_or_d5(ctx.destination, ctx.date);
  if (!macau_d5 && !by_hq && !ctx.hq_d5) {
    return "presumption of approval (D:1/D:4 destination not in D:5; secondary sources)";
  }
  // The January-2026 carve-out: exports from the US to end users located in China or Macau.
  const auto& chip = ctx.tx.chip;
  const bool cbc_period = ctx.date >= ac.case_by_case_2026.from;
  const bool located = ctx.destination == "CN" || ctx.destination == "MO";
  const bool has_tpp = ctx.out.classification && ctx.out.classification->tpp;
  const bool has_dram = chip && chip->memory_bandwidth_gbps;
  const double tpp_v = has_tpp ? *ctx.out.classification->tpp : 0;
  const double dram_v = has_dram ? *chip->memory_bandwidth_gbps : 0;
  if (cbc_period && located && ctx.ship_from == "US" && !ctx.in_country) {
    const bool within =
        has_tpp && has_dram && tpp_v < ac.cbc_tpp_below && dram_v < ac.cbc_dram_bandwidth_below;
    if (within && ctx.tx.certifications_dd) {
      citation = ac.case_by_case_2026.citation;
      return fmt::format(
          "case-by-case (TPP {:.0f} < {:g}, total DRAM bandwidth {:g} < {:g} GB/s, "
          "¶(dd) certifications given)",
          tpp_v, ac.cbc_tpp_below, dram_v, ac.cbc_dram_bandwidth_below);
    }
    citation = ac.case_by_case_2026.citation;
    if (within)
      return "presumption of denial (case-by-case if the Supp. No. 2 to Part 748 ¶(dd) "
             "certifications are provided)";
    if (!has_tpp || !has_dram)
      return "presumption of denial (case-by-case needs TPP and total DRAM bandwidth below the "
             "limits: figures missing)";
    return fmt::format(
        "presumption of denial (outside the case-by-case envelope: TPP < {:g} and "
        "total DRAM bandwidth < {:g} GB/s are both required)",
        ac.cbc_tpp_below, ac.cbc_dram_bandwidth_below);
  }
  return "presumption of denial";
}

void check_letters(CheckContext& ctx) {
  if (!ctx.tx.chip) return;
  for (const IsInformedLetter& letter : ctx.book.letters) {
    if (ctx.date < letter.from) continue;
    if (std::find(letter.items.begin(), letter.items.end(), ctx.tx.chip->id) == letter.items.end())
      continue;
    std::vector<std::string> dest_scope;
    for (const std::string& s : letter.scope)
      if (s != "hq_d5") dest_scope.push_back(s);
    const bool hq_scope =
        std::find(letter.scope.begin(), letter.scope.end(), "hq_d5") != letter.scope.end();
    const bool by_destination =
        ctx.book.scope_covers_destination(dest_scope, ctx.destination, ctx.date);
    const bool covered = by_destination || (ctx.hq_d5 && hq_scope);
    // Outside the letter's destinations, with the headquarters that would bring it in unknown.
    const bool hq_unknown =
        !by_destination && hq_scope && ctx.party_hq.empty() && ctx.destination != "US";
    if (!covered && !hq_unknown) continue;
    const bool declared = std::find(ctx.tx.is_informed.begin(), ctx.tx.is_informed.end(),
                                    ctx.tx.chip->id) != ctx.tx.is_informed.end();
    const bool addressed = iequals(trim(ctx.tx.exporter), letter.exporter);
    const bool exporter_unknown = trim(ctx.tx.exporter).empty() && !declared;
    const std::string told = fmt::format(
        "the US government informed {} (from {}) that a license is required for {} to {}",
        letter.exporter, letter.from, ctx.tx.chip->name, scope_text(letter.scope));
    if ((declared || addressed) && covered) {
      ctx.add({"is-informed letter", "EAR", "license", told, letter.citation, "", letter.from,
               letter.confidence, false, "not stated in the letter", ""});
    } else if (declared || addressed || exporter_unknown) {
      // A letter binds the exporter it was sent to: who exports, or where the consignee is
      // headquartered, decides whether this one needs a license. Never "no" on a guess.
      std::vector<std::string> unknown;
      if (exporter_unknown) unknown.push_back("who the exporter is");
      if (!covered) unknown.push_back("where the consignee and its parent are headquartered");
      ctx.add({"is-informed letter", "EAR", "indeterminate",
               fmt::format("{}; it turns on {}", told, join(unknown, " and ")), letter.citation, "",
               letter.from, letter.confidence, false, "", ""});
      if (exporter_unknown)
        ctx.ask(fmt::format(
            "Who is the exporter? A letter to {} from {} requires a license for {} to {}: if you "
            "are {} or were informed likewise, declare it (--exporter {} or --is-informed {})",
            letter.exporter, letter.from, ctx.tx.chip->name, scope_text(letter.scope),
            letter.exporter, letter.exporter, ctx.tx.chip->id));
    } else {
      ctx.flag(
          fmt::format("a letter to {} from {} required a license for {} to {}; if you are {} "
                      "or were informed likewise, declare it (--is-informed {})",
                      letter.exporter, letter.from, ctx.tx.chip->name, scope_text(letter.scope),
                      letter.exporter, ctx.tx.chip->id));
    }
  }
}

}  // namespace

void check_advanced_computing(CheckContext& ctx) {
  check_letters(ctx);
  if (ctx.level.empty()) return;
  const std::string tier = ctx.level == "2022" ? "a" : ctx.level;
  const auto& ac = ctx.book.advanced;
  const ScopeRule* enforced = ac.scope_for(tier, ctx.date, false);
  const ScopeRule* text = ac.scope_for(tier, ctx.date, true);
  const ScopeRule* primary = ctx.tx.text_mode ? text : enforced;
  const ScopeRule* other = ctx.tx.text_mode ? enforced : text;
  if (!primary) return;
  const ScopeResult r = evaluate_scope(ctx, *primary);
  const std::string name =
      fmt::format("{} {}", ctx.eccn.empty() ? fmt::format("3A090.{}", tier) : ctx.eccn,
                  r.by_hq ? "headquarters (HQ-D5)" : "destination");
  if (r.supp8) {
    ctx.add({"Supp. No. 8 approved UAE entity", "EAR", "no license",
             "the consignee is an approved UAE recipient of advanced computing items",
             ctx.book.supp8_citation, "91 FR 43038", ctx.book.supp8_from, "V", false, "", ""});
  } else if (r.license) {
    std::string policy_citation;
    const std::string policy = policy_for(ctx, tier, r.by_hq, policy_citation);
    Finding f{
        name,
        "EAR",
        "license",
        fmt::format(
            "{} item {} {} ({})",
            ctx.level == "2022" ? std::string("3A090 (2022)") : fmt::format("3A090.{}-level", tier),
            ctx.in_country ? "transferred within" : "to",
            r.by_hq ? fmt::format("an entity headquartered in Macau/D:5 (HQ {}), wherever located",
                                  ctx.party_hq)
                    : ctx.destination,
            fmt::format("scope: {}", scope_text(primary->scope))),
        r.by_hq ? primary->hq_citation : primary->citation,
        primary->fr,
        primary->from,
        primary->confidence,
        true,
        policy,
        policy_citation};
    ctx.advanced_finding = static_cast<int>(ctx.out.requirements.size());
    if (!primary->compliance.empty() && ctx.date < primary->compliance)
      f.summary += fmt::format(" — effective {}, compliance required from {}", primary->from,
                               primary->compliance);
    ctx.add(std::move(f));
    if (ctx.level == "a" && !ctx.datacenter && ctx.date < ac.ai_diffusion_effective)
      ctx.flag(
          "the pre-2025 review policy for non-datacenter items may have been case-by-case "
          "(unverified)");
  } else if (r.hq_unknown) {
    // The destination is outside the scope, but an entity headquartered (or with its ultimate
    // parent) in Macau/D:5 needs a license wherever it is located: the answer turns on the
    // headquarters, which was not given (the question is asked).
    ctx.add({fmt::format("{} headquarters (HQ-D5)",
                         ctx.eccn.empty() ? fmt::format("3A090.{}", tier) : ctx.eccn),
             "EAR", "indeterminate",
             fmt::format("{} is outside the destination scope on {}, but a license is required "
                         "if the consignee or end user, or its ultimate parent, is headquartered "
                         "in Macau or a D:5 country; the headquarters was not given",
                         ctx.destination, ctx.date),
             primary->hq_citation, primary->fr, primary->from, primary->confidence, false, "", ""});
  } else {
    ctx.out.jurisdiction.push_back(
        fmt::format("{}: destination {} is outside the license scope on {} ({})", ctx.eccn,
                    ctx.destination, ctx.date, scope_text(primary->scope)));
    if (ctx.level == "2022" || (tier == "a" && ctx.date < "2023-11-17"))
      ctx.flag("destination outside the license scope of the day: check for diversion to China");
  }

  // What the other reading (literal text vs enforcement policy) would say.
  if (other && other != primary) {
    const ScopeResult o = evaluate_scope(ctx, *other);
    if (o.license != r.license) {
      std::string note = ctx.tx.text_mode
                             ? fmt::format(
                                   "ENFORCED: BIS does not enforce the worldwide wording ({} "
                                   "statement); the enforced scope is {}",
                                   ac.ai_diffusion_not_enforced_from, scope_text(other->scope))
                             : fmt::format(
                                   "TEXT: {} reads {} ({}); AI Diffusion text not enforced "
                                   "(BIS statement of {})",
                                   other->citation, scope_text(other->scope), other->fr,
                                   ac.ai_diffusion_not_enforced_from);
      const std::optional<double> tpp =
          ctx.out.classification ? ctx.out.classification->tpp : std::optional<double>();
      if (tpp && !ctx.tx.text_mode) {
        note +=
            fmt::format("; under the text, LPP (§ 740.29) allows {:.0f} TPP per consignee per year",
                        ac.lpp_tpp_per_year);
        if (const auto& units = ctx.tx.quantity) {
          const double total = *tpp * *units;
          note += fmt::format("; this order of {:g} units is {:.0f} TPP{}", *units, total,
                              total > ac.lpp_tpp_per_year ? " (over the cap)" : "");
        } else {
          note += fmt::format(" ({:.0f} units of {:.0f} TPP; quantity not given)",
                              std::floor(ac.lpp_tpp_per_year / *tpp), *tpp);
        }
      }
      ctx.out.text_mode_differences.push_back(note);
    }
  }
}

void add_exceptions(CheckContext& ctx) {
  Determination& d = ctx.out;
  const auto& ac = ctx.book.advanced;
  if (ctx.advanced_finding < 0) return;
  // § 740.8(b): NAC/ACA cannot overcome a Part 744 or 746 requirement (the HQ-D5 rule aside).
  bool blocking_744 = false;
  for (size_t i = 0; i < d.requirements.size(); ++i) {
    const Finding& f = d.requirements[i];
    if (static_cast<int>(i) != ctx.advanced_finding && f.regime == "EAR" && f.effect == "license" &&
        f.rule != "is-informed letter")
      blocking_744 = true;
  }
  const std::string tier = ctx.level == "2022" ? "a" : ctx.level;
  if (tier == "c") {
    const auto& mbd = d.classification ? d.classification->mbd : std::optional<double>();
    const bool exporter_ok =
        ctx.tx.exporter_hq == "US" || ctx.book.groups.in(ctx.tx.exporter_hq, "A:5", ctx.date);
    if (ctx.date < ac.hbm_exception.from) return;
    if (mbd && *mbd < ac.hbm_exception_mbd_below && exporter_ok)
      d.exceptions.push_back(
          {"HBM", "verify",
           fmt::format("MBD {:.2f} < {:g} and exporter headquartered in the US or "
                       "A:5; the § 740.25(c) packaging-site and recipient "
                       "conditions must be verified",
                       *mbd, ac.hbm_exception_mbd_below),
           ac.hbm_exception.citation});
    else
      d.exceptions.push_back(
          {"HBM", "not available",
           mbd && *mbd >= ac.hbm_exception_mbd_below
               ? fmt::format("MBD {:.2f} is not below {:g}", *mbd, ac.hbm_exception_mbd_below)
               : "the exporter must be headquartered in the US or A:5 with no Macau/D:5 parent",
           ac.hbm_exception.citation});
    d.exceptions.push_back(
        {"NAC/ACA", "not available", "3A090.c is not eligible", ac.nac.citation});
    return;
  }
  if (ctx.level == "2022" || ctx.date < ac.nac.from) {
    d.exceptions.push_back(
        {"NAC", "not available",
         fmt::format("License Exception NAC did not exist before {}", ac.nac.from),
         ac.nac.citation});
    return;
  }
  const bool eligible = tier == "b" || !ctx.datacenter;
  const bool to_macau_d5 = ctx.book.groups.macau_or_d5(ctx.destination, ctx.date);
  if (!eligible) {
    d.exceptions.push_back(
        {"NAC/ACA", "not available",
         "items designed or marketed for datacenters that meet 3A090.a are excluded "
         "(§ 740.8(a))",
         ac.nac.citation});
  } else if (blocking_744) {
    d.exceptions.push_back(
        {"NAC/ACA", "not available",
         "a Part 744/746 license requirement applies to this transaction (§ 740.8(b))",
         ac.nac.citation});
  } else if (ctx.in_country && to_macau_d5 && ctx.date >= ac.aca.from) {
    d.exceptions.push_back(
        {"ACA", "available",
         "in-country transfer within Macau/D:5 of an eligible item; no notification, "
         "written purchase order required",
         ac.aca.citation});
  } else if (to_macau_d5 || ctx.hq_d5 || ctx.date < ac.aca.from) {
    d.exceptions.push_back(
        {"NAC", "available",
         fmt::format("prior notification in SNAP-R at least {} days before shipment (TPP, PD, "
                     "datacenter marketing, memory bandwidth, cluster use); ship only with a NAC "
                     "confirmation; written purchase order required",
                     ac.nac_notice_days),
         ac.nac.citation});
  } else {
    d.exceptions.push_back(
        {"ACA", "available",
         "eligible item to a destination outside Macau/D:5 and no HQ-D5 party; no "
         "notification, written purchase order required",
         fmt::format("{} (date ACA was split from NAC: confidence {})", ac.aca.citation,
                     ac.aca.confidence)});
  }
  // A party's listing may take every exception away: an Entity List entry without footnote 1
  // (§ 744.16(b)), a denial order or a blocking.
  std::string forbidding;
  for (const Finding& f : d.requirements)
    if ((f.rule.rfind("Entity List", 0) == 0 && f.effect == "license" && !f.exceptions_possible) ||
        f.effect == "prohibited") {
      forbidding = f.rule;
      break;
    }
  if (!forbidding.empty()) {
    d.exceptions.push_back({"TMP/RPL/GOV/TSU", "not available",
                            fmt::format("{} allows no license exception", forbidding),
                            "§ 744.16(b); § 740.2(a)(9)(ii)"});
    return;
  }
  d.exceptions.push_back(
      {"TMP/RPL/GOV/TSU", "verify",
       "§ 740.2(a)(9)(ii) leaves only TMP (§ 740.9(a)(6)), RPL, GOV (§ 740.11(b)) and "
       "TSU (§ 740.13(a), (c)); STA, LVS, GBS, APP and ENC alone are unavailable",
       "§ 740.2(a)(9)(ii)"});
}

}  // namespace clearance::rules
