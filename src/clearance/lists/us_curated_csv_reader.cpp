// US lists that no agency publishes as a machine-readable file, in the CSV layouts OpenSanctions
// keeps them in (../shared/data/PROVENANCE.md): the NDAA and other statutory lists
// (`schema,name,aliases,…,program,…,country,…`: § 889, § 5949, § 1286, § 154, § 353, INKSNA), BIS's
// Military-Intelligence End User list (`Type,Name,Alias,Country,…,Program,Date,…`), DoD's § 1260H
// Chinese military companies (`Name,Clean Name,Alias,Previous Name,Parent Name,…`) and the FCC's
// Covered List (`covered_equipment_or_services,date_of_inclusion_on_covered_list`, whose rows
// name the producer or provider in a sentence). The file name says which list a statutory CSV is.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/model/country_codes.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/dates.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

enum class Layout { statute, mieu, dod_1260h, fcc };

struct ListOf {
  std::string dataset;
  std::string list;
};

std::string_view header_line(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  return head.substr(0, head.find_first_of("\r\n"));
}

std::optional<Layout> layout_of(std::string_view head) {
  const std::string_view h = header_line(head);
  if (h.rfind("schema,name,aliases,topics,program,authority", 0) == 0) return Layout::statute;
  if (h.rfind("Type,Name,Alias,Country,Topics,Program,Date", 0) == 0) return Layout::mieu;
  if (h.rfind("Name,Clean Name,Alias,Previous Name,Parent Name", 0) == 0) return Layout::dod_1260h;
  if (h.rfind("covered_equipment_or_services,date_of_inclusion", 0) == 0) return Layout::fcc;
  return std::nullopt;
}

// A statutory list's code from its file name ("section_889.csv" → NDAA-889).
ListOf statute_list(const std::string& path) {
  static const std::map<std::string, ListOf> kByName = {
      {"section_889", {"us_ndaa_889", "NDAA-889"}},
      {"section_5949", {"us_ndaa_5949", "NDAA-5949"}},
      {"section_1286", {"us_ndaa_1286", "NDAA-1286"}},
      {"section_154", {"us_ndaa_154", "NDAA-154"}},
      {"section_353", {"us_state_353", "S353"}},
      {"inksna", {"us_state_inksna", "INKSNA"}}};
  const std::string stem = ascii_lower(fs::path(path).stem().string());
  if (auto it = kByName.find(stem); it != kByName.end()) return it->second;
  std::string code;
  for (char c : stem) code += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return {"us_" + code, ascii_upper(code)};
}

// "Telecommunications equipment produced by Huawei Technologies Company, including …" → the
// company. Empty when the row names a kind of product rather than a producer.
std::string fcc_party(std::string_view text) {
  for (std::string_view marker : {"produced or provided by ", "provided by ", "produced by ",
                                  "supplied, directly or indirectly, by "}) {
    size_t at = text.find(marker);
    if (at == std::string_view::npos) continue;
    std::string_view rest = text.substr(at + marker.size());
    size_t end = rest.size();
    for (std::string_view stop :
         {", including", ", to the extent", " subject to section", ", subject to section",
          " or any of its", " and its ", " or any of", ".\""})
      end = std::min(end, rest.find(stop) == std::string_view::npos ? end : rest.find(stop));
    std::string name = trim_copy(rest.substr(0, end));
    while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.pop_back();
    if (name.rfind("such entity", 0) == 0 || name.empty()) continue;
    return name;
  }
  return {};
}

std::vector<std::string> values(std::string_view text) {
  return split_collapsed(text, ";");
}

class UsCuratedCsvReader final : public ListReader {
 public:
  std::string_view format() const override { return "us-curated-csv"; }
  std::string_view description() const override {
    return "US statutory lists (NDAA § 889/§ 5949/§ 1286…), BIS MIEU, DoD § 1260H, FCC Covered "
           "List (curated CSV)";
  }

