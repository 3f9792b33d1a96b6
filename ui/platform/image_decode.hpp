// PNG and JPEG pictures of the content pack decoded to RGBA, shrunk to a size the kiosk can hold.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace kiosk::ui {

struct DecodedImage {
    int width = 0;
    int height = 0;
    int sourceWidth = 0; // as stored in the file, before any shrinking
    int sourceHeight = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4 bytes, rows top to bottom

    bool downscaled() const { return width != sourceWidth || height != sourceHeight; }
};

// Reads `file` with stb_image. A picture whose longer side exceeds `maxSide` pixels is shrunk by
// a whole factor (box filter) until it fits, so a huge photo never takes more than about
// maxSide² × 4 bytes. Expected failures (missing, not an image, corrupt) return a reason.
Result<DecodedImage> decodeImage(const std::filesystem::path& file, int maxSide);

// Averages `factor` × `factor` blocks of an RGBA picture; edge blocks average what they hold.
DecodedImage shrinkImage(const DecodedImage& image, int factor);

} // namespace kiosk::ui
