#include "clearance/lists/links_file.h"

#include <fmt/format.h>

#include <map>

#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"

namespace clearance {

Result<std::vector<UserLink>> read_links_file(const std::string& path) {
  auto content = read_file(path);
  if (!content) return content.error();
  if (!is_valid_utf8(content.value()))
    return make_error(ErrorCode::parse, fmt::format("{}: not valid UTF-8 text", path));
  CsvReader reader(content.value());
  CsvRecord record;
  CsvHeader header;
  std::vector<UserLink> links;
  std::map<std::pair<std::string, std::string>, std::pair<bool, size_t>> seen;
  auto fail = [&](size_t line, const char* field, const std::string& what) {
    return make_error(ErrorCode::parse, fmt::format("{}:{}: {}: {}", path, line, field, what));
  };
  while (true) {
    auto more = reader.next(record);
    if (!more) return more.error();
    if (!more.value()) break;
    if (!record.fields.empty() && trim(record.fields[0]).substr(0, 1) == "#") continue;
    if (header.size() == 0) {
      header = CsvHeader(record.fields);
      for (const char* column : {"record_a", "record_b", "relation"})
        if (!header.has(column))
          return fail(record.line, column,
                      "missing column (the header must name record_a, record_b, relation)");
      continue;
    }
    UserLink link;
    link.a = trim_copy(field_or_empty(record, header.index("record_a")));
    link.b = trim_copy(field_or_empty(record, header.index("record_b")));
    const std::string relation =
        ascii_lower(trim(field_or_empty(record, header.index("relation"))));
    if (link.a.empty()) return fail(record.line, "record_a", "empty");
    if (link.b.empty()) return fail(record.line, "record_b", "empty");
    if (relation == "same") {
      link.same = true;
    } else if (relation == "not-same" || relation == "not_same") {
      link.same = false;
    } else {
      return fail(record.line, "relation",
                  fmt::format("'{}' is neither 'same' nor 'not-same'", relation));
    }
    auto key = link.a < link.b ? std::make_pair(link.a, link.b) : std::make_pair(link.b, link.a);
    if (auto it = seen.find(key); it != seen.end()) {
      if (it->second.first != link.same)
        return fail(record.line, "relation",
                    fmt::format("contradicts line {}: '{}' and '{}' are marked both same and "
                                "not the same",
                                it->second.second, link.a, link.b));
      continue;
    }
    seen[key] = {link.same, record.line};
    links.push_back(std::move(link));
  }
  if (header.size() == 0)
    return make_error(ErrorCode::parse, fmt::format("{}: empty links file (no header)", path));
  return links;
}

}  // namespace clearance
