// UN Security Council Consolidated List, official XML (CONSOLIDATED_LIST/INDIVIDUALS, ENTITIES).
#include <fmt/format.h>

#include <pugixml.hpp>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/lists/name_parsing.h"
#include "clearance/model/country_codes.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

std::string text(const pugi::xml_node& node, const char* child) {
  return collapse_whitespace(node.child(child).text().as_string());
}

std::vector<std::string> values(const pugi::xml_node& node, const char* child) {
  std::vector<std::string> out;
  for (auto v : node.child(child).children("VALUE"))
    if (auto t = collapse_whitespace(v.text().as_string()); !t.empty()) out.push_back(t);
  return out;
}

std::string join_nonempty(std::initializer_list<std::string> parts, const char* sep = ", ") {
  std::string out;
  for (const auto& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : sep) + p;
  return out;
}

class UnXmlReader final : public ListReader {
 public:
  std::string_view format() const override { return "un-xml"; }
  std::string_view description() const override {
    return "UN Security Council Consolidated List XML";
  }

  int recognize(std::string_view, std::string_view head) const override {
    return head.find("<CONSOLIDATED_LIST") != std::string_view::npos ? 95 : 0;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer(content.data(), content.size());
    if (!parsed)
      return make_error(parsed.status == pugi::status_end_element_mismatch ||
                                parsed.status == pugi::status_bad_end_element ||
                                parsed.status == pugi::status_no_document_element
                            ? ErrorCode::integrity
                            : ErrorCode::format,
                        fmt::format("{}: not well-formed XML at byte {}: {} (truncated file?)",
                                    path, parsed.offset, parsed.description()));
    const pugi::xml_node root = doc.child("CONSOLIDATED_LIST");
    if (!root)
      return make_error(
          ErrorCode::format,
          fmt::format("{}: not a UN consolidated list (no CONSOLIDATED_LIST root)", path));
    ReadResult result;
    result.dataset = "un_sc";
    result.files = {path};
    result.published = normalize_date(root.attribute("dateGenerated").as_string());
    CountryResolver countries;
    size_t index = 0;
    for (auto node : root.child("INDIVIDUALS").children("INDIVIDUAL")) {
      ++index;
      Entity e = common(node, countries);
      e.type = EntityType::person;
      e.name = join_nonempty({text(node, "FIRST_NAME"), text(node, "SECOND_NAME"),
                              text(node, "THIRD_NAME"), text(node, "FOURTH_NAME")},
                             " ");
      if (!add_or_report(std::move(e), path, fmt::format("INDIVIDUAL[{}]", index), result))
        continue;
      Entity& added = result.entities.back();
      for (auto alias : node.children("INDIVIDUAL_ALIAS")) add_alias(alias, added);
      for (auto a : node.children("INDIVIDUAL_ADDRESS")) add_address(a, countries, added);
      for (auto d : node.children("INDIVIDUAL_DATE_OF_BIRTH")) add_date_of_birth(d, added);
      for (auto p : node.children("INDIVIDUAL_PLACE_OF_BIRTH")) {
        auto place =
            join_nonempty({text(p, "CITY"), text(p, "STATE_PROVINCE"), text(p, "COUNTRY")});
        if (!place.empty()) added.places_of_birth.push_back(place);
      }
      for (const auto& n : values(node, "NATIONALITY")) {
        std::string code = countries.resolve(n);
        added.nationalities.push_back(code.empty() ? n : code);
      }
      for (auto doc_node : node.children("INDIVIDUAL_DOCUMENT")) {
        Identifier id;
        id.type = text(doc_node, "TYPE_OF_DOCUMENT");
        id.number = text(doc_node, "NUMBER");
        id.country = countries.resolve(text(doc_node, "ISSUING_COUNTRY"));
        if (id.country.empty()) id.country = countries.resolve(text(doc_node, "COUNTRY_OF_ISSUE"));
        id.issued = normalize_date(text(doc_node, "DATE_OF_ISSUE"));
        id.note = text(doc_node, "NOTE");
        if (!id.number.empty() || !id.type.empty()) added.identifiers.push_back(std::move(id));
      }
      for (const auto& title : values(node, "TITLE")) added.properties.push_back({"title", title});
      for (const auto& d : values(node, "DESIGNATION"))
        added.properties.push_back({"designation", d});
      if (auto g = text(node, "GENDER"); !g.empty()) added.properties.push_back({"gender", g});
    }
    index = 0;
    for (auto node : root.child("ENTITIES").children("ENTITY")) {
      ++index;
      Entity e = common(node, countries);
      e.type = EntityType::organization;
      e.name = text(node, "FIRST_NAME");
      if (!add_or_report(std::move(e), path, fmt::format("ENTITY[{}]", index), result)) continue;
      Entity& added = result.entities.back();
      for (auto alias : node.children("ENTITY_ALIAS")) add_alias(alias, added);
      for (auto a : node.children("ENTITY_ADDRESS")) add_address(a, countries, added);
    }
    assign_entity_ids(result.entities);
    return result;
  }

