// `clearance classify`, `clearance check` and `clearance chips`: the rules engine from the command
// line. Text on a terminal, JSON with --format json.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "clearance/lists/snapshot_store.h"
#include "clearance/rules/classifier.h"
#include "clearance/rules/license_check.h"
#include "clearance/rules/transaction_json.h"
#include "clearance/util/dates.h"
#include "clearance/util/file_io.h"
#include "commands.h"

namespace clearance::cli {

namespace {

using namespace clearance::rules;

std::string today() {
  const auto now = std::chrono::system_clock::now();
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(now)};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

struct ItemArgs {
  std::string chip, spec, rules_file, date, form = "ic", described_in, format;
  bool sum_units = false;
};

// The rulebook: built in, or the file given with --rules.
const Rulebook* load_rulebook(const std::string& path, Rulebook& storage) {
  if (path.empty()) return &Rulebook::builtin();
  auto loaded = Rulebook::load_file(path);
  if (!loaded) {
    fmt::print(stderr, "error: {}\n", loaded.error().message);
    return nullptr;
  }
  storage = std::move(loaded.value());
  return &storage;
}

std::optional<ChipSpec> load_chip(const ItemArgs& args) {
  if (!args.spec.empty()) {
    auto text = read_file(args.spec);
    if (!text) {
      fmt::print(stderr, "error: {}\n", text.error().message);
      return std::nullopt;
    }
    auto spec = parse_chip_spec(text.value(), args.spec);
    if (!spec) {
      fmt::print(stderr, "error: {}\n", spec.error().message);
      return std::nullopt;
    }
    return std::move(spec.value());
  }
  auto found = ChipCatalog::builtin().find(args.chip);
  if (!found) {
    fmt::print(stderr, "error: {}\n", found.error().message);
    return std::nullopt;
  }
  return *found.value();
}

bool use_json(const std::string& format) {
  if (format.empty()) return !isatty(STDOUT_FILENO);
  return format == "json";
}

void print_classification(const Classification& c, const ChipSpec& chip) {
  fmt::print("{} — {}\n", chip.name, c.decided ? c.eccn : "undecided");
  if (!c.vintage.empty())
    fmt::print("rule: {} ({}; {}; confidence {})\n", c.vintage, c.citation, c.fr, c.confidence);
  for (const std::string& s : c.steps) fmt::print("  · {}\n", s);
  for (const std::string& m : c.missing) fmt::print("  missing: {}\n", m);
  for (const std::string& f : c.flags) fmt::print("  note: {}\n", f);
  if (!c.compliance_note.empty()) fmt::print("  note: {}\n", c.compliance_note);
}

void print_finding(const Finding& f) {
  fmt::print("  [{}] {} — {}\n", f.effect, f.rule, f.summary);
  std::string cite = f.citation;
  if (!f.fr.empty()) cite += (cite.empty() ? "" : "; ") + f.fr;
  if (!cite.empty())
    fmt::print("      citation: {}{}\n", cite,
               f.effective.empty() ? "" : fmt::format(" (from {})", f.effective));
  if (!f.review_policy.empty())
    fmt::print("      review policy: {}{}\n", f.review_policy,
               f.policy_citation.empty() ? "" : fmt::format(" ({})", f.policy_citation));
  if (!f.confidence.empty() && f.confidence != "V")
    fmt::print("      confidence: {}\n", f.confidence);
}

void print_determination(const Determination& d) {
  fmt::print("{}\n", d.outcome);
  fmt::print("date {} · mode {} · rulebook {} (law as of {})\n", d.date, d.mode, d.rulebook_version,
             d.law_as_of);
  fmt::print("\nSubject to the EAR: {}\n", to_string(d.subject_to_ear));
  for (const std::string& s : d.jurisdiction) fmt::print("  · {}\n", s);
  if (d.classification) {
    fmt::print("\nClassification: {}\n", d.classification->decided ? d.eccn : "undecided");
    for (const std::string& s : d.classification->steps) fmt::print("  · {}\n", s);
  } else {
    fmt::print("\nECCN (given): {}\n", d.eccn);
  }
  fmt::print("\nLicense required: {}\n", to_string(d.license_required));
  for (const Finding& f : d.requirements) print_finding(f);
  if (!d.exceptions.empty()) {
    fmt::print("\nLicense exceptions:\n");
    for (const ExceptionOption& e : d.exceptions)
      fmt::print("  {} — {}: {} ({})\n", e.symbol, e.status, e.reason, e.citation);
  }
  if (!d.parties.empty()) {
    fmt::print("\nParties screened (matches):\n");
    for (const PartyMatch& p : d.parties)
      fmt::print("  {} \"{}\" → {} {} [{}, party {}] (score {:.2f})\n", p.role, p.query, p.list,
                 p.name, p.entity_id, p.party_id, p.score);
  }
  if (!d.text_mode_differences.empty()) {
    fmt::print("\nOther reading:\n");
    for (const std::string& t : d.text_mode_differences) fmt::print("  · {}\n", t);
  }
  if (!d.prc.empty()) {
    fmt::print("\nChina (PRC) measures: {}\n", to_string(d.china));
    for (const Finding& f : d.prc) print_finding(f);
  }
  if (!d.flags.empty()) {
    fmt::print("\nFlags:\n");
    for (const std::string& f : d.flags) fmt::print("  ! {}\n", f);
  }
  if (!d.questions.empty()) {
    fmt::print("\nQuestions the engine cannot answer:\n");
    for (const std::string& q : d.questions) fmt::print("  ? {}\n", q);
  }
}

int run_classify(const ItemArgs& args) {
  Rulebook storage;
  const Rulebook* book = load_rulebook(args.rules_file, storage);
  if (!book) return kExitError;
  if (args.chip.empty() == args.spec.empty()) {
    fmt::print(stderr, "error: give exactly one of --chip NAME or --spec FILE\n");
    return kExitError;
  }
  const std::string date = args.date.empty() ? today() : args.date;
  if (!is_iso_day(date)) {
    fmt::print(stderr, "error: --date: expected YYYY-MM-DD, got \"{}\"\n", date);
    return kExitError;
  }
  auto chip = load_chip(args);
  if (!chip) return kExitError;
  ClassifyOptions options{date, args.form, args.described_in, args.sum_units};
  const Classification c = classify(*chip, options, *book);
  if (use_json(args.format)) {
    nlohmann::json out = to_json(c);
    out["item"] = chip->name;
    out["date"] = date;
    out["rulebook"] = book->version;
    fmt::print("{}\n", out.dump(2));
  } else {
    print_classification(c, *chip);
  }
  return c.decided ? kExitOk : kExitPartial;
}

struct CheckArgs {
  ItemArgs item;
  std::string eccn, description, origin = "US", ship_from = "US", destination, exporter, seller,
                                 exporter_hq = "US", party_hq, direct_product = "unknown",
                                 us_person_activity, us_person_employer_hq, deemed_export_to,
                                 mode = "enforced", snapshot = "current";
  std::optional<double> us_content, prc_content;
  double quantity = 0;  // 0: not given
  bool contains_us_ic = false, certifications_dd = false, no_screen = false,
       us_person_employer_d5_owned = false;
  std::vector<std::string> parties, owners, end_uses, is_informed;
  float threshold = 0.85f;
  int max_list_age = 90;
};

int run_check(const GlobalOptions& global, const CheckArgs& args) {
  Rulebook storage;
  const Rulebook* book = load_rulebook(args.item.rules_file, storage);
  if (!book) return kExitError;
  // The options as the JSON transaction the library reads, so that both front ends share one
  // set of field checks.
  nlohmann::json in = {{"date", args.item.date.empty() ? today() : args.item.date},
                       {"mode", args.mode},
                       {"form", args.item.form},
                       {"origin", args.origin},
                       {"direct_product", args.direct_product},
                       {"contains_us_ic", args.contains_us_ic},
                       {"ship_from", args.ship_from},
                       {"destination", args.destination},
                       {"exporter_hq", args.exporter_hq},
                       {"parties", args.parties},
                       {"end_uses", args.end_uses},
                       {"certifications_dd", args.certifications_dd},
                       {"is_informed", args.is_informed}};
  if (args.quantity > 0) in["quantity"] = args.quantity;
  auto put = [&in](const char* key, const std::string& value) {
    if (!value.empty()) in[key] = value;
  };
  put("eccn", args.eccn);
  put("described_in", args.item.described_in);
  put("description", args.description);
  put("exporter", args.exporter);
  put("seller", args.seller);
  put("party_hq", args.party_hq);
  put("us_person_activity", args.us_person_activity);
  put("us_person_employer_hq", args.us_person_employer_hq);
  put("deemed_export_to", args.deemed_export_to);
  if (args.us_person_employer_d5_owned) in["us_person_employer_d5_owned"] = true;
  if (args.us_content) in["us_content"] = *args.us_content;
  if (args.prc_content) in["prc_content"] = *args.prc_content;
  in["owners"] = nlohmann::json::array();
  for (const std::string& o : args.owners) {
    const auto eq = o.rfind('=');
    char* end = nullptr;
    const double pct = eq == std::string::npos ? 0 : std::strtod(o.c_str() + eq + 1, &end);
    if (eq == std::string::npos || end == o.c_str() + eq + 1 || *end != '\0') {
      fmt::print(stderr, "error: --owner \"{}\": expected NAME=PERCENT (0-100)\n", o);
      return kExitError;
    }
    in["owners"].push_back({{"name", o.substr(0, eq)}, {"percent", pct}});
  }
  auto parsed = transaction_from_json(in, ChipCatalog::builtin());
  if (!parsed) {
    fmt::print(stderr, "error: {}\n", parsed.error().message);
    return kExitError;
  }
  Transaction tx = std::move(parsed.value());
  if (!args.item.chip.empty() || !args.item.spec.empty()) {
    if (!args.item.chip.empty() && !args.item.spec.empty()) {
      fmt::print(stderr, "error: give --chip or --spec, not both\n");
      return kExitError;
    }
    auto chip = load_chip(args.item);
    if (!chip) return kExitError;
    tx.chip = std::move(chip);
  }

  CheckOptions options;
  options.party_threshold = args.threshold;
  options.max_list_age_days = args.max_list_age;
  EngineHandle engine;
  if (!args.no_screen && tx.names_anyone()) {
    engine = load_engine(global, args.snapshot);
    if (!engine) {
      fmt::print(stderr,
                 "error: parties cannot be screened without a list snapshot (import one with "
                 "`clearance lists import`, or pass --no-screen)\n");
      return kExitError;
    }
    options.screener = engine->screener.get();
  }
  auto result = check_license(tx, *book, options);
  if (!result) {
    fmt::print(stderr, "error: {}\n", result.error().message);
    return kExitError;
  }
  const Determination& d = result.value();
  if (use_json(args.item.format)) {
    nlohmann::json out = to_json(d);
    if (engine) out["snapshot"] = engine->snapshot->id;
    fmt::print("{}\n", out.dump(2));
  } else {
    print_determination(d);
  }
  // The US answer or China's, whichever binds more (exit codes: README): a permit MOFCOM requires
  // stops the shipment as surely as a BIS license.
  auto binds = [](Answer a) { return a == Answer::yes || a == Answer::prohibited; };
  if (binds(d.license_required) || binds(d.china)) return kExitHits;
  if (d.license_required == Answer::indeterminate || d.china == Answer::indeterminate)
    return kExitPartial;
  return kExitOk;
}

void add_item_options(CLI::App* cmd, ItemArgs& a) {
  cmd->add_option("--chip", a.chip, "A chip from the catalogue (see `clearance chips`)");
  cmd->add_option("--spec", a.spec,
                  "A JSON file with the chip's figures (same shape as the catalogue)");
  cmd->add_option("--date", a.date, "Ship or transfer date, YYYY-MM-DD (default: today)");
  cmd->add_option("--form", a.form, "ic, or computer for boards/servers/assemblies containing it")
      ->check(CLI::IsMember({"ic", "computer"}));
  cmd->add_option("--described-in", a.described_in,
                  "Another ECCN that describes the item (5A992, 4A003…): use its .z paragraph")
      ->check(CLI::Validator(
          [](const std::string& v) {
            return rules::is_eccn(v) ? std::string()
                                     : "'" + v + "' is not an ECCN (such as 5A992, 4A003.b)";
          },
          "ECCN"));
  cmd->add_option("--rules", a.rules_file, "A rulebook JSON file instead of the built-in one");
  cmd->add_option("--format", a.format, "text or json (default: text on a terminal)")
      ->check(CLI::IsMember({"text", "json"}));
}

}  // namespace

void add_rules_commands(CLI::App& app, GlobalOptions& global, int& exit_code) {
  static ItemArgs classify_args;
  auto* classify_cmd = app.add_subcommand(
      "classify", "Classify a chip against 3A090/4A090 (TPP, performance density) for a date");
  add_item_options(classify_cmd, classify_args);
  classify_cmd->add_flag("--sum-units", classify_args.sum_units,
                         "Add the TPP of different kinds of processing unit");
  classify_cmd->footer("Exit codes: 0 classified, 2 error, 3 undecided (a figure is missing).");
  classify_cmd->callback([&exit_code] { exit_code = run_classify(classify_args); });

  static CheckArgs check_args;
  auto* check = app.add_subcommand(
      "check",
      "Determine whether a license is required: jurisdiction, classification, destination, "
      "parties, end use, exceptions, review policy, China's measures");
  add_item_options(check, check_args.item);
  check->add_option("--eccn", check_args.eccn,
                    "The item's ECCN when it is not a catalogued chip (EAR99 for none)");
  check->add_option("--description", check_args.description,
                    "What the item is (China's measures match words in it)");
  check
      ->add_option("--quantity", check_args.quantity,
                   "Units in the order (the LPP note of TEXT mode needs it)")
      ->check(CLI::PositiveNumber);
  check->add_option("--destination", check_args.destination,
                    "Destination country (ISO code or name); required unless --deemed-export-to");
  check->add_option("--ship-from", check_args.ship_from, "Country shipped from (default US)");
  check->add_option("--origin", check_args.origin, "Country where the item was made (default US)");
  check->add_option("--us-content", check_args.us_content,
                    "Foreign-made: controlled US content, % of value");
  check
      ->add_option("--direct-product", check_args.direct_product,
                   "Foreign-made: direct product of US technology/software (or of such a plant)")
      ->check(CLI::IsMember({"yes", "no", "unknown"}));
  check->add_flag("--contains-us-ic", check_args.contains_us_ic,
                  "Foreign-made: contains a US-origin IC");
  check->add_option("--prc-content", check_args.prc_content,
                    "China-origin listed rare earths, % of value");
  check->add_option("--exporter", check_args.exporter,
                    "Exporter's name: screened, and matched against is-informed letters");
  check->add_option("--seller", check_args.seller,
                    "A seller other than the exporter (a distributor): screened");
  check->add_option("--exporter-hq", check_args.exporter_hq,
                    "Exporter's headquarters country (default US)");
  check->add_option("--party-hq", check_args.party_hq,
                    "Headquarters of the consignee/end user or of its ultimate parent");
  check->add_option("--party", check_args.parties,
                    "A party's name, screened against the lists (repeat)");
  check->add_option("--owner", check_args.owners,
                    "An owner of the consignee, NAME=PERCENT (repeat)");
  check->add_option("--end-use", check_args.end_uses, "A known end use (repeat)")
      ->check(CLI::IsMember({end_use::supercomputer, end_use::advanced_node_fab,
                             end_use::fab_node_unknown, end_use::sme_development, end_use::military,
                             end_use::military_intelligence, end_use::technical_analysis,
                             end_use::below_5g, end_use::facility_200mm}));
  check
      ->add_option("--us-person-activity", check_args.us_person_activity,
                   "A US person facilitates or services the transaction (§ 744.6)")
      ->check(CLI::IsMember({"facilitate", "service"}));
  check->add_option("--deemed-export-to", check_args.deemed_export_to,
                    "A release of technology to a national of COUNTRY in the US (§ 734.13(b)); "
                    "replaces --destination");
  check->add_option("--us-person-employer-hq", check_args.us_person_employer_hq,
                    "Where the US person's employer is headquartered (§ 744.6(d)(4))");
  check->add_flag("--us-person-employer-d5-owned", check_args.us_person_employer_d5_owned,
                  "Entities headquartered in Macau/D:5 own a majority of that employer");
  check->add_flag("--certifications-dd", check_args.certifications_dd,
                  "The Supp. No. 2 to Part 748 ¶(dd) certifications are provided");
  check->add_option("--is-informed", check_args.is_informed,
                    "Catalogue id of an item the exporter was informed needs a license (repeat)");
  check->add_option("--mode", check_args.mode, "enforced (default) or text (literal eCFR)")
      ->check(CLI::IsMember({"enforced", "text"}));
  check->add_option("--snapshot", check_args.snapshot, "List snapshot for screening parties");
  check->add_option("--threshold", check_args.threshold, "Party match threshold (default 0.85)");
  check
      ->add_option("--max-list-age", check_args.max_list_age,
                   "Flag lists whose publication date is older than this many days (default 90)")
      ->check(CLI::Range(0, 36500));
  check->add_flag("--no-screen", check_args.no_screen, "Do not screen the parties");
  check->footer(
      "Exit codes: 0 no license required, 1 license required or prohibited, 2 error, "
      "3 indeterminate (facts missing).");
  check->callback([&global, &exit_code] { exit_code = run_check(global, check_args); });

  auto* chips = app.add_subcommand("chips", "List the chip catalogue");
  chips->callback([&exit_code] {
    for (const ChipSpec& c : ChipCatalog::builtin().chips())
      fmt::print("{:<22} {:<28} {}\n", c.id, c.name, fmt::join(c.aliases, ", "));
    exit_code = kExitOk;
  });
}

}  // namespace clearance::cli
