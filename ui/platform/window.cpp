// SDL window and renderer creation with the software fallback.
#include "ui/platform/window.hpp"

namespace kiosk::ui {

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
    bool softwareOnly = options.mode == WindowMode::Offscreen || (forced && std::string(forced) == "software");
    if (!softwareOnly) {
        window->renderer_ = SDL_CreateRenderer(window->window_, -1, SDL_RENDERER_ACCELERATED);
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

void Window::resize(int width, int height) {
    SDL_SetWindowSize(window_, width, height);
}

} // namespace kiosk::ui
