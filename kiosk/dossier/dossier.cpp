// Payload building: owner fields by the procedure's mapping, documents, fees, all answers.
#include "kiosk/dossier/dossier.hpp"

#include "kiosk/dossier/working_calendar.hpp"
#include "kiosk/validation/id_number.hpp"
#include "kiosk/validation/phone_number.hpp"

#include <regex>

namespace kiosk {
namespace {

std::string_view feeKindCode(FeeKind kind) {
    switch (kind) {
    case FeeKind::Free:
        return "free";
    case FeeKind::Fixed:
        return "fixed";
    case FeeKind::PerCopy:
        return "per_copy";
    case FeeKind::PerPage:
        return "per_page";
    case FeeKind::AskAtDesk:
        return "ask_at_desk";
    }
    return "free";
}

} // namespace

nlohmann::json buildPayload(const Procedure& procedure, const Dossier& dossier,
                            const SubmissionContext& context) {
    using nlohmann::json;
    auto valueOf = [&](const std::string& payloadKey) -> std::string {
        auto mapping = procedure.payloadFields.find(payloadKey);
        if (mapping == procedure.payloadFields.end()) {
            return {};
        }
        auto value = dossier.values.find(mapping->second);
        return value == dossier.values.end() ? std::string() : value->second;
    };
    std::string phone = valueOf("SoDienThoai");
    if (auto normalised = normalisePhone(phone)) {
        phone = *normalised;
    }
    LocalDateTime appointment = computeAppointment(context.receivedAt, procedure.processing);

    json documents = json::array();
    for (const DocumentRequirement& document : procedure.documents) {
        documents.push_back(
            {{"MaThanhPhanHoSo", document.id},
             {"TenTepDinhKem", document.name.vi},
             {"LoaiBan", document.form == DocumentForm::Original ? "ban_chinh" : "ban_sao"},
             {"SoLuong", document.count},
             {"BatBuoc", document.required},
             // Papers are brought to the desk; the kiosk uploads no files.
             {"HinhThucNop", "nop_truc_tiep"}});
    }
    json fees = json::array();
    fees.push_back({{"TenPhiLePhi", procedure.fee.note.vi},
                    {"MaPhiLePhi", std::string(feeKindCode(procedure.fee.kind))},
                    {"HinhThucThu", "tai_quay"},
                    {"Gia", procedure.fee.amountDong}});
    json answers = json::object();
    for (const auto& [id, value] : dossier.values) {
        if (procedure.findField(id) != nullptr) {
            answers[id] = value;
        }
    }
    return json{{"PhienBan", kPayloadVersion},
                {"MaKiosk", context.kioskId},
                {"SoThamChieu", context.localReference},
                {"MaTTHC", procedure.code},
                {"TenTTHC", procedure.name.vi},
                {"MaLinhVuc", procedure.category},
                {"ChuHoSo", valueOf("ChuHoSo")},
                {"LoaiDoiTuong", "1"}, // 1 = citizen
                {"MaDoiTuong", normaliseIdNumber(valueOf("MaDoiTuong"))},
                {"SoDienThoai", phone},
                {"Email", valueOf("Email")},
                {"TrichYeuHoSo", procedure.name.vi + ": " + valueOf("TrichYeuHoSo")},
                {"NgayTiepNhan", formatCompact(context.receivedAt)},
                {"NgayHenTra", formatCompact(appointment)},
                {"SoNgayXuLy", procedure.processing.workingDays},
                {"TrangThaiHoSo", "new"},
                {"HinhThuc", "kiosk"},
                {"TaiLieuNop", documents},
                {"DanhSachLePhi", fees},
                {"DuLieuBieuMau", answers}};
}

bool isDossierCode(const std::string& text) {
    static const std::regex kCode(R"(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4})");
    return std::regex_match(text, kCode);
}

} // namespace kiosk
