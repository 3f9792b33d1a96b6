// libqrencode to SVG: one path of unit squares, scaled by the viewBox.
#include "kiosk/programs/gateway/qr_svg.hpp"

#include <qrencode.h>

namespace kiosk {

std::string qrCodeSvg(const std::string& text, int sizeMillimetres) {
    // Level M (15 % recovery) survives a crease in the printed paper.
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (code == nullptr) {
        return {};
    }
    constexpr int kQuiet = 4; // ISO/IEC 18004 quiet zone, in modules
    int width = code->width;
    int total = width + 2 * kQuiet;
    std::string path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if ((code->data[y * width + x] & 1) != 0) {
                path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) +
                        "h1v1h-1z";
            }
        }
    }
    QRcode_free(code);
    std::string size = std::to_string(sizeMillimetres) + "mm";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"" + size +
           "\" height=\"" + size + "\" viewBox=\"0 0 " + std::to_string(total) + " " +
           std::to_string(total) + "\" shape-rendering=\"crispEdges\"><rect width=\"" +
           std::to_string(total) + "\" height=\"" + std::to_string(total) +
           "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

} // namespace kiosk
