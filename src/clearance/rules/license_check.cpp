#include "clearance/rules/license_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "clearance/model/country_codes.h"
#include "clearance/rules/check_context.h"
#include "clearance/util/dates.h"
#include "clearance/util/strings.h"

namespace clearance::rules {

bool eccn_within(std::string_view eccn, std::string_view paragraph) {
  return eccn.starts_with(paragraph) &&
         (eccn.size() == paragraph.size() || eccn[paragraph.size()] == '.');
}

bool eccn_in(const std::string& eccn, std::initializer_list<const char*> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const char* p) { return eccn_within(eccn, p); });
}

bool is_sme_fdp_item(const std::string& eccn) {
  return eccn_in(
      eccn, {"3B001.a.4", "3B001.c", "3B001.d", "3B001.f.1", "3B001.f.5", "3B001.f.6", "3B001.k",
             "3B001.l", "3B001.m", "3B001.n", "3B001.p.2", "3B001.p.4", "3B001.r", "3B002.c"});
}

bool CheckContext::party_has_footnote(const std::string& fn) const {
  for (const PartyMatch& p : out.parties)
    if (p.role == "party" &&
        std::find(p.footnotes.begin(), p.footnotes.end(), fn) != p.footnotes.end())
      return true;
  return false;
}

bool CheckContext::party_on_list(const std::string& list) const {
  for (const PartyMatch& p : out.parties)
    if (p.role == "party" && p.list == list) return true;
  return false;
}

