#pragma once
// How old each source of a snapshot is, by the publication date the source states (not the day
// it was imported), and the warnings a screening or a license check owes its user: a source older
// than the age the user accepts, a source with no publication date, and lists published before
// the date a transaction is for (parties listed since then are not in them).
#include <string>
#include <vector>

#include "clearance/model/snapshot.h"

namespace clearance {

// The default age past which a source is stale: the CSL and OFAC's lists change weekly.
constexpr int kDefaultMaxListAgeDays = 90;
// A transaction dated this many days or fewer after a list's publication is not warned about.
constexpr int kTransactionGapDays = 30;

struct SourceAge {
  std::string dataset;
  std::string published;  // empty when the source states none
  int age_days = -1;      // from `published` to `today`; -1 when unknown
};

// Days from one ISO date (YYYY-MM-DD, or a longer timestamp) to another; -1 when either is not a
// date.
int days_between(const std::string& from, const std::string& to);

// Today's date in UTC, YYYY-MM-DD.
std::string today_utc();

std::vector<SourceAge> source_ages(const Snapshot& snapshot, const std::string& today);

// Warnings for a screening on `today`: sources older than `max_age_days`, sources with no
// publication date. With `as_of` (a transaction's date), also the sources published more than
// kTransactionGapDays before it.
std::vector<std::string> freshness_warnings(const Snapshot& snapshot, const std::string& today,
                                            int max_age_days, const std::string& as_of = {});

}  // namespace clearance
