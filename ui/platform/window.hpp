// The SDL window and renderer: full-screen on the kiosk, windowed for development, offscreen
// for screenshots; hardware-accelerated rendering where present, software otherwise.
#pragma once

#include "drivers/common/result.hpp"

#include <SDL.h>
#include <memory>
#include <string>

namespace kiosk::ui {

class KmsPresenter;

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
    // Shows the frame drawn: `area` of it (everything when null) when frames go to the panel
    // through a KMS buffer, the whole renderer's output otherwise.
    void present(const SDL_Rect* area = nullptr);
    // Whether what was drawn stays for the next frame to draw over (a KMS buffer's surface),
    // so a frame may repaint only what it changes without a canvas of its own.
    bool keepsPicture() const { return presenter_ != nullptr; }
    // The OpenGL renderer's name as the driver gives it; empty without OpenGL.
    const std::string& openGlName() const { return openGlName_; }
    // Why frames do not go through a KMS buffer on kmsdrm with a software OpenGL; empty else.
    const std::string& presenterProblem() const { return presenterProblem_; }

private:
    Window() = default;
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::unique_ptr<KmsPresenter> presenter_;
    std::string presenterProblem_;
    std::string openGlName_;
    std::string rendererName_;
    bool accelerated_ = false;
};

} // namespace kiosk::ui
