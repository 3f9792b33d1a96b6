// Draws the upright UI into a texture and turns it onto a panel mounted sideways or upside down.
#pragma once

#include "kiosk/display/panel_geometry.hpp"

#include <SDL.h>

namespace kiosk::ui {

// SDL's KMS/DRM driver cannot rotate the panel, so the turn happens here: ImGui draws into a
// render target of the upright size, which SDL_RenderCopyEx then copies turned onto the window.
// With `keepPicture` the target is used unrotated too: it keeps the last frame's pixels, so the
// next frame can repaint only what changed (a window's back buffers cannot be trusted to: on
// kmsdrm with Mesa's software driver they come back blank whatever their reported age).
// Unrotated without it, drawing goes straight to the window at no extra cost.
class RotatedCanvas {
public:
    RotatedCanvas(SDL_Renderer* renderer, Rotation rotation, bool keepPicture = false);
    ~RotatedCanvas();
    RotatedCanvas(const RotatedCanvas&) = delete;
    RotatedCanvas& operator=(const RotatedCanvas&) = delete;

    Rotation rotation() const { return rotation_; }
    // True when the picture drawn last is still in the target to build on; false when there is
    // no target, or it was just made (the first frame, a new size). Makes the target if needed.
    bool pictureKept(int nativeWidth, int nativeHeight);
    // Sends drawing to the upright picture for a window of native pixel size. False (with the
    // SDL error) when no render target could be made; drawing then goes to the window unturned.
    bool begin(int nativeWidth, int nativeHeight);
    // Turns the upright picture onto the window; the renderer draws to the window again.
    void end();

private:
    SDL_Renderer* renderer_;
    Rotation rotation_;
    bool keepPicture_;
    SDL_Texture* texture_ = nullptr;
    bool fresh_ = true; // made since the last frame drawn into it
    int textureWidth_ = 0;
    int textureHeight_ = 0;
    bool drawing_ = false;
};

} // namespace kiosk::ui
