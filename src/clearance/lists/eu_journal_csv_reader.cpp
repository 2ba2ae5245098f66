// EU sanctions: the annexes of each consolidated EU sanctions act, one CSV per act named by its
// CELEX number (`32014R0833.csv`), as transcribed from the Official Journal (format described in
// the files' FORMAT.md): celex, recordId, programKey, annex, measure, startDate, reason, schema,
// name, alias, weakAlias, previousName, country, nationality, …, address, notes. Not the EU's
// Financial Sanctions Files XML (not obtainable offline); every CSV of the directory is one
// dataset, read together whichever of them is named.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "clearance/lists/entity_ids.h"
#include "clearance/lists/list_reader.h"
#include "clearance/lists/name_parsing.h"
#include "clearance/model/country_codes.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/dates.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"

namespace clearance {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kHeaderStart = "celex,recordId,programKey,annex,measure,startDate";

bool is_celex_file(const fs::path& p) {
  const std::string stem = p.stem().string();
  return ascii_lower(p.extension().string()) == ".csv" && stem.size() >= 10 && stem[0] == '3' &&
         std::isdigit(static_cast<unsigned char>(stem[1]));
}

EntityType type_of(std::string_view schema) {
  if (schema == "Person") return EntityType::person;
  if (schema == "Vessel") return EntityType::vessel;
  if (schema == "LegalEntity" || schema == "Company" || schema == "Organization")
    return EntityType::organization;
  return EntityType::unknown;
}

// "a; b; c" → values; the source separates multiple values with semicolons.
std::vector<std::string> values(std::string_view text) {
  return split_collapsed(text, ";");
}

class EuJournalCsvReader final : public ListReader {
 public:
  std::string_view format() const override { return "eu-journal-csv"; }
  std::string_view description() const override {
    return "EU sanctions annexes per consolidated act (Official Journal transcription, CSV per "
           "CELEX)";
  }

  int recognize(std::string_view path, std::string_view head) const override {
    std::string_view h = head;
    if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
    return h.substr(0, kHeaderStart.size()) == kHeaderStart && is_celex_file(fs::path(path)) ? 95
                                                                                             : 0;
  }

  std::vector<std::string> companions(const std::string& path) const override {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(path).parent_path(), ec))
      if (entry.is_regular_file() && is_celex_file(entry.path()) &&
          entry.path().filename() != fs::path(path).filename())
        out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  Result<ReadResult> read(const std::string& path, std::string_view content) const override {
    ReadResult result;
    result.dataset = "eu_journal";
    result.files = {path};
    for (auto& c : companions(path)) result.files.push_back(std::move(c));
    CountryResolver countries;
    for (size_t f = 0; f < result.files.size(); ++f) {
      std::string companion;
      std::string_view text = content;
      if (f > 0) {
        auto read = read_file(result.files[f]);
        if (!read) return read.error();
        companion = std::move(read.value());
        text = companion;
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        if (text.substr(0, kHeaderStart.size()) != kHeaderStart)
          continue;  // another kind of CSV beside the annexes: not part of the set
      }
      if (auto st = read_one(result.files[f], text, countries, result); !st) return st.error();
    }
    assign_entity_ids(result.entities);
    return result;
  }

 private:
  static Status read_one(const std::string& path, std::string_view content,
                         CountryResolver& countries, ReadResult& result) {
    CsvReader reader(content);
    CsvRecord row;
    auto first = reader.next(row);
    if (!first) return first.error();
    if (!first.value()) return make_error(ErrorCode::format, fmt::format("{}: empty file", path));
    const CsvHeader header(row.fields);
    for (const char* column : {"celex", "recordId", "programKey", "annex", "schema", "name"})
      if (!header.has(column))
        return make_error(ErrorCode::format,
                          fmt::format("{}: no '{}' column; not an EU annex CSV", path, column));
    auto get = [&](const char* column) {
      return collapse_whitespace(field_or_empty(row, header.index(column)));
    };
    while (true) {
      auto more = reader.next(row);
      if (!more) return more.error();
      if (!more.value()) break;
      Entity e;
      e.name = get("name");
      if (e.name.empty()) {
        result.issues.push_back({path, row.line, "name", "name is empty"});
        continue;
      }
      if (!is_valid_utf8(e.name)) {
        result.issues.push_back({path, row.line, "name", "invalid UTF-8"});
        continue;
      }
      e.dataset = "eu_journal";
      e.list = "EU";
      const std::string program = get("programKey");
      e.sub_list = program;
      if (!program.empty()) e.programs.push_back(program);
      const std::string record = get("recordId");
      if (!record.empty())
        e.source_id = fmt::format("{}-{}-{}", get("celex"), get("annex"), record);
      e.type = type_of(get("schema"));
      for (const auto& a : values(get("alias"))) e.aliases.push_back({a, AliasKind::aka});
      for (const auto& a : values(get("weakAlias"))) e.aliases.push_back({a, AliasKind::weak});
      for (const auto& a : values(get("previousName"))) e.aliases.push_back({a, AliasKind::fka});
      for (const char* column : {"nationality", "country", "jurisdiction"})
        for (const auto& c : values(get(column)))
          if (std::string code = countries.resolve(c); !code.empty()) {
            auto& into =
                std::string_view(column) == "nationality" ? e.nationalities : e.citizenships;
            if (std::find(into.begin(), into.end(), code) == into.end()) into.push_back(code);
          }
      for (const auto& d : values(get("birthDate"))) {
        const std::string iso = iso_date(d, DateOrder::day_month_year);
        e.dates_of_birth.push_back(iso.empty() ? d : iso);
      }
      for (const auto& p : values(get("birthPlace"))) e.places_of_birth.push_back(p);
      for (const auto& a : values(get("address"))) {
        Address address;
        address.full = a;
        const size_t comma = a.rfind(',');
        address.country_text = trim_copy(comma == std::string::npos ? a : a.substr(comma + 1));
        address.country = countries.resolve(address.country_text);
        if (address.country.empty()) address.country_text.clear();
        e.addresses.push_back(std::move(address));
      }
      for (const auto& [column, type] : {std::pair{"passportNumber", "Passport"},
                                         {"idNumber", "National ID"},
                                         {"registrationNumber", "Registration Number"},
                                         {"taxNumber", "Tax ID"},
                                         {"innCode", "INN"},
                                         {"ogrnCode", "OGRN"},
                                         {"imoNumber", "IMO"},
                                         {"swiftBic", "SWIFT/BIC"},
                                         {"leiCode", "LEI"}})
        for (const auto& v : values(get(column))) {
          Identifier id;
          id.type = type;
          id.number = v;
          e.identifiers.push_back(std::move(id));
        }
      e.listed_on = iso_date(get("startDate"), DateOrder::day_month_year);
      e.remarks = get("reason");
      for (const auto& [column, key] : {std::pair{"measure", "measure"},
                                        {"annex", "annex"},
                                        {"position", "position"},
                                        {"gender", "gender"},
                                        {"legalForm", "legal_form"},
                                        {"website", "website"},
                                        {"notes", "notes"}})
        if (std::string v = get(column); !v.empty()) e.properties.push_back({key, v});
      result.entities.push_back(std::move(e));
    }
    return Ok{};
  }
};

}  // namespace

CLEARANCE_REGISTER_READER(EuJournalCsvReader)

}  // namespace clearance
