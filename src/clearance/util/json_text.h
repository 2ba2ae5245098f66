#pragma once
// JSON text written directly, byte for byte as nlohmann::json's dump() writes the same values (no
// indent, UTF-8 kept): for output written millions of times, where building the JSON tree first
// costs more than the screening it reports.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

// A string, quoted and escaped. The text is valid UTF-8 (the importer and the query path replace
// invalid bytes).
void append_json_string(std::string& out, std::string_view text);

// A number as dump() writes a double: the shortest text that reads back the same ("0.8", "1.0").
void append_json_number(std::string& out, double value);

// An array of strings.
void append_json_strings(std::string& out, const std::vector<std::string>& texts);

// A score or weight rounded to three decimals, as the API reports them.
double round3(double value);

// The deepest nesting of arrays and objects in a JSON text (brackets inside strings not counted),
// read without parsing: JSON nested a hundred thousand deep parses, but writing it out again
// recurses that deep and exhausts the stack, so readers refuse it first.
size_t json_nesting_depth(std::string_view text);

// How deep JSON from outside (a request body, a subjects file's row) may nest.
constexpr size_t kMaxJsonNesting = 64;

}  // namespace clearance
