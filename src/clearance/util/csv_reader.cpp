#include "clearance/util/csv_reader.h"

#include <fmt/format.h>

#include "clearance/util/strings.h"

namespace clearance {

CsvReader::CsvReader(std::string_view data, char delimiter) : data_(data), delimiter_(delimiter) {
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  while (!data_.empty() && (data_.back() == '\x1A')) data_.remove_suffix(1);
}

Result<bool> CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  // Skip blank lines between records.
  while (pos_ < data_.size() && (data_[pos_] == '\n' || data_[pos_] == '\r')) {
    if (data_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= data_.size()) return false;
  record.line = line_;
  std::string field;
  bool in_quotes = false;
  bool field_was_quoted = false;
  size_t quote_line = line_;
  while (pos_ < data_.size()) {
    const char c = data_[pos_];
    if (in_quotes) {
      if (c == '"') {
        if (pos_ + 1 < data_.size() && data_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        in_quotes = false;
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      field += c;
      ++pos_;
      continue;
    }
    if (c == '"' && !field_was_quoted && trim(field).empty()) {
      field.clear();
      in_quotes = true;
      field_was_quoted = true;
      quote_line = line_;
      ++pos_;
      continue;
    }
    if (c == delimiter_) {
      record.fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      ++pos_;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && pos_ + 1 < data_.size() && data_[pos_ + 1] == '\n') ++pos_;
      ++pos_;
      ++line_;
      record.fields.push_back(std::move(field));
      return true;
    }
    field += c;
    ++pos_;
  }
  if (in_quotes)
    return make_error(
        ErrorCode::parse,
        fmt::format("line {}: quoted field opened at line {} is never closed (truncated file?)",
                    record.line, quote_line));
  record.fields.push_back(std::move(field));
  return true;
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) : names_(names) {
  for (auto& name : names_) name = trim_copy(name);
}

size_t CsvHeader::index(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (iequals(names_[i], name)) return i;
  return npos;
}

std::string CsvHeader::repeated() const {
  for (size_t i = 0; i < names_.size(); ++i)
    if (!names_[i].empty() && index(names_[i]) != i) return names_[i];
  return "";
}

std::string_view field_or_empty(const CsvRecord& record, size_t index) {
  if (index == CsvHeader::npos || index >= record.fields.size()) return {};
  return record.fields[index];
}

}  // namespace clearance
