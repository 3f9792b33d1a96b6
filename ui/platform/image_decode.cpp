// stb_image decoding plus a box-filter shrink: simple, and sharp enough for flat illustrations.
#include "ui/platform/image_decode.hpp"

#include <algorithm>
#include <memory>
#include <stb_image.h>
#include <string>

namespace kiosk::ui {

DecodedImage shrinkImage(const DecodedImage& image, int factor) {
    DecodedImage out;
    out.sourceWidth = image.sourceWidth;
    out.sourceHeight = image.sourceHeight;
    out.width = (image.width + factor - 1) / factor;
    out.height = (image.height + factor - 1) / factor;
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            unsigned sum[4] = {0, 0, 0, 0};
            unsigned count = 0;
            for (int sy = y * factor; sy < std::min(image.height, (y + 1) * factor); ++sy) {
                for (int sx = x * factor; sx < std::min(image.width, (x + 1) * factor); ++sx) {
                    const std::uint8_t* px =
                        &image.rgba[(static_cast<std::size_t>(sy) * image.width + sx) * 4];
                    for (int c = 0; c < 4; ++c) {
                        sum[c] += px[c];
                    }
                    ++count;
                }
            }
            std::uint8_t* dst = &out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4];
            for (int c = 0; c < 4; ++c) {
                dst[c] = static_cast<std::uint8_t>((sum[c] + count / 2) / count);
            }
        }
    }
    return out;
}

Result<DecodedImage> decodeImage(const std::filesystem::path& file, int maxSide) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        return makeError("image_missing", "not in the content pack");
    }
    int width = 0;
    int height = 0;
    int channels = 0;
    // stb_image holds the whole picture before it can be shrunk: refuse what a Raspberry
    // Pi-class board should never be asked to hold (16 megapixels = 64 MB of RGBA).
    constexpr long long kMaxPixels = 16LL * 1024 * 1024;
    if (stbi_info(file.c_str(), &width, &height, &channels) == 1 &&
        static_cast<long long>(width) * height > kMaxPixels) {
        return makeError("image_too_large", "larger than 16 megapixels (" + std::to_string(width) +
                                                "x" + std::to_string(height) + ")");
    }
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(
        stbi_load(file.c_str(), &width, &height, &channels, 4), stbi_image_free);
    if (pixels == nullptr || width <= 0 || height <= 0) {
        const char* why = stbi_failure_reason();
        return makeError("image_unreadable",
                         std::string("not a readable PNG or JPEG (") + (why ? why : "?") + ")");
    }
    DecodedImage image;
    image.width = image.sourceWidth = width;
    image.height = image.sourceHeight = height;
    image.rgba.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 4);
    int longer = std::max(width, height);
    if (maxSide > 0 && longer > maxSide) {
        return shrinkImage(image, (longer + maxSide - 1) / maxSide);
    }
    return image;
}

} // namespace kiosk::ui
