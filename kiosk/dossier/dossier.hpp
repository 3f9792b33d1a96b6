// A filled-in dossier and the submission payload built from it (modelled on DongBoHoSoMC).
#pragma once

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/procedure/procedure.hpp"
#include "kiosk/validation/field_validator.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace kiosk {

struct Dossier {
    std::string procedureCode;
    FieldValues values;
};

// What the kiosk knows when the resident presses "Nộp hồ sơ".
struct SubmissionContext {
    std::string kioskId;
    std::string localReference; // printed on the receipt, e.g. "VT-20261125-0007"
    LocalDateTime receivedAt;   // Vietnam time
};

constexpr int kPayloadVersion = 1;

// The plaintext payload the gateway decrypts. Dates are yyyyMMddHHmmss in Vietnam time;
// NgayHenTra is the kiosk's provisional appointment (the gateway may set its own).
nlohmann::json buildPayload(const Procedure& procedure, const Dossier& dossier,
                            const SubmissionContext& context);

// The dossier code shape of TT 01/2018/TT-VPCP Art. 19: "000.00.01.H22-261125-0007".
bool isDossierCode(const std::string& text);

} // namespace kiosk
