// The status table: code, Vietnamese and English words a resident understands.
#include "kiosk/dossier/dossier_status.hpp"

#include <array>

namespace kiosk {
namespace {

struct StatusRow {
    DossierStatus status;
    std::string_view code;
    std::string_view vi;
    std::string_view en;
};

constexpr std::array<StatusRow, 12> kStatuses{{
    {DossierStatus::New, "new", "Đã nhận hồ sơ, chờ cán bộ xem",
     "Received, waiting to be looked at"},
    {DossierStatus::Receiving, "receiving", "Cán bộ đang tiếp nhận hồ sơ",
     "Being checked in by an officer"},
    {DossierStatus::Waiting, "waiting", "Đang chờ bổ sung thông tin",
     "Waiting for more information"},
    {DossierStatus::Processing, "processing", "Đang giải quyết", "Being processed"},
    {DossierStatus::Pausing, "pausing", "Tạm dừng giải quyết", "Paused"},
    {DossierStatus::Correcting, "correcting", "Cần bổ sung giấy tờ — xin liên hệ xã",
     "Papers need adding or fixing — please contact the commune"},
    {DossierStatus::Releasing, "releasing", "Đã có kết quả, mời đến nhận",
     "Result ready, please collect it"},
    {DossierStatus::Done, "done", "Đã trả kết quả", "Completed"},
    {DossierStatus::Denied, "denied", "Bị từ chối — xin liên hệ xã để biết lý do",
     "Refused — please ask the commune why"},
    {DossierStatus::Cancelled, "cancelled", "Đã hủy", "Cancelled"},
    {DossierStatus::Unresolved, "unresolved", "Không giải quyết được — xin liên hệ xã",
     "Could not be resolved — please contact the commune"},
    {DossierStatus::Interoperating, "interoperating", "Đang chuyển cơ quan khác xử lý",
     "Passed to another agency"},
}};

} // namespace

std::string_view dossierStatusCode(DossierStatus status) {
    return kStatuses[static_cast<std::size_t>(status)].code;
}

std::optional<DossierStatus> dossierStatusFromCode(std::string_view code) {
    for (const StatusRow& row : kStatuses) {
        if (row.code == code) {
            return row.status;
        }
    }
    return std::nullopt;
}

LocalText dossierStatusLabel(DossierStatus status) {
    const StatusRow& row = kStatuses[static_cast<std::size_t>(status)];
    return LocalText{std::string(row.vi), std::string(row.en)};
}

} // namespace kiosk