namespace {

// Most restrictive first.
int policy_rank(const std::string& policy) {
  const std::string p = ascii_lower(policy);
  if (p.rfind("policy of denial", 0) == 0 || p.rfind("prohibited", 0) == 0) return 5;
  if (p.find("presumption of denial") != std::string::npos) return 4;
  if (p.find("case-by-case") != std::string::npos || p.find("case by case") != std::string::npos)
    return 3;
  if (p.find("presumption of approval") != std::string::npos) return 2;
  return p.empty() ? 0 : 1;
}

// The 3A090 level an ECCN the user gives carries: 3A090/4A090 paragraphs, and the .z paragraphs
// (5A992.z.1, 4A003.z.1 … are the .a level; .z.2 the .b level).
const char* level_of_eccn(const std::string& eccn) {
  if (eccn_in(eccn, {"3A090.a", "4A090.a"})) return "a";
  if (eccn_in(eccn, {"3A090.b", "4A090.b"})) return "b";
  if (eccn_in(eccn, {"3A090.c"})) return "c";
  if (eccn.find(".z") != std::string::npos)
    return eccn.back() == '1' ? "a" : eccn.back() == '2' ? "b" : "";
  return "";
}

void summarize(CheckContext& ctx) {
  Determination& d = ctx.out;
  bool prohibited = false, license = false, indeterminate = false;
  for (const Finding& f : d.requirements) {
    prohibited |= f.effect == "prohibited";
    license |= f.effect == "license";
    indeterminate |= f.effect == "indeterminate";
  }
  if (prohibited)
    d.license_required = Answer::prohibited;
  else if (license)
    d.license_required = Answer::yes;
  else if (indeterminate || d.subject_to_ear == Answer::indeterminate)
    d.license_required = Answer::indeterminate;
  else
    d.license_required = Answer::no;

  bool prc_prohibited = false, prc_permit = false, prc_maybe = false;
  std::vector<std::string> prc_rules;
  for (const Finding& f : d.prc) {
    const bool binds = f.effect == "prohibited" || f.effect == "license" || f.effect == "denial" ||
                       f.effect == "restricted";
    prc_prohibited |= f.effect == "prohibited";
    prc_permit |= binds && f.effect != "prohibited";
    prc_maybe |= f.effect == "license if reactivated";
    if (binds) prc_rules.push_back(f.rule);
  }
  d.china = prc_prohibited ? Answer::prohibited
            : prc_permit   ? Answer::yes
            : prc_maybe    ? Answer::indeterminate
                           : Answer::no;

  const Finding* strictest = nullptr;
  for (const Finding& f : d.requirements)
    if ((f.effect == "license" || f.effect == "prohibited") &&
        (!strictest || policy_rank(f.review_policy) > policy_rank(strictest->review_policy)))
      strictest = &f;
  if (strictest && !strictest->review_policy.empty()) d.review_policy = strictest->review_policy;

  // The same note raised by two rules is shown once.
  for (auto* list : {&d.flags, &d.questions}) {
    std::vector<std::string> unique;
    for (const std::string& s : *list)
      if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(s);
    *list = std::move(unique);
  }

  // An exception helps only if every requirement can be overcome by one.
  std::vector<std::string> available, blocking;
  for (const Finding& f : d.requirements)
    if (f.effect == "license" && !f.exceptions_possible) blocking.push_back(f.rule);
  for (const ExceptionOption& e : d.exceptions)
    if (e.status == "available" || e.status == "verify") available.push_back(e.symbol);
  switch (d.license_required) {
    case Answer::prohibited:
      d.outcome = "Prohibited: no license exception or ordinary license overcomes it";
      break;
    case Answer::yes: {
      std::vector<std::string> why;
      for (const Finding& f : d.requirements)
        if (f.effect == "license") why.push_back(f.rule);
      d.outcome = fmt::format("License required ({})", fmt::join(why, "; "));
      if (!blocking.empty())
        d.outcome += fmt::format("; no license exception overcomes {}", fmt::join(blocking, "; "));
      else
        d.outcome += available.empty() ? "; no license exception available"
                                       : fmt::format("; license exception to consider: {}",
                                                     fmt::join(available, ", "));
      if (!d.review_policy.empty()) d.outcome += "; review policy: " + d.review_policy;
      break;
    }
    case Answer::indeterminate:
      d.outcome = "Indeterminate: the facts given do not decide it (see questions)";
      break;
    case Answer::no:
      d.outcome = d.subject_to_ear == Answer::no ? "Not subject to the EAR: no US license required"
                                                 : "No license required on the facts given (NLR)";
      break;
  }
  // China's side is not the US answer, but it binds the transaction as much.
  if (d.china == Answer::prohibited)
    d.outcome += fmt::format(". China: prohibited ({})", fmt::join(prc_rules, "; "));
  else if (d.china == Answer::yes)
    d.outcome += fmt::format(". China: a MOFCOM permit is required or the party is restricted ({})",
                             fmt::join(prc_rules, "; "));
  else if (d.china == Answer::indeterminate)
    d.outcome += ". China: a suspended measure may apply again (see china)";
}

}  // namespace

