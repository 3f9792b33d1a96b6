// The SDL window and renderer: full-screen on the kiosk, windowed for development, offscreen
// for screenshots; hardware-accelerated rendering where present, software otherwise.
#pragma once

#include "drivers/common/result.hpp"

#include <SDL.h>
#include <memory>
#include <string>

namespace kiosk::ui {

enum class WindowMode { FullScreen, Windowed, Offscreen };

struct WindowOptions {
    WindowMode mode = WindowMode::FullScreen;
    int width = 1280;
    int height = 800;
};

class Window {
public:
    static Result<std::unique_ptr<Window>> open(const WindowOptions& options);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    SDL_Window* sdlWindow() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    // Size of the drawable in pixels (may differ from the window size on HiDPI).
    int pixelWidth() const;
    int pixelHeight() const;
    const std::string& rendererName() const { return rendererName_; }
    bool accelerated() const { return accelerated_; }
    void resize(int width, int height);

private:
    Window() = default;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::string rendererName_;
    bool accelerated_ = false;
};

} // namespace kiosk::ui
