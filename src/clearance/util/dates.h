#pragma once
// Dates as the lists write them, to ISO 8601 ("YYYY-MM-DD", "YYYY-MM" or "YYYY"). Each source has
// one order of day and month, which the caller states; the text must be a date and nothing more.
#include <string>
#include <string_view>

namespace clearance {

enum class DateOrder { day_month_year, month_day_year };

// "11.8.1960", "29-06-2012", "06/19/2003", "2024-01-31", "1963", "March 12, 2021" → ISO; empty when
// the text is not one date (ranges, "or", impossible days are not guessed at).
std::string iso_date(std::string_view text, DateOrder order);

// Whether the text is an ISO date of the calendar — "YYYY", "YYYY-MM" or "YYYY-MM-DD", with a
// month of 1 to 12 and a day the month has (29 February in leap years only).
bool is_iso_date(std::string_view text);
// Whether the text is a day of the calendar, "YYYY-MM-DD" (as the rules read dates).
bool is_iso_day(std::string_view text);

}  // namespace clearance
