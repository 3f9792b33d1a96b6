// Layout of the dossier receipt (TT 01/2018/TT-VPCP Mẫu 01 as practised, vn-procedures.md §3.1)
// and of the lesson take-home sheet, in Vietnamese or English.
#include "kiosk/receipt/receipt.hpp"

#include "kiosk/receipt/qr_image.hpp"
#include "kiosk/receipt/receipt_canvas.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk {
namespace {

// Every printed word, in both languages: the receipt carries official wording the UI table
// does not need, so it lives here beside the layout that uses it.
struct Labels {
    const char* nation;
    const char* motto;
    const char* title1;
    const char* title2;
    const char* receivingUnit;
    const char* dossierCode;
    const char* qrCaption;
    const char* procedure;
    const char* idNumber;
    const char* documents;
    const char* columnNumber;
    const char* columnName;
    const char* columnForm;
    const char* columnCount;
    const char* original;
    const char* copy;
    const char* certifiedCopy;
    const char* dossierSets;
    const char* dossierSetsValue;
    const char* processingTime;
    const char* receivedAt;
    const char* appointment;
    const char* resultPickup;
    const char* fee;
    const char* free;
    const char* nextSteps;
    const char* bring;
    const char* hotline;
};

constexpr Labels kVietnamese{
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "GIẤY TIẾP NHẬN HỒ SƠ",
    "VÀ HẸN TRẢ KẾT QUẢ",
    "Bộ phận tiếp nhận và trả kết quả",
    "Mã hồ sơ",
    "Quét mã để tra cứu tình trạng hồ sơ",
    "Thủ tục",
    "Số CCCD",
    "(1) Thành phần hồ sơ",
    "STT",
    "Tên giấy tờ",
    "Loại",
    "SL",
    "Bản chính",
    "Bản sao",
    "Bản sao chứng thực",
    "(2) Số lượng hồ sơ",
    "01 bộ",
    "(3) Thời gian giải quyết",
    "(4) Nhận hồ sơ lúc",
    "(5) Hẹn trả kết quả",
    "(6) Nhận kết quả tại",
    "(7) Phí, lệ phí",
    "Miễn phí",
    "Việc cần làm tiếp",
    "Khi nhận kết quả, mang theo giấy này, thẻ CCCD và lệ phí (nếu có). Nếu nhờ người khác "
    "nhận thay, cần có giấy ủy quyền.",
    "Đường dây nóng",
};

constexpr Labels kEnglish{
    "SOCIALIST REPUBLIC OF VIET NAM",
    "Independence - Freedom - Happiness",
    "DOSSIER RECEIPT",
    "AND RESULT APPOINTMENT",
    "Reception and result return unit",
    "Dossier code",
    "Scan to check your dossier's status",
    "Procedure",
    "ID card no.",
    "(1) Documents submitted",
    "No.",
    "Document",
    "Form",
    "Qty",
    "Original",
    "Copy",
    "Certified copy",
    "(2) Number of dossiers",
    "1 set",
    "(3) Processing time",
    "(4) Received at",
    "(5) Result due",
    "(6) Collect the result at",
    "(7) Fees",
    "Free of charge",
    "What to do next",
    "When you collect the result, bring this slip, your ID card and the fee (if any). Someone "
    "collecting for you needs a letter of authorisation.",
    "Hotline",
};

const Labels& labelsFor(Language language) {
    return language == Language::English ? kEnglish : kVietnamese;
}

// The slip for a dossier the commune has not received yet. It must not look official: no
// national header, no "Giấy tiếp nhận", no appointment (the commune gave none), no QR to a
// portal that does not know the dossier. It says what happens next and how to check.
struct WaitingLabels {
    const char* title;
    const char* notReceipt;
    const char* reference;
    const char* savedAt;
    const char* whatNext;
    const char* step1;
    const char* step2;
    const char* step3;
    const char* step4;
    const char* step1Refused; // in place of step1 when the commune's system refused it
};

constexpr WaitingLabels kWaitingVietnamese{
    "PHIẾU CHỜ GỬI",
    "Hồ sơ chưa đến xã. Phiếu này không phải giấy hẹn.",
    "Số tham chiếu (do máy này cấp)",
    "Lưu trong máy lúc",
    "Việc gì sẽ xảy ra tiếp",
    "Máy tự gửi hồ sơ khi hệ thống của xã trả lời. Bác không cần nộp lại.",
    "Khi xã nhận, hồ sơ có mã hồ sơ và ngày hẹn trả kết quả.",
    "Cách kiểm tra: ở máy này chạm «Tra cứu hồ sơ» và nhập số tham chiếu trên, hoặc gọi đường "
    "dây nóng và đọc số này.",
    "Giữ phiếu này cho đến khi biết mã hồ sơ.",
    "Hệ thống của xã chưa nhận hồ sơ này. Tình nguyện viên sẽ kiểm tra và gửi lại giúp bác. Bác "
    "không cần nộp lại.",
};

constexpr WaitingLabels kWaitingEnglish{
    "WAITING SLIP",
    "Not yet received by the commune. This slip is not an appointment.",
    "Reference (given by this kiosk)",
    "Saved in the kiosk at",
    "What happens next",
    "The kiosk sends the dossier as soon as the commune's system answers. You need not submit "
    "again.",
    "Once the commune receives it, the dossier gets a code and a date for the result.",
    "To check: on this kiosk touch \"Look up a dossier\" and type the reference above, or call "
    "the hotline and read it out.",
    "Keep this slip until you know the dossier code.",
    "The commune's system did not accept this dossier. A volunteer will check it and send it "
    "again for you. You need not submit again.",
};

Result<Bitmap> renderWaitingSlip(const Receipt& receipt, TextRenderer& text, int widthDots);

// Sizes in dots at 203 dpi. The 80 mm body size of 26 dots (cap height about 2.3 mm) reads
// without glasses at arm's length; 58 mm paper gets the same layout about 15% smaller.
struct Sizes {
    TextStyle small;
    TextStyle body;
    TextStyle bodyBold;
    TextStyle heading;
    TextStyle code;
};

Sizes sizesFor(int widthDots) {
    bool narrow = widthDots < 512;
    int body = narrow ? 22 : 26;
    return {
        {FontWeight::Regular, narrow ? 19 : 22},
        {FontWeight::Regular, body},
        {FontWeight::Bold, body},
        {FontWeight::Bold, narrow ? 27 : 32},
        {FontWeight::Bold, narrow ? 30 : 36},
    };
}

std::string formatDateTime(const ReceiptDateTime& t, Language language) {
    char text[64];
    if (language == Language::English) {
        std::snprintf(text, sizeof text, "%02d/%02d/%d, %02d:%02d", t.day, t.month, t.year, t.hour,
                      t.minute);
    } else {
        std::snprintf(text, sizeof text, "%02d:%02d ngày %02d/%02d/%d", t.hour, t.minute, t.day,
                      t.month, t.year);
    }
    return text;
}

// The place-and-date line of official forms: "Xã Vĩnh Tường, ngày 25 tháng 11 năm 2026".
std::string formatDateLine(const Receipt& receipt) {
    char text[256];
    const auto& t = receipt.receivedAt;
    if (receipt.language == Language::English) {
        std::snprintf(text, sizeof text, "%s, %02d/%02d/%d", receipt.communeName.c_str(), t.day,
                      t.month, t.year);
    } else {
        std::snprintf(text, sizeof text, "%s, ngày %02d tháng %02d năm %d",
                      receipt.communeName.c_str(), t.day, t.month, t.year);
    }
    return text;
}

const char* formName(PaperForm form, const Labels& labels) {
    switch (form) {
    case PaperForm::Original:
        return labels.original;
    case PaperForm::Copy:
        return labels.copy;
    case PaperForm::CertifiedCopy:
        return labels.certifiedCopy;
    }
    return labels.original;
}

std::string twoDigits(int value) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d", value);
    return text;
}