void check_jurisdiction(CheckContext& ctx) {
  Determination& d = ctx.out;
  const Transaction& tx = ctx.tx;
  if (!ctx.foreign_made) {
    d.subject_to_ear = Answer::yes;
    d.jurisdiction.push_back(ctx.tx.origin == "US"
                                 ? "US-origin item: subject to the EAR (§ 734.3(a))"
                                 : "item in the United States: subject to the EAR (§ 734.3(a)(1))");
    return;
  }
  d.jurisdiction.push_back(
      fmt::format("foreign-made item ({}), shipped from {}", tx.origin, ctx.ship_from));
  bool subject = false, unknown = false;

  // De minimis (§ 734.4): 10 % for E:1/E:2 destinations, 25 % elsewhere; some items have none.
  const bool e_group = ctx.book.groups.in(ctx.destination, "E:1", ctx.date) ||
                       ctx.book.groups.in(ctx.destination, "E:2", ctx.date);
  const double threshold = e_group ? 10 : 25;
  if (is_sme_fdp_item(ctx.eccn) && tx.contains_us_ic &&
      ctx.book.groups.macau_or_d5(ctx.destination, ctx.date)) {
    subject = true;
    ctx.subject_only_via_zero_de_minimis = true;
    d.jurisdiction.push_back(
        "SME item containing a US-origin IC to Macau/D:5: no de minimis level (§ 734.4(a)(8)) — "
        "subject");
  } else if (eccn_in(ctx.eccn, {"3B001", "3B002", "3B903", "3B991", "3B992", "3B993", "3B994"}) &&
             tx.contains_us_ic &&
             (ctx.party_has_footnote("FN5") || ctx.has_end_use(end_use::advanced_node_fab))) {
    subject = true;
    d.jurisdiction.push_back(
        "Category 3B item containing a US-origin IC to a Footnote 5 entity or an advanced-node "
        "fab: "
        "no de minimis level (§ 734.4(a)(9)) — subject");
  } else if (tx.us_content_percent) {
    if (*tx.us_content_percent > threshold) {
      subject = true;
      d.jurisdiction.push_back(fmt::format(
          "de minimis: controlled US content {:g} % > {:g} % ({}) — subject (§ 734.4{})",
          *tx.us_content_percent, threshold, e_group ? "E:1/E:2 destination" : "other destinations",
          e_group ? "(c)" : "(d)"));
    } else {
      d.jurisdiction.push_back(fmt::format(
          "de minimis: controlled US content {:g} % ≤ {:g} % — not subject through US content "
          "(§ 734.4{}; Supp. No. 2 to Part 734)",
          *tx.us_content_percent, threshold, e_group ? "(c)" : "(d)"));
    }
  } else {
    unknown = true;
    ctx.ask(
        fmt::format("What share of the item's value is controlled US-origin content? (de minimis "
                    "level {:g} % for this destination, § 734.4)",
                    threshold));
  }

  // Foreign-direct-product rules (§ 734.9) whose destination, end-use or party scope is met.
  std::vector<std::string> fdp;
  const bool adv = ctx.level == "a" || ctx.level == "b" || ctx.level == "2022";
  // § 734.9(h)(1)(i)(B)(1) names 3A090 as a whole, so foreign-made HBM (3A090.c) is in its product
  // scope too. Its destination scope (h)(2): the D-scope or an HQ-D5 party as BIS enforces it;
  // every location in the text since AI Diffusion.
  const bool fdp_h_item = adv || ctx.level == "c";
  const DatedCitation& worldwide = ctx.book.advanced.fdp_worldwide_text;
  if (fdp_h_item && ctx.tx.text_mode && !worldwide.from.empty() && ctx.date >= worldwide.from)
    fdp.push_back(
        fmt::format("§ 734.9(h) advanced computing ({}, {})", worldwide.citation, worldwide.fr));
  else if (fdp_h_item && (ctx.book.groups.d_scope(ctx.destination, ctx.date) || ctx.hq_d5))
    fdp.push_back("§ 734.9(h) advanced computing (D-scope destination or HQ-D5 party)");
  else if (fdp_h_item && ctx.party_hq.empty() && tx.direct_product != Tristate::no) {
    // Outside the D-scope the rule still reaches an HQ-D5 buyer: an unknown headquarters leaves
    // the item's jurisdiction open (the question is asked with the others).
    unknown = true;
    d.jurisdiction.push_back(
        "§ 734.9(h) advanced computing: the destination is outside the D-scope, and whether the "
        "buyer is headquartered in Macau/D:5 is not given");
  }
  if (is_sme_fdp_item(ctx.eccn) && ctx.book.groups.macau_or_d5(ctx.destination, ctx.date))
    fdp.push_back("§ 734.9(k) SME (Macau/D:5 destination)");
  if (ctx.party_has_footnote("FN1")) fdp.push_back("§ 734.9(e)(1) Entity List footnote 1 party");
  if (ctx.party_has_footnote("FN4")) fdp.push_back("§ 734.9(e)(2) Entity List footnote 4 party");
  if (ctx.party_has_footnote("FN5") && ctx.eccn.rfind("3B", 0) == 0)
    fdp.push_back("§ 734.9(e)(3) Entity List footnote 5 party");
  if (ctx.party_has_footnote("FN3")) fdp.push_back("§ 734.9(g) Entity List footnote 3 party");
  if (ctx.has_end_use(end_use::supercomputer) &&
      (ctx.destination == "CN" || ctx.destination == "MO"))
    fdp.push_back("§ 734.9(i) supercomputer end use in China/Macau");
  if (!fdp.empty()) {
    if (tx.direct_product == Tristate::yes) {
      subject = true;
      if (fdp.front().rfind("§ 734.9(k)", 0) == 0) ctx.subject_via_sme_fdp = true;
      for (const std::string& r : fdp)
        d.jurisdiction.push_back("foreign direct product: " + r + " — subject");
    } else if (tx.direct_product == Tristate::unknown) {
      unknown = true;
      ctx.ask(
          fmt::format("Is the item the direct product of US-origin technology or software, or "
                      "made by a plant that is? The scope of {} is met",
                      fmt::join(fdp, "; ")));
    } else {
      d.jurisdiction.push_back(
          fmt::format("not a direct product of US technology or software: the "
                      "FDP rules whose scope is met ({}) do not apply",
                      fmt::join(fdp, "; ")));
    }
  }
  if (ctx.tx.chip && adv && ctx.book.hq_in_macau_or_d5(ctx.tx.chip->designer_hq, ctx.date) &&
      ctx.date >= ctx.book.gp10_from) {
    subject = true;
    d.jurisdiction.push_back(
        "PRC-designed IC meeting 3A090 parameters: BIS presumes it was produced with US-origin "
        "technology, software or equipment (guidance of " +
        ctx.book.gp10_from + ")");
  }
  d.subject_to_ear = subject ? Answer::yes : unknown ? Answer::indeterminate : Answer::no;
  if (d.subject_to_ear == Answer::indeterminate)
    d.jurisdiction.push_back(
        "indeterminate: the FDP or de minimis facts above are required (never "
        "read this as NLR)");
}

