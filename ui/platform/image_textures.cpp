// Texture lifetime for content pictures: created on demand, swept every frame.
#include "ui/platform/image_textures.hpp"

#include "ui/platform/frame_damage.hpp"

namespace kiosk::ui {

ImageTextures::ImageTextures(SDL_Renderer* renderer, std::filesystem::path contentDir,
                             Logger& logger, int maxSide)
    : renderer_(renderer)
    , contentDir_(std::move(contentDir))
    , logger_(logger)
    , maxSide_(maxSide) {}

ImageTextures::~ImageTextures() {
    clear();
}

void ImageTextures::clear() {
    for (auto& [path, entry] : textures_) {
        SDL_DestroyTexture(entry.texture);
        noteTextureContentsChanged();
    }
    textures_.clear();
}

void ImageTextures::setContentDir(std::filesystem::path contentDir) {
    clear();
    failed_.clear();
    contentDir_ = std::move(contentDir);
}

std::size_t ImageTextures::textureBytes() const {
    std::size_t bytes = 0;
    for (const auto& [path, entry] : textures_) {
        bytes += static_cast<std::size_t>(entry.width) * entry.height * 4;
    }
    return bytes;
}

ImageTexture ImageTextures::get(const std::string& path) {
    if (auto found = textures_.find(path); found != textures_.end()) {
        found->second.used = true;
        return {found->second.texture, found->second.width, found->second.height};
    }
    if (failed_.count(path) != 0) {
        return {};
    }
    auto fail = [&](const std::string& reason) {
        failed_.insert(path);
        logger_.log(LogEvent::ImageUnreadable,
                    {{"image", SystemText{path}}, {"reason", SystemText{reason}}});
        return ImageTexture{};
    };
    auto image = decodeImage(contentDir_ / path, maxSide_);
    if (!image) {
        return fail(image.error().message);
    }
    if (image->downscaled()) {
        logger_.log(LogEvent::ImageDownscaled, {{"image", SystemText{path}},
                                                {"width", image->sourceWidth},
                                                {"height", image->sourceHeight}});
    }
    SDL_Texture* texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32,
                                             SDL_TEXTUREACCESS_STATIC, image->width, image->height);
    if (texture == nullptr) {
        return fail(std::string("SDL texture: ") + SDL_GetError());
    }
    SDL_UpdateTexture(texture, nullptr, image->rgba.data(), image->width * 4);
    noteTextureContentsChanged();
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    // Pictures are drawn larger or smaller than stored; linear sampling keeps their text smooth.
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
    textures_[path] = Entry{texture, image->width, image->height, true};
    return {texture, image->width, image->height};
}

void ImageTextures::endFrame() {
    for (auto it = textures_.begin(); it != textures_.end();) {
        if (!it->second.used) {
            SDL_DestroyTexture(it->second.texture);
            noteTextureContentsChanged();
            it = textures_.erase(it);
        } else {
            it->second.used = false;
            ++it;
        }
    }
}

} // namespace kiosk::ui
