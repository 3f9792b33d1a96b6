// libqrencode symbol to 1-bit raster with a quiet zone (ISO/IEC 18004 §7.3.8: 4 modules).
#include "kiosk/receipt/qr_image.hpp"

#include <memory>
#include <qrencode.h>
#include <string>

namespace kiosk {
namespace {

constexpr int kQuietZoneModules = 4;
// Beyond this a receipt QR gets needlessly large; 6 dots = 0.75 mm modules scan easily.
constexpr int kMaxModuleDots = 6;

struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

} // namespace

Result<Bitmap> renderQrCode(std::string_view payload, int maxWidthDots, int minModuleDots) {
    std::string text(payload);
    // Level M survives a smudge or a fold through a corner of a thermal slip.
    std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
    if (!code) {
        return makeError("receipt.qr", "the QR payload cannot be encoded (too long?)");
    }
    int modules = code->width + 2 * kQuietZoneModules;
    int moduleDots = std::min(maxWidthDots / modules, kMaxModuleDots);
    if (moduleDots < minModuleDots) {
        return makeError("receipt.qr", "the QR code does not fit the paper at a scannable size");
    }
    Bitmap image(modules * moduleDots, modules * moduleDots);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            // Bit 0 of each byte is the module colour (1 = dark).
            if ((code->data[y * code->width + x] & 1) != 0) {
                image.fillRect((x + kQuietZoneModules) * moduleDots,
                               (y + kQuietZoneModules) * moduleDots, moduleDots, moduleDots);
            }
        }
    }
    return image;
}

} // namespace kiosk
