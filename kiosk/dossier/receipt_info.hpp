// What a "Giấy tiếp nhận hồ sơ và hẹn trả kết quả" shows, assembled for the receipt printer.
#pragma once

#include "kiosk/dossier/local_time.hpp"
#include "kiosk/outbox/outbox.hpp"
#include "kiosk/procedure/procedure.hpp"
#include "kiosk/validation/field_validator.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct ReceiptDocumentLine {
    LocalText name;
    DocumentForm form = DocumentForm::Original; // "bản chính" / "bản sao"
    int count = 1;
    bool required = true;
};

// Printed only at submission time, while the resident stands there; a reprint has none.
struct ReceiptPerson {
    std::string fullName;
    std::string idNumber;
    std::string phone;
};

struct ReceiptInfo {
    std::string localReference;
    std::string dossierCode; // empty while offline: the receipt then says "sent later"
    std::string procedureCode;
    LocalText procedureName;
    LocalText agency;
    std::vector<ReceiptDocumentLine> documents;
    LocalText processingText;
    LocalText resultReturnedAt;
    Fee fee;
    LocalDateTime receivedAt;
    LocalDateTime appointmentAt;
    bool reprint = false;
    bool refused = false; // the commune's system refused it for good: a volunteer resends it
    std::optional<ReceiptPerson> person;
};

// From the outbox row and the procedure file. `answers` (the session's, at submission time)
// adds the person's lines; pass nullptr for a reprint.
ReceiptInfo makeReceiptInfo(const Procedure& procedure, const OutboxEntry& entry,
                            const FieldValues* answers);

} // namespace kiosk