  int recognize(std::string_view, std::string_view head) const override {
    return layout_of(head) ? 90 : 0;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    const auto layout = layout_of(content.substr(0, 4096));
    if (!layout)
      return make_error(ErrorCode::format,
                        fmt::format("{}: not one of the curated US list layouts", path));
    ListOf which = statute_list(path);
    if (*layout == Layout::mieu) which = {"bis_mieu", "MIEU"};
    if (*layout == Layout::dod_1260h) which = {"dod_1260h", "1260H"};
    if (*layout == Layout::fcc) which = {"fcc_covered", "FCC"};
    ReadResult result;
    result.dataset = which.dataset;
    result.files = {path};
    CsvReader reader(content);
    CsvRecord row;
    auto first = reader.next(row);
    if (!first) return first.error();
    if (!row.fields.empty() && row.fields[0].substr(0, 3) == "\xEF\xBB\xBF")
      row.fields[0].erase(0, 3);
    const CsvHeader header(row.fields);
    auto get = [&](const char* column) {
      return collapse_whitespace(field_or_empty(row, header.index(column)));
    };
    CountryResolver countries;
    std::string newest;
    while (true) {
      auto more = reader.next(row);
      if (!more) return more.error();
      if (!more.value()) break;
      Entity e;
      e.dataset = which.dataset;
      e.list = which.list;
      std::string country;
      switch (*layout) {
        case Layout::statute: {
          e.name = get("name");
          e.type = entity_type_from_string(get("schema"));
          for (const auto& a : values(get("aliases"))) e.aliases.push_back({a, AliasKind::aka});
          if (std::string p = get("program"); !p.empty()) e.programs.push_back(p);
          country = get("country");
          e.listed_on = iso_date(get("start-date"), DateOrder::month_day_year);
          if (e.listed_on.empty())
            e.listed_on = iso_date(get("report-date"), DateOrder::month_day_year);
          e.end_date = iso_date(get("end-date"), DateOrder::month_day_year);
          e.remarks = get("reason");
          e.source_url = get("source_url");
          break;
        }
        case Layout::mieu: {
          e.name = get("Name");
          e.type = entity_type_from_string(get("Type"));
          for (const auto& a : values(get("Alias"))) e.aliases.push_back({a, AliasKind::aka});
          if (std::string p = get("Program"); !p.empty()) e.programs.push_back(p);
          country = get("Country");
          e.listed_on = iso_date(get("Date"), DateOrder::month_day_year);
          e.end_date = iso_date(get("End date"), DateOrder::month_day_year);
          e.source_url = get("Source URL");
          break;
        }
        case Layout::dod_1260h: {
          e.name = get("Clean Name");
          const std::string as_listed = get("Name");
          if (e.name.empty()) e.name = as_listed;
          e.type = EntityType::organization;
          country = "CN";
          for (const auto& a : values(get("Alias"))) e.aliases.push_back({a, AliasKind::aka});
          for (const auto& a : values(get("Previous Name")))
            e.aliases.push_back({a, AliasKind::fka});
          if (std::string parent = get("Parent Name"); !parent.empty())
            e.properties.push_back({"parent", parent});
          if (as_listed != e.name) e.properties.push_back({"name_as_listed", as_listed});
          e.listed_on = iso_date(get("Start date"), DateOrder::month_day_year);
          e.end_date = iso_date(get("End date"), DateOrder::month_day_year);
          e.remarks = get("Note");
          e.source_url = get("Source Url");
          break;
        }
        case Layout::fcc: {
          const std::string text = get("covered_equipment_or_services");
          e.name = fcc_party(text);
          e.type = EntityType::organization;
          e.programs.push_back("Secure and Trusted Communications Networks Act of 2019");
          e.remarks = text;
          e.listed_on =
              iso_date(get("date_of_inclusion_on_covered_list"), DateOrder::month_day_year);
          if (e.name.empty()) {
            result.warnings.push_back(
                fmt::format("{}:{}: names a kind of equipment, not a producer or provider: \"{}\"",
                            path, row.line, text.substr(0, 80)));
            continue;
          }
          break;
        }
      }
      if (e.name.empty()) {
        result.issues.push_back({path, row.line, "name", "name is empty"});
        continue;
      }
      if (!is_valid_utf8(e.name)) {
        result.issues.push_back({path, row.line, "name", "invalid UTF-8"});
        continue;
      }
      for (const auto& c : values(country)) {
        Address a;
        a.country_text = c;
        a.country = countries.resolve(c == "DPRK" ? "KP" : c == "ROK" ? "KR" : c);
        if (!a.country.empty()) e.addresses.push_back(std::move(a));
      }
      if (e.listed_on > newest) newest = e.listed_on;
      result.entities.push_back(std::move(e));
    }
    // No publication date in these files: the latest listing is the best there is.
    result.published = newest;
    assign_entity_ids(result.entities);
    return result;
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(UsCuratedCsvReader)

}  // namespace clearance
