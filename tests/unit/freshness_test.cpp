// Each source's age by its stated publication date, and the warnings a screening owes its user.
#include "clearance/model/freshness.h"

#include <gtest/gtest.h>

namespace clearance {
namespace {

Snapshot with_sources(std::vector<std::pair<std::string, std::string>> published) {
  Snapshot s;
  s.id = "test";
  for (auto& [dataset, date] : published) {
    ListSource src;
    src.dataset = dataset;
    src.published = date;
    s.sources.push_back(src);
  }
  return s;
}

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
  for (const auto& w : warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

TEST(Freshness, DaysBetweenCivilDates) {
  EXPECT_EQ(days_between("2026-07-31", "2026-12-02"), 124);
  EXPECT_EQ(days_between("2024-02-28", "2024-03-01"), 2);  // leap year
  EXPECT_EQ(days_between("2026-07-31T13:15:00Z", "2026-08-01"), 1);
  EXPECT_EQ(days_between("", "2026-08-01"), -1);
  EXPECT_EQ(days_between("not a date", "2026-08-01"), -1);
  EXPECT_EQ(today_utc().size(), 10u);
}

TEST(Freshness, StaleUndatedAndOlderThanTheTransaction) {
  const Snapshot s =
      with_sources({{"us_csl", "2026-07-31"}, {"un_sc", "2026-11-20"}, {"cn_lists", ""}});
  const auto today = freshness_warnings(s, "2026-12-02", 90);
  EXPECT_TRUE(mentions(today, "us_csl was published 2026-07-31 (124 days ago"));
  EXPECT_FALSE(mentions(today, "un_sc"));
  EXPECT_TRUE(mentions(today, "no publication date stated for cn_lists"));
  // A list published long before a transaction cannot clear a party listed in between; a week
  // before it is as current as lists get.
  const auto shipping = freshness_warnings(s, "2026-12-02", 365, "2026-12-01");
  EXPECT_TRUE(mentions(shipping, "us_csl was published 2026-07-31, before the transaction date"));
  EXPECT_FALSE(mentions(shipping, "un_sc was published"));
  const auto ages = source_ages(s, "2026-12-02");
  ASSERT_EQ(ages.size(), 3u);
  EXPECT_EQ(ages[0].age_days, 124);
  EXPECT_EQ(ages[2].age_days, -1);
}

}  // namespace
}  // namespace clearance
