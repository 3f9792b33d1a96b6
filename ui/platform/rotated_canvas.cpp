// RotatedCanvas: the render target and the turned copy onto the window.
#include "ui/platform/rotated_canvas.hpp"

namespace kiosk::ui {

RotatedCanvas::RotatedCanvas(SDL_Renderer* renderer, Rotation rotation, bool keepPicture)
    : renderer_(renderer)
    , rotation_(rotation)
    , keepPicture_(keepPicture) {}

RotatedCanvas::~RotatedCanvas() {
    if (texture_ != nullptr) {
        SDL_DestroyTexture(texture_);
    }
}

bool RotatedCanvas::pictureKept(int nativeWidth, int nativeHeight) {
    if (rotation_ == Rotation::None && !keepPicture_) {
        return false;
    }
    Placement placement = rotatedPlacement(nativeWidth, nativeHeight, rotation_);
    if (texture_ == nullptr || textureWidth_ != placement.width ||
        textureHeight_ != placement.height) {
        if (texture_ != nullptr) {
            SDL_DestroyTexture(texture_);
        }
        texture_ = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                     placement.width, placement.height);
        if (texture_ == nullptr) {
            return false;
        }
        // The copy must replace the window's pixels, not blend with them. Pixel for pixel, so
        // no filtering: a software renderer copies an unfiltered, unblended quad much faster.
        SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_NONE);
        SDL_SetTextureScaleMode(texture_, SDL_ScaleModeNearest);
        textureWidth_ = placement.width;
        textureHeight_ = placement.height;
        fresh_ = true;
    }
    return !fresh_;
}

bool RotatedCanvas::begin(int nativeWidth, int nativeHeight) {
    drawing_ = false;
    if (rotation_ == Rotation::None && !keepPicture_) {
        return true;
    }
    pictureKept(nativeWidth, nativeHeight);
    if (texture_ == nullptr || SDL_SetRenderTarget(renderer_, texture_) != 0) {
        return false;
    }
    fresh_ = false;
    drawing_ = true;
    return true;
}

void RotatedCanvas::end() {
    if (!drawing_) {
        return;
    }
    drawing_ = false;
    SDL_SetRenderTarget(renderer_, nullptr);
    int nativeWidth = 0;
    int nativeHeight = 0;
    SDL_GetRendererOutputSize(renderer_, &nativeWidth, &nativeHeight);
    Placement placement = rotatedPlacement(nativeWidth, nativeHeight, rotation_);
    SDL_Rect destination{placement.x, placement.y, placement.width, placement.height};
    SDL_RenderCopyEx(renderer_, texture_, nullptr, &destination, placement.angleDegrees, nullptr,
                     SDL_FLIP_NONE);
}

} // namespace kiosk::ui
