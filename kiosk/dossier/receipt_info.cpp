// Receipt assembly from non-personal stored data plus, at first print only, the answers.
#include "kiosk/dossier/receipt_info.hpp"

namespace kiosk {

ReceiptInfo makeReceiptInfo(const Procedure& procedure, const OutboxEntry& entry,
                            const FieldValues* answers) {
    ReceiptInfo info;
    info.localReference = entry.localReference;
    info.dossierCode = entry.dossierCode;
    info.refused = entry.state == OutboxState::NeedsAttention;
    info.procedureCode = procedure.code;
    info.procedureName = procedure.name;
    info.agency = procedure.agency;
    for (const DocumentRequirement& document : procedure.documents) {
        info.documents.push_back({document.name, document.form, document.count, document.required});
    }
    info.processingText = procedure.processing.text;
    info.resultReturnedAt = procedure.resultReturnedAt;
    info.fee = procedure.fee;
    info.receivedAt =
        vietnamTimeFromUnix(entry.receivedAt != 0 ? entry.receivedAt : entry.createdAt);
    info.appointmentAt = vietnamTimeFromUnix(entry.appointmentAt);
    info.reprint = answers == nullptr;
    if (answers != nullptr) {
        auto mapped = [&](const char* key) -> std::string {
            auto field = procedure.payloadFields.find(key);
            if (field == procedure.payloadFields.end()) {
                return {};
            }
            auto value = answers->find(field->second);
            return value == answers->end() ? std::string() : value->second;
        };
        info.person = ReceiptPerson{mapped("ChuHoSo"), mapped("MaDoiTuong"), mapped("SoDienThoai")};
    }
    return info;
}

} // namespace kiosk
