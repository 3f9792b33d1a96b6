// The dossier receipt ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả") and the lesson take-home sheet.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"
#include "kiosk/i18n/language.hpp"
#include "kiosk/receipt/text_renderer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// A wall-clock moment as printed (local time of the commune); plain fields, no time zone logic.
struct ReceiptDateTime {
    int year = 2026;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
};

enum class PaperForm { Original, Copy, CertifiedCopy };

struct ReceiptDocument {
    std::string name;
    PaperForm form = PaperForm::Original;
    int count = 1;
};

// Everything printed on the slip, as plain data. Deliberately no name, phone or full ID
// number: the slip may be lost in the street.
struct Receipt {
    Language language = Language::Vietnamese;
    std::string communeName;     // "Xã Vĩnh Tường"
    std::string accessPointName; // "Nhà văn hóa thôn Đông"
    std::string procedureName;
    // The code from the public service portal; empty while the dossier waits offline, in which
    // case the local reference is printed and the slip says it will be sent later.
    std::string dossierCode;
    std::string localReference;
    // Waiting slip only: the commune's system refused the dossier, so the kiosk does not send it
    // again by itself; the slip says a volunteer will.
    bool refused = false;
    std::string statusUrl; // QR payload: where the resident can look the dossier up
    ReceiptDateTime receivedAt;
    std::optional<ReceiptDateTime> appointment; // date and hour the result is returned
    std::string processingTime;                 // "03 ngày làm việc"; empty = not printed
    std::string resultPickup;                   // where to collect the result; empty = not printed
    std::vector<ReceiptDocument> documents;
    std::optional<long> feeDong; // nullopt = free of charge
    std::vector<std::string> nextSteps;
    std::string hotline;
    std::string idNumberLastDigits; // only what maskIdNumber() keeps
    // The commune's emblem or logo, already 1-bit (loadLogo at start-up); empty = none.
    Bitmap logo;
};

// The last `visible` digits of an ID number; everything else never leaves this function.
std::string maskIdNumber(std::string_view idNumber, int visible = 4);

// "50.000 đồng" / "50,000 VND".
std::string formatFee(long dong, Language language);

// Lays out and renders the slip at `widthDots` (384 for 58 mm, 576 for 80 mm paper).
Result<Bitmap> renderReceipt(const Receipt& receipt, TextRenderer& text, int widthDots);

// A take-home sheet for a lesson: title, numbered steps and an optional QR code.
struct TakeHomeSheet {
    Language language = Language::Vietnamese;
    std::string title;
    std::string subtitle; // e.g. the course name; empty = not printed
    std::vector<std::string> steps;
    std::string qrPayload; // empty = no QR
    std::string qrCaption;
    std::string footer; // access point and hotline
};

Result<Bitmap> renderTakeHomeSheet(const TakeHomeSheet& sheet, TextRenderer& text, int widthDots);

// A sample receipt with every block filled in (tests, previews, the benchmark, demos).
Receipt sampleReceipt(Language language);

} // namespace kiosk
