#include "clearance/rules/transaction_json.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <set>

#include "clearance/batch/batch_input.h"
#include "clearance/rules/classifier.h"
#include "clearance/util/dates.h"

namespace clearance::rules {

using nlohmann::json;

namespace {

struct BadField {
  std::string field;
  std::string message;
};

std::string text(const json& in, const char* key, std::string fallback = {}) {
  if (!in.contains(key)) return fallback;
  if (!in.at(key).is_string()) throw BadField{key, "expected a string"};
  return in.at(key).get<std::string>();
}

std::optional<double> number(const json& in, const char* key) {
  if (!in.contains(key) || in.at(key).is_null()) return std::nullopt;
  if (!in.at(key).is_number()) throw BadField{key, "expected a number"};
  return in.at(key).get<double>();
}

// A share of a value, 0 to 100.
std::optional<double> percent(const json& in, const char* key) {
  const auto v = number(in, key);
  if (v && !(*v >= 0 && *v <= 100)) throw BadField{key, "expected a percentage from 0 to 100"};
  return v;
}

void check_name_length(const char* key, const std::string& name) {
  if (name.size() > kMaxNameBytes)
    throw BadField{key,
                   fmt::format("a name of {} bytes; the limit is {}", name.size(), kMaxNameBytes)};
}

bool flag(const json& in, const char* key) {
  if (!in.contains(key)) return false;
  if (!in.at(key).is_boolean()) throw BadField{key, "expected true or false"};
  return in.at(key).get<bool>();
}

std::vector<std::string> strings(const json& in, const char* key) {
  std::vector<std::string> out;
  if (!in.contains(key)) return out;
  if (!in.at(key).is_array()) throw BadField{key, "expected an array of strings"};
  for (const json& v : in.at(key)) {
    if (!v.is_string()) throw BadField{key, "expected an array of strings"};
    out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

const std::set<std::string>& transaction_fields() {
  static const std::set<std::string> known = {"date",
                                              "mode",
                                              "chip",
                                              "spec",
                                              "eccn",
                                              "form",
                                              "described_in",
                                              "description",
                                              "quantity",
                                              "origin",
                                              "us_content",
                                              "direct_product",
                                              "contains_us_ic",
                                              "prc_content",
                                              "ship_from",
                                              "destination",
                                              "exporter",
                                              "exporter_hq",
                                              "party_hq",
                                              "parties",
                                              "owners",
                                              "us_person_activity",
                                              "end_uses",
                                              "certifications_dd",
                                              "is_informed",
                                              "seller",
                                              "us_person_employer_hq",
                                              "us_person_employer_d5_owned",
                                              "deemed_export_to"};
  return known;
}

Result<Transaction> transaction_from_json(const json& in, const ChipCatalog& catalog) {
  const std::set<std::string>& known = transaction_fields();
  if (!in.is_object())
    return make_error(ErrorCode::invalid_argument, "transaction: expected an object");
  for (const auto& [key, value] : in.items())
    if (!known.count(key))
      return make_error(ErrorCode::invalid_argument, fmt::format("{}: unknown field", key));
  Transaction tx;
  try {
    tx.date = text(in, "date");
    if (!tx.date.empty() && !is_iso_day(tx.date))
      throw BadField{"date",
                     fmt::format("'{}' is not a date of the calendar (YYYY-MM-DD)", tx.date)};
    const std::string mode = text(in, "mode", "enforced");
    if (mode != "enforced" && mode != "text") throw BadField{"mode", "expected enforced or text"};
    tx.text_mode = mode == "text";
    if (in.contains("chip")) {
      auto found = catalog.find(text(in, "chip"));
      if (!found) throw BadField{"chip", found.error().message};
      tx.chip = *found.value();
    }
    if (in.contains("spec")) {
      auto spec = parse_chip_spec(in.at("spec").dump(), "spec");
      if (!spec) {
        // The spec reader names its path from "spec" already: "spec: name: missing".
        std::string message = spec.error().message;
        if (message.rfind("spec: ", 0) == 0) message.erase(0, 6);
        throw BadField{"spec", message};
      }
      tx.chip = std::move(spec.value());
    }
    tx.eccn = text(in, "eccn");
    if (!tx.eccn.empty() && !is_eccn(tx.eccn))
      throw BadField{"eccn",
                     fmt::format("'{}' is not an ECCN (such as 3A090.a, 5A992) or EAR99", tx.eccn)};
    tx.form = text(in, "form", "ic");
    tx.described_in = text(in, "described_in");
    if (!tx.described_in.empty() && !is_eccn(tx.described_in))
      throw BadField{"described_in",
                     fmt::format("'{}' is not an ECCN (such as 5A992, 4A003.b)", tx.described_in)};
    tx.description = text(in, "description");
    tx.quantity = number(in, "quantity");
    if (tx.quantity && !(*tx.quantity > 0 && *tx.quantity < 1e12))
      throw BadField{"quantity", "expected a number of units above 0"};
    tx.origin = text(in, "origin", "US");
    tx.us_content_percent = percent(in, "us_content");
    const std::string dp = text(in, "direct_product", "unknown");
    if (dp != "yes" && dp != "no" && dp != "unknown")
      throw BadField{"direct_product", "expected yes, no or unknown"};
    tx.direct_product = dp == "yes" ? Tristate::yes : dp == "no" ? Tristate::no : Tristate::unknown;
    tx.contains_us_ic = flag(in, "contains_us_ic");
    tx.prc_content_percent = percent(in, "prc_content");
    tx.ship_from = text(in, "ship_from", "US");
    tx.destination = text(in, "destination");
    tx.exporter = text(in, "exporter");
    tx.seller = text(in, "seller");
    tx.exporter_hq = text(in, "exporter_hq", "US");
    tx.party_hq = text(in, "party_hq");
    tx.parties = strings(in, "parties");
    // A party is screened: names as long as a screening takes (kMaxNameBytes), no longer — one
    // word of megabytes would hold a worker for minutes.
    for (const std::string& name : tx.parties) check_name_length("parties", name);
    check_name_length("exporter", tx.exporter);
    check_name_length("seller", tx.seller);
    if (in.contains("owners")) {
      if (!in.at("owners").is_array()) throw BadField{"owners", "expected an array"};
      for (const json& o : in.at("owners")) {
        if (!o.is_object() || !o.contains("name") || !o.contains("percent") ||
            !o.at("name").is_string() || !o.at("percent").is_number())
          throw BadField{"owners", "expected objects {\"name\": …, \"percent\": …}"};
        const double pct = o.at("percent").get<double>();
        if (pct < 0 || pct > 100) throw BadField{"owners", "percent must be 0-100"};
        check_name_length("owners", o.at("name").get_ref<const std::string&>());
        tx.owners.push_back({o.at("name").get<std::string>(), pct});
      }
    }
    tx.us_person_activity = text(in, "us_person_activity");
    if (tx.us_person_activity != "" && tx.us_person_activity != "facilitate" &&
        tx.us_person_activity != "service")
      throw BadField{"us_person_activity",
                     fmt::format("'{}' is not facilitate or service", tx.us_person_activity)};
    tx.us_person_employer_hq = text(in, "us_person_employer_hq");
    tx.us_person_employer_d5_owned = flag(in, "us_person_employer_d5_owned");
    const auto uses = strings(in, "end_uses");
    for (const std::string& use : uses)
      if (std::none_of(std::begin(end_use::all), std::end(end_use::all),
                       [&](const char* known) { return use == known; }))
        throw BadField{"end_uses", fmt::format("'{}' is not an end use the rules know ({})", use,
                                               fmt::join(end_use::all, ", "))};
    tx.end_uses = {uses.begin(), uses.end()};
    tx.certifications_dd = flag(in, "certifications_dd");
    // The chips BIS informed the exporter of, by the catalogue's ids (or names): one it does not
    // hold would be ignored, and the "is informed" requirement with it.
    for (const std::string& chip : strings(in, "is_informed")) {
      auto found = catalog.find(chip);
      if (!found)
        throw BadField{"is_informed", fmt::format("'{}' is no chip of the catalogue: {}", chip,
                                                  found.error().message)};
      tx.is_informed.push_back(found.value()->id);
    }
    tx.deemed_export_to = text(in, "deemed_export_to");
    if (!tx.deemed_export_to.empty()) {
      // Only technology and software are released; the release happens in the United States.
      const bool tech =
          tx.eccn == "EAR99" || (tx.eccn.size() >= 2 && (tx.eccn[1] == 'D' || tx.eccn[1] == 'E'));
      if (tx.chip || !tech)
        throw BadField{"deemed_export_to",
                       "a deemed export releases technology or source code: give its ECCN (a D "
                       "or E entry, or EAR99), not a chip"};
      if (!tx.destination.empty() && tx.destination != "US")
        throw BadField{"deemed_export_to",
                       "a deemed export happens in the United States: leave destination out"};
      tx.destination = tx.deemed_export_to;
      tx.ship_from = "US";
      tx.origin = "US";
    }
  } catch (const BadField& e) {
    return make_error(ErrorCode::invalid_argument, fmt::format("{}: {}", e.field, e.message));
  }
  return tx;
}

}  // namespace clearance::rules