void header(ReceiptCanvas& canvas, const Labels& labels, const Sizes& sizes) {
    TextStyle nation{FontWeight::Bold, sizes.small.pixelSize};
    canvas.fittedLine(labels.nation, nation, nation.pixelSize * 3 / 4, Align::Center);
    canvas.fittedLine(labels.motto, nation, nation.pixelSize * 3 / 4, Align::Center);
    // The short rule under the motto, as on every official form.
    Bitmap underline(canvas.contentWidth() / 2, 2);
    underline.fillRect(0, 0, underline.width(), 2);
    canvas.space(4);
    canvas.image(underline, Align::Center);
}

} // namespace

std::string maskIdNumber(std::string_view idNumber, int visible) {
    std::string digits;
    for (char c : idNumber) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        }
    }
    if (static_cast<int>(digits.size()) <= visible) {
        // Too short to be an ID number: keep nothing rather than everything.
        return {};
    }
    return digits.substr(digits.size() - static_cast<std::size_t>(visible));
}

std::string formatFee(long dong, Language language) {
    std::string digits = std::to_string(std::max(dong, 0L));
    std::string grouped;
    char separator = language == Language::English ? ',' : '.';
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            grouped.push_back(separator);
        }
        grouped.push_back(digits[i]);
    }
    return grouped + (language == Language::English ? " VND" : " đồng");
}

