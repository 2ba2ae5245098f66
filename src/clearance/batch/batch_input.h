#pragma once
// Rows of a batch screening file — CSV with a header (at least `name`; optional `id`, `country`,
// `type`, `dob`, `address`) or JSON Lines with the same keys — read as a stream from a memory map,
// so memory does not grow with the file. A row that cannot be screened carries an error instead
// of a query; reading goes on.
#include <memory>
#include <string>

#include "clearance/match/screener.h"
#include "clearance/util/result.h"

namespace clearance {

struct BatchRow {
  size_t line = 0;  // 1-based line where the row starts
  std::string id;   // the input's id, or the line number when the file has none
  ScreenQuery query;
  std::string error_field;  // set when the row cannot be screened
  std::string error;
};

class BatchInput {
 public:
  virtual ~BatchInput() = default;
  // Opens `path`; `format` is "csv", "jsonl" or empty (by extension, then by the first byte).
  static Result<std::unique_ptr<BatchInput>> open(const std::string& path,
                                                  const std::string& format);
  // Next row; false at the end. An Error only when the file itself is unreadable (truncated quote).
  virtual Result<bool> next(BatchRow& row) = 0;
  // Fraction of the file consumed, for progress and ETA.
  virtual double progress() const = 0;
};

// Longest name accepted; longer ones are reported, not screened.
constexpr size_t kMaxNameBytes = 1024;

// Checks and fills the query fields shared by both layouts; returns false with row.error set.
bool fill_query(BatchRow& row, const std::string& name, const std::string& country,
                const std::string& type, const std::string& dob);

}  // namespace clearance
