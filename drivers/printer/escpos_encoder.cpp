// ESC/POS command bytes (Epson ESC/POS Application Programming Guide command reference).
#include "drivers/printer/escpos_encoder.hpp"

#include "drivers/printer/escpos_bytes.hpp"

#include <algorithm>
#include <cassert>

namespace kiosk::escpos {
namespace {

std::uint8_t low(int value) {
    return static_cast<std::uint8_t>(value & 0xFF);
}
std::uint8_t high(int value) {
    return static_cast<std::uint8_t>((value >> 8) & 0xFF);
}

// GS ( k pL pH cn fn [parameters]: pL pH count the bytes after themselves.
void appendQrFunction(Bytes& out, std::uint8_t fn, std::span<const std::uint8_t> parameters) {
    int length = static_cast<int>(parameters.size()) + 2; // cn and fn
    out.insert(out.end(), {GS, '(', 'k', low(length), high(length), 49, fn});
    out.insert(out.end(), parameters.begin(), parameters.end());
}

} // namespace

Bytes initialize() {
    return {ESC, '@'};
}

void appendRasterImage(Bytes& out, const Bitmap& image, int bandHeight) {
    assert(bandHeight > 0);
    // GS v 0 yL yH allow at most 2303 rows on most models; bands are far smaller anyway.
    for (int first = 0; first < image.height(); first += bandHeight) {
        int rows = std::min(bandHeight, image.height() - first);
        int xBytes = image.bytesPerRow();
        out.insert(out.end(), {GS, 'v', '0', 0, low(xBytes), high(xBytes), low(rows), high(rows)});
        auto begin = image.data().begin() + first * xBytes;
        out.insert(out.end(), begin, begin + rows * xBytes);
    }
}

Bytes rasterImage(const Bitmap& image, int bandHeight) {
    Bytes out;
    appendRasterImage(out, image, bandHeight);
    return out;
}

Bytes feedLines(int lines) {
    return {ESC, 'd', static_cast<std::uint8_t>(std::clamp(lines, 0, 255))};
}

Bytes feedAndCut(CutMode mode, int lines) {
    std::uint8_t m = mode == CutMode::Full ? 65 : 66;
    return {GS, 'V', m, static_cast<std::uint8_t>(std::clamp(lines, 0, 255))};
}

Bytes cutNow(CutMode mode) {
    return {GS, 'V', static_cast<std::uint8_t>(mode == CutMode::Full ? 0 : 1)};
}

Bytes nativeQr(std::string_view data, int moduleSize, QrErrorCorrection errorCorrection) {
    Bytes out;
    // fn 65: select model; n1 = 50 (model 2), n2 = 0.
    const std::uint8_t model[] = {50, 0};
    appendQrFunction(out, 65, model);
    // fn 67: module size in dots, 1..16.
    const std::uint8_t size[] = {static_cast<std::uint8_t>(std::clamp(moduleSize, 1, 16))};
    appendQrFunction(out, 67, size);
    // fn 69: error correction level, 48 + L/M/Q/H.
    const std::uint8_t level[] = {
        static_cast<std::uint8_t>(48 + static_cast<int>(errorCorrection))};
    appendQrFunction(out, 69, level);
    // fn 80: store the data in the symbol storage area; m = 48.
    Bytes store{48};
    store.insert(store.end(), data.begin(), data.end());
    appendQrFunction(out, 80, store);
    // fn 81: print the stored symbol; m = 48.
    const std::uint8_t print[] = {48};
    appendQrFunction(out, 81, print);
    return out;
}

Bytes statusRequest(StatusQuery query) {
    return {DLE, EOT, static_cast<std::uint8_t>(query)};
}

} // namespace kiosk::escpos
