#include "clearance/text/name_tables.h"

#include <fmt/format.h>

#include <stdexcept>

#include "clearance/util/csv_reader.h"

namespace clearance {

std::vector<NameTableRow> read_name_table(std::string_view file,
                                          std::initializer_list<std::string_view> columns,
                                          std::initializer_list<std::string_view> optional) {
  return read_name_table(file, std::span<const std::string_view>(columns.begin(), columns.size()),
                         std::span<const std::string_view>(optional.begin(), optional.size()));
}

std::vector<NameTableRow> read_name_table(std::string_view file,
                                          std::span<const std::string_view> columns,
                                          std::span<const std::string_view> optional) {
  const std::string_view text = embedded_name_table(file);
  auto fail = [&](size_t line, std::string_view what) {
    throw std::runtime_error(fmt::format("data/names/{} line {}: {}", file, line, what));
  };
  if (text.empty()) fail(0, "no such table");
  CsvReader csv(text);
  CsvRecord record;
  auto more = csv.next(record);
  if (!more || !more.value()) fail(1, "no header");
  const CsvHeader header(record.fields);
  std::vector<size_t> required, all;
  for (std::string_view c : columns) {
    if (!header.has(c)) fail(1, fmt::format("no column \"{}\"", c));
    required.push_back(header.index(c));
    all.push_back(header.index(c));
  }
  for (std::string_view c : optional) all.push_back(header.index(c));
  std::vector<NameTableRow> rows;
  while (true) {
    more = csv.next(record);
    if (!more) fail(record.line, more.error().message);
    if (!more.value()) break;
    NameTableRow row{record.line, {}};
    for (size_t k = 0; k < all.size(); ++k) {
      const std::string_view value = field_or_empty(record, all[k]);
      if (k < required.size() && value.find_first_not_of(" \t") == std::string_view::npos)
        fail(record.line, fmt::format("field \"{}\" is empty", header.names()[all[k]]));
      row.fields.emplace_back(value);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace clearance