 private:
  static Entity common(const pugi::xml_node& node, CountryResolver&) {
    Entity e;
    e.dataset = "un_sc";
    e.list = "UN";
    e.sub_list = text(node, "UN_LIST_TYPE");
    e.source_id = text(node, "REFERENCE_NUMBER");
    e.listed_on = normalize_date(text(node, "LISTED_ON"));
    e.remarks = text(node, "COMMENTS1");
    if (!e.sub_list.empty()) e.programs.push_back(e.sub_list);
    if (auto original = text(node, "NAME_ORIGINAL_SCRIPT"); !original.empty())
      e.aliases.push_back({original, AliasKind::original_script});
    if (auto data_id = text(node, "DATAID"); !data_id.empty())
      e.properties.push_back({"un_dataid", data_id});
    return e;
  }

  static bool add_or_report(Entity&& e, const std::string& path, const std::string& where,
                            ReadResult& result) {
    if (e.name.empty()) {
      result.issues.push_back({path, 0, where + "/FIRST_NAME", "name is empty"});
      return false;
    }
    if (e.source_id.empty()) {
      result.issues.push_back({path, 0, where + "/REFERENCE_NUMBER", "reference number is empty"});
      return false;
    }
    result.entities.push_back(std::move(e));
    return true;
  }

  static void add_alias(const pugi::xml_node& node, Entity& e) {
    const std::string name = text(node, "ALIAS_NAME");
    if (name.empty()) return;
    // UN quality "Low" is the UN's own weak-alias flag.
    const AliasKind kind = iequals(text(node, "QUALITY"), "Low") ? AliasKind::weak : AliasKind::aka;
    append_unique_aliases(e.aliases, {Alias{name, kind}}, e.name);
  }

  static void add_address(const pugi::xml_node& node, CountryResolver& countries, Entity& e) {
    Address a;
    a.street = text(node, "STREET");
    a.city = text(node, "CITY");
    a.state = text(node, "STATE_PROVINCE");
    a.postal_code = text(node, "ZIP_CODE");
    a.country_text = text(node, "COUNTRY");
    a.country = countries.resolve(a.country_text);
    a.full = join_nonempty({a.street, a.city, a.state, a.postal_code, a.country_text});
    if (!a.full.empty()) e.addresses.push_back(std::move(a));
  }

  static void add_date_of_birth(const pugi::xml_node& node, Entity& e) {
    if (auto date = text(node, "DATE"); !date.empty())
      e.dates_of_birth.push_back(normalize_date(date));
    else if (auto year = text(node, "YEAR"); !year.empty())
      e.dates_of_birth.push_back(year);
    else if (auto from = text(node, "FROM_YEAR"); !from.empty())
      e.dates_of_birth.push_back(fmt::format("{} to {}", from, text(node, "TO_YEAR")));
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(UnXmlReader)

}  // namespace clearance
