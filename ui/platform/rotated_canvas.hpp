// Draws the upright UI into a texture and turns it onto a panel mounted sideways or upside down.
#pragma once

#include "kiosk/display/panel_geometry.hpp"

#include <SDL.h>

namespace kiosk::ui {

// SDL's KMS/DRM driver cannot rotate the panel, so the turn happens here: ImGui draws into a
// render target of the upright size, which SDL_RenderCopyEx then copies turned onto the window.
// Unrotated, drawing goes straight to the window at no extra cost.
class RotatedCanvas {
public:
    RotatedCanvas(SDL_Renderer* renderer, Rotation rotation);
    ~RotatedCanvas();
    RotatedCanvas(const RotatedCanvas&) = delete;
    RotatedCanvas& operator=(const RotatedCanvas&) = delete;

    Rotation rotation() const { return rotation_; }
    // Sends drawing to the upright picture for a window of native pixel size. False (with the
    // SDL error) when no render target could be made; drawing then goes to the window unturned.
    bool begin(int nativeWidth, int nativeHeight);
    // Turns the upright picture onto the window; the renderer draws to the window again.
    void end();

private:
    SDL_Renderer* renderer_;
    Rotation rotation_;
    SDL_Texture* texture_ = nullptr;
    int textureWidth_ = 0;
    int textureHeight_ = 0;
    bool drawing_ = false;
};

} // namespace kiosk::ui