Result<Bitmap> renderReceipt(const Receipt& receipt, TextRenderer& text, int widthDots) {
    if (receipt.dossierCode.empty()) {
        return renderWaitingSlip(receipt, text, widthDots);
    }
    const Labels& labels = labelsFor(receipt.language);
    const Sizes sizes = sizesFor(widthDots);
    ReceiptCanvas canvas(text, widthDots);

    canvas.space(8);
    if (!receipt.logo.empty()) {
        if (receipt.logo.width() > canvas.contentWidth()) {
            return makeError("receipt.logo", "the logo is wider than the paper");
        }
        canvas.image(receipt.logo, Align::Center);
        canvas.space(8);
    }
    header(canvas, labels, sizes);
    canvas.space(10);
    canvas.paragraph(receipt.communeName, sizes.bodyBold, Align::Center);
    canvas.paragraph(labels.receivingUnit, sizes.small, Align::Center);
    canvas.paragraph(receipt.accessPointName, sizes.small, Align::Center);
    canvas.fittedLine(formatDateLine(receipt), sizes.small, sizes.small.pixelSize * 4 / 5,
                      Align::Center);
    canvas.space(12);
    canvas.paragraph(labels.title1, sizes.heading, Align::Center);
    canvas.paragraph(labels.title2, sizes.heading, Align::Center);
    canvas.rule(RuleStyle::Thick);

    canvas.paragraph(labels.dossierCode, sizes.body, Align::Center);
    canvas.paragraph(receipt.dossierCode, sizes.code, Align::Center);
    if (!receipt.statusUrl.empty()) {
        auto qr = renderQrCode(receipt.statusUrl, std::min(canvas.contentWidth(), 264));
        if (!qr) {
            return qr.error();
        }
        canvas.space(4);
        canvas.image(*qr, Align::Center);
        canvas.paragraph(labels.qrCaption, sizes.small, Align::Center);
    }
    canvas.rule(RuleStyle::Thin);

    canvas.paragraph(std::string(labels.procedure) + ":", sizes.bodyBold);
    canvas.paragraph(receipt.procedureName, sizes.body);
    if (!receipt.idNumberLastDigits.empty()) {
        canvas.twoColumns(labels.idNumber, "********" + receipt.idNumberLastDigits, sizes.body,
                          sizes.bodyBold);
    }
    canvas.space(6);
    canvas.paragraph(labels.documents, sizes.bodyBold);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < receipt.documents.size(); ++i) {
        const auto& document = receipt.documents[i];
        rows.push_back({std::to_string(i + 1), document.name, formName(document.form, labels),
                        twoDigits(document.count)});
    }
    canvas.table({{labels.columnNumber, 2, Align::Left},
                  {labels.columnName, 9, Align::Left},
                  {labels.columnForm, 5, Align::Left},
                  {labels.columnCount, 2, Align::Right}},
                 rows, TextStyle{FontWeight::Bold, sizes.small.pixelSize}, sizes.small);
    canvas.space(6);
    canvas.twoColumns(labels.dossierSets, labels.dossierSetsValue, sizes.body, sizes.bodyBold);
    if (!receipt.processingTime.empty()) {
        canvas.twoColumns(labels.processingTime, receipt.processingTime, sizes.body,
                          sizes.bodyBold);
    }
    canvas.twoColumns(labels.receivedAt, formatDateTime(receipt.receivedAt, receipt.language),
                      sizes.body, sizes.bodyBold);
    if (receipt.appointment) {
        canvas.twoColumns(labels.appointment,
                          formatDateTime(*receipt.appointment, receipt.language), sizes.body,
                          sizes.bodyBold);
    }
    if (!receipt.resultPickup.empty()) {
        canvas.paragraph(labels.resultPickup, sizes.body);
        canvas.hangingParagraph("    ", receipt.resultPickup, sizes.bodyBold);
    }
    canvas.twoColumns(labels.fee,
                      receipt.feeDong ? formatFee(*receipt.feeDong, receipt.language)
                                      : std::string(labels.free),
                      sizes.body, sizes.bodyBold);

    if (!receipt.nextSteps.empty()) {
        canvas.rule(RuleStyle::Dashed);
        canvas.paragraph(labels.nextSteps, sizes.bodyBold);
        for (std::size_t i = 0; i < receipt.nextSteps.size(); ++i) {
            canvas.hangingParagraph(std::to_string(i + 1) + ". ", receipt.nextSteps[i], sizes.body);
        }
    }
    canvas.rule(RuleStyle::Dashed);
    canvas.paragraph(labels.bring, sizes.small);
    if (!receipt.hotline.empty()) {
        canvas.space(6);
        // A phone number is never broken across lines: the line shrinks to fit instead.
        canvas.fittedLine(std::string(labels.hotline) + ": " + receipt.hotline, sizes.bodyBold,
                          sizes.small.pixelSize * 4 / 5, Align::Center);
    }
    canvas.space(16);
    return canvas.finish();
}

