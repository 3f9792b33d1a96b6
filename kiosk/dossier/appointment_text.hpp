// The appointment as screens carry it ("16:00, 30/11/2026"), read back, and whether it is overdue.
#pragma once

#include "kiosk/dossier/dossier_status.hpp"
#include "kiosk/dossier/local_time.hpp"

#include <optional>
#include <string_view>

namespace kiosk {

// Reads the "HH:MM, DD/MM/YYYY" text that KioskServices writes; nullopt for anything else.
std::optional<LocalDateTime> parseAppointmentText(std::string_view text);

// True when the result was due before `today` and the dossier is still open (not ready, done,
// denied or cancelled): the lookup screen then tells the resident to ask at the desk.
bool appointmentOverdue(const LocalDateTime& due, const CivilDate& today,
                        std::optional<DossierStatus> status);

} // namespace kiosk
