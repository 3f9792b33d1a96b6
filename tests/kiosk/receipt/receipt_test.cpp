// The dossier receipt: layout at 58 and 80 mm against golden images, privacy, and round trip.
#include "drivers/printer/escpos_decoder.hpp"
#include "drivers/printer/escpos_printer.hpp"
#include "kiosk/receipt/receipt.hpp"
#include "tests/kiosk/receipt/receipt_fixture.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

// The first and last rows with ink, and whether any ink touches the left or right edge.
struct Ink {
    int top = -1;
    int bottom = -1;
    bool touchesSide = false;
};

Ink inkOf(const Bitmap& image) {
    Ink ink;
    for (int y = 0; y < image.height(); ++y) {
        bool any = false;
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y)) {
                any = true;
                if (x == 0 || x == image.width() - 1) {
                    ink.touchesSide = true;
                }
            }
        }
        if (any) {
            ink.bottom = y;
            if (ink.top < 0) {
                ink.top = y;
            }
        }
    }
    return ink;
}

} // namespace

TEST_CASE("the Vietnamese receipt at 58 mm matches its golden image", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto image = renderReceipt(sampleReceipt(Language::Vietnamese), *text, 384);
    REQUIRE(image);
    CHECK(image->width() == 384);
    CHECK(text->missingGlyphs() == 0);
    test::checkGolden(*image, "receipt-vi-58mm");
}

TEST_CASE("the Vietnamese receipt at 80 mm matches its golden image", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto image = renderReceipt(sampleReceipt(Language::Vietnamese), *text, 576);
    REQUIRE(image);
    CHECK(image->width() == 576);
    CHECK(text->missingGlyphs() == 0);
    test::checkGolden(*image, "receipt-vi-80mm");
}

TEST_CASE("the English receipt at 80 mm matches its golden image", "[receipt]") {
    auto text = test::makeTextRenderer();
    auto image = renderReceipt(sampleReceipt(Language::English), *text, 576);
    REQUIRE(image);
    test::checkGolden(*image, "receipt-en-80mm");
}

TEST_CASE("an unsent dossier gets a waiting slip, not an official receipt, matching its golden",
          "[receipt]") {
    auto text = test::makeTextRenderer();
    Receipt receipt = sampleReceipt(Language::Vietnamese);
    receipt.dossierCode.clear();
    receipt.feeDong = 50000;
    auto image = renderReceipt(receipt, *text, 384);
    REQUIRE(image);
    CHECK(text->missingGlyphs() == 0);
    test::checkGolden(*image, "waiting-slip-vi-58mm");
    // No national header, title, appointment or portal QR: an unsent dossier has none of them,
    // so the slip is much shorter than the receipt of the same dossier.
    auto official = renderReceipt(sampleReceipt(Language::Vietnamese), *text, 384);
    REQUIRE(official);
    CHECK(image->height() < official->height() * 3 / 4);
    auto english = renderReceipt(
        [] {
            Receipt r = sampleReceipt(Language::English);
            r.dossierCode.clear();
            return r;
        }(),
        *text, 576);
    REQUIRE(english);
    test::checkGolden(*english, "waiting-slip-en-80mm");
}

TEST_CASE("a refused dossier's waiting slip says a volunteer sends it again, matching its golden",
          "[receipt]") {
    auto text = test::makeTextRenderer();
    Receipt receipt = sampleReceipt(Language::Vietnamese);
    receipt.dossierCode.clear();
    auto waiting = renderReceipt(receipt, *text, 384);
    receipt.refused = true;
    auto refused = renderReceipt(receipt, *text, 384);
    REQUIRE(waiting);
    REQUIRE(refused);
    CHECK(text->missingGlyphs() == 0);
    CHECK(refused->data() != waiting->data()); // not the "sends it by itself" slip
    test::checkGolden(*refused, "waiting-slip-refused-vi-58mm");
}

TEST_CASE("no ink touches the paper edges and the receipt has white margins top and bottom",
          "[receipt]") {
    auto text = test::makeTextRenderer();
    for (int width : {384, 576}) {
        for (auto language : {Language::Vietnamese, Language::English}) {
            auto image = renderReceipt(sampleReceipt(language), *text, width);
            REQUIRE(image);
            auto ink = inkOf(*image);
            CHECK_FALSE(ink.touchesSide);
            CHECK(ink.top > 0);
            CHECK(ink.bottom < image->height() - 1);
        }
    }
}