namespace {

Result<Bitmap> renderWaitingSlip(const Receipt& receipt, TextRenderer& text, int widthDots) {
    const Labels& labels = labelsFor(receipt.language);
    const WaitingLabels& waiting =
        receipt.language == Language::English ? kWaitingEnglish : kWaitingVietnamese;
    const Sizes sizes = sizesFor(widthDots);
    ReceiptCanvas canvas(text, widthDots);
    canvas.space(8);
    canvas.paragraph(waiting.title, sizes.heading, Align::Center);
    canvas.paragraph(waiting.notReceipt, sizes.bodyBold, Align::Center);
    canvas.space(6);
    canvas.paragraph(receipt.accessPointName + " - " + receipt.communeName, sizes.small,
                     Align::Center);
    canvas.rule(RuleStyle::Thick);
    canvas.paragraph(waiting.reference, sizes.body, Align::Center);
    canvas.paragraph(receipt.localReference, sizes.code, Align::Center);
    canvas.rule(RuleStyle::Thin);
    canvas.paragraph(std::string(labels.procedure) + ":", sizes.bodyBold);
    canvas.paragraph(receipt.procedureName, sizes.body);
    canvas.twoColumns(waiting.savedAt, formatDateTime(receipt.receivedAt, receipt.language),
                      sizes.body, sizes.bodyBold);
    canvas.rule(RuleStyle::Dashed);
    canvas.paragraph(waiting.whatNext, sizes.bodyBold);
    int number = 1;
    const char* first = receipt.refused ? waiting.step1Refused : waiting.step1;
    for (const char* step : {first, waiting.step2, waiting.step3, waiting.step4}) {
        canvas.hangingParagraph(std::to_string(number++) + ". ", step, sizes.body);
    }
    if (!receipt.hotline.empty()) {
        canvas.space(6);
        // A phone number is never broken across lines: the line shrinks to fit instead.
        canvas.fittedLine(std::string(labels.hotline) + ": " + receipt.hotline, sizes.bodyBold,
                          sizes.small.pixelSize * 4 / 5, Align::Center);
    }
    canvas.space(16);
    return canvas.finish();
}

} // namespace

