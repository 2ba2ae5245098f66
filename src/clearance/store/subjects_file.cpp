#include "clearance/store/subjects_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "clearance/batch/batch_input.h"
#include "clearance/model/entity.h"
#include "clearance/util/csv_reader.h"
#include "clearance/util/file_io.h"
#include "clearance/util/json_text.h"
#include "clearance/util/strings.h"

namespace clearance {

namespace {

// The fields screening reads; anything else is an attribute.
const std::set<std::string> kFields = {"id", "name", "country", "type", "dob", "identifier"};

}  // namespace

std::string subject_problem(const Subject& s) {
  if (s.id.empty()) return "id: missing";
  if (s.name.empty()) return "name: missing";
  for (const auto& [field, text] : {std::pair<const char*, const std::string&>{"id", s.id},
                                    {"name", s.name},
                                    {"country", s.country},
                                    {"type", s.type},
                                    {"dob", s.date_of_birth},
                                    {"identifier", s.identifier}})
    if (!is_valid_utf8(text)) return fmt::format("{}: not valid UTF-8", field);
  // A control character (a NUL byte, a line break) in an id or name: no command line could name
  // the subject again, and no screen shows it as it is.
  for (const auto& [field, text] :
       {std::pair<const char*, const std::string&>{"id", s.id}, {"name", s.name}})
    if (std::any_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
      return fmt::format("{}: holds a control character", field);
  for (const auto& [key, value] : s.attributes.items()) {
    if (!is_valid_utf8(key)) return "an attribute's name is not valid UTF-8";
    if (value.is_string() && !is_valid_utf8(value.get_ref<const std::string&>()))
      return fmt::format("{}: not valid UTF-8", key);
  }
  BatchRow row;
  if (!fill_query(row, s.name, s.country, s.type, s.date_of_birth))
    return fmt::format("{}: {}", row.error_field, row.error);
  return "";
}

Result<SubjectsFile> read_subjects_file(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.error();
  SubjectsFile out;
  std::set<std::string> seen;
  auto keep = [&](Subject s, size_t line) {
    if (const std::string why = subject_problem(s); !why.empty()) {
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
      // (Deeper JSON would exhaust the stack of every later reader of the store.)
      if (json_nesting_depth(text) > kMaxJsonNesting) {
        out.rejected.push_back(
            fmt::format("{}:{}: nested deeper than {} levels", path, line, kMaxJsonNesting));
        continue;
      }
      const auto j = nlohmann::ordered_json::parse(text, nullptr, false);
      if (!j.is_object()) {
        out.rejected.push_back(fmt::format("{}:{}: not a JSON object", path, line));
        continue;
      }
      Subject s;
      std::string not_text;  // a screened field given as a number, list or object
      for (const auto& [key, value] : j.items()) {
        if (kFields.count(key) && !value.is_string() && !value.is_null() && not_text.empty())
          not_text = key;
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
      if (!not_text.empty()) {
        out.rejected.push_back(fmt::format("{}:{}: {}: must be text", path, line, not_text));
        continue;
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
  if (const std::string twice = header.repeated(); !twice.empty())
    return make_error(ErrorCode::format,
                      fmt::format("{}:1: the header names the column '{}' twice", path, twice));
  if (!header.has("id") || !header.has("name"))
    return make_error(ErrorCode::format,
                      fmt::format("{}:1: the header needs the columns id and name", path));
  while (true) {
    auto more = csv.next(row);
    if (!more)
      return make_error(ErrorCode::parse, fmt::format("{}: {}", path, more.error().message));
    if (!more.value()) break;
    if (row.fields.size() != header.size()) {
      out.rejected.push_back(fmt::format("{}:{}: row has {} fields, header has {}", path, row.line,
                                         row.fields.size(), header.size()));
      continue;
    }
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
