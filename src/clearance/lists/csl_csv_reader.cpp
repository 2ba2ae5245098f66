// trade.gov Consolidated Screening List, consolidated.csv layout (2022 and 2025 variants).
#include <fmt/format.h>

#include "clearance/lists/csl_record.h"
#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

constexpr const char* kRequiredColumns[] = {"source", "name", "alt_names", "addresses"};

class CslCsvReader final : public ListReader {
 public:
  std::string_view format() const override { return "csl-csv"; }
  std::string_view description() const override {
    return "US Consolidated Screening List, consolidated.csv (trade.gov)";
  }

  int recognize(std::string_view, std::string_view head) const override {
    const std::string first_line(head.substr(0, head.find('\n')));
    int found = 0;
    for (const char* column : kRequiredColumns)
      found += first_line.find(column) != std::string::npos;
    if (found == 4 && first_line.find("entity_number") != std::string::npos) return 95;
    return 0;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    ReadResult result;
    result.dataset = "us_csl";
    result.files = {path};
    CsvReader csv(content);
    CsvRecord row;
    auto got = csv.next(row);
    if (!got)
      return make_error(ErrorCode::format, fmt::format("{}: {}", path, got.error().message));
    if (!got.value())
      return make_error(ErrorCode::format,
                        fmt::format("{}: empty file, expected a CSL CSV header", path));
    const CsvHeader header(row.fields);
    for (const char* column : kRequiredColumns)
      if (!header.has(column))
        return make_error(
            ErrorCode::format,
            fmt::format("{}: not a Consolidated Screening List CSV: header has no '{}' column",
                        path, column));
    const Columns c(header);
    CountryResolver countries;
    while (true) {
      got = csv.next(row);
      if (!got)
        return make_error(ErrorCode::integrity, fmt::format("{}: {}", path, got.error().message));
      if (!got.value()) break;
      if (is_blank(row)) continue;  // the CSL ends with empty rows
      if (row.fields.size() != header.size()) {
        result.issues.push_back(
            {path, row.line, "",
             fmt::format("row has {} fields, header has {}", row.fields.size(), header.size())});
        continue;
      }
      if (const size_t bad = find_invalid_utf8_field(row); bad != CsvHeader::npos) {
        result.issues.push_back({path, row.line, header.names()[bad], "invalid UTF-8"});
        continue;
      }
      Entity entity;
      if (!build_csl_entity(to_record(row, c, countries), countries, entity)) {
        result.issues.push_back({path, row.line, "name", "name is empty"});
        continue;
      }
      result.entities.push_back(std::move(entity));
    }
    assign_entity_ids(result.entities);
    return result;
  }

 private:
  struct Columns {
    explicit Columns(const CsvHeader& h)
        : id(h.index("_id")),
          source(h.index("source")),
          entity_number(h.index("entity_number")),
          type(h.index("type")),
          programs(h.index("programs")),
          name(h.index("name")),
          title(h.index("title")),
          addresses(h.index("addresses")),
          frn(h.index("federal_register_notice")),
          start_date(h.index("start_date")),
          end_date(h.index("end_date")),
          standard_order(h.index("standard_order")),
          license_requirement(h.index("license_requirement")),
          license_policy(h.index("license_policy")),
          call_sign(h.index("call_sign")),
          vessel_type(h.index("vessel_type")),
          gross_tonnage(h.index("gross_tonnage")),
          grt(h.index("gross_registered_tonnage")),
          vessel_flag(h.index("vessel_flag")),
          vessel_owner(h.index("vessel_owner")),
          remarks(h.index("remarks")),
          source_list_url(h.index("source_list_url")),
          alt_names(h.index("alt_names")),
          citizenships(h.index("citizenships")),
          dates_of_birth(h.index("dates_of_birth")),
          nationalities(h.index("nationalities")),
          places_of_birth(h.index("places_of_birth")),
          source_information_url(h.index("source_information_url")),
          ids(h.index("ids")) {}
    size_t id, source, entity_number, type, programs, name, title, addresses, frn, start_date,
        end_date, standard_order, license_requirement, license_policy, call_sign, vessel_type,
        gross_tonnage, grt, vessel_flag, vessel_owner, remarks, source_list_url, alt_names,
        citizenships, dates_of_birth, nationalities, places_of_birth, source_information_url, ids;
  };

  static bool is_blank(const CsvRecord& row) {
    for (const auto& f : row.fields)
      if (!trim(f).empty()) return false;
    return true;
  }

  static size_t find_invalid_utf8_field(const CsvRecord& row) {
    for (size_t i = 0; i < row.fields.size(); ++i)
      if (!is_valid_utf8(row.fields[i])) return i;
    return CsvHeader::npos;
  }

  static std::string get(const CsvRecord& row, size_t index) {
    return trim_copy(field_or_empty(row, index));
  }
  static std::vector<std::string> multi(const CsvRecord& row, size_t index) {
    return split_trimmed(field_or_empty(row, index), ";");
  }

  static CslRecord to_record(const CsvRecord& row, const Columns& c, CountryResolver& countries) {
    CslRecord r;
    r.id = get(row, c.id);
    r.source = get(row, c.source);
    r.entity_number = get(row, c.entity_number);
    r.type = get(row, c.type);
    r.name = get(row, c.name);
    r.title = get(row, c.title);
    r.federal_register_notice = get(row, c.frn);
    r.start_date = get(row, c.start_date);
    r.end_date = get(row, c.end_date);
    r.standard_order = get(row, c.standard_order);
    r.license_requirement = get(row, c.license_requirement);
    r.license_policy = get(row, c.license_policy);
    r.call_sign = get(row, c.call_sign);
    r.vessel_type = get(row, c.vessel_type);
    r.gross_tonnage = get(row, c.gross_tonnage);
    r.gross_registered_tonnage = get(row, c.grt);
    r.vessel_flag = get(row, c.vessel_flag);
    r.vessel_owner = get(row, c.vessel_owner);
    r.remarks = get(row, c.remarks);
    r.source_list_url = get(row, c.source_list_url);
    r.source_information_url = get(row, c.source_information_url);
    r.programs = multi(row, c.programs);
    // Alias lists are split later (parse_alias_list) because items may carry "a.k.a." text.
    if (auto alt = get(row, c.alt_names); !alt.empty()) r.alt_names.push_back(alt);
    r.citizenships = multi(row, c.citizenships);
    r.dates_of_birth = multi(row, c.dates_of_birth);
    r.nationalities = multi(row, c.nationalities);
    r.places_of_birth = multi(row, c.places_of_birth);
    for (const auto& a : multi(row, c.addresses))
      r.addresses.push_back(parse_csl_address(a, countries));
    for (const auto& i : multi(row, c.ids)) r.ids.push_back(parse_csl_identifier(i, countries));
    return r;
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(CslCsvReader)

}  // namespace clearance