TEST_CASE("a very long procedure name wraps instead of running off the paper", "[receipt]") {
    auto text = test::makeTextRenderer();
    Receipt receipt = sampleReceipt(Language::Vietnamese);
    auto shortImage = renderReceipt(receipt, *text, 384);
    receipt.procedureName = std::string(400, 'W');
    auto longImage = renderReceipt(receipt, *text, 384);
    REQUIRE(shortImage);
    REQUIRE(longImage);
    CHECK(longImage->height() > shortImage->height());
    CHECK_FALSE(inkOf(*longImage).touchesSide);
}

TEST_CASE("the ID number is masked down to its last four digits", "[receipt]") {
    CHECK(maskIdNumber("001204006789") == "6789");
    CHECK(maskIdNumber("0012 0400 6789") == "6789");
    CHECK(maskIdNumber("6789") == "");
    CHECK(maskIdNumber("") == "");
    CHECK(maskIdNumber("001204006789", 2) == "89");
}

TEST_CASE("fees are grouped the Vietnamese or the English way", "[receipt]") {
    CHECK(formatFee(50000, Language::Vietnamese) == "50.000 đồng");
    CHECK(formatFee(1500000, Language::English) == "1,500,000 VND");
    CHECK(formatFee(0, Language::Vietnamese) == "0 đồng");
    CHECK(formatFee(800, Language::Vietnamese) == "800 đồng");
}

TEST_CASE("a full receipt survives the ESC/POS encoder and decoder unchanged", "[receipt]") {
    auto text = test::makeTextRenderer();
    for (const char* id : {"generic-58", "generic-80", "epson-tm-t20", "xprinter-58"}) {
        const auto& profile = *findPrinterProfile(id);
        auto image = renderReceipt(sampleReceipt(Language::Vietnamese), *text, profile.widthDots);
        REQUIRE(image);
        PrintJob job{*image, 1, escpos::CutMode::Partial};
        auto pages = escpos::decodeEscPos(encodePrintJob(job, profile), profile.widthDots);
        REQUIRE(pages);
        REQUIRE(pages->size() == 1);
        CHECK(pages->front().image.rows(0, image->height()) == *image);
        CHECK(pages->front().rasterCommands ==
              (image->height() + profile.bandHeight - 1) / profile.bandHeight);
    }
}

TEST_CASE("the take-home sheet lists numbered steps and a QR code", "[receipt]") {
    auto text = test::makeTextRenderer();
    TakeHomeSheet sheet;
    sheet.title = "Kích hoạt tài khoản định danh điện tử VNeID";
    sheet.subtitle = "Bình dân học vụ số - Bài 3";
    sheet.steps = {"Tải ứng dụng VNeID từ CH Play hoặc App Store.",
                   "Chọn \"Kích hoạt tài khoản\", nhập số CCCD và số điện thoại.",
                   "Nhập mã OTP gửi về điện thoại, rồi đặt mật mã 6 số.",
                   "Không bao giờ đọc mã OTP cho người khác, kể cả người tự xưng là công an."};
    sheet.qrPayload = "https://binhdanhocvuso.gov.vn";
    sheet.qrCaption = "Học tiếp tại binhdanhocvuso.gov.vn";
    sheet.footer = "Nhà văn hóa thôn Đông Mỹ - Đường dây nóng 0211 3 000 000";
    auto image = renderTakeHomeSheet(sheet, *text, 384);
    REQUIRE(image);
    CHECK(text->missingGlyphs() == 0);
    CHECK_FALSE(inkOf(*image).touchesSide);
    test::checkGolden(*image, "take-home-vi-58mm");
}

TEST_CASE("a logo is printed centred above the header", "[receipt]") {
    auto text = test::makeTextRenderer();
    Receipt receipt = sampleReceipt(Language::Vietnamese);
    auto plain = renderReceipt(receipt, *text, 384);
    receipt.logo = Bitmap(96, 40);
    receipt.logo.fillRect(0, 0, 96, 40);
    auto withLogo = renderReceipt(receipt, *text, 384);
    REQUIRE(plain);
    REQUIRE(withLogo);
    CHECK(withLogo->height() == plain->height() + 40 + 8);
    CHECK(withLogo->pixel(144, 8));
    CHECK(withLogo->pixel(239, 47));
    CHECK_FALSE(withLogo->pixel(143, 8));
    CHECK_FALSE(withLogo->pixel(240, 8));
    receipt.logo = Bitmap(500, 10);
    CHECK_FALSE(renderReceipt(receipt, *text, 384));
}
