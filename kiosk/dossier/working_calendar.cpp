// The holiday table and the appointment rule (one-stop rule: after 15:00 counts from tomorrow).
#include "kiosk/dossier/working_calendar.hpp"

#include <algorithm>
#include <array>

namespace kiosk {
namespace {

// Weekday days off only (weekend holidays change nothing). Tết days follow the government's
// announcements as far as known; 2026-2027 rows are the statutory pattern and must be checked
// against the Prime Minister's notice each year (marked "verify").
constexpr std::array<PublicHoliday, 33> kHolidays{{
    {{2025, 1, 1}, "Tết Dương lịch"},
    {{2025, 1, 27}, "Tết Nguyên đán"},
    {{2025, 1, 28}, "Tết Nguyên đán"},
    {{2025, 1, 29}, "Tết Nguyên đán"},
    {{2025, 1, 30}, "Tết Nguyên đán"},
    {{2025, 1, 31}, "Tết Nguyên đán"},
    {{2025, 4, 7}, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},
    {{2025, 4, 30}, "Ngày Giải phóng miền Nam"},
    {{2025, 5, 1}, "Ngày Quốc tế Lao động"},
    {{2025, 5, 2}, "Nghỉ bù (hoán đổi)"},
    {{2025, 9, 1}, "Quốc khánh"},
    {{2025, 9, 2}, "Quốc khánh"},
    {{2026, 1, 1}, "Tết Dương lịch"},
    {{2026, 2, 16}, "Tết Nguyên đán (verify)"},
    {{2026, 2, 17}, "Tết Nguyên đán (verify)"},
    {{2026, 2, 18}, "Tết Nguyên đán (verify)"},
    {{2026, 2, 19}, "Tết Nguyên đán (verify)"},
    {{2026, 2, 20}, "Tết Nguyên đán (verify)"},
    {{2026, 4, 27}, "Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)"},
    {{2026, 4, 30}, "Ngày Giải phóng miền Nam"},
    {{2026, 5, 1}, "Ngày Quốc tế Lao động"},
    {{2026, 9, 1}, "Quốc khánh (verify)"},
    {{2026, 9, 2}, "Quốc khánh"},
    {{2027, 1, 1}, "Tết Dương lịch"},
    {{2027, 2, 5}, "Tết Nguyên đán (verify)"},
    {{2027, 2, 8}, "Tết Nguyên đán (verify)"},
    {{2027, 2, 9}, "Tết Nguyên đán (verify)"},
    {{2027, 2, 10}, "Tết Nguyên đán (verify)"},
    {{2027, 4, 16}, "Giỗ Tổ Hùng Vương (10/3 âm lịch)"},
    {{2027, 4, 30}, "Ngày Giải phóng miền Nam"},
    {{2027, 5, 3}, "Nghỉ bù Quốc tế Lao động (1/5 là thứ Bảy)"},
    {{2027, 9, 2}, "Quốc khánh"},
    {{2027, 9, 3}, "Quốc khánh (verify)"},
}};

} // namespace

std::span<const PublicHoliday> publicHolidays() {
    return kHolidays;
}

bool isPublicHoliday(const CivilDate& date) {
    return std::any_of(kHolidays.begin(), kHolidays.end(),
                       [&](const PublicHoliday& holiday) { return holiday.date == date; });
}

bool isWorkingDay(const CivilDate& date) {
    return weekday(date) < 5 && !isPublicHoliday(date);
}

CivilDate nextWorkingDay(const CivilDate& date) {
    CivilDate day = dateFromDays(daysSinceEpoch(date) + 1);
    while (!isWorkingDay(day)) {
        day = dateFromDays(daysSinceEpoch(day) + 1);
    }
    return day;
}

LocalDateTime computeAppointment(const LocalDateTime& received, const ProcessingTime& time) {
    bool beforeCutoff =
        received.hour * 60 + received.minute < time.cutoffHour * 60 + time.cutoffMinute;
    CivilDate day = (isWorkingDay(received.date) && beforeCutoff) ? received.date
                                                                  : nextWorkingDay(received.date);
    for (int i = 0; i < time.workingDays; ++i) {
        day = nextWorkingDay(day);
    }
    LocalDateTime due{day, kAppointmentHour, 0, 0};
    // A cut-off later than the results hour (a pack may set 17:00) must not give a same-day
    // appointment that has already passed: the resident is never sent to a time gone by.
    if (due <= received) {
        due.date = nextWorkingDay(due.date);
    }
    return due;
}

} // namespace kiosk
