// QR codes rendered on the host (libqrencode), so every printer prints them the same, centred.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"

#include <string_view>

namespace kiosk {

// The largest whole-dot module size that fits `maxWidthDots` including the 4-module quiet
// zone, never below `minModuleDots` (a phone camera needs about 0.4 mm modules: 3 dots).
Result<Bitmap> renderQrCode(std::string_view payload, int maxWidthDots, int minModuleDots = 3);

} // namespace kiosk
