// Buffer age from EGL_EXT_buffer_age through SDL's own EGL loader, or a software surface's 1.
#include "ui/platform/buffer_age.hpp"

#include <SDL_egl.h>
#include <cstring>
#include <string>

namespace kiosk::ui {

namespace {

using GetCurrentDisplay = EGLDisplay (*)();
using GetCurrentSurface = EGLSurface (*)(EGLint);
using QueryString = const char* (*)(EGLDisplay, EGLint);
using QuerySurface = EGLBoolean (*)(EGLDisplay, EGLSurface, EGLint, EGLint*);

bool hasExtension(const char* list, const char* name) {
    if (list == nullptr) {
        return false;
    }
    std::string padded = std::string(" ") + list + " ";
    return padded.find(std::string(" ") + name + " ") != std::string::npos;
}

} // namespace

BufferAge::BufferAge(SDL_Renderer* renderer) {
    SDL_RendererInfo info{};
    if (renderer == nullptr || SDL_GetRendererInfo(renderer, &info) != 0 || info.name == nullptr) {
        return;
    }
    if (std::strcmp(info.name, "software") == 0) {
        // Drawing goes into the window surface, which keeps its pixels from one present to the
        // next.
        source_ = Source::Surface;
        return;
    }
    // SDL loaded EGL for its GLES renderer (kmsdrm, wayland, x11 with EGL); without EGL (GLX)
    // these lookups fail and every frame is drawn whole.
    auto getDisplay =
        reinterpret_cast<GetCurrentDisplay>(SDL_GL_GetProcAddress("eglGetCurrentDisplay"));
    auto queryString = reinterpret_cast<QueryString>(SDL_GL_GetProcAddress("eglQueryString"));
    getCurrentSurface_ = SDL_GL_GetProcAddress("eglGetCurrentSurface");
    querySurface_ = SDL_GL_GetProcAddress("eglQuerySurface");
    if (getDisplay == nullptr || queryString == nullptr || getCurrentSurface_ == nullptr ||
        querySurface_ == nullptr) {
        SDL_ClearError();
        return;
    }
    display_ = getDisplay();
    if (display_ == EGL_NO_DISPLAY ||
        !hasExtension(queryString(display_, EGL_EXTENSIONS), "EGL_EXT_buffer_age")) {
        return;
    }
    source_ = Source::Egl;
}

int BufferAge::query() const {
    switch (source_) {
    case Source::Surface:
        return 1;
    case Source::Egl: {
        EGLSurface surface = reinterpret_cast<GetCurrentSurface>(getCurrentSurface_)(EGL_DRAW);
        EGLint age = 0;
        if (surface == EGL_NO_SURFACE ||
            reinterpret_cast<QuerySurface>(querySurface_)(display_, surface, EGL_BUFFER_AGE_EXT,
                                                          &age) != EGL_TRUE) {
            return 0;
        }
        return age;
    }
    case Source::Unknown:
        break;
    }
    return 0;
}

const char* BufferAge::source() const {
    switch (source_) {
    case Source::Surface:
        return "surface";
    case Source::Egl:
        return "egl";
    case Source::Unknown:
        break;
    }
    return "unknown";
}

} // namespace kiosk::ui
