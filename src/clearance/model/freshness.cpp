#include "clearance/model/freshness.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdio>

namespace clearance {

namespace {

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), or nothing.
bool day_number(const std::string& iso, long& out) {
  int y = 0, m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  out = era * 146097 + doe - 719468;
  return true;
}

}  // namespace

int days_between(const std::string& from, const std::string& to) {
  long a = 0, b = 0;
  if (!day_number(from, a) || !day_number(to, b)) return -1;
  return static_cast<int>(b - a);
}

std::string today_utc() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::vector<SourceAge> source_ages(const Snapshot& snapshot, const std::string& today) {
  std::vector<SourceAge> out;
  for (const ListSource& s : snapshot.sources) {
    SourceAge age{s.dataset, s.published.substr(0, 10), -1};
    if (!age.published.empty()) age.age_days = days_between(age.published, today);
    out.push_back(std::move(age));
  }
  return out;
}

std::vector<std::string> freshness_warnings(const Snapshot& snapshot, const std::string& today,
                                            int max_age_days, const std::string& as_of) {
  std::vector<std::string> out;
  std::vector<std::string> unknown;
  for (const SourceAge& s : source_ages(snapshot, today)) {
    if (s.age_days < 0) {
      unknown.push_back(s.dataset);
      continue;
    }
    if (s.age_days > max_age_days)
      out.push_back(
          fmt::format("list {} was published {} ({} days ago, more than {}): parties "
                      "listed since are not screened",
                      s.dataset, s.published, s.age_days, max_age_days));
    // Lists change weekly; a month between the list and the transaction is material.
    if (!as_of.empty() && days_between(s.published, as_of) > kTransactionGapDays)
      out.push_back(
          fmt::format("list {} was published {}, before the transaction date {}: "
                      "parties listed in between are not screened",
                      s.dataset, s.published, as_of.substr(0, 10)));
  }
  if (!unknown.empty()) {
    std::string names;
    for (const auto& u : unknown) names += (names.empty() ? "" : ", ") + u;
    out.push_back(
        fmt::format("no publication date stated for {}: how current it is is unknown", names));
  }
  return out;
}

}  // namespace clearance
