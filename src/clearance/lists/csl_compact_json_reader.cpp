// The US Consolidated Screening List as a compacted JSON extract of trade.gov's consolidated.json:
// {"sourceGeneratedAt", "tables": {"sources", "licenceRequirements", "licencePolicies",
// "programmes", "urls"}, "entries": [{"n", "a", "s", "t", "c", "e", "lr", "lp", "pg", "fr",
// "u"}]} where s, lr, lp, pg and u index the tables. Not an official format: it is how the
// freshest CSL available offline comes (no street addresses, identifiers or dates of birth), and
// the records it gives are the CSL's own, mapped exactly as the official layouts' are.
#include <fmt/format.h>
#include <simdjson.h>

#include "clearance/lists/csl_record.h"
#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string text(object obj, std::string_view key) {
  std::string_view value;
  if (obj.at_key(key).get(value)) return {};
  return trim_copy(value);
}

std::vector<std::string> texts(element value) {
  std::vector<std::string> out;
  array items;
  if (value.get(items)) return out;
  for (element item : items) {
    std::string_view s;
    if (!item.get(s) && !trim(s).empty()) out.push_back(trim_copy(s));
  }
  return out;
}

// The table entry an index field points to; `ok` turns false when the index is out of range.
std::string lookup(object obj, std::string_view key, const std::vector<std::string>& table,
                   bool& ok) {
  int64_t index = 0;
  if (obj.at_key(key).get(index)) return {};
  if (index < 0 || static_cast<uint64_t>(index) >= table.size()) {
    ok = false;
    return {};
  }
  return table[static_cast<size_t>(index)];
}

class CslCompactJsonReader final : public ListReader {
 public:
  std::string_view format() const override { return "csl-compact-json"; }
  std::string_view description() const override {
    return "US Consolidated Screening List, compacted consolidated.json extract (not official)";
  }

  int recognize(std::string_view, std::string_view head) const override {
    const std::string_view t = trim(head);
    if (t.empty() || t.front() != '{') return 0;
    const bool fields = head.find("\"fieldKey\"") != std::string_view::npos ||
                        head.find("\"entries\"") != std::string_view::npos;
    return fields && head.find("Consolidated Screening List") != std::string_view::npos ? 95 : 0;
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
                        fmt::format("{}: not valid JSON ({}); truncated or not a CSL extract", path,
                                    simdjson::error_message(error)));
    object top;
    element tables_element, entries_element;
    object tables;
    array entries;
    if (root.get(top) || top.at_key("tables").get(tables_element) || tables_element.get(tables) ||
        top.at_key("entries").get(entries_element) || entries_element.get(entries))
      return make_error(
          ErrorCode::format,
          fmt::format("{}: not a compacted CSL file: no \"tables\" and \"entries\"", path));
    auto table = [&](std::string_view key) {
      element value;
      return tables.at_key(key).get(value) ? std::vector<std::string>{} : texts(value);
    };
    const auto sources = table("sources"), requirements = table("licenceRequirements"),
               policies = table("licencePolicies"), programmes = table("programmes"),
               urls = table("urls");
    if (sources.empty())
      return make_error(ErrorCode::format, fmt::format("{}: tables.sources is empty", path));
    const std::string generated = text(top, "sourceGeneratedAt");
    result.published = generated.substr(0, 10);
    CountryResolver countries;
    size_t index = 0;
    for (element row : entries) {
      const std::string where = fmt::format("entries[{}]", index++);
      object obj;
      if (row.get(obj)) {
        result.issues.push_back({path, 0, where, "not an object"});
        continue;
      }
      bool ok = true;
      CslRecord r;
      r.source = lookup(obj, "s", sources, ok);
      r.name = text(obj, "n");
      r.type = text(obj, "t");
      r.entity_number = text(obj, "e");
      r.license_requirement = lookup(obj, "lr", requirements, ok);
      r.license_policy = lookup(obj, "lp", policies, ok);
      if (std::string program = lookup(obj, "pg", programmes, ok); !program.empty())
        r.programs = split_trimmed(program, ";");
      r.federal_register_notice = text(obj, "fr");
      r.source_list_url = lookup(obj, "u", urls, ok);
      element value;
      if (!obj.at_key("a").get(value)) r.alt_names = texts(value);
      if (!obj.at_key("c").get(value))
        for (const std::string& code : texts(value)) {
          Address address;
          address.country_text = code;
          address.country = countries.resolve(code);
          r.addresses.push_back(std::move(address));
        }
      if (!ok) {
        result.issues.push_back({path, 0, where, "an index points outside its table"});
        continue;
      }
      if (r.source.empty()) {
        result.issues.push_back({path, 0, where + ".s", "source is missing"});
        continue;
      }
      Entity entity;
      if (!build_csl_entity(std::move(r), countries, entity)) {
        result.issues.push_back({path, 0, where + ".n", "name is empty"});
        continue;
      }
      result.entities.push_back(std::move(entity));
    }
    if (result.entities.empty())
      return make_error(ErrorCode::format, fmt::format("{}: no entries", path));
    assign_entity_ids(result.entities);
    return result;
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(CslCompactJsonReader)

}  // namespace clearance
