// Pixel access, blitting and stacking of 1-bit printer images.
#include "drivers/printer/bitmap.hpp"

#include <algorithm>
#include <cassert>

namespace kiosk {

Bitmap::Bitmap(int width, int height)
    : width_(std::max(width, 0))
    , height_(std::max(height, 0))
    , bytesPerRow_((width_ + 7) / 8)
    , data_(static_cast<std::size_t>(bytesPerRow_) * static_cast<std::size_t>(height_), 0) {}

bool Bitmap::pixel(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) {
        return false;
    }
    auto byte = data_[static_cast<std::size_t>(y * bytesPerRow_ + x / 8)];
    return (byte & (0x80u >> (x % 8))) != 0;
}

void Bitmap::setPixel(int x, int y, bool black) {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) {
        return;
    }
    auto& byte = data_[static_cast<std::size_t>(y * bytesPerRow_ + x / 8)];
    auto mask = static_cast<std::uint8_t>(0x80u >> (x % 8));
    byte = black ? static_cast<std::uint8_t>(byte | mask) : static_cast<std::uint8_t>(byte & ~mask);
}

void Bitmap::fillRect(int x, int y, int width, int height, bool black) {
    int x0 = std::max(x, 0);
    int y0 = std::max(y, 0);
    int x1 = std::min(x + width, width_);
    int y1 = std::min(y + height, height_);
    for (int row = y0; row < y1; ++row) {
        for (int column = x0; column < x1; ++column) {
            setPixel(column, row, black);
        }
    }
}

std::span<const std::uint8_t> Bitmap::row(int y) const {
    assert(y >= 0 && y < height_);
    return {data_.data() + static_cast<std::size_t>(y * bytesPerRow_),
            static_cast<std::size_t>(bytesPerRow_)};
}

std::span<std::uint8_t> Bitmap::row(int y) {
    assert(y >= 0 && y < height_);
    return {data_.data() + static_cast<std::size_t>(y * bytesPerRow_),
            static_cast<std::size_t>(bytesPerRow_)};
}

void Bitmap::draw(const Bitmap& source, int x, int y) {
    int firstRow = std::max(0, -y);
    int lastRow = std::min(source.height(), height_ - y);
    int firstColumn = std::max(0, -x);
    int lastColumn = std::min(source.width(), width_ - x);
    if (x % 8 == 0 && x >= 0) {
        // Byte-aligned fast path: most blits (QR codes, whole lines) land here.
        for (int row = firstRow; row < lastRow; ++row) {
            auto from = source.row(row);
            auto to = this->row(y + row);
            int lastByte = std::min(source.bytesPerRow(), bytesPerRow_ - x / 8);
            for (int byte = 0; byte < lastByte; ++byte) {
                to[static_cast<std::size_t>(x / 8 + byte)] |= from[static_cast<std::size_t>(byte)];
            }
        }
        return;
    }
    for (int row = firstRow; row < lastRow; ++row) {
        for (int column = firstColumn; column < lastColumn; ++column) {
            if (source.pixel(column, row)) {
                setPixel(x + column, y + row);
            }
        }
    }
}

void Bitmap::appendBelow(const Bitmap& other) {
    if (empty() && data_.empty()) {
        *this = other;
        return;
    }
    assert(other.width_ == width_);
    data_.insert(data_.end(), other.data_.begin(), other.data_.end());
    height_ += other.height_;
}

void Bitmap::appendWhiteRows(int rows) {
    if (rows <= 0) {
        return;
    }
    data_.resize(data_.size() + static_cast<std::size_t>(rows * bytesPerRow_), 0);
    height_ += rows;
}

Bitmap Bitmap::rows(int firstRow, int rows) const {
    assert(firstRow >= 0 && rows >= 0 && firstRow + rows <= height_);
    Bitmap part(width_, rows);
    std::copy_n(data_.begin() + firstRow * bytesPerRow_, rows * bytesPerRow_, part.data_.begin());
    return part;
}

std::vector<std::uint8_t> toGrey(const Bitmap& bitmap) {
    std::vector<std::uint8_t> grey(static_cast<std::size_t>(bitmap.width()) *
                                   static_cast<std::size_t>(bitmap.height()));
    for (int y = 0; y < bitmap.height(); ++y) {
        for (int x = 0; x < bitmap.width(); ++x) {
            grey[static_cast<std::size_t>(y * bitmap.width() + x)] = bitmap.pixel(x, y) ? 0 : 255;
        }
    }
    return grey;
}

} // namespace kiosk
