// Greyscale pictures (a commune logo) to 1-bit thermal dots by error diffusion.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"

#include <cstdint>
#include <filesystem>
#include <span>

namespace kiosk {

// `grey` is width*height bytes, 0 = black. Scaled (area average) to `targetWidth`, keeping
// the aspect ratio, then Floyd-Steinberg dithered: flat thresholding turns shaded logos into
// black blobs on thermal paper.
Bitmap ditherToBitmap(std::span<const std::uint8_t> grey, int width, int height, int targetWidth);

// Reads any image stb_image understands (PNG, JPEG); transparency counts as white paper.
Result<Bitmap> loadLogo(const std::filesystem::path& path, int targetWidth);

} // namespace kiosk
