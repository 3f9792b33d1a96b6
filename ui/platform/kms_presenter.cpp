// KmsPresenter: one XRGB8888 dumb buffer set on the connector's CRTC, rows copied in on show.
#include "ui/platform/kms_presenter.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <sys/mman.h>
#include <xf86drm.h>

// SDL_syswm.h brings in Xlib, whose macros (Status, None, Bool) would break code after it:
// included last, `Status` undone here, and the file kept out of the unity build.
#include <SDL_syswm.h>
#undef Status

namespace kiosk::ui {
namespace {

std::string systemError(const std::string& what) {
    return what + ": " + std::strerror(errno);
}

// The CRTC driving `connector` now, or the first one its encoders can use.
std::uint32_t crtcFor(int fd, const drmModeRes& resources, const drmModeConnector& connector) {
    if (drmModeEncoder* encoder = drmModeGetEncoder(fd, connector.encoder_id)) {
        std::uint32_t crtc = encoder->crtc_id;
        drmModeFreeEncoder(encoder);
        if (crtc != 0) {
            return crtc;
        }
    }
    for (int e = 0; e < connector.count_encoders; ++e) {
        drmModeEncoder* encoder = drmModeGetEncoder(fd, connector.encoders[e]);
        if (encoder == nullptr) {
            continue;
        }
        std::uint32_t possible = encoder->possible_crtcs;
        drmModeFreeEncoder(encoder);
        for (int c = 0; c < resources.count_crtcs; ++c) {
            if ((possible & (1U << c)) != 0) {
                return resources.crtcs[c];
            }
        }
    }
    return 0;
}

} // namespace

Result<std::unique_ptr<KmsPresenter>> KmsPresenter::open(int cardFd, int width, int height) {
    std::unique_ptr<KmsPresenter> presenter(new KmsPresenter());
    presenter->fd_ = cardFd;
    drmModeRes* resources = drmModeGetResources(cardFd);
    if (resources == nullptr) {
        return makeError("display.kms", systemError("cannot read the card's connectors"));
    }
    for (int i = 0; i < resources->count_connectors && presenter->crtc_ == 0; ++i) {
        drmModeConnector* connector = drmModeGetConnector(cardFd, resources->connectors[i]);
        if (connector == nullptr) {
            continue;
        }
        if (connector->connection == DRM_MODE_CONNECTED && connector->count_modes > 0) {
            // The window's size is the mode SDL chose; else the panel's preferred one.
            const drmModeModeInfo* chosen = nullptr;
            for (int m = 0; m < connector->count_modes && chosen == nullptr; ++m) {
                const drmModeModeInfo& mode = connector->modes[m];
                if (mode.hdisplay == width && mode.vdisplay == height) {
                    chosen = &mode;
                }
            }
            for (int m = 0; m < connector->count_modes && chosen == nullptr; ++m) {
                if ((connector->modes[m].type & DRM_MODE_TYPE_PREFERRED) != 0) {
                    chosen = &connector->modes[m];
                }
            }
            presenter->mode_ = chosen != nullptr ? *chosen : connector->modes[0];
            presenter->connector_ = connector->connector_id;
            presenter->crtc_ = crtcFor(cardFd, *resources, *connector);
        }
        drmModeFreeConnector(connector);
    }
    drmModeFreeResources(resources);
    if (presenter->crtc_ == 0) {
        return makeError("display.kms", "no connected panel with a mode and a CRTC");
    }
    int w = presenter->mode_.hdisplay;
    int h = presenter->mode_.vdisplay;
    std::uint32_t pitch = 0;
    std::uint64_t size = 0;
    if (drmModeCreateDumbBuffer(cardFd, w, h, 32, 0, &presenter->handle_, &pitch, &size) != 0) {
        return makeError("display.kms", systemError("cannot allocate the screen buffer"));
    }
    presenter->pitch_ = pitch;
    presenter->size_ = size;
    if (drmModeAddFB(cardFd, w, h, 24, 32, pitch, presenter->handle_, &presenter->framebuffer_) !=
        0) {
        return makeError("display.kms", systemError("the card refused the screen buffer"));
    }
    std::uint64_t offset = 0;
    if (drmModeMapDumbBuffer(cardFd, presenter->handle_, &offset) != 0) {
        return makeError("display.kms", systemError("cannot map the screen buffer"));
    }
    void* mapped =
        mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, cardFd, static_cast<off_t>(offset));
    if (mapped == MAP_FAILED) {
        return makeError("display.kms", systemError("cannot map the screen buffer"));
    }
    presenter->pixels_ = static_cast<std::uint8_t*>(mapped);
    // ARGB8888 in memory is XRGB8888 to the card (the alpha byte is ignored): rows copy as they
    // are.
    presenter->surface_ = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (presenter->surface_ == nullptr) {
        return makeError("display.kms", std::string("no drawing surface: ") + SDL_GetError());
    }
    return presenter;
}

Result<std::unique_ptr<KmsPresenter>> KmsPresenter::openFor(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(window, &info) != SDL_TRUE || info.subsystem != SDL_SYSWM_KMSDRM) {
        return makeError("display.kms", "the video driver is not kmsdrm");
    }
    int width = 0;
    int height = 0;
    SDL_GetWindowSize(window, &width, &height);
    auto presenter = open(info.info.kmsdrm.drm_fd, width, height);
    if (presenter && ((*presenter)->surface_->w != width || (*presenter)->surface_->h != height)) {
        return makeError("display.kms", "the panel has no mode of the window's size");
    }
    return presenter;
}

KmsPresenter::~KmsPresenter() {
    if (surface_ != nullptr) {
        SDL_FreeSurface(surface_);
    }
    if (pixels_ != nullptr) {
        munmap(pixels_, size_);
    }
    // SDL puts back the console's own buffer when it closes the video subsystem.
    if (framebuffer_ != 0) {
        drmModeRmFB(fd_, framebuffer_);
    }
    if (handle_ != 0) {
        drmModeDestroyDumbBuffer(fd_, handle_);
    }
}

Status KmsPresenter::show(const SDL_Rect* area) {
    SDL_Rect whole{0, 0, surface_->w, surface_->h};
    SDL_Rect part = whole; // the first show puts everything on the panel
    if (area != nullptr && onScreen_ && SDL_IntersectRect(area, &whole, &part) != SDL_TRUE) {
        return ok(); // nothing of it is on the panel
    }
    const auto* source = static_cast<const std::uint8_t*>(surface_->pixels);
    const std::size_t rowBytes = static_cast<std::size_t>(part.w) * 4;
    for (int y = part.y; y < part.y + part.h; ++y) {
        std::memcpy(pixels_ + static_cast<std::size_t>(y) * pitch_ + part.x * 4,
                    source + static_cast<std::size_t>(y) * surface_->pitch + part.x * 4, rowBytes);
    }
    if (!onScreen_) {
        if (drmModeSetCrtc(fd_, crtc_, framebuffer_, 0, 0, &connector_, 1, &mode_) != 0) {
            return makeError("display.kms",
                             systemError("cannot put the screen buffer on the panel"));
        }
        onScreen_ = true;
    }
    // Cards that scan out a shadow copy (USB and SPI panels, simpledrm) need telling what
    // changed; the others answer ENOSYS, which is fine.
    drmModeClip clip{static_cast<std::uint16_t>(part.x), static_cast<std::uint16_t>(part.y),
                     static_cast<std::uint16_t>(part.x + part.w),
                     static_cast<std::uint16_t>(part.y + part.h)};
    drmModeDirtyFB(fd_, framebuffer_, &clip, 1);
    return ok();
}

} // namespace kiosk::ui