Result<Determination> check_license(const Transaction& tx, const Rulebook& book,
                                    const CheckOptions& options) {
  if (!is_iso_day(tx.date))
    return make_error(ErrorCode::invalid_argument,
                      "date: expected YYYY-MM-DD, got \"" + tx.date + "\"");
  if (!tx.chip && tx.eccn.empty())
    return make_error(ErrorCode::invalid_argument,
                      "item: give a chip (--chip / --spec) or an ECCN (--eccn, EAR99 for none)");
  if (tx.form != "ic" && tx.form != "computer")
    return make_error(ErrorCode::invalid_argument, "form: expected ic or computer");
  CountryResolver resolver;
  struct Field {
    const char* name;
    const std::string& value;
    bool required;
  };
  std::string resolved[5];
  const Field fields[] = {{"destination", tx.destination, true},
                          {"ship-from", tx.ship_from, true},
                          {"origin", tx.origin, true},
                          {"party-hq", tx.party_hq, false},
                          {"us-person-employer-hq", tx.us_person_employer_hq, false}};
  for (size_t i = 0; i < 5; ++i) {
    if (fields[i].value.empty()) {
      if (fields[i].required)
        return make_error(ErrorCode::invalid_argument, std::string(fields[i].name) + ": missing");
      continue;
    }
    resolved[i] = resolver.resolve(fields[i].value);
    if (resolved[i].empty())
      return make_error(ErrorCode::invalid_argument,
                        fmt::format("{}: unknown country \"{}\"", fields[i].name, fields[i].value));
  }

  Determination d;
  d.date = tx.date;
  d.mode = tx.text_mode ? "text" : "enforced";
  d.rulebook_version = book.version;
  d.law_as_of = book.law_as_of;
  CheckContext ctx(tx, book, d);
  ctx.date = tx.date;
  ctx.destination = book.groups.canonical(resolved[0]);
  ctx.ship_from = book.groups.canonical(resolved[1]);
  const std::string origin = resolved[2];
  ctx.us_person_employer_hq = resolved[4];
  ctx.party_hq = resolved[3].empty() ? std::string() : book.groups.canonical(resolved[3]);
  ctx.foreign_made = origin != "US" && ctx.ship_from != "US";
  ctx.in_country = ctx.ship_from == ctx.destination && ctx.destination != "US";
  ctx.hq_d5 = book.hq_in_macau_or_d5(ctx.party_hq, tx.date);
  if (!tx.deemed_export_to.empty())
    d.jurisdiction.push_back(fmt::format(
        "deemed export (§ 734.13(b)): releasing the technology or source code to a national of {} "
        "in the United States is an export to {}",
        ctx.destination, ctx.destination));
  if (resolved[0] != ctx.destination)
    ctx.flag(
        fmt::format("destination {} is treated as {} under the EAR (no row or group of its own)",
                    resolved[0], ctx.destination));
  if (tx.date > book.law_as_of)
    ctx.flag(
        fmt::format("the date is after the rulebook's law-as-of date ({}): rules published "
                    "since are not reflected; check for newer notices",
                    book.law_as_of));
  if (ctx.party_hq.empty())
    ctx.ask(
        "Where is the consignee or end user headquartered, and where is its ultimate parent "
        "headquartered? (an HQ in Macau or D:5 brings license requirements anywhere)");

  // Classification first: the FDP scopes and the CCL rules depend on it.
  if (tx.chip) {
    ClassifyOptions co;
    co.date = tx.date;
    co.form = tx.form;
    co.described_in = tx.described_in;
    Classification c = classify(*tx.chip, co, book);
    ctx.eccn = c.eccn;
    ctx.level = c.level;
    ctx.datacenter = tx.chip->datacenter != Tristate::no;
    if (!c.decided) {
      d.flags.push_back("classification undecided: " +
                        fmt::format("{}", fmt::join(c.missing, "; ")));
      for (const std::string& m : c.missing) ctx.ask("Missing figure: " + m);
    }
    if (!c.compliance_note.empty()) ctx.flag(c.compliance_note);
    d.classification = std::move(c);
  } else {
    ctx.eccn = tx.eccn;
    ctx.level.assign(level_of_eccn(tx.eccn));
    if (ctx.level.empty() && tx.eccn.find(".z") != std::string::npos)
      ctx.ask("Which 3A090 level (.a or .b) does the .z item meet?");
  }
  d.eccn = ctx.eccn;

  screen_parties(ctx, options.screener, options.party_threshold, options.max_list_age_days);
  check_jurisdiction(ctx);
  if (d.subject_to_ear != Answer::no) {
    if (d.classification && !d.classification->decided)
      ctx.add({"classification", "EAR", "indeterminate",
               "the item cannot be classified from the figures given", "", "", "", "", false, "",
               ""});
    check_advanced_computing(ctx);
    check_other_ccl(ctx);
    check_end_uses(ctx);
    check_parties(ctx);
    check_gp10(ctx);
    if (d.subject_to_ear == Answer::indeterminate) {
      // Requirements found so far hold only if the item is subject to the EAR.
      for (Finding& f : d.requirements)
        if (f.regime == "EAR" && f.effect == "license") {
          f.effect = "indeterminate";
          f.summary += " — applies only if the item is subject to the EAR";
        }
    }
    add_exceptions(ctx);
  } else {
    check_parties(ctx);  // OFAC blocking does not depend on the EAR
  }
  check_us_person(ctx);  // § 744.6 reaches items that are not subject to the EAR
  check_prc(ctx);
  summarize(ctx);
  return d;
}

}  // namespace clearance::rules
