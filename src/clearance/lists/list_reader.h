#pragma once
// The interface every list-format reader implements. Adding a format is adding one file that
// defines a ListReader and registers it with CLEARANCE_REGISTER_READER; nothing else changes.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clearance/model/entity.h"
#include "clearance/util/result.h"

namespace clearance {

// A malformed record that was skipped: where it is and what was wrong.
struct ParseIssue {
  std::string file;
  size_t line = 0;    // 0 when the format has no lines (XML element order is given in `field`)
  std::string field;  // the column or element at fault
  std::string message;
};

std::string to_string(const ParseIssue& issue);

struct ReadResult {
  std::string dataset;  // identifies the source so a re-import replaces it: "us_csl", "ofac_sdn", …
  std::string published;  // publication date or timestamp the source states, ISO form; may be empty
  std::vector<std::string> files;  // every file read, the main one first (companions after)
  std::vector<Entity> entities;
  std::vector<ParseIssue> issues;
  // What the user should know that is not a skipped record: companion files missing, rows that
  // name no party (a product category on the FCC list).
  std::vector<std::string> warnings;
};

class ListReader {
 public:
  virtual ~ListReader() = default;
  virtual std::string_view format() const = 0;       // "csl-csv", "ofac-csv", "un-xml", …
  virtual std::string_view description() const = 0;  // one line for `lists formats`
  // How sure the reader is that this file is its format, from the name and first bytes: 0 = not
  // mine, 100 = certain. Detection picks the highest.
  virtual int recognize(std::string_view path, std::string_view head) const = 0;
  // Files read together with `path` (OFAC's add/alt/comments beside sdn.csv). They are not
  // imported on their own when given on the command line as well.
  virtual std::vector<std::string> companions(const std::string& /*path*/) const { return {}; }
  // True when `path` is only ever a companion of another file (never imported alone).
  virtual bool is_companion(std::string_view /*path*/) const { return false; }
  // Parses the file. A file that is not this format, or is truncated, is an Error; a malformed
  // record is a ParseIssue and is skipped.
  virtual Result<ReadResult> read(const std::string& path, std::string_view content) const = 0;
};

class ReaderRegistry {
 public:
  static ReaderRegistry& instance();
  void add(std::unique_ptr<ListReader> reader);
  const ListReader* find(std::string_view format) const;
  // The best reader for a file, or nullptr when none recognises it.
  const ListReader* detect(std::string_view path, std::string_view head) const;
  std::vector<const ListReader*> all() const;

 private:
  std::vector<std::unique_ptr<ListReader>> readers_;
};

#define CLEARANCE_REGISTER_READER(Type)                                    \
  namespace {                                                              \
  [[maybe_unused]] const bool registered_##Type = [] {                     \
    ::clearance::ReaderRegistry::instance().add(std::make_unique<Type>()); \
    return true;                                                           \
  }();                                                                     \
  }

}  // namespace clearance
