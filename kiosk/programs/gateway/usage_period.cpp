// Week, month and quarter arithmetic for the usage pages, on plain civil dates.
#include "kiosk/programs/gateway/usage_period.hpp"

#include <cstdio>

namespace kiosk {
namespace {

// ISO 8601: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
std::pair<int, int> isoWeekOf(const CivilDate& monday) {
    CivilDate thursday = dateFromDays(daysSinceEpoch(monday) + 3);
    long firstDay = daysSinceEpoch(CivilDate{thursday.year, 1, 1});
    int week = static_cast<int>((daysSinceEpoch(thursday) - firstDay) / 7) + 1;
    return {thursday.year, week};
}

std::string twoDigits(int value) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d", value);
    return text;
}

} // namespace

std::string_view periodKindName(PeriodKind kind) {
    switch (kind) {
    case PeriodKind::Week:
        return "week";
    case PeriodKind::Quarter:
        return "quarter";
    case PeriodKind::Month:
        break;
    }
    return "month";
}

std::optional<PeriodKind> periodKindFromName(std::string_view name) {
    for (PeriodKind kind : {PeriodKind::Week, PeriodKind::Month, PeriodKind::Quarter}) {
        if (periodKindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

UsagePeriod usagePeriod(PeriodKind kind, const CivilDate& day) {
    UsagePeriod period;
    period.kind = kind;
    if (kind == PeriodKind::Week) {
        long monday = daysSinceEpoch(day) - weekday(day);
        period.first = dateFromDays(monday);
        period.last = dateFromDays(monday + 6);
    } else {
        int months = kind == PeriodKind::Month ? 1 : 3;
        int firstMonth = (day.month - 1) / months * months + 1;
        int lastMonth = firstMonth + months - 1;
        period.first = CivilDate{day.year, firstMonth, 1};
        period.last = CivilDate{day.year, lastMonth, daysInMonth(day.year, lastMonth)};
    }
    period.previous = dateFromDays(daysSinceEpoch(period.first) - 1);
    period.next = dateFromDays(daysSinceEpoch(period.last) + 1);
    return period;
}

std::string periodLabelVi(const UsagePeriod& period) {
    switch (period.kind) {
    case PeriodKind::Week: {
        auto [year, week] = isoWeekOf(period.first);
        return "Tuần " + std::to_string(week) + "/" + std::to_string(year) + " (" +
               twoDigits(period.first.day) + "/" + twoDigits(period.first.month) + "–" +
               twoDigits(period.last.day) + "/" + twoDigits(period.last.month) + ")";
    }
    case PeriodKind::Quarter:
        return "Quý " + std::to_string((period.first.month + 2) / 3) + "/" +
               std::to_string(period.first.year);
    case PeriodKind::Month:
        break;
    }
    return "Tháng " + std::to_string(period.first.month) + "/" + std::to_string(period.first.year);
}

std::string periodLabelEn(const UsagePeriod& period) {
    switch (period.kind) {
    case PeriodKind::Week: {
        auto [year, week] = isoWeekOf(period.first);
        return "Week " + std::to_string(week) + " of " + std::to_string(year) + " (" +
               twoDigits(period.first.day) + "/" + twoDigits(period.first.month) + "–" +
               twoDigits(period.last.day) + "/" + twoDigits(period.last.month) + ")";
    }
    case PeriodKind::Quarter:
        return "Quarter " + std::to_string((period.first.month + 2) / 3) + " of " +
               std::to_string(period.first.year);
    case PeriodKind::Month:
        break;
    }
    return "Month " + twoDigits(period.first.month) + "/" + std::to_string(period.first.year);
}

std::string periodSlug(const UsagePeriod& period) {
    switch (period.kind) {
    case PeriodKind::Week: {
        auto [year, week] = isoWeekOf(period.first);
        return std::to_string(year) + "-W" + twoDigits(week);
    }
    case PeriodKind::Quarter:
        return std::to_string(period.first.year) + "-Q" +
               std::to_string((period.first.month + 2) / 3);
    case PeriodKind::Month:
        break;
    }
    return std::to_string(period.first.year) + "-" + twoDigits(period.first.month);
}

} // namespace kiosk
