// OFAC Enhanced XML (sanctionsData, namespace …/ENHANCED_XML), plain or as the published ZIP.
#include <fmt/format.h>

#include <pugixml.hpp>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/lists/name_parsing.h"
#include "clearance/model/country_codes.h"
#include "clearance/util/strings.h"
#include "clearance/util/zip_archive.h"

namespace clearance {
namespace {

std::string text(const pugi::xml_node& node, const char* child) {
  return collapse_whitespace(node.child(child).text().as_string());
}

// OFAC list names → the codes the CSL uses for them.
std::string list_code(const std::string& name) {
  struct Rule {
    const char* needle;
    const char* code;
  };
  static constexpr Rule rules[] = {{"SDN List", "SDN"},
                                   {"Palestinian Legislative", "PLC"},
                                   {"Sectoral Sanctions", "SSI"},
                                   {"CMIC", "CMIC"},
                                   {"Menu-Based", "MBS"},
                                   {"FSE", "FSE"},
                                   {"Foreign Sanctions Evaders", "FSE"},
                                   {"CAPTA", "CAP"}};
  for (const auto& rule : rules)
    if (name.find(rule.needle) != std::string::npos) return rule.code;
  return name;
}

class OfacEnhancedXmlReader final : public ListReader {
 public:
  std::string_view format() const override { return "ofac-enhanced-xml"; }
  std::string_view description() const override {
    return "OFAC Enhanced XML (SDN_ENHANCED / CONS_ENHANCED), .xml or the published .zip";
  }

