// Vietnamese and English texts for every Msg id, in Msg order.
#include "kiosk/i18n/messages.hpp"

#include <array>

namespace kiosk {
namespace {

constexpr std::array<MessageText, static_cast<std::size_t>(Msg::Count)> kMessages{{
    {Msg::CommuneTitlePrefix, "Điểm hỗ trợ dịch vụ công", "Public service access point"},
    {Msg::HomeWelcome, "Xin chào! Bác cần làm gì hôm nay?",
     "Hello! What would you like to do today?"},
    {Msg::HomeSubmitDossier, "Nộp hồ sơ", "Submit a dossier"},
    {Msg::HomeSubmitDossierHint, "Khai sinh, kết hôn, cư trú, chứng thực…",
     "Birth, marriage, residence, certified copies…"},
    {Msg::HomeLookupDossier, "Tra cứu hồ sơ", "Look up a dossier"},
    {Msg::HomeLookupDossierHint, "Xem hồ sơ đã nộp đến đâu", "See how your dossier is progressing"},
    {Msg::HomeLearnSkill, "Học kỹ năng số", "Learn a digital skill"},
    {Msg::HomeLearnSkillHint, "VNeID, thanh toán an toàn, phòng lừa đảo",
     "VNeID, safe payments, avoiding scams"},
    {Msg::HomeHelp, "Cần giúp đỡ", "Get help"},
    {Msg::HomeHelpHint, "Gọi tình nguyện viên, hướng dẫn sử dụng",
     "Call a volunteer, how to use this kiosk"},
    {Msg::HomeTextSize, "Cỡ chữ", "Text size"},
    {Msg::HomeContrast, "Màu nền", "Colours"},
    {Msg::HomeLanguage, "Ngôn ngữ", "Language"},
    {Msg::LanguageName, "Tiếng Việt", "English"},
    {Msg::TextSizeNormal, "Vừa", "Normal"},
    {Msg::TextSizeLarge, "Lớn", "Large"},
    {Msg::TextSizeLarger, "Rất lớn", "Larger"},
    {Msg::TextSizeLargest, "Lớn nhất", "Largest"},
    {Msg::ContrastStandard, "Thường", "Standard"},
    {Msg::ContrastLight, "Nền trắng rõ", "High contrast light"},
    {Msg::ContrastDark, "Nền đen rõ", "High contrast dark"},
    {Msg::StatusPrinter, "Máy in", "Printer"},
    {Msg::StatusReader, "Đầu đọc thẻ", "Card reader"},
    {Msg::StatusNetwork, "Mạng", "Network"},
    {Msg::StatusReady, "sẵn sàng", "ready"},
    {Msg::StatusNoPaper, "hết giấy", "out of paper"},
    {Msg::StatusCoverOpen, "nắp đang mở", "cover open"},
    {Msg::StatusDisconnected, "chưa kết nối", "not connected"},
    {Msg::StatusError, "lỗi", "error"},
    {Msg::StatusUnknown, "đang kiểm tra", "checking"},
    {Msg::StatusCardPresent, "có thẻ", "card present"},
    {Msg::StatusOnline, "đã kết nối", "online"},
    {Msg::StatusOffline, "mất mạng, hồ sơ sẽ tự gửi sau", "offline, dossiers will be sent later"},
    {Msg::StatusSimulated, "mô phỏng", "simulated"},
    {Msg::StatusQueued, "hồ sơ chờ gửi", "dossiers waiting"},
    {Msg::NavBack, "Quay lại", "Back"},
    {Msg::NavNext, "Tiếp tục", "Continue"},
    {Msg::NavHome, "Về trang đầu", "Start over"},
    {Msg::NavCancel, "Hủy", "Cancel"},
    {Msg::NavDone, "Xong", "Done"},
    {Msg::StillThereTitle, "Bác còn ở đây không?", "Are you still there?"},
    {Msg::StillThereBody,
     "Để bảo vệ thông tin của bác, máy sẽ xóa mọi thứ đã nhập và quay về trang đầu.",
     "To protect your information, the kiosk will erase everything entered and start over."},
    {Msg::StillThereContinue, "Tôi vẫn ở đây", "I am still here"},
    {Msg::StillThereSeconds, "giây", "seconds"},
    {Msg::MaintenanceTitle, "Máy đang bảo trì", "This kiosk is under maintenance"},
    {Msg::MaintenanceBody, "Xin lỗi bác. Vui lòng báo cán bộ xã hoặc tình nguyện viên.",
     "Sorry. Please tell the commune staff or a volunteer."},
    {Msg::MaintenanceDetail, "Chi tiết cho người bảo trì", "Details for the maintainer"},
    {Msg::HelpTitle, "Cần giúp đỡ", "Help"},
    {Msg::HelpBody, "Tình nguyện viên tổ công nghệ số cộng đồng luôn sẵn lòng giúp bác.",
     "Volunteers of the community digital team are glad to help you."},
    {Msg::HelpStepsTitle, "Cách dùng máy", "How to use this kiosk"},
    {Msg::HelpStep1, "Chạm nhẹ vào nút lớn để chọn.", "Touch a big button gently to choose."},
    {Msg::HelpStep2, "Mỗi màn hình chỉ hỏi một việc. Bấm «Tiếp tục» khi xong.",
     "Each screen asks one thing. Press “Continue” when done."},
    {Msg::HelpStep3, "Bấm «Quay lại» bất cứ lúc nào để sửa.",
     "Press “Back” at any time to change something."},
    {Msg::HelpAskVolunteer,
     "Tình nguyện viên ngồi ở bàn hỗ trợ trong nhà văn hóa. Bác cứ hỏi, không mất phí.",
     "A volunteer sits at the help desk in the cultural house. Just ask; it is free."},
    {Msg::HelpHotline, "Đường dây nóng của xã", "Commune hotline"},
    {Msg::WeekdaySunday, "Chủ nhật", "Sunday"},
    {Msg::WeekdayMonday, "Thứ Hai", "Monday"},
    {Msg::WeekdayTuesday, "Thứ Ba", "Tuesday"},
    {Msg::WeekdayWednesday, "Thứ Tư", "Wednesday"},
    {Msg::WeekdayThursday, "Thứ Năm", "Thursday"},
    {Msg::WeekdayFriday, "Thứ Sáu", "Friday"},
    {Msg::WeekdaySaturday, "Thứ Bảy", "Saturday"},
}};

} // namespace

std::span<const MessageText> messageTable() {
    return kMessages;
}

std::string_view text(Msg id, Language language) {
    const MessageText& entry = kMessages[static_cast<std::size_t>(id)];
    return language == Language::Vietnamese ? entry.vietnamese : entry.english;
}

} // namespace kiosk
