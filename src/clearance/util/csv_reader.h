#pragma once
// RFC 4180 CSV records from an in-memory buffer, with the line number where each record starts.
// Tolerates what real list files contain: a UTF-8 BOM, CRLF or LF, quoted fields spanning lines,
// doubled quotes, a trailing DOS end-of-file byte (0x1A), blank lines (skipped).
#include <string>
#include <string_view>
#include <vector>

#include "clearance/util/result.h"

namespace clearance {

struct CsvRecord {
  size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view data, char delimiter = ',');

  // Reads the next record into `record`. Returns false at the end of the data. A quoted field that
  // is never closed (the usual sign of a truncated file) is a parse error.
  Result<bool> next(CsvRecord& record);

 private:
  std::string_view data_;
  char delimiter_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

// Maps header names to column indexes; lookups of absent columns return npos.
class CsvHeader {
 public:
  CsvHeader() = default;
  explicit CsvHeader(const std::vector<std::string>& names);
  size_t index(std::string_view name) const;
  bool has(std::string_view name) const { return index(name) != npos; }
  // A column name given twice (case aside), or empty: the second column of that name would never
  // be read, its values silently lost.
  std::string repeated() const;
  size_t size() const { return names_.size(); }
  const std::vector<std::string>& names() const { return names_; }
  static constexpr size_t npos = static_cast<size_t>(-1);

 private:
  std::vector<std::string> names_;
};

// The field at `index`, or an empty view when the row is short or the column absent.
std::string_view field_or_empty(const CsvRecord& record, size_t index);

}  // namespace clearance
