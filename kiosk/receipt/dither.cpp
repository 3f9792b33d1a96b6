// Area-average scaling and Floyd-Steinberg error diffusion to 1 bit.
#include "kiosk/receipt/dither.hpp"

#include <algorithm>
#include <stb_image.h>
#include <vector>

namespace kiosk {

Bitmap ditherToBitmap(std::span<const std::uint8_t> grey, int width, int height, int targetWidth) {
    if (width <= 0 || height <= 0 || targetWidth <= 0 ||
        grey.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height)) {
        return {};
    }
    int targetHeight =
        std::max(1, static_cast<int>(static_cast<long>(height) * targetWidth / width));
    std::vector<float> level(static_cast<std::size_t>(targetWidth) *
                             static_cast<std::size_t>(targetHeight));
    for (int ty = 0; ty < targetHeight; ++ty) {
        int y0 = ty * height / targetHeight;
        int y1 = std::max(y0 + 1, (ty + 1) * height / targetHeight);
        for (int tx = 0; tx < targetWidth; ++tx) {
            int x0 = tx * width / targetWidth;
            int x1 = std::max(x0 + 1, (tx + 1) * width / targetWidth);
            long sum = 0;
            for (int y = y0; y < y1; ++y) {
                for (int x = x0; x < x1; ++x) {
                    sum += grey[static_cast<std::size_t>(y * width + x)];
                }
            }
            level[static_cast<std::size_t>(ty * targetWidth + tx)] =
                static_cast<float>(sum) / static_cast<float>((y1 - y0) * (x1 - x0));
        }
    }
    Bitmap out(targetWidth, targetHeight);
    auto at = [&](int x, int y) -> float& {
        return level[static_cast<std::size_t>(y * targetWidth + x)];
    };
    for (int y = 0; y < targetHeight; ++y) {
        for (int x = 0; x < targetWidth; ++x) {
            float old = at(x, y);
            float chosen = old < 128.0f ? 0.0f : 255.0f;
            if (chosen == 0.0f) {
                out.setPixel(x, y);
            }
            float error = old - chosen;
            if (x + 1 < targetWidth) {
                at(x + 1, y) += error * 7.0f / 16.0f;
            }
            if (y + 1 < targetHeight) {
                if (x > 0) {
                    at(x - 1, y + 1) += error * 3.0f / 16.0f;
                }
                at(x, y + 1) += error * 5.0f / 16.0f;
                if (x + 1 < targetWidth) {
                    at(x + 1, y + 1) += error * 1.0f / 16.0f;
                }
            }
        }
    }
    return out;
}

Result<Bitmap> loadLogo(const std::filesystem::path& path, int targetWidth) {
    int width = 0;
    int height = 0;
    int channels = 0;
    unsigned char* rgba = stbi_load(path.c_str(), &width, &height, &channels, 4);
    if (rgba == nullptr) {
        return makeError("receipt.logo", "cannot read logo " + path.string());
    }
    std::vector<std::uint8_t> grey(static_cast<std::size_t>(width) *
                                   static_cast<std::size_t>(height));
    for (std::size_t i = 0; i < grey.size(); ++i) {
        const unsigned char* p = rgba + i * 4;
        // Rec. 601 luma, composited over white paper.
        float luma = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
        float alpha = p[3] / 255.0f;
        grey[i] = static_cast<std::uint8_t>(luma * alpha + 255.0f * (1.0f - alpha));
    }
    stbi_image_free(rgba);
    return ditherToBitmap(grey, width, height, targetWidth);
}

} // namespace kiosk
