// Calendar arithmetic after Howard Hinnant's days-from-civil algorithm.
#include "kiosk/validation/civil_date.hpp"

#include <cstdio>
#include <regex>

namespace kiosk {

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeapYear(year)) {
        return 29;
    }
    return kDays[month - 1];
}

bool isRealDate(int year, int month, int day) {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= daysInMonth(year, month);
}

long daysSinceEpoch(const CivilDate& date) {
    long y = date.year - (date.month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (date.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + date.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate dateFromDays(long days) {
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

int weekday(const CivilDate& date) {
    // 1970-01-01 was a Thursday (index 3).
    long days = daysSinceEpoch(date);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::optional<CivilDate> parseDate(const std::string& text) {
    static const std::regex kDayFirst(R"(\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*)");
    static const std::regex kIso(R"(\s*(\d{4})-(\d{2})-(\d{2})\s*)");
    std::smatch match;
    CivilDate date;
    if (std::regex_match(text, match, kIso)) {
        date = {std::stoi(match[1]), std::stoi(match[2]), std::stoi(match[3])};
    } else if (std::regex_match(text, match, kDayFirst)) {
        date = {std::stoi(match[3]), std::stoi(match[2]), std::stoi(match[1])};
    } else {
        return std::nullopt;
    }
    if (!isRealDate(date.year, date.month, date.day)) {
        return std::nullopt;
    }
    return date;
}

std::string formatDate(const CivilDate& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", date.day, date.month, date.year);
    return buffer;
}

std::string formatIsoDate(const CivilDate& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

} // namespace kiosk
