// Dossier status codes (OpenCPS states, TrangThaiHoSo) with plain-words labels for residents.
#pragma once

#include "kiosk/procedure/procedure.hpp"

#include <optional>
#include <string_view>

namespace kiosk {

enum class DossierStatus {
    New,           // new: received, not yet looked at
    Receiving,     // receiving
    Waiting,       // waiting: waiting for something from the resident or another agency
    Processing,    // processing
    Pausing,       // pausing
    Correcting,    // correcting: the resident must add or fix papers (bổ sung)
    Releasing,     // releasing: result ready to be collected
    Done,          // done
    Denied,        // denied
    Cancelled,     // cancelled
    Unresolved,    // unresolved
    Interoperating // interoperating: passed to another agency (linked procedures)
};

std::string_view dossierStatusCode(DossierStatus status); // "processing"
std::optional<DossierStatus> dossierStatusFromCode(std::string_view code);
LocalText dossierStatusLabel(DossierStatus status);

} // namespace kiosk
