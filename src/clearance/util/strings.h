#pragma once
// Small byte-string helpers shared by the readers.
#include <string>
#include <string_view>
#include <vector>

namespace clearance {

std::string_view trim(std::string_view text);
std::string trim_copy(std::string_view text);
// Splits on `separator` and trims each part; empty parts are dropped.
std::vector<std::string> split_trimmed(std::string_view text, std::string_view separator);
// Like split_trimmed, each part's whitespace runs collapsed to one space ("a;  b  c" → a, "b c").
std::vector<std::string> split_collapsed(std::string_view text, std::string_view separator);
std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);
bool iequals(std::string_view a, std::string_view b);
// Every byte below 0x80: text a script other than Latin's would not be in.
bool is_ascii(std::string_view text);
// One ASCII digit or more and nothing else ("61398"; not "", "7A").
bool is_all_digits(std::string_view text);
bool istarts_with(std::string_view text, std::string_view prefix);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Collapses runs of whitespace (including newlines) into one space and trims.
std::string collapse_whitespace(std::string_view text);
// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);
// Returns the offset of the first byte that breaks UTF-8, or npos.
size_t first_invalid_utf8(std::string_view text);
// Replaces each byte that breaks UTF-8 with U+FFFD, in place; returns how many were replaced.
size_t replace_invalid_utf8(std::string& text);
// Control characters (C0 except tab, C1, DEL) replaced by spaces, so that text from a file cannot
// drive a terminal (ANSI escapes); returns how many were replaced.
size_t replace_control_characters(std::string& text);

}  // namespace clearance
