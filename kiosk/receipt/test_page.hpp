// The printer test page: every Vietnamese letter with every tone, a QR code and a ruler.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"
#include "kiosk/receipt/text_renderer.hpp"

#include <string_view>

namespace kiosk {

// `printerName` is printed as given (the printer's description, never a resident's data).
Result<Bitmap> renderTestPage(TextRenderer& text, int widthDots, std::string_view printerName);

} // namespace kiosk
