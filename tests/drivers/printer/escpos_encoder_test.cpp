// Byte-exact ESC/POS commands against the vectors of python-escpos's own tests (escpos.md §1.1).
#include "drivers/printer/escpos_encoder.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Bitmap singleBlackPixel() {
    Bitmap image(1, 1);
    image.setPixel(0, 0);
    return image;
}

Bitmap blackOverWhite() {
    Bitmap image(1, 2);
    image.setPixel(0, 0);
    return image;
}

} // namespace

TEST_CASE("one black pixel encodes as a single GS v 0 block", "[printer]") {
    CHECK(escpos::rasterImage(singleBlackPixel(), 960) ==
          Bytes{0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0x80});
}

TEST_CASE("one white pixel encodes as a zero data byte", "[printer]") {
    CHECK(escpos::rasterImage(Bitmap(1, 1), 960) ==
          Bytes{0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00});
}

TEST_CASE("a two-row image fits one band when the band is tall enough", "[printer]") {
    CHECK(escpos::rasterImage(blackOverWhite(), 960) ==
          Bytes{0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0x80, 0x00});
}

TEST_CASE("a band height of one row splits the image into one GS v 0 per row", "[printer]") {
    CHECK(escpos::rasterImage(blackOverWhite(), 1) ==
          Bytes{0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0x80, //
                0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00});
}

TEST_CASE("raster rows are packed MSB first and padded with white", "[printer]") {
    Bitmap image(10, 1);
    image.setPixel(0, 0);
    image.setPixel(9, 0);
    CHECK(escpos::rasterImage(image, 8) ==
          Bytes{0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x01, 0x00, 0x80, 0x40});
}

TEST_CASE("the native QR code sequence matches the reference defaults", "[printer]") {
    CHECK(escpos::nativeQr("1234", 3, escpos::QrErrorCorrection::L) ==
          Bytes{0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00, //
                0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x03,       //
                0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x30,       //
                0x1D, 0x28, 0x6B, 0x07, 0x00, 0x31, 0x50, 0x30, 0x31, 0x32,
                0x33, 0x34, 0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30});
}

TEST_CASE("cut commands are GS V with and without feed", "[printer]") {
    CHECK(escpos::feedAndCut(escpos::CutMode::Partial, 0) == Bytes{0x1D, 0x56, 0x42, 0x00});
    CHECK(escpos::feedAndCut(escpos::CutMode::Full, 3) == Bytes{0x1D, 0x56, 0x41, 0x03});
    CHECK(escpos::cutNow(escpos::CutMode::Full) == Bytes{0x1D, 0x56, 0x00});
    CHECK(escpos::cutNow(escpos::CutMode::Partial) == Bytes{0x1D, 0x56, 0x01});
}

TEST_CASE("initialise, feed and status requests are the documented bytes", "[printer]") {
    CHECK(escpos::initialize() == Bytes{0x1B, 0x40});
    CHECK(escpos::feedLines(6) == Bytes{0x1B, 0x64, 0x06});
    CHECK(escpos::statusRequest(escpos::StatusQuery::Printer) == Bytes{0x10, 0x04, 0x01});
    CHECK(escpos::statusRequest(escpos::StatusQuery::OfflineCause) == Bytes{0x10, 0x04, 0x02});
    CHECK(escpos::statusRequest(escpos::StatusQuery::ErrorCause) == Bytes{0x10, 0x04, 0x03});
    CHECK(escpos::statusRequest(escpos::StatusQuery::RollPaper) == Bytes{0x10, 0x04, 0x04});
}

TEST_CASE("a very tall image is sent in bands no taller than the profile allows", "[printer]") {
    Bitmap tall(576, 5000);
    for (int y = 0; y < tall.height(); y += 7) {
        tall.setPixel(y % 576, y);
    }
    auto bytes = escpos::rasterImage(tall, 256);
    // 19 full bands of 256 rows and one of 136.
    std::size_t offset = 0;
    int bands = 0;
    int rows = 0;
    while (offset < bytes.size()) {
        REQUIRE(bytes[offset] == 0x1D);
        REQUIRE(bytes[offset + 1] == 0x76);
        int xBytes = bytes[offset + 4] | bytes[offset + 5] << 8;
        int yRows = bytes[offset + 6] | bytes[offset + 7] << 8;
        CHECK(xBytes == 72);
        CHECK(yRows <= 256);
        CHECK(yRows > 0);
        rows += yRows;
        offset += 8 + static_cast<std::size_t>(xBytes * yRows);
        ++bands;
    }
    CHECK(offset == bytes.size());
    CHECK(bands == 20);
    CHECK(rows == 5000);
}
