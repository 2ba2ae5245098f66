#pragma once
// The name tables the project ships in data/names/ (given names across languages, titles and
// honorifics, the Chinese names of listed parties…): data with a source on every row, compiled into
// the library (cmake/embed_names.cmake) so that matching needs no file beside the binary.
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// The bytes of data/names/<file>; empty when the project has no such table.
std::string_view embedded_name_table(std::string_view file);

// One row of a table: its line in the file and its fields, in the order of `columns`.
struct NameTableRow {
  size_t line = 0;
  std::vector<std::string> fields;
};

// The rows of data/names/<file>, whose header must hold every one of `columns`. A row with an
// empty field among them, or a table that does not parse, throws std::runtime_error naming the
// file, line and field: the tables are checked when first used, and by the test suite.
std::vector<NameTableRow> read_name_table(std::string_view file,
                                          std::initializer_list<std::string_view> columns,
                                          std::initializer_list<std::string_view> optional = {});
// The same with the columns known at run time.
std::vector<NameTableRow> read_name_table(std::string_view file,
                                          std::span<const std::string_view> columns,
                                          std::span<const std::string_view> optional = {});

}  // namespace clearance
