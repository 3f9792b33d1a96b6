// QR texture creation from the receipt code's host-rendered QR bitmap.
#include "ui/platform/qr_textures.hpp"

#include "kiosk/receipt/qr_image.hpp"
#include "ui/platform/frame_damage.hpp"

#include <vector>

namespace kiosk::ui {

QrTextures::~QrTextures() {
    clear();
}

void QrTextures::clear() {
    for (auto& [payload, texture] : textures_) {
        SDL_DestroyTexture(texture);
        noteTextureContentsChanged();
    }
    textures_.clear();
}

ImTextureID QrTextures::get(const std::string& payload) {
    if (auto found = textures_.find(payload); found != textures_.end()) {
        return found->second;
    }
    // One pixel per module is enough: the texture is scaled up with nearest-neighbour sampling.
    auto qr = renderQrCode(payload, 200, 1);
    if (!qr) {
        return nullptr;
    }
    const Bitmap& bitmap = *qr;
    std::vector<Uint32> pixels(static_cast<std::size_t>(bitmap.width()) * bitmap.height());
    for (int y = 0; y < bitmap.height(); ++y) {
        for (int x = 0; x < bitmap.width(); ++x) {
            pixels[static_cast<std::size_t>(y) * bitmap.width() + x] =
                bitmap.pixel(x, y) ? 0xFF000000u : 0xFFFFFFFFu;
        }
    }
    SDL_Texture* texture =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC,
                          bitmap.width(), bitmap.height());
    if (texture == nullptr) {
        return nullptr;
    }
    SDL_UpdateTexture(texture, nullptr, pixels.data(), bitmap.width() * 4);
    noteTextureContentsChanged();
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeNearest);
    textures_[payload] = texture;
    return texture;
}

} // namespace kiosk::ui
