// Pictures of the content pack as SDL textures for ImGui::Image. Implemented features: decoding
// on first use, shrinking huge pictures, freeing every texture no screen drew in the last frame,
// one log line (and a placeholder) per picture that cannot be read.
#pragma once

#include "kiosk/log/logger.hpp"
#include "ui/platform/image_decode.hpp"

#include <SDL.h>
#include <filesystem>
#include <imgui.h>
#include <map>
#include <set>
#include <string>

namespace kiosk::ui {

// A texture and its size; `texture` is null when the picture could not be read and the caller
// draws a placeholder instead.
struct ImageTexture {
    ImTextureID texture = nullptr;
    int width = 0;
    int height = 0;
};

class ImageTextures {
public:
    // 1024 px covers a picture column on a 1920-pixel panel; bigger pictures only cost memory.
    static constexpr int kMaxSide = 1024;

    ImageTextures(SDL_Renderer* renderer, std::filesystem::path contentDir, Logger& logger,
                  int maxSide = kMaxSide);
    ~ImageTextures();
    ImageTextures(const ImageTextures&) = delete;
    ImageTextures& operator=(const ImageTextures&) = delete;

    // The picture at `path` inside the content pack, decoded now if no texture holds it yet.
    ImageTexture get(const std::string& path);
    // Frees the textures not asked for since the previous call. Called once a frame after the
    // screens have drawn, so pictures live exactly while a screen shows them.
    void endFrame();
    // Another content pack became active: forget every picture and every failure.
    void setContentDir(std::filesystem::path contentDir);

    std::size_t textureCount() const { return textures_.size(); }
    std::size_t textureBytes() const; // RGBA bytes the live textures hold

private:
    struct Entry {
        SDL_Texture* texture = nullptr;
        int width = 0;
        int height = 0;
        bool used = true; // asked for since the last endFrame
    };
    void clear();

    SDL_Renderer* renderer_;
    std::filesystem::path contentDir_;
    Logger& logger_;
    int maxSide_;
    std::map<std::string, Entry> textures_;
    std::set<std::string> failed_; // logged once; not retried until the content changes
};

} // namespace kiosk::ui
