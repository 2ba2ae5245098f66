#include "clearance/store/subjects_file.h"

#include <fmt/format.h>

#include <set>

#include "clearance/model/entity.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

// The fields screening reads; anything else is an attribute.
const std::set<std::string> kFields = {"id", "name", "country", "type", "dob", "identifier"};

// Why a subject cannot be kept ("field: reason"), or empty.
std::string check(const Subject& s) {
  if (s.id.empty()) return "id: missing";
  if (s.name.empty()) return "name: missing";
  if (!is_valid_utf8(s.id) || !is_valid_utf8(s.name)) return "not valid UTF-8";
  if (!s.type.empty() && s.type != "person" && s.type != "organization" && s.type != "vessel" &&
      s.type != "aircraft")
    return fmt::format("type: '{}' is not person, organization, vessel or aircraft", s.type);
  return "";
}

}  // namespace

Result<SubjectsFile> read_subjects_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  SubjectsFile out;
  std::set<std::string> seen;
  auto keep = [&](Subject s, size_t line) {
    if (const std::string why = check(s); !why.empty()) {
      out.rejected.push_back(fmt::format("{}:{}: {}", path, line, why));
      return;
    }
    if (!seen.insert(s.id).second) {
      out.rejected.push_back(fmt::format("{}:{}: id: '{}' given twice", path, line, s.id));
      return;
    }
    out.subjects.push_back(std::move(s));
  };
  if (path.ends_with(".jsonl") || path.ends_with(".ndjson")) {
    const std::string_view all = bytes.value();
    size_t line = 0;
    for (size_t start = 0; start < all.size();) {
      size_t end = all.find('\n', start);
      if (end == std::string_view::npos) end = all.size();
      const std::string_view text = all.substr(start, end - start);
      start = end + 1;
      ++line;
      if (trim_copy(text).empty()) continue;
      const auto j = nlohmann::ordered_json::parse(text, nullptr, false);
      if (!j.is_object()) {
        out.rejected.push_back(fmt::format("{}:{}: not a JSON object", path, line));
        continue;
      }
      Subject s;
      for (const auto& [key, value] : j.items()) {
        const std::string v = value.is_string() ? value.get<std::string>() : value.dump();
        if (key == "id")
          s.id = v;
        else if (key == "name")
          s.name = v;
        else if (key == "country")
          s.country = v;
        else if (key == "type")
          s.type = v;
        else if (key == "dob")
          s.date_of_birth = v;
        else if (key == "identifier")
          s.identifier = v;
        else
          s.attributes[key] = value;
      }
      keep(std::move(s), line);
    }
    return out;
  }
  CsvReader csv(bytes.value());
  CsvRecord row;
  auto first = csv.next(row);
  if (!first)
    return make_error(ErrorCode::parse, fmt::format("{}: {}", path, first.error().message));
  if (!first.value()) return out;
  const CsvHeader header(row.fields);
  if (!header.has("id") || !header.has("name"))
    return make_error(ErrorCode::format,
                      fmt::format("{}:1: the header needs the columns id and name", path));
  while (true) {
    auto more = csv.next(row);
    if (!more)
      return make_error(ErrorCode::parse, fmt::format("{}: {}", path, more.error().message));
    if (!more.value()) break;
    Subject s;
    s.id = (trim_copy(field_or_empty(row, header.index("id"))));
    s.name = (trim_copy(field_or_empty(row, header.index("name"))));
    s.country = (trim_copy(field_or_empty(row, header.index("country"))));
    s.type = (trim_copy(field_or_empty(row, header.index("type"))));
    s.date_of_birth = (trim_copy(field_or_empty(row, header.index("dob"))));
    s.identifier = (trim_copy(field_or_empty(row, header.index("identifier"))));
    for (size_t c = 0; c < header.size(); ++c)
      if (!kFields.count(header.names()[c]) && c < row.fields.size() && !row.fields[c].empty())
        s.attributes[header.names()[c]] = row.fields[c];
    keep(std::move(s), row.line);
  }
  return out;
}

}  // namespace clearance
