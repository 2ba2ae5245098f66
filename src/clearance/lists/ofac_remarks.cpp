#include "clearance/lists/ofac_remarks.h"

#include <array>

#include "clearance/lists/name_parsing.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

// Identifier labels OFAC uses in remarks, longest first where one is a prefix of another.
constexpr std::array<std::string_view, 32> kIdentifierLabels = {
    "Passport",
    "National ID No.",
    "Tax ID No.",
    "Registration ID",
    "SWIFT/BIC",
    "Website",
    "Email Address",
    "IMO",
    "MMSI",
    "Cedula No.",
    "NIT #",
    "C.U.R.P.",
    "R.F.C.",
    "D.N.I.",
    "Identification Number",
    "Business Registration Number",
    "Vessel Registration Identification",
    "Aircraft Manufacturer's Serial Number (MSN)",
    "Aircraft Tail Number",
    "Driver's License No.",
    "Residency Number",
    "Personal ID Card",
    "Citizen's Card Number",
    "Trade License No.",
    "Commercial Registry Number",
    "Company Number",
    "Government Gazette Number",
    "Legal Entity Number",
    "Chinese Commercial Code",
    "Phone Number",
    "Kenyan ID No.",
    "Public Security and Immigration No."};

// "A123 (Iran) issued 2010; expires 2015" → number "A123", country "Iran".
void split_number_and_country(std::string_view rest, Identifier& id, CountryResolver& countries) {
  rest = trim(rest);
  const size_t open = rest.find(" (");
  if (open == std::string_view::npos) {
    id.number = trim_copy(rest);
    return;
  }
  id.number = trim_copy(rest.substr(0, open));
  const size_t close = rest.find(')', open);
  const std::string_view inside = rest.substr(
      open + 2, close == std::string_view::npos ? std::string_view::npos : close - open - 2);
  id.country = countries.resolve(inside);
  if (id.country.empty()) id.note = trim_copy(inside);
  if (close != std::string_view::npos) {
    const std::string_view tail = trim(rest.substr(close + 1));
    if (!tail.empty()) id.note += (id.note.empty() ? "" : "; ") + std::string(tail);
  }
}

std::string_view after(std::string_view part, std::string_view label) {
  return trim(part.substr(label.size()));
}

void add_weak_aliases(std::string_view part, std::vector<Alias>& weak) {
  // a.k.a. 'X'. An apostrophe inside a name ("'ABD AL-NASIR") cannot be told from a closing quote;
  // OFAC closes with the part, so the name runs from the first quote to the last.
  const size_t first = part.find('\'');
  const size_t last = part.rfind('\'');
  if (first == std::string_view::npos || last <= first) return;
  const std::string name = collapse_whitespace(part.substr(first + 1, last - first - 1));
  if (!name.empty()) weak.push_back({name, AliasKind::weak});
}

}  // namespace

void apply_ofac_remarks(std::string_view remarks, CountryResolver& countries, Entity& e) {
  std::string_view text = trim(remarks);
  if (!text.empty() && text.back() == '.') text.remove_suffix(1);
  // Weak aliases are gathered and added once: remarks may hold thousands.
  std::vector<Alias> weak;
  for (const std::string& piece : split_trimmed(text, ";")) {
    std::string_view part = piece;
    if (istarts_with(part, "alt. ")) part = trim(part.substr(5));
    if (istarts_with(part, "a.k.a. ") || istarts_with(part, "f.k.a. ") ||
        istarts_with(part, "n.k.a. ")) {
      if (part.find('\'') != std::string_view::npos) add_weak_aliases(part.substr(7), weak);
      continue;
    }
    if (istarts_with(part, "DOB ")) {
      e.dates_of_birth.push_back(normalize_date(after(part, "DOB ")));
      continue;
    }
    if (istarts_with(part, "POB ")) {
      e.places_of_birth.push_back(trim_copy(after(part, "POB ")));
      continue;
    }
    if (istarts_with(part, "nationality ")) {
      const std::string_view value = after(part, "nationality ");
      std::string code = countries.resolve(value);
      e.nationalities.push_back(code.empty() ? std::string(value) : code);
      continue;
    }
    if (istarts_with(part, "citizen ")) {
      const std::string_view value = after(part, "citizen ");
      std::string code = countries.resolve(value);
      e.citizenships.push_back(code.empty() ? std::string(value) : code);
      continue;
    }
    if (istarts_with(part, "Gender ")) {
      e.properties.push_back({"gender", trim_copy(after(part, "Gender "))});
      continue;
    }
    for (std::string_view label : kIdentifierLabels) {
      if (istarts_with(part, label) && part.size() > label.size() && part[label.size()] == ' ') {
        Identifier id;
        id.type = std::string(label);
        split_number_and_country(after(part, label), id, countries);
        if (!id.number.empty()) e.identifiers.push_back(std::move(id));
        break;
      }
    }
  }
  append_unique_aliases(e.aliases, weak, e.name);
}

}  // namespace clearance