  int recognize(std::string_view path, std::string_view head) const override {
    if (head.find("<sanctionsData") != std::string_view::npos) return 95;
    if (looks_like_zip(head) && ascii_upper(path).find("ENHANCED") != std::string::npos) return 90;
    return 0;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    std::string unzipped;
    if (looks_like_zip(content)) {
      // Only the XML member is inflated.
      auto names = zip_member_names(content, path);
      if (!names) return names.error();
      for (const std::string& member : names.value())
        if (member.size() >= 4 && ascii_lower(member).substr(member.size() - 4) == ".xml") {
          auto bytes = unzip_member(content, path, member);
          if (!bytes) return bytes.error();
          unzipped = std::move(bytes.value());
          break;
        }
      if (unzipped.empty())
        return make_error(ErrorCode::format,
                          fmt::format("{}: ZIP archive holds no XML file", path));
      content = unzipped;
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(content.data(), content.size());
    if (!parsed)
      return make_error(ErrorCode::integrity,
                        fmt::format("{}: not well-formed XML at byte {}: {} (truncated file?)",
                                    path, parsed.offset, parsed.description()));
    const pugi::xml_node root = doc.child("sanctionsData");
    if (!root)
      return make_error(ErrorCode::format,
                        fmt::format("{}: not OFAC Enhanced XML (no sanctionsData root)", path));
    ReadResult result;
    result.files = {path};
    result.published = normalize_date(text(root.child("publicationInfo"), "dataAsOf"));
    bool is_sdn = false;
    for (auto l : root.child("publicationInfo")
                      .child("filters")
                      .child("sanctionsLists")
                      .children("sanctionsList"))
      is_sdn = is_sdn || std::string(l.text().as_string()).find("SDN") != std::string::npos;
    result.dataset = is_sdn ? "ofac_sdn_xml" : "ofac_cons_xml";
    CountryResolver countries;
    size_t index = 0;
    for (auto node : root.child("entities").children("entity")) {
      ++index;
      Entity e;
      e.dataset = result.dataset;
      e.source_id = node.attribute("id").as_string();
      const auto general = node.child("generalInfo");
      const std::string type = text(general, "entityType");
      e.type = iequals(type, "Entity") ? EntityType::organization : entity_type_from_string(type);
      e.remarks = text(general, "remarks");
      for (auto l : node.child("sanctionsLists").children("sanctionsList")) {
        const std::string name = collapse_whitespace(l.text().as_string());
        if (name == "Consolidated List") continue;  // the umbrella, not a list of its own
        if (e.list.empty()) {
          e.list = list_code(name);
          e.sub_list = name;
          e.listed_on = normalize_date(l.attribute("datePublished").as_string());
        }
      }
      if (e.list.empty()) e.list = is_sdn ? "SDN" : "CONS";
      for (auto p : node.child("sanctionsPrograms").children("sanctionsProgram"))
        e.programs.push_back(collapse_whitespace(p.text().as_string()));
      read_names(node, e);
      if (e.name.empty() || e.source_id.empty()) {
        result.issues.push_back(
            {path, 0, fmt::format("entity[{}]/names", index),
             e.source_id.empty() ? "entity has no id" : "entity has no primary name"});
        continue;
      }
      read_addresses(node, countries, e);
      read_features(node, countries, e);
      read_documents(node, countries, e);
      result.entities.push_back(std::move(e));
    }
    if (index == 0 && !root.child("entities"))
      return make_error(ErrorCode::format, fmt::format("{}: no entities element", path));
    assign_entity_ids(result.entities);
    return result;
  }

 private:
  static void read_names(const pugi::xml_node& node, Entity& e) {
    for (auto name : node.child("names").children("name")) {
      const bool primary = std::string(name.child("isPrimary").text().as_string()) == "true";
      const bool low_quality = std::string(name.child("isLowQuality").text().as_string()) == "true";
      const AliasKind kind =
          low_quality ? AliasKind::weak : alias_kind_from_string(text(name, "aliasType"));
      for (auto t : name.child("translations").children("translation")) {
        const std::string full = text(t, "formattedFullName");
        if (full.empty()) continue;
        const bool latin = iequals(text(t, "script"), "Latin");
        const bool translation_primary =
            std::string(t.child("isPrimary").text().as_string()) == "true";
        if (primary && latin && translation_primary && e.name.empty()) {
          e.name = full;
          continue;
        }
        append_unique_aliases(e.aliases, {Alias{full, latin ? kind : AliasKind::original_script}},
                              e.name);
      }
    }
    // An alias recorded before the primary name was seen may equal it.
    std::erase_if(e.aliases, [&](const Alias& a) { return a.name == e.name; });
  }

  static void read_addresses(const pugi::xml_node& node, CountryResolver& countries, Entity& e) {
    for (auto address : node.child("addresses").children("address")) {
      Address a;
      a.country_text = text(address, "country");
      a.country = countries.resolve(a.country_text);
      for (auto t : address.child("translations").children("translation")) {
        if (!iequals(text(t, "script"), "Latin")) continue;
        for (auto part : t.child("addressParts").children("addressPart")) {
          const std::string type = text(part, "type");
          const std::string value = text(part, "value");
          if (type == "CITY")
            a.city = value;
          else if (type == "STATE/PROVINCE")
            a.state = value;
          else if (type == "POSTAL CODE")
            a.postal_code = value;
          else if (type.rfind("ADDRESS", 0) == 0)
            a.street += (a.street.empty() ? "" : ", ") + value;
        }
      }
      for (const std::string* p : {&a.street, &a.city, &a.state, &a.postal_code, &a.country_text})
        if (!p->empty()) a.full += (a.full.empty() ? "" : ", ") + *p;
      if (!a.full.empty()) e.addresses.push_back(std::move(a));
    }
  }

  static void read_features(const pugi::xml_node& node, CountryResolver& countries, Entity& e) {
    for (auto f : node.child("features").children("feature")) {
      const std::string type = text(f, "type");
      const std::string value = text(f, "value");
      if (type == "Birthdate") {
        const auto date = f.child("valueDate");
        const std::string from = text(date, "fromDateBegin"), to = text(date, "toDateEnd");
        if (!from.empty() && from.substr(5) == "01-01" && to.size() == 10 &&
            to.substr(5) == "12-31" && from.substr(0, 4) == to.substr(0, 4))
          e.dates_of_birth.push_back(from.substr(0, 4));
        else
          e.dates_of_birth.push_back(normalize_date(value.empty() ? from : value));
      } else if (type == "Place of Birth") {
        e.places_of_birth.push_back(value);
      } else if (type == "Nationality Country" || type == "Nationality of Registration") {
        std::string code = countries.resolve(value);
        e.nationalities.push_back(code.empty() ? value : code);
      } else if (type == "Citizenship Country") {
        std::string code = countries.resolve(value);
        e.citizenships.push_back(code.empty() ? value : code);
      } else if (type == "Website" || type == "Email Address" || type == "SWIFT/BIC" ||
                 type == "ISIN" || type == "Equity Ticker" || type == "BIK (RU)") {
        e.identifiers.push_back({type, value, "", "", "", ""});
      } else if (!value.empty()) {
        e.properties.push_back({type == "Gender" ? "gender" : type, value});
      }
    }
  }

  static void read_documents(const pugi::xml_node& node, CountryResolver& countries, Entity& e) {
    for (auto d : node.child("identityDocuments").children("identityDocument")) {
      Identifier id;
      id.type = text(d, "type");
      id.number = text(d, "documentNumber");
      id.country = countries.resolve(text(d, "issuingCountry"));
      if (std::string(d.child("isValid").text().as_string()) == "false")
        id.note = "marked not valid by OFAC";
      if (!id.number.empty()) e.identifiers.push_back(std::move(id));
    }
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(OfacEnhancedXmlReader)

}  // namespace clearance
