// SDL window and renderer creation with the software fallback.
#include "ui/platform/window.hpp"

#include "ui/platform/kms_presenter.hpp"

#include <cstdlib>
#include <cstring>

namespace kiosk::ui {
namespace {

// The OpenGL renderer's name ("llvmpipe (LLVM 15.0.6, 256 bits)", "V3D 4.2"), empty when
// the renderer just made is not OpenGL.
std::string currentOpenGlName() {
    using GetString = const unsigned char* (*)(unsigned);
    constexpr unsigned kGlRenderer = 0x1F01;
    if (SDL_GL_GetCurrentContext() == nullptr) {
        return {};
    }
    auto getString = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    const unsigned char* name = getString != nullptr ? getString(kGlRenderer) : nullptr;
    SDL_ClearError();
    return name != nullptr ? reinterpret_cast<const char*>(name) : "";
}

// Mesa's software rasterisers: a board whose GPU has no driver, or the test machine's display.
bool softwareOpenGl(const std::string& name) {
    return name.find("llvmpipe") != std::string::npos || name.find("softpipe") != std::string::npos;
}

} // namespace

Result<std::unique_ptr<Window>> Window::open(const WindowOptions& options) {
    Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    if (options.mode == WindowMode::FullScreen) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    if (options.mode == WindowMode::Offscreen) {
        flags = SDL_WINDOW_HIDDEN;
    }
    std::unique_ptr<Window> window(new Window());
    window->window_ = SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       options.width, options.height, flags);
    if (window->window_ == nullptr) {
        return makeError("display.window", std::string("cannot create window: ") + SDL_GetError());
    }
    // SDL_RENDER_DRIVER=software (a board without GPU drivers) skips OpenGL entirely: Mesa's
    // llvmpipe would cost ~40 MB of LLVM for no speed-up over SDL's own software renderer.
    const char* forced = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    bool softwareOnly =
        options.mode == WindowMode::Offscreen || (forced && std::string(forced) == "software");
    if (!softwareOnly) {
        window->renderer_ = SDL_CreateRenderer(window->window_, -1, SDL_RENDERER_ACCELERATED);
    }
    const char* path = std::getenv("KIOSK_PRESENT");
    bool wantGl = path != nullptr && std::string(path) == "renderer";
    if (window->renderer_ != nullptr) {
        window->openGlName_ = currentOpenGlName();
    }
    if (window->renderer_ != nullptr && !wantGl &&
        SDL_strcasecmp(SDL_GetCurrentVideoDriver(), "kmsdrm") == 0 &&
        softwareOpenGl(window->openGlName_)) {
        // Each GL present would convert and copy the whole screen on the CPU, however little
        // changed: SDL's software renderer draws into a KMS buffer instead, and a frame copies
        // only the rows it changed (the minute clock: a few thousand pixels, not a million).
        SDL_DestroyRenderer(window->renderer_);
        window->renderer_ = nullptr;
        auto presenter = KmsPresenter::openFor(window->window_);
        if (presenter) {
            window->presenter_ = std::move(*presenter);
            window->renderer_ = SDL_CreateSoftwareRenderer(window->presenter_->surface());
        } else {
            window->presenterProblem_ = presenter.error().message;
        }
        if (window->renderer_ == nullptr) {
            window->presenter_.reset();
            window->renderer_ = SDL_CreateRenderer(window->window_, -1, SDL_RENDERER_ACCELERATED);
        }
    }
    if (window->renderer_ == nullptr) {
        // The software renderer draws into the window surface; keep SDL from putting an OpenGL
        // texture behind that surface.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        window->renderer_ = SDL_CreateRenderer(window->window_, -1, SDL_RENDERER_SOFTWARE);
    }
    if (window->renderer_ == nullptr) {
        return makeError("display.renderer",
                         std::string("cannot create renderer: ") + SDL_GetError());
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(window->renderer_, &info);
    window->rendererName_ = info.name ? info.name : "unknown";
    window->accelerated_ = (info.flags & SDL_RENDERER_ACCELERATED) != 0;
    return window;
}

Window::~Window() {
    if (renderer_ != nullptr) {
        SDL_DestroyRenderer(renderer_);
    }
    presenter_.reset();
    if (window_ != nullptr) {
        SDL_DestroyWindow(window_);
    }
}

int Window::pixelWidth() const {
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    return w;
}

int Window::pixelHeight() const {
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    return h;
}

void Window::present(const SDL_Rect* area) {
    // On a surface this only runs the queued draws (there is no window to update).
    SDL_RenderPresent(renderer_);
    if (presenter_) {
        presenter_->show(area);
    }
}

void Window::resize(int width, int height) {
    SDL_SetWindowSize(window_, width, height);
}

} // namespace kiosk::ui
