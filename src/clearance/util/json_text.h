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

}  // namespace clearance
