// Calendar dates without time zones: parsing dd/mm/yyyy, day arithmetic, weekdays.
#pragma once

#include <optional>
#include <string>

namespace kiosk {

struct CivilDate {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31

    auto operator<=>(const CivilDate&) const = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);
bool isRealDate(int year, int month, int day);

// Days since 1970-01-01 (negative before), and back; proleptic Gregorian calendar.
long daysSinceEpoch(const CivilDate& date);
CivilDate dateFromDays(long days);
// 0 = Monday ... 6 = Sunday.
int weekday(const CivilDate& date);

// Accepts the way Vietnamese write dates, "25/11/2026" or "5-1-1950" or "05.01.1950", and the
// ISO form "2026-11-25". Returns nothing when the text is not a real calendar date.
std::optional<CivilDate> parseDate(const std::string& text);
std::string formatDate(const CivilDate& date);    // "25/11/2026"
std::string formatIsoDate(const CivilDate& date); // "2026-11-25"

} // namespace kiosk
