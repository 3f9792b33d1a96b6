// Frames straight to the panel through a KMS dumb buffer, for a board whose OpenGL is Mesa's
// software rasteriser: there every GL present copies and converts the whole screen (twice, with
// the canvas), while a changed clock needs only a few rows copied.
#pragma once

#include "drivers/common/result.hpp"

#include <SDL.h>
#include <cstdint>
#include <memory>
#include <xf86drmMode.h>

namespace kiosk::ui {

class KmsPresenter {
public:
    // A width x height scanout buffer on the connected connector of the card open as `cardFd`
    // (SDL's own kmsdrm descriptor, so its DRM master rights). Nothing shows until `show`.
    static Result<std::unique_ptr<KmsPresenter>> open(int cardFd, int width, int height);
    // The same on the card of `window`, which must be on SDL's kmsdrm driver.
    static Result<std::unique_ptr<KmsPresenter>> openFor(SDL_Window* window);
    ~KmsPresenter();
    KmsPresenter(const KmsPresenter&) = delete;
    KmsPresenter& operator=(const KmsPresenter&) = delete;

    // What SDL's software renderer draws into; it keeps its pixels between frames.
    SDL_Surface* surface() const { return surface_; }
    // Copies `area` (everything when null) of the surface to the panel; the first call also
    // puts the buffer on the screen.
    Status show(const SDL_Rect* area);

private:
    KmsPresenter() = default;

    int fd_ = -1;
    std::uint32_t crtc_ = 0;
    std::uint32_t connector_ = 0;
    drmModeModeInfo mode_{};
    std::uint32_t handle_ = 0;
    std::uint32_t framebuffer_ = 0;
    std::uint32_t pitch_ = 0;
    std::uint64_t size_ = 0;
    std::uint8_t* pixels_ = nullptr;
    SDL_Surface* surface_ = nullptr;
    bool onScreen_ = false;
};

} // namespace kiosk::ui
