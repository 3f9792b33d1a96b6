// A QR code as an SVG image (libqrencode), for the dossier code on the printed dossier.
#pragma once

#include <string>

namespace kiosk {

// Square SVG of `sizeMillimetres`, four modules of quiet zone; empty when it cannot encode.
std::string qrCodeSvg(const std::string& text, int sizeMillimetres);

} // namespace kiosk