Result<Bitmap> renderTakeHomeSheet(const TakeHomeSheet& sheet, TextRenderer& text, int widthDots) {
    const Sizes sizes = sizesFor(widthDots);
    ReceiptCanvas canvas(text, widthDots);
    canvas.space(8);
    canvas.paragraph(sheet.title, sizes.heading, Align::Center);
    if (!sheet.subtitle.empty()) {
        canvas.paragraph(sheet.subtitle, sizes.small, Align::Center);
    }
    canvas.rule(RuleStyle::Thick);
    for (std::size_t i = 0; i < sheet.steps.size(); ++i) {
        canvas.hangingParagraph(std::to_string(i + 1) + ". ", sheet.steps[i], sizes.body);
        canvas.space(6);
    }
    if (!sheet.qrPayload.empty()) {
        canvas.rule(RuleStyle::Dashed);
        auto qr = renderQrCode(sheet.qrPayload, std::min(canvas.contentWidth(), 264));
        if (!qr) {
            return qr.error();
        }
        canvas.image(*qr, Align::Center);
        if (!sheet.qrCaption.empty()) {
            canvas.paragraph(sheet.qrCaption, sizes.small, Align::Center);
        }
    }
    if (!sheet.footer.empty()) {
        canvas.rule(RuleStyle::Thin);
        canvas.paragraph(sheet.footer, sizes.small, Align::Center);
    }
    canvas.space(16);
    return canvas.finish();
}

Receipt sampleReceipt(Language language) {
    bool english = language == Language::English;
    Receipt receipt;
    receipt.language = language;
    receipt.communeName = "Xã Vĩnh Tường";
    receipt.accessPointName = "Nhà văn hóa thôn Đông Mỹ";
    receipt.procedureName = english ? "Birth registration (Đăng ký khai sinh)"
                                    : "Đăng ký khai sinh cho trẻ em dưới 6 tuổi, liên thông "
                                      "thường trú và cấp thẻ bảo hiểm y tế";
    receipt.dossierCode = "G22.99-251125-0042";
    receipt.localReference = "VT-20261125-0007";
    receipt.statusUrl = "https://dichvucong.gov.vn/tra-cuu?ma=G22.99-251125-0042";
    receipt.receivedAt = {2026, 11, 25, 14, 5};
    // computeAppointment's answer for 3 working days from Wednesday 25/11 before 15:00.
    receipt.appointment = ReceiptDateTime{2026, 11, 30, 16, 0};
    receipt.processingTime = english ? "3 working days" : "03 ngày làm việc";
    receipt.resultPickup = english ? "Commune People's Committee, one-stop desk"
                                   : "Bộ phận một cửa UBND xã Vĩnh Tường";
    receipt.documents = {
        {english ? "Birth registration form" : "Tờ khai đăng ký khai sinh", PaperForm::Original, 1},
        {english ? "Birth certificate from the hospital" : "Giấy chứng sinh", PaperForm::Original,
         1},
        {english ? "Parents' marriage certificate" : "Giấy chứng nhận kết hôn của cha mẹ",
         PaperForm::CertifiedCopy, 1},
    };
    receipt.feeDong = std::nullopt;
    receipt.nextSteps = english
                            ? std::vector<std::string>{"Keep this slip until you have the result.",
                                                       "Scan the QR code to follow the dossier."}
                            : std::vector<std::string>{
                                  "Giữ giấy này đến khi nhận kết quả.",
                                  "Quét mã QR để theo dõi hồ sơ; cán bộ sẽ gọi nếu cần bổ sung "
                                  "giấy tờ."};
    receipt.hotline = "0211 3 000 000";
    receipt.idNumberLastDigits = maskIdNumber("001204006789");
    return receipt;
}

} // namespace kiosk
