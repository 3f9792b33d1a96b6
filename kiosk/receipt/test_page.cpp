// Test page layout: what a maintainer checks after installing a printer or a new roll.
#include "kiosk/receipt/test_page.hpp"

#include "kiosk/receipt/qr_image.hpp"
#include "kiosk/receipt/receipt_canvas.hpp"

#include <algorithm>
#include <string>

namespace kiosk {
namespace {

// The 12 vowels with the 6 tones (none, huyền, sắc, hỏi, ngã, nặng), then đ, in both cases.
constexpr const char* kLower[] = {
    "a à á ả ã ạ", "ă ằ ắ ẳ ẵ ặ", "â ầ ấ ẩ ẫ ậ", "e è é ẻ ẽ ẹ", "ê ề ế ể ễ ệ", "i ì í ỉ ĩ ị",
    "o ò ó ỏ õ ọ", "ô ồ ố ổ ỗ ộ", "ơ ờ ớ ở ỡ ợ", "u ù ú ủ ũ ụ", "ư ừ ứ ử ữ ự", "y ỳ ý ỷ ỹ ỵ",
};
constexpr const char* kUpper[] = {
    "A À Á Ả Ã Ạ", "Ă Ằ Ắ Ẳ Ẵ Ặ", "Â Ầ Ấ Ẩ Ẫ Ậ", "E È É Ẻ Ẽ Ẹ", "Ê Ề Ế Ể Ễ Ệ", "I Ì Í Ỉ Ĩ Ị",
    "O Ò Ó Ỏ Õ Ọ", "Ô Ồ Ố Ổ Ỗ Ộ", "Ơ Ờ Ớ Ở Ỡ Ợ", "U Ù Ú Ủ Ũ Ụ", "Ư Ừ Ứ Ử Ữ Ự", "Y Ỳ Ý Ỷ Ỹ Ỵ",
};

// 203 dpi = 8 dots per millimetre: a tick each millimetre, longer each 5, labelled each 10.
constexpr int kDotsPerMm = 8;

Bitmap ruler(TextRenderer& text, int widthDots) {
    TextStyle label{FontWeight::Regular, 16};
    auto metrics = text.metrics(label);
    Bitmap strip(widthDots, 28 + metrics.lineHeight);
    // The outermost dots show whether the whole head width prints.
    strip.fillRect(0, 0, 1, 28);
    strip.fillRect(widthDots - 1, 0, 1, 28);
    strip.fillRect(0, 0, widthDots, 1);
    for (int mm = 0; mm * kDotsPerMm < widthDots; ++mm) {
        int x = mm * kDotsPerMm;
        int length = mm % 10 == 0 ? 24 : mm % 5 == 0 ? 16 : 8;
        strip.fillRect(x, 0, 2, length);
        if (mm % 10 == 0 && mm > 0) {
            std::string number = std::to_string(mm);
            int width = text.measure(number, label);
            int left = std::min(x - width / 2, widthDots - width - 1);
            text.draw(strip, left, 28 + metrics.ascent, number, label);
        }
    }
    return strip;
}

} // namespace

Result<Bitmap> renderTestPage(TextRenderer& text, int widthDots, std::string_view printerName) {
    bool narrow = widthDots < 512;
    TextStyle heading{FontWeight::Bold, narrow ? 26 : 30};
    TextStyle body{FontWeight::Regular, narrow ? 22 : 26};
    TextStyle bold{FontWeight::Bold, narrow ? 22 : 26};
    TextStyle small{FontWeight::Regular, 18};
    ReceiptCanvas canvas(text, widthDots);
    canvas.space(8);
    canvas.paragraph("TRANG IN THỬ / TEST PAGE", heading, Align::Center);
    canvas.paragraph(printerName, small, Align::Center);
    canvas.paragraph(std::to_string(widthDots) +
                         " dots = " + std::to_string(widthDots / kDotsPerMm) + " mm",
                     small, Align::Center);
    canvas.space(8);
    canvas.fullWidthImage(ruler(text, widthDots));
    canvas.rule(RuleStyle::Thin);
    for (const char* line : kLower) {
        canvas.paragraph(line, body, Align::Center);
    }
    canvas.paragraph("d đ", body, Align::Center);
    canvas.rule(RuleStyle::Dashed);
    for (const char* line : kUpper) {
        canvas.paragraph(line, bold, Align::Center);
    }
    canvas.paragraph("D Đ", bold, Align::Center);
    canvas.rule(RuleStyle::Thin);
    canvas.paragraph("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc.", body);
    canvas.paragraph(
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả. Quý khách giữ gìn giấy này cẩn thận; "
        "thủ tục được giải quyết đúng hẹn.",
        body);
    canvas.rule(RuleStyle::Dashed);
    auto qr = renderQrCode("https://dichvucong.gov.vn", std::min(canvas.contentWidth(), 264));
    if (!qr) {
        return qr.error();
    }
    canvas.image(*qr, Align::Center);
    canvas.paragraph("Quét thử mã QR / Scan the QR code", small, Align::Center);
    // A solid block shows faint or streaky heating elements at a glance.
    Bitmap block(canvas.contentWidth(), 24);
    block.fillRect(0, 0, block.width(), block.height());
    canvas.space(8);
    canvas.image(block, Align::Center);
    canvas.space(16);
    return canvas.finish();
}

} // namespace kiosk
