// Decoding ESC/POS back into paper, in any slicing of the byte stream.
#include "drivers/printer/escpos_decoder.hpp"
#include "drivers/printer/escpos_encoder.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Bitmap checkerboard(int width, int height) {
    Bitmap image(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.setPixel(x, y, (x / 3 + y / 5) % 2 == 0);
        }
    }
    return image;
}

Bytes job(const Bitmap& image, int band) {
    Bytes out = escpos::initialize();
    escpos::appendRasterImage(out, image, band);
    auto cut = escpos::feedAndCut(escpos::CutMode::Partial, 0);
    out.insert(out.end(), cut.begin(), cut.end());
    return out;
}

} // namespace

TEST_CASE("decoding an encoded image gives back the same pixels", "[printer]") {
    auto image = checkerboard(384, 300);
    auto pages = escpos::decodeEscPos(job(image, 64), 384);
    REQUIRE(pages);
    REQUIRE(pages->size() == 1);
    CHECK(pages->front().image == image);
    CHECK(pages->front().cut == escpos::CutMode::Partial);
    CHECK(pages->front().rasterCommands == 5);
}

TEST_CASE("the decoder accepts a command split across writes", "[printer]") {
    auto image = checkerboard(64, 40);
    auto bytes = job(image, 16);
    escpos::EscPosDecoder decoder(64);
    for (std::size_t i = 0; i < bytes.size(); i += 7) {
        auto length = std::min<std::size_t>(7, bytes.size() - i);
        REQUIRE(decoder.feed(std::span(bytes).subspan(i, length)));
    }
    auto pages = decoder.takeFinishedPages();
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].image == image);
    CHECK(decoder.pendingBytes() == 0);
}

TEST_CASE("feeds add white paper below the raster", "[printer]") {
    Bytes bytes = escpos::rasterImage(checkerboard(8, 2), 8);
    auto feed = escpos::feedAndCut(escpos::CutMode::Full, 2);
    bytes.insert(bytes.end(), feed.begin(), feed.end());
    auto pages = escpos::decodeEscPos(bytes, 8);
    REQUIRE(pages);
    CHECK(pages->front().image.height() == 2 + 2 * 34);
    CHECK(pages->front().cut == escpos::CutMode::Full);
}

TEST_CASE("status requests are reported in order and leave the paper alone", "[printer]") {
    escpos::EscPosDecoder decoder(8);
    Bytes bytes = escpos::statusRequest(escpos::StatusQuery::Printer);
    auto paper = escpos::statusRequest(escpos::StatusQuery::RollPaper);
    bytes.insert(bytes.end(), paper.begin(), paper.end());
    REQUIRE(decoder.feed(bytes));
    auto requests = decoder.takeStatusRequests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0] == escpos::StatusQuery::Printer);
    CHECK(requests[1] == escpos::StatusQuery::RollPaper);
    CHECK(decoder.currentPage().image.height() == 0);
}

TEST_CASE("a DLE EOT pattern inside raster data is pixels, not a status request", "[printer]") {
    Bitmap image(24, 1);
    // Row bytes 10 04 01: exactly the DLE EOT 1 sequence.
    image.setPixel(3, 0);
    image.setPixel(13, 0);
    image.setPixel(23, 0);
    escpos::EscPosDecoder decoder(24);
    REQUIRE(decoder.feed(escpos::rasterImage(image, 8)));
    CHECK(decoder.takeStatusRequests().empty());
    CHECK(decoder.currentPage().image == image);
}

TEST_CASE("native QR data is recorded", "[printer]") {
    auto pages =
        escpos::decodeEscPos(escpos::nativeQr("https://x/1", 4, escpos::QrErrorCorrection::M), 384);
    REQUIRE(pages);
    // No paper moved, so no page: the symbol stays on the current page.
    escpos::EscPosDecoder decoder(384);
    REQUIRE(decoder.feed(escpos::nativeQr("https://x/1", 4, escpos::QrErrorCorrection::M)));
    REQUIRE(decoder.currentPage().nativeQrCodes.size() == 1);
    CHECK(decoder.currentPage().nativeQrCodes[0] == "https://x/1");
}

TEST_CASE("unknown commands and impossible sizes are errors", "[printer]") {
    CHECK_FALSE(escpos::decodeEscPos(Bytes{0x41}, 384));
    CHECK_FALSE(escpos::decodeEscPos(Bytes{0x1D, 0x76, 0x30, 0x00, 0x00, 0x00, 0x01, 0x00}, 384));
    CHECK_FALSE(escpos::decodeEscPos(Bytes{0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0xFF, 0xFF}, 384));
    CHECK_FALSE(escpos::decodeEscPos(Bytes{0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02}, 384));
}

TEST_CASE("raster wider than the paper is clipped at the paper edge", "[printer]") {
    Bitmap wide(16, 1);
    wide.fillRect(0, 0, 16, 1);
    auto pages = escpos::decodeEscPos(escpos::rasterImage(wide, 8), 12);
    REQUIRE(pages);
    const auto& paper = pages->front().image;
    CHECK(paper.width() == 12);
    CHECK(paper.pixel(11, 0));
    CHECK(paper.row(0)[1] == 0xF0);
}
