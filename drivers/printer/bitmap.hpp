// A 1-bit image in the printer's own raster layout: rows packed MSB-first, 1 = black.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace kiosk {

// The layout GS v 0 sends on the wire, so encoding is a copy, not a conversion. Rows are padded
// to whole bytes; padding bits stay 0 (white) so they never print.
class Bitmap {
public:
    Bitmap() = default;
    Bitmap(int width, int height);

    int width() const { return width_; }
    int height() const { return height_; }
    int bytesPerRow() const { return bytesPerRow_; }
    bool empty() const { return width_ == 0 || height_ == 0; }

    bool pixel(int x, int y) const;
    // Out-of-range writes are ignored so text and QR code drawing may clip at the edges.
    void setPixel(int x, int y, bool black = true);
    void fillRect(int x, int y, int width, int height, bool black = true);

    std::span<const std::uint8_t> row(int y) const;
    std::span<std::uint8_t> row(int y);
    const std::vector<std::uint8_t>& data() const { return data_; }

    // Copies `source` with its top-left corner at (x, y), OR-ing black pixels (text over rules).
    void draw(const Bitmap& source, int x, int y);
    // Appends `other` below this image; widths must match (an empty bitmap adopts the width).
    void appendBelow(const Bitmap& other);
    void appendWhiteRows(int rows);
    // Rows [firstRow, firstRow + rows) as a new bitmap.
    Bitmap rows(int firstRow, int rows) const;

    bool operator==(const Bitmap&) const = default;

private:
    int width_ = 0;
    int height_ = 0;
    int bytesPerRow_ = 0;
    std::vector<std::uint8_t> data_;
};

// 8-bit grey (0 = black, 255 = white) for PNG output and previews.
std::vector<std::uint8_t> toGrey(const Bitmap& bitmap);

} // namespace kiosk
