// The 1-bit Bitmap: packing, blits at any alignment, stacking and slicing.
#include "drivers/printer/bitmap.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("pixels are packed MSB first with padded rows", "[printer]") {
    Bitmap image(12, 2);
    CHECK(image.bytesPerRow() == 2);
    image.setPixel(0, 0);
    image.setPixel(11, 1);
    CHECK(image.row(0)[0] == 0x80);
    CHECK(image.row(1)[1] == 0x10);
    CHECK(image.pixel(11, 1));
    CHECK_FALSE(image.pixel(12, 1)); // outside is white
    image.setPixel(-1, 0);           // ignored, no crash
    image.setPixel(0, 0, false);
    CHECK(image.row(0)[0] == 0x00);
}

TEST_CASE("drawing clips at every edge and ORs ink", "[printer]") {
    Bitmap stamp(4, 4);
    stamp.fillRect(0, 0, 4, 4);
    for (int x : {-2, 0, 3, 8, 14}) {
        Bitmap paper(16, 4);
        paper.setPixel(15, 3);
        paper.draw(stamp, x, -1);
        int black = 0;
        for (int y = 0; y < 4; ++y) {
            for (int column = 0; column < 16; ++column) {
                black += paper.pixel(column, y) ? 1 : 0;
            }
        }
        // Rows 0..2 are covered (the stamp starts one row above the paper); row 3 keeps its dot.
        int visibleColumns = std::max(0, std::min(x + 4, 16) - std::max(x, 0));
        CHECK(black == visibleColumns * 3 + 1);
        CHECK(paper.pixel(15, 3));
    }
}

TEST_CASE("stacking and slicing rows round-trips", "[printer]") {
    Bitmap top(10, 3);
    top.setPixel(1, 1);
    Bitmap bottom(10, 2);
    bottom.setPixel(9, 1);
    Bitmap paper(10, 0);
    paper.appendBelow(top);
    paper.appendBelow(bottom);
    paper.appendWhiteRows(4);
    CHECK(paper.height() == 9);
    CHECK(paper.rows(0, 3) == top);
    CHECK(paper.rows(3, 2) == bottom);
    CHECK(paper.rows(5, 4) == Bitmap(10, 4));
}

TEST_CASE("grey output is black for ink and white for paper", "[printer]") {
    Bitmap image(2, 1);
    image.setPixel(1, 0);
    auto grey = toGrey(image);
    REQUIRE(grey.size() == 2);
    CHECK(grey[0] == 255);
    CHECK(grey[1] == 0);
}
