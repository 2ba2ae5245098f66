// Clearance's own list format, for lists with no official machine-readable file (China's MOFCOM
// Unreliable Entity List and export-control lists, in-house lists). CSV with a header, or JSON
// Lines. The format is specified in docs/LIST_FORMATS.md.
#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/lists/name_parsing.h"
#include "clearance/model/country_codes.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/dates.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMultiSeparator = "|";

// Dataset ids are lower-case letters, digits and underscores: "cn_mofcom".
std::string dataset_id(std::string_view text) {
  std::string out;
  for (char c : ascii_lower(trim(text)))
    out += (std::isalnum(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80)
               ? c
               : '_';
  return out;
}

std::string default_dataset(const std::string& path) {
  return "custom_" + dataset_id(fs::path(path).stem().string());
}

// One record in either layout, as field name → values.
class Fields {
 public:
  virtual ~Fields() = default;
  virtual std::string one(const char* key) const = 0;
  virtual std::vector<std::string> many(const char* key) const = 0;
};

// Applies the documented fields to an entity; returns the name of the field at fault, or empty.
std::string build(const Fields& f, CountryResolver& countries, Entity& e, std::string& problem) {
  e.source_id = f.one("id");
  e.name = collapse_whitespace(f.one("name"));
  e.list = f.one("list");
  if (e.source_id.empty()) return problem = "id is empty", "id";
  if (e.name.empty()) return problem = "name is empty", "name";
  if (e.list.empty()) return problem = "list is empty", "list";
  if (!is_valid_utf8(e.name)) return problem = "invalid UTF-8", "name";
  e.sub_list = f.one("sub_list");
  const std::string type = f.one("type");
  e.type = type.empty() ? EntityType::unknown : entity_type_from_string(type);
  if (!type.empty() && e.type == EntityType::unknown)
    return problem =
               fmt::format("unknown type '{}' (person, organization, vessel, aircraft)", type),
           "type";
  for (const auto& a : f.many("aliases"))
    append_unique_aliases(e.aliases, {{a, AliasKind::aka}}, e.name);
  for (const auto& a : f.many("former_names"))
    append_unique_aliases(e.aliases, {{a, AliasKind::fka}}, e.name);
  for (const auto& a : f.many("weak_aliases"))
    append_unique_aliases(e.aliases, {{a, AliasKind::weak}}, e.name);
  for (const auto& a : f.many("original_script_names"))
    append_unique_aliases(e.aliases, {{a, AliasKind::original_script}}, e.name);
  for (const auto& c : f.many("countries")) {
    Address a;
    a.country_text = c;
    a.country = countries.resolve(c);
    if (a.country.empty()) return problem = fmt::format("unknown country '{}'", c), "countries";
    a.full = c;
    e.addresses.push_back(std::move(a));
  }
  for (const auto& text : f.many("addresses")) {
    Address a;
    a.full = text;
    const auto parts = split_trimmed(text, ",");
    if (!parts.empty()) a.country = countries.resolve(parts.back());
    e.addresses.push_back(std::move(a));
  }
  for (const auto& text : f.many("identifiers")) {
    const size_t colon = text.find(':');
    if (colon == std::string::npos)
      return problem = fmt::format("identifier '{}' is not TYPE:NUMBER", text), "identifiers";
    e.identifiers.push_back(
        {trim_copy(text.substr(0, colon)), trim_copy(text.substr(colon + 1)), "", "", "", ""});
  }
  for (const auto& d : f.many("dates_of_birth")) {
    e.dates_of_birth.push_back(normalize_date(d));
    if (!is_iso_date(e.dates_of_birth.back()))
      return problem = fmt::format(
                 "'{}' is not a date of the calendar (YYYY, YYYY-MM, YYYY-MM-DD "
                 "or dd.mm.yyyy)",
                 d),
             "dates_of_birth";
  }
  for (const auto& n : f.many("nationalities")) {
    std::string code = countries.resolve(n);
    e.nationalities.push_back(code.empty() ? n : code);
  }
  e.programs = f.many("programs");
  e.listed_on = normalize_date(f.one("listed_on"));
  e.end_date = normalize_date(f.one("end_date"));
  for (const auto* date : {&e.listed_on, &e.end_date})
    if (!date->empty() && !is_iso_date(*date))
      return problem = fmt::format("'{}' is not a date of the calendar (YYYY-MM-DD)", *date),
             date == &e.listed_on ? "listed_on" : "end_date";
  e.remarks = f.one("remarks");
  e.source_url = f.one("source_url");
  e.license_requirement = f.one("license_requirement");
  e.license_policy = f.one("license_policy");
  e.federal_register_notice = f.one("federal_register_notice");
  return {};
}

class CsvFields final : public Fields {
 public:
  CsvFields(const CsvHeader& header, const CsvRecord& row) : header_(header), row_(row) {}
  std::string one(const char* key) const override {
    return trim_copy(field_or_empty(row_, header_.index(key)));
  }
  std::vector<std::string> many(const char* key) const override {
    return split_trimmed(one(key), kMultiSeparator);
  }

 private:
  const CsvHeader& header_;
  const CsvRecord& row_;
};

class JsonFields final : public Fields {
 public:
  explicit JsonFields(const nlohmann::json& object) : object_(object) {}
  std::string one(const char* key) const override {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return {};
    if (it->is_string()) return trim_copy(it->get<std::string>());
    if (it->is_number()) return it->dump();
    return {};
  }
  std::vector<std::string> many(const char* key) const override {
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return {};
    if (it->is_string()) return split_trimmed(it->get<std::string>(), kMultiSeparator);
    std::vector<std::string> out;
    if (it->is_array())
      for (const auto& v : *it)
        if (v.is_string() && !trim(v.get<std::string>()).empty())
          out.push_back(trim_copy(v.get<std::string>()));
    return out;
  }

 private:
  const nlohmann::json& object_;
};

bool is_jsonl_path(std::string_view path) {
  const std::string lower = ascii_lower(path);
  return lower.size() > 6 && (lower.ends_with(".jsonl") || lower.ends_with(".ndjson"));
}

class CustomListReader final : public ListReader {
 public:
  std::string_view format() const override { return "custom"; }
  std::string_view description() const override {
    return "Clearance custom list, CSV or JSON Lines (docs/LIST_FORMATS.md)";
  }

  int recognize(std::string_view path, std::string_view head) const override {
    if (is_jsonl_path(path)) return 70;
    std::string first_line(head.substr(0, head.find('\n')));
    if (first_line.starts_with("\xEF\xBB\xBF")) first_line.erase(0, 3);
    CsvReader csv(first_line);
    CsvRecord row;
    auto got = csv.next(row);
    if (!got || !got.value()) return 0;
    const CsvHeader header(row.fields);
    return header.has("id") && header.has("name") && header.has("list") ? 70 : 0;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    ReadResult result;
    result.files = {path};
    CountryResolver countries;
    if (is_jsonl_path(path)) {
      auto st = read_jsonl(path, content, countries, result);
      if (!st) return st.error();
    } else {
      auto st = read_csv(path, content, countries, result);
      if (!st) return st.error();
    }
    if (result.dataset.empty()) result.dataset = default_dataset(path);
    for (Entity& e : result.entities) e.dataset = result.dataset;
    assign_entity_ids(result.entities);
    return result;
  }

 private:
  static void take_dataset(const std::string& declared, const std::string& path, size_t line,
                           ReadResult& result, bool& ok) {
    ok = true;
    if (declared.empty()) return;
    if (result.dataset.empty())
      result.dataset = dataset_id(declared);
    else if (result.dataset != dataset_id(declared)) {
      result.issues.push_back({path, line, "dataset",
                               fmt::format("dataset '{}' differs from '{}' on earlier rows",
                                           declared, result.dataset)});
      ok = false;
    }
  }

  static Status read_csv(const std::string& path, std::string_view content,
                         CountryResolver& countries, ReadResult& result) {
    CsvReader csv(content);
    CsvRecord row;
    auto got = csv.next(row);
    if (!got)
      return make_error(ErrorCode::format, fmt::format("{}: {}", path, got.error().message));
    if (!got.value())
      return make_error(ErrorCode::format, fmt::format("{}: empty file, expected a header", path));
    const CsvHeader header(row.fields);
    for (const char* column : {"id", "name", "list"})
      if (!header.has(column))
        return make_error(
            ErrorCode::format,
            fmt::format("{}: not a custom list CSV: header has no '{}' column", path, column));
    while (true) {
      got = csv.next(row);
      if (!got)
        return make_error(ErrorCode::integrity, fmt::format("{}: {}", path, got.error().message));
      if (!got.value()) break;
      if (row.fields.size() != header.size()) {
        result.issues.push_back(
            {path, row.line, "",
             fmt::format("row has {} fields, header has {}", row.fields.size(), header.size())});
        continue;
      }
      const CsvFields fields(header, row);
      bool ok;
      take_dataset(fields.one("dataset"), path, row.line, result, ok);
      if (!ok) continue;
      Entity e;
      std::string problem;
      if (auto bad = build(fields, countries, e, problem); !bad.empty()) {
        result.issues.push_back({path, row.line, bad, problem});
        continue;
      }
      result.entities.push_back(std::move(e));
    }
    return Ok{};
  }

  static Status read_jsonl(const std::string& path, std::string_view content,
                           CountryResolver& countries, ReadResult& result) {
    size_t line_number = 0, start = 0, parsed = 0;
    if (content.starts_with("\xEF\xBB\xBF")) start = 3;
    while (start < content.size()) {
      size_t end = content.find('\n', start);
      if (end == std::string_view::npos) end = content.size();
      const std::string_view line = trim(content.substr(start, end - start));
      ++line_number;
      const bool last = end == content.size();
      start = end + 1;
      if (line.empty()) continue;
      nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
      if (object.is_discarded() || !object.is_object()) {
        if (last && !content.ends_with("\n") && object.is_discarded())
          return make_error(
              ErrorCode::integrity,
              fmt::format("{}:{}: last line is cut off (truncated file?)", path, line_number));
        if (parsed == 0 && line_number >= 3)
          return make_error(ErrorCode::format, fmt::format("{}: not JSON Lines", path));
        result.issues.push_back({path, line_number, "", "not a JSON object"});
        continue;
      }
      ++parsed;
      const JsonFields fields(object);
      bool ok;
      take_dataset(fields.one("dataset"), path, line_number, result, ok);
      if (!ok) continue;
      Entity e;
      std::string problem;
      if (auto bad = build(fields, countries, e, problem); !bad.empty()) {
        result.issues.push_back({path, line_number, bad, problem});
        continue;
      }
      result.entities.push_back(std::move(e));
    }
    if (parsed == 0 && !result.issues.empty())
      return make_error(ErrorCode::format, fmt::format("{}: not JSON Lines", path));
    return Ok{};
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(CustomListReader)

}  // namespace clearance
