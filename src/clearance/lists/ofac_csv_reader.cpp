// OFAC legacy CSV sets: SDN (sdn.csv + add.csv + alt.csv + sdn_comments.csv) and the non-SDN
// Consolidated list (cons_prim.csv + cons_add.csv + cons_alt.csv + cons_comments.csv).
// No header row, "-0-" for null, CRLF, a trailing 0x1A byte; Remarks overflow into the comments
// file.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <unordered_map>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/lists/name_parsing.h"
#include "clearance/lists/ofac_remarks.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

struct SetNames {
  std::string prefix;  // "" for SDN, "cons_" for the Consolidated list
  std::string primary;
};

// The companion file names for a primary file, by OFAC's naming.
std::optional<SetNames> set_of(std::string_view path) {
  const std::string name = ascii_lower(fs::path(path).filename().string());
  if (name == "sdn.csv") return SetNames{"", name};
  if (name == "cons_prim.csv") return SetNames{"cons_", name};
  return std::nullopt;
}

std::string companion_name(const SetNames& set, std::string_view role) {
  if (set.prefix.empty())
    return role == "comments" ? "sdn_comments.csv" : fmt::format("{}.csv", role);
  return fmt::format("cons_{}.csv", role);
}

// Finds `name` in `dir` ignoring case (OFAC publishes SDN.CSV, mirrors use sdn.csv).
std::string find_ignoring_case(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec))
    if (iequals(entry.path().filename().string(), name)) return entry.path().string();
  return {};
}

std::string value(const CsvRecord& row, size_t index) {
  std::string_view v = trim(field_or_empty(row, index));
  if (v == "-0-") return {};
  return std::string(v);
}

bool looks_like_ofac_row(std::string_view head, size_t min_fields) {
  CsvReader csv(head);
  CsvRecord row;
  auto got = csv.next(row);
  if (!got || !got.value() || row.fields.size() < min_fields) return false;
  const std::string_view first = trim(row.fields[0]);
  if (first.empty()) return false;
  for (char c : first)
    if (c < '0' || c > '9') return false;
  return head.find("-0-") != std::string_view::npos;
}

class OfacCsvReader final : public ListReader {
 public:
  std::string_view format() const override { return "ofac-csv"; }
  std::string_view description() const override {
    return "OFAC legacy CSV set: sdn.csv or cons_prim.csv with its add/alt/comments files";
  }

  int recognize(std::string_view path, std::string_view head) const override {
    if (!set_of(path)) return 0;
    return looks_like_ofac_row(head, 12) ? 95 : 10;
  }

  bool is_companion(std::string_view path) const override {
    const std::string name = ascii_lower(fs::path(path).filename().string());
    for (const char* n : {"add.csv", "alt.csv", "sdn_comments.csv", "cons_add.csv", "cons_alt.csv",
                          "cons_comments.csv"})
      if (name == n) return true;
    return false;
  }

