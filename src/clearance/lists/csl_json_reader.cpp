// trade.gov Consolidated Screening List, consolidated.json layout: {"results": [ {…}, … ]} where
// multi-valued fields are arrays and addresses/ids are arrays of objects.
#include <fmt/format.h>
#include <simdjson.h>

#include "clearance/lists/csl_record.h"
#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string text_of(element value) {
  if (value.is_string()) return trim_copy(std::string_view(value.get_string().value_unsafe()));
  if (value.is_int64()) return std::to_string(int64_t(value.get_int64().value_unsafe()));
  if (value.is_uint64()) return std::to_string(uint64_t(value.get_uint64().value_unsafe()));
  if (value.is_double()) return fmt::format("{}", double(value.get_double().value_unsafe()));
  return {};
}

std::string field(object obj, std::string_view key) {
  element value;
  if (obj.at_key(key).get(value)) return {};
  return text_of(value);
}

// Accepts an array of strings, a single string with "; " separators, or null.
std::vector<std::string> strings(object obj, std::string_view key) {
  element value;
  if (obj.at_key(key).get(value)) return {};
  if (value.is_array()) {
    std::vector<std::string> out;
    const simdjson::dom::array items = value.get_array().value_unsafe();
    for (element item : items)
      if (auto t = text_of(item); !t.empty()) out.push_back(std::move(t));
    return out;
  }
  return split_trimmed(text_of(value), ";");
}

class CslJsonReader final : public ListReader {
 public:
  std::string_view format() const override { return "csl-json"; }
  std::string_view description() const override {
    return "US Consolidated Screening List, consolidated.json (trade.gov)";
  }

  int recognize(std::string_view path, std::string_view head) const override {
    const std::string_view t = trim(head);
    if (t.empty() || (t.front() != '{' && t.front() != '[')) return 0;
    if (head.find("\"results\"") != std::string_view::npos &&
        head.find("\"source\"") != std::string_view::npos)
      return 90;
    if (head.find("\"alt_names\"") != std::string_view::npos) return 80;
    return path.find("consolidated") != std::string_view::npos ? 30 : 0;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    ReadResult result;
    result.dataset = "us_csl";
    result.files = {path};
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(content);
    element root;
    if (auto error = parser.parse(padded).get(root))
      return make_error(error == simdjson::TAPE_ERROR || error == simdjson::UNCLOSED_STRING
                            ? ErrorCode::integrity
                            : ErrorCode::format,
                        fmt::format("{}: not valid JSON ({}); truncated or not a CSL JSON file",
                                    path, simdjson::error_message(error)));
    simdjson::dom::array rows;
    if (root.is_array()) {
      rows = root.get_array().value_unsafe();
    } else if (root.is_object()) {
      element results;
      if (root.get_object().value_unsafe().at_key("results").get(results) || !results.is_array())
        return make_error(ErrorCode::format,
                          fmt::format("{}: not a CSL JSON file: no \"results\" array", path));
      rows = results.get_array().value_unsafe();
    } else {
      return make_error(ErrorCode::format, fmt::format("{}: not a CSL JSON file", path));
    }
    CountryResolver countries;
    size_t index = 0;
    for (element row : rows) {
      ++index;
      if (!row.is_object()) {
        result.issues.push_back({path, 0, fmt::format("results[{}]", index - 1), "not an object"});
        continue;
      }
      const object obj = row.get_object().value_unsafe();
      CslRecord r = to_record(obj, countries);
      if (r.source.empty()) {
        result.issues.push_back(
            {path, 0, fmt::format("results[{}].source", index - 1), "source is empty"});
        continue;
      }
      Entity entity;
      if (!build_csl_entity(std::move(r), countries, entity)) {
        result.issues.push_back(
            {path, 0, fmt::format("results[{}].name", index - 1), "name is empty"});
        continue;
      }
      result.entities.push_back(std::move(entity));
    }
    assign_entity_ids(result.entities);
    return result;
  }

 private:
  static CslRecord to_record(object obj, CountryResolver& countries) {
    CslRecord r;
    r.id = field(obj, "id");
    if (r.id.empty()) r.id = field(obj, "_id");
    r.source = field(obj, "source");
    r.entity_number = field(obj, "entity_number");
    r.type = field(obj, "type");
    r.name = field(obj, "name");
    r.title = field(obj, "title");
    r.federal_register_notice = field(obj, "federal_register_notice");
    r.start_date = field(obj, "start_date");
    r.end_date = field(obj, "end_date");
    r.standard_order = field(obj, "standard_order");
    r.license_requirement = field(obj, "license_requirement");
    r.license_policy = field(obj, "license_policy");
    r.call_sign = field(obj, "call_sign");
    r.vessel_type = field(obj, "vessel_type");
    r.gross_tonnage = field(obj, "gross_tonnage");
    r.gross_registered_tonnage = field(obj, "gross_registered_tonnage");
    r.vessel_flag = field(obj, "vessel_flag");
    r.vessel_owner = field(obj, "vessel_owner");
    r.remarks = field(obj, "remarks");
    r.source_list_url = field(obj, "source_list_url");
    r.source_information_url = field(obj, "source_information_url");
    r.programs = strings(obj, "programs");
    r.alt_names = strings(obj, "alt_names");
    r.citizenships = strings(obj, "citizenships");
    r.dates_of_birth = strings(obj, "dates_of_birth");
    r.nationalities = strings(obj, "nationalities");
    r.places_of_birth = strings(obj, "places_of_birth");
    element list;
    if (!obj.at_key("addresses").get(list) && list.is_array()) {
      const simdjson::dom::array addresses = list.get_array().value_unsafe();
      for (element a : addresses) {
        if (a.is_string()) {
          r.addresses.push_back(parse_csl_address(text_of(a), countries));
          continue;
        }
        if (!a.is_object()) continue;
        const object ao = a.get_object().value_unsafe();
        Address address;
        address.street = field(ao, "address");
        address.city = field(ao, "city");
        address.state = field(ao, "state");
        address.postal_code = field(ao, "postal_code");
        address.country_text = field(ao, "country");
        address.country = countries.resolve(address.country_text);
        for (const auto* part : {&address.street, &address.city, &address.state,
                                 &address.postal_code, &address.country_text})
          if (!part->empty()) address.full += (address.full.empty() ? "" : ", ") + *part;
        r.addresses.push_back(std::move(address));
      }
    }
    if (!obj.at_key("ids").get(list) && list.is_array()) {
      const simdjson::dom::array ids = list.get_array().value_unsafe();
      for (element i : ids) {
        if (!i.is_object()) continue;
        const object io = i.get_object().value_unsafe();
        Identifier id;
        id.type = field(io, "type");
        id.number = field(io, "number");
        id.country = countries.resolve(field(io, "country"));
        id.issued = field(io, "issue_date");
        id.expires = field(io, "expiration_date");
        r.ids.push_back(std::move(id));
      }
    }
    return r;
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(CslJsonReader)

}  // namespace clearance
