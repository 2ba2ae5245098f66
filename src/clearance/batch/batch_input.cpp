#include "clearance/batch/batch_input.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "clearance/model/country_codes.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/dates.h"
#include "clearance/util/mapped_file.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

class CsvBatchInput final : public BatchInput {
 public:
  CsvBatchInput(std::unique_ptr<MappedFile> file, std::string path)
      : file_(std::move(file)), path_(std::move(path)), csv_(file_->bytes()) {}

  Status read_header() {
    CsvRecord header_row;
    auto got = csv_.next(header_row);
    if (!got)
      return make_error(ErrorCode::format, fmt::format("{}: {}", path_, got.error().message));
    if (!got.value()) return Ok{};  // empty file: no rows
    header_ = CsvHeader(header_row.fields);
    if (const std::string twice = header_.repeated(); !twice.empty())
      return make_error(ErrorCode::format,
                        fmt::format("{}:1: the header names the column '{}' twice", path_, twice));
    if (!header_.has("name"))
      return make_error(ErrorCode::format,
                        fmt::format("{}: the CSV header has no 'name' column", path_));
    return Ok{};
  }

  Result<bool> next(BatchRow& row) override {
    CsvRecord record;
    auto got = csv_.next(record);
    if (!got)
      return make_error(ErrorCode::integrity, fmt::format("{}: {}", path_, got.error().message));
    if (!got.value()) return false;
    consumed_ = record.line;
    row = BatchRow{};
    row.line = record.line;
    auto field = [&](const char* name) {
      return trim_copy(field_or_empty(record, header_.index(name)));
    };
    row.id = header_.has("id") ? field("id") : std::to_string(record.line);
    if (row.id.empty()) row.id = std::to_string(record.line);
    for (size_t i = 0; i < record.fields.size(); ++i)
      if (!is_valid_utf8(record.fields[i])) {
        row.error_field = i < header_.size() ? header_.names()[i] : fmt::format("column {}", i + 1);
        row.error = "invalid UTF-8";
        if (!is_valid_utf8(row.id)) row.id = std::to_string(record.line);
        return true;
      }
    if (record.fields.size() > header_.size()) {
      row.error =
          fmt::format("row has {} fields, header has {}", record.fields.size(), header_.size());
      return true;
    }
    fill_query(row, field("name"), field("country"), field("type"), field("dob"));
    return true;
  }

  double progress() const override {
    // Lines are a fair proxy for bytes on a screening file.
    return total_lines_ ? std::min(1.0, double(consumed_) / total_lines_) : 1.0;
  }

  void count_lines() {
    const auto v = file_->bytes();
    total_lines_ = static_cast<size_t>(std::count(v.begin(), v.end(), '\n')) + 1;
  }

 private:
  std::unique_ptr<MappedFile> file_;
  std::string path_;
  CsvReader csv_;
  CsvHeader header_;
  size_t consumed_ = 0, total_lines_ = 0;
};

class JsonlBatchInput final : public BatchInput {
 public:
  JsonlBatchInput(std::unique_ptr<MappedFile> file, std::string path)
      : file_(std::move(file)), path_(std::move(path)) {
    if (file_->bytes().starts_with("\xEF\xBB\xBF")) pos_ = 3;
  }

  Result<bool> next(BatchRow& row) override {
    const std::string_view data = file_->bytes();
    while (pos_ < data.size()) {
      size_t end = data.find('\n', pos_);
      if (end == std::string_view::npos) end = data.size();
      const std::string_view line = trim(data.substr(pos_, end - pos_));
      pos_ = end + 1;
      ++line_;
      if (line.empty()) continue;
      row = BatchRow{};
      row.line = line_;
      row.id = std::to_string(line_);
      if (!is_valid_utf8(line)) {
        row.error = "invalid UTF-8";
        return true;
      }
      const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
      if (object.is_discarded() || !object.is_object()) {
        row.error = "not a JSON object";
        return true;
      }
      auto text = [&](const char* key) -> std::string {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return {};
        if (it->is_string()) return trim_copy(it->get<std::string>());
        if (it->is_number()) return it->dump();
        return "\x01";  // wrong type, reported below
      };
      row.id = text("id");
      if (row.id.empty() || row.id == "\x01") row.id = std::to_string(line_);
      std::string name = text("name");
      if (auto it = object.find("name"); it != object.end() && !it->is_string() && !it->is_null())
        name = "\x01";
      const std::string country = text("country"), type = text("type"), dob = text("dob");
      for (const auto& [key, value] :
           {std::pair{"name", name}, {"country", country}, {"type", type}, {"dob", dob}})
        if (value == "\x01") {
          row.error_field = key;
          row.error = "must be a string";
          return true;
        }
      fill_query(row, name, country, type, dob);
      return true;
    }
    return false;
  }

  double progress() const override {
    const size_t size = file_->bytes().size();
    return size ? std::min(1.0, double(pos_) / size) : 1.0;
  }

 private:
  std::unique_ptr<MappedFile> file_;
  std::string path_;
  size_t pos_ = 0, line_ = 0;
};

}  // namespace

bool fill_query(BatchRow& row, const std::string& name, const std::string& country,
                const std::string& type, const std::string& dob) {
  auto fail = [&](const char* field, std::string message) {
    row.error_field = field;
    row.error = std::move(message);
    return false;
  };
  if (name.empty()) return fail("name", "name is missing");
  if (name.size() > kMaxNameBytes)
    return fail("name",
                fmt::format("name is {} bytes, the limit is {}", name.size(), kMaxNameBytes));
  row.query.name = name;
  if (!country.empty()) {
    if (CountryResolver().resolve(country).empty())
      return fail("country", fmt::format("unknown country '{}'", country));
    row.query.country = country;
  }
  if (!type.empty()) {
    row.query.type = entity_type_from_string(type);
    if (row.query.type == EntityType::unknown)
      return fail("type",
                  fmt::format("type '{}' is not person, organization, vessel or aircraft", type));
  }
  if (!dob.empty()) {
    if (!is_iso_date(dob))
      return fail("dob", fmt::format("date of birth '{}' is not YYYY, YYYY-MM or YYYY-MM-DD", dob));
    row.query.date_of_birth = dob;
  }
  return true;
}

Result<std::unique_ptr<BatchInput>> BatchInput::open(const std::string& path,
                                                     const std::string& format) {
  auto file = MappedFile::open(path);
  if (!file) return file.error();
  file.value()->advise_sequential();  // read once, front to back
  std::string kind = format;
  if (kind.empty()) {
    const std::string lower = ascii_lower(path);
    if (lower.ends_with(".jsonl") || lower.ends_with(".ndjson"))
      kind = "jsonl";
    else if (lower.ends_with(".csv") || lower.ends_with(".tsv"))
      kind = "csv";
    else
      kind = trim(file.value()->bytes().substr(0, 64)).starts_with("{") ? "jsonl" : "csv";
  }
  if (kind == "jsonl")
    return std::unique_ptr<BatchInput>(new JsonlBatchInput(std::move(file.value()), path));
  if (kind != "csv")
    return make_error(ErrorCode::invalid_argument, fmt::format("unknown input format '{}'", kind));
  auto input = std::make_unique<CsvBatchInput>(std::move(file.value()), path);
  if (auto st = input->read_header(); !st) return st.error();
  input->count_lines();
  return std::unique_ptr<BatchInput>(std::move(input));
}

}  // namespace clearance