  std::vector<std::string> companions(const std::string& path) const override {
    std::vector<std::string> out;
    const auto set = set_of(path);
    if (!set) return out;
    for (const char* role : {"add", "alt", "comments"})
      if (auto found = find_ignoring_case(fs::path(path).parent_path(), companion_name(*set, role));
          !found.empty())
        out.push_back(found);
    return out;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    const auto set = set_of(path);
    if (!set)
      return make_error(
          ErrorCode::format,
          fmt::format("{}: an OFAC CSV set is imported through sdn.csv or cons_prim.csv", path));
    ReadResult result;
    const bool sdn = set->prefix.empty();
    result.dataset = sdn ? "ofac_sdn" : "ofac_cons";
    result.files = {path};
    CountryResolver countries;

    std::vector<Entity>& entities = result.entities;
    std::unordered_map<std::string, size_t> by_number;
    auto primary = parse_rows(path, content, 12, result.issues, [&](const CsvRecord& row) {
      Entity e;
      e.dataset = result.dataset;
      e.source_id = value(row, 0);
      e.name = collapse_whitespace(value(row, 1));
      if (e.name.empty()) {
        result.issues.push_back({path, row.line, "SDN_Name", "name is empty"});
        return;
      }
      if (by_number.count(e.source_id)) {
        result.issues.push_back(
            {path, row.line, "ent_num", fmt::format("duplicate ent_num {}", e.source_id)});
        return;
      }
      const std::string type = ascii_lower(value(row, 2));
      e.type = type.empty() ? EntityType::organization : entity_type_from_string(type);
      if (e.type == EntityType::unknown) {
        result.issues.push_back(
            {path, row.line, "SDN_Type", fmt::format("unknown type '{}'", type)});
        return;
      }
      for (auto& p : split_trimmed(value(row, 3), "] [")) {
        std::string program = p;
        if (!program.empty() && program.front() == '[') program.erase(0, 1);
        if (!program.empty() && program.back() == ']') program.pop_back();
        if (!program.empty()) e.programs.push_back(program);
      }
      e.list = sdn ? "SDN" : consolidated_list_code(e.programs);
      add_property(e, "title", value(row, 4));
      add_property(e, "call_sign", value(row, 5));
      add_property(e, "vessel_type", value(row, 6));
      add_property(e, "tonnage", value(row, 7));
      add_property(e, "gross_registered_tonnage", value(row, 8));
      add_property(e, "vessel_flag", value(row, 9));
      add_property(e, "vessel_owner", value(row, 10));
      e.remarks = value(row, 11);
      by_number.emplace(e.source_id, entities.size());
      entities.push_back(std::move(e));
    });
    if (!primary) return primary.error();
    if (entities.empty() && result.issues.empty())
      return make_error(ErrorCode::format, fmt::format("{}: no OFAC records found", path));

    auto entity_for = [&](const CsvRecord& row, const std::string& file) -> Entity* {
      const std::string number = value(row, 0);
      auto it = by_number.find(number);
      if (it == by_number.end()) {
        result.issues.push_back(
            {file, row.line, "ent_num", fmt::format("no primary record {}", number)});
        return nullptr;
      }
      return &entities[it->second];
    };

    const auto found = companions(path);
    for (const char* role : {"add", "alt", "comments"}) {
      const std::string expected = companion_name(*set, role);
      const bool present = std::any_of(found.begin(), found.end(), [&](const std::string& f) {
        return iequals(fs::path(f).filename().string(), expected);
      });
      if (!present)
        result.warnings.push_back(
            fmt::format("{}: no {} beside it: its entries are imported without {}", path, expected,
                        std::string_view(role) == "add"   ? "their addresses"
                        : std::string_view(role) == "alt" ? "their aliases"
                                                          : "the remarks continued in it"));
    }
    for (const std::string& companion : found) {
      const std::string name = ascii_lower(fs::path(companion).filename().string());
      auto bytes = read_file(companion);
      if (!bytes) return bytes.error();
      result.files.push_back(companion);
      Status st = Ok{};
      if (name.find("add") != std::string::npos) {
        st = parse_rows(companion, bytes.value(), 6, result.issues, [&](const CsvRecord& row) {
          Entity* e = entity_for(row, companion);
          if (!e) return;
          Address a;
          a.street = value(row, 2);
          a.city = value(row, 3);
          a.country_text = value(row, 4);
          a.country = countries.resolve(a.country_text);
          for (const std::string* part : {&a.street, &a.city, &a.country_text})
            if (!part->empty()) a.full += (a.full.empty() ? "" : ", ") + *part;
          const std::string note = value(row, 5);
          if (!note.empty()) a.full += " (" + note + ")";
          if (!a.full.empty()) e->addresses.push_back(std::move(a));
        });
      } else if (name.find("alt") != std::string::npos) {
        st = parse_rows(companion, bytes.value(), 5, result.issues, [&](const CsvRecord& row) {
          Entity* e = entity_for(row, companion);
          if (!e) return;
          Alias alias{collapse_whitespace(value(row, 3)), alias_kind_from_string(value(row, 2))};
          if (ascii_lower(value(row, 4)).find("weak") != std::string::npos)
            alias.kind = AliasKind::weak;
          if (alias.name.empty()) {
            result.issues.push_back({companion, row.line, "alt_name", "alias is empty"});
            return;
          }
          append_unique_aliases(e->aliases, {alias}, e->name);
        });
      } else {
        st = parse_rows(companion, bytes.value(), 2, result.issues, [&](const CsvRecord& row) {
          Entity* e = entity_for(row, companion);
          // The comments file continues the Remarks text where sdn.csv cut it off.
          if (e) e->remarks += field_or_empty(row, 1);
        });
      }
      if (!st) return st.error();
    }
    for (Entity& e : entities) {
      e.remarks = collapse_whitespace(e.remarks);
      apply_ofac_remarks(e.remarks, countries, e);
    }
    assign_entity_ids(entities);
    return result;
  }

 private:
  template <typename OnRow>
  static Status parse_rows(const std::string& file, std::string_view content, size_t fields,
                           std::vector<ParseIssue>& issues, OnRow on_row) {
    CsvReader csv(content);
    CsvRecord row;
    size_t good = 0;
    while (true) {
      auto got = csv.next(row);
      if (!got)
        return make_error(ErrorCode::integrity, fmt::format("{}: {}", file, got.error().message));
      if (!got.value()) break;
      if (row.fields.size() == 1 && trim(row.fields[0]).empty()) continue;
      if (row.fields.size() < fields) {
        if (good == 0 && issues.size() >= 5)
          return make_error(
              ErrorCode::format,
              fmt::format("{}: not an OFAC CSV file (rows do not have {} fields)", file, fields));
        issues.push_back(
            {file, row.line, "",
             fmt::format("row has {} fields, expected {}", row.fields.size(), fields)});
        continue;
      }
      if (!all_valid_utf8(row)) {
        issues.push_back({file, row.line, "", "invalid UTF-8"});
        continue;
      }
      const std::string_view number = trim(row.fields[0]);
      bool numeric = !number.empty();
      for (char c : number) numeric = numeric && c >= '0' && c <= '9';
      if (!numeric) {
        issues.push_back(
            {file, row.line, "ent_num", fmt::format("'{}' is not an entity number", number)});
        continue;
      }
      ++good;
      on_row(row);
    }
    return Ok{};
  }

  static bool all_valid_utf8(const CsvRecord& row) {
    for (const auto& f : row.fields)
      if (!is_valid_utf8(f)) return false;
    return true;
  }

  static void add_property(Entity& e, const char* key, const std::string& v) {
    if (!v.empty()) e.properties.push_back({key, v});
  }

  // The Consolidated list mixes several lists; the CSL names them by these codes.
  static std::string consolidated_list_code(const std::vector<std::string>& programs) {
    for (const auto& p : programs) {
      if (p.find("EO13662") != std::string::npos) return "SSI";
      if (p.find("PLC") != std::string::npos) return "PLC";
      if (p.find("CMIC") != std::string::npos) return "CMIC";
      if (p.find("MBS") != std::string::npos) return "MBS";
      if (p.find("FSE") != std::string::npos) return "FSE";
      if (p.find("CAPTA") != std::string::npos || p.find("561") != std::string::npos) return "CAP";
    }
    return "CONS";
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(OfacCsvReader)

}  // namespace clearance
