// Writes a 1-bit Bitmap as a greyscale PNG (simulated printer output, previews, golden images).
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"

#include <filesystem>

namespace kiosk {

Status writePng(const Bitmap& bitmap, const std::filesystem::path& path);

// Reads a PNG back as 1 bit (dark pixels black), for comparing against golden images.
Result<Bitmap> readPngAsBitmap(const std::filesystem::path& path);

} // namespace kiosk
