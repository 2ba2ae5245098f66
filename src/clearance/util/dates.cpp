#include "clearance/util/dates.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <vector>

#include "clearance/util/strings.h"

namespace clearance {

namespace {

int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string w = ascii_lower(word);
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (w.size() >= 3 && kMonths[i].substr(0, w.size()) == w) return static_cast<int>(i) + 1;
  return 0;
}

bool valid(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

}  // namespace

std::string iso_date(std::string_view text, DateOrder order) {
  const std::string_view t = trim(text);
  std::vector<std::string> parts;
  std::string part;
  bool digits_only = true;
  for (char c : t) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      part += c;
      digits_only = digits_only && std::isdigit(static_cast<unsigned char>(c));
    } else if (c == '.' || c == '-' || c == '/' || c == ' ' || c == ',') {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      return {};
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  auto number = [](const std::string& s) {
    if (s.empty() || s.size() > 4) return -1;
    for (char c : s)
      if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    return std::stoi(s);
  };
  if (parts.size() == 1 && parts[0].size() == 4 && number(parts[0]) >= 1800) return parts[0];
  if (parts.size() == 3 && !digits_only) {  // "March 12, 2021"
    const int m = month_number(parts[0]), d = number(parts[1]), y = number(parts[2]);
    return valid(y, m, d) ? fmt::format("{:04}-{:02}-{:02}", y, m, d) : std::string();
  }
  if (parts.size() != 3 || !digits_only) return {};
  int y, m, d;
  if (parts[0].size() == 4) {
    y = number(parts[0]), m = number(parts[1]), d = number(parts[2]);
  } else if (order == DateOrder::day_month_year) {
    d = number(parts[0]), m = number(parts[1]), y = number(parts[2]);
  } else {
    m = number(parts[0]), d = number(parts[1]), y = number(parts[2]);
  }
  return valid(y, m, d) ? fmt::format("{:04}-{:02}-{:02}", y, m, d) : std::string();
}

bool is_iso_date(std::string_view d) {
  auto number = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (i >= d.size() || d[i] < '0' || d[i] > '9') return -1;
      v = v * 10 + (d[i] - '0');
    }
    return v;
  };
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  const int year = number(0, 4);
  if (year < 0) return false;
  if (d.size() == 4) return true;
  const int month = number(5, 2);
  if (d[4] != '-' || month < 1 || month > 12) return false;
  if (d.size() == 7) return true;
  const int day = number(8, 2);
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d[7] == '-' && day >= 1 && day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_iso_day(std::string_view text) {
  return text.size() == 10 && is_iso_date(text);
}

}  // namespace clearance
