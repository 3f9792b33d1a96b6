// Working days of a commune office and the appointment date of a received dossier.
#pragma once

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/procedure/procedure.hpp"

#include <span>

namespace kiosk {

struct PublicHoliday {
    CivilDate date;
    std::string_view name;
};

// Days off for public holidays 2025-2027 that fall on weekdays (Labour Code 2019 Art. 112 plus
// the government's yearly Tết and National Day arrangements). Years after the table count
// weekends only; extend the table each year.
std::span<const PublicHoliday> publicHolidays();
bool isPublicHoliday(const CivilDate& date);
bool isWorkingDay(const CivilDate& date);
CivilDate nextWorkingDay(const CivilDate& date); // strictly after `date`

// The results desk hands results back in the afternoon; a same-day appointment is for 16:00.
constexpr int kAppointmentHour = 16;

// When the result is due: the clock starts on the day of receipt if that is a working day and
// the file came in before the cut-off (15:00), otherwise on the next working day; then
// `workingDays` working days are added. 0 working days = ready that (start) day.
LocalDateTime computeAppointment(const LocalDateTime& received, const ProcessingTime& time);

} // namespace kiosk
