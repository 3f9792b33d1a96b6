// QR codes as SDL textures for ImGui::Image, made once per payload and kept while shown.
#pragma once

#include <SDL.h>
#include <imgui.h>
#include <map>
#include <string>

namespace kiosk::ui {

class QrTextures {
public:
    explicit QrTextures(SDL_Renderer* renderer)
        : renderer_(renderer) {}
    ~QrTextures();
    QrTextures(const QrTextures&) = delete;
    QrTextures& operator=(const QrTextures&) = delete;

    // A square texture of the QR code of `payload` (quiet zone included); null on failure.
    ImTextureID get(const std::string& payload);
    // Frees every texture; called between sessions so a dossier's QR never outlives it.
    void clear();

private:
    SDL_Renderer* renderer_;
    std::map<std::string, SDL_Texture*> textures_;
};

} // namespace kiosk::ui
