// PNG output and input through stb_image_write / stb_image (libstb-dev).
#include "drivers/printer/png_writer.hpp"

#include <stb_image.h>
#include <stb_image_write.h>

namespace kiosk {

Status writePng(const Bitmap& bitmap, const std::filesystem::path& path) {
    if (bitmap.empty()) {
        return makeError("png.empty", "nothing to write: the image is empty");
    }
    auto grey = toGrey(bitmap);
    if (stbi_write_png(path.c_str(), bitmap.width(), bitmap.height(), 1, grey.data(),
                       bitmap.width()) == 0) {
        return makeError("png.write", "could not write " + path.string());
    }
    return ok();
}

Result<Bitmap> readPngAsBitmap(const std::filesystem::path& path) {
    int width = 0;
    int height = 0;
    int channels = 0;
    unsigned char* pixels = stbi_load(path.c_str(), &width, &height, &channels, 1);
    if (pixels == nullptr) {
        return makeError("png.read", "could not read " + path.string());
    }
    Bitmap bitmap(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            if (pixels[y * width + x] < 128) {
                bitmap.setPixel(x, y);
            }
        }
    }
    stbi_image_free(pixels);
    return bitmap;
}

} // namespace kiosk
