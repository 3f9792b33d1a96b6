// Host-rendered QR codes and dithered logos.
#include "drivers/printer/png_writer.hpp"
#include "kiosk/receipt/dither.hpp"
#include "kiosk/receipt/qr_image.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace kiosk;

TEST_CASE("a QR code fits the width with a white quiet zone", "[receipt]") {
    auto qr = renderQrCode("https://dichvucong.gov.vn/tra-cuu?ma=G22.99-251125-0042", 264);
    REQUIRE(qr);
    CHECK(qr->width() <= 264);
    CHECK(qr->width() == qr->height());
    // Quiet zone: the outer four modules (at least 12 dots) are white.
    for (int i = 0; i < qr->width(); ++i) {
        CHECK_FALSE(qr->pixel(i, 0));
        CHECK_FALSE(qr->pixel(0, i));
        CHECK_FALSE(qr->pixel(i, qr->height() - 1));
    }
}

TEST_CASE("a QR code that cannot be scanned at that width is refused", "[receipt]") {
    CHECK_FALSE(renderQrCode(std::string(800, 'x'), 120));
}

TEST_CASE("the QR finder pattern starts after the quiet zone", "[receipt]") {
    auto qr = renderQrCode("1234", 400);
    REQUIRE(qr);
    int modules = qr->width() / (qr->width() / (21 + 8)); // version 1 = 21 modules
    int module = qr->width() / modules;
    CHECK(qr->pixel(4 * module, 4 * module));
    CHECK_FALSE(qr->pixel(4 * module - 1, 4 * module));
}

TEST_CASE("dithering keeps mid-grey at about half ink and scales to the target", "[receipt]") {
    std::vector<std::uint8_t> grey(100 * 50, 128);
    auto bitmap = ditherToBitmap(grey, 100, 50, 200);
    CHECK(bitmap.width() == 200);
    CHECK(bitmap.height() == 100);
    int black = 0;
    for (int y = 0; y < bitmap.height(); ++y) {
        for (int x = 0; x < bitmap.width(); ++x) {
            black += bitmap.pixel(x, y) ? 1 : 0;
        }
    }
    CHECK(black > 200 * 100 * 4 / 10);
    CHECK(black < 200 * 100 * 6 / 10);
}

TEST_CASE("white stays white and black stays black when dithered", "[receipt]") {
    std::vector<std::uint8_t> white(16, 255);
    std::vector<std::uint8_t> black(16, 0);
    auto w = ditherToBitmap(white, 4, 4, 8);
    auto b = ditherToBitmap(black, 4, 4, 8);
    CHECK(w == Bitmap(8, 8));
    Bitmap allBlack(8, 8);
    allBlack.fillRect(0, 0, 8, 8);
    CHECK(b == allBlack);
    CHECK(ditherToBitmap(white, 4, 4, 0).empty());
    CHECK(ditherToBitmap(white, 8, 8, 8).empty()); // too few bytes for the size
}

TEST_CASE("a missing logo file is an error", "[receipt]") {
    CHECK_FALSE(loadLogo("/nonexistent/logo.png", 200));
}

TEST_CASE("a logo PNG is loaded and scaled to the target width", "[receipt]") {
    // Left half white, right half black, at twice the target size.
    Bitmap picture(256, 32);
    picture.fillRect(128, 0, 128, 32);
    auto dir = std::filesystem::temp_directory_path() /
               ("kiosk-logo-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    REQUIRE(writePng(picture, dir / "logo.png"));
    auto logo = loadLogo(dir / "logo.png", 128);
    REQUIRE(logo);
    CHECK(logo->width() == 128);
    CHECK(logo->height() == 16);
    Bitmap expected(128, 16);
    expected.fillRect(64, 0, 64, 16);
    CHECK(*logo == expected);
    std::filesystem::remove_all(dir);
}
