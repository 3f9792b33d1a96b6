// Parsing of the on-screen appointment text and the overdue rule of the lookup screen.
#include "kiosk/dossier/appointment_text.hpp"

#include <cstdio>
#include <string>

namespace kiosk {

std::optional<LocalDateTime> parseAppointmentText(std::string_view text) {
    LocalDateTime due;
    char tail = 0;
    const std::string copy(text);
    if (std::sscanf(copy.c_str(), "%d:%d, %d/%d/%d%c", &due.hour, &due.minute, &due.date.day,
                    &due.date.month, &due.date.year, &tail) != 5) {
        return std::nullopt;
    }
    if (!isRealDate(due.date.year, due.date.month, due.date.day) || due.hour < 0 || due.hour > 23 ||
        due.minute < 0 || due.minute > 59) {
        return std::nullopt;
    }
    return due;
}

bool appointmentOverdue(const LocalDateTime& due, const CivilDate& today,
                        std::optional<DossierStatus> status) {
    if (status) {
        switch (*status) {
        case DossierStatus::Releasing:
        case DossierStatus::Done:
        case DossierStatus::Denied:
        case DossierStatus::Cancelled:
            return false; // finished or ready: nothing is late
        default:
            break;
        }
    }
    return due.date < today;
}

} // namespace kiosk
