// How many presents old the renderer's back buffer is, so a frame can repaint only what changed.
#pragma once

#include <SDL.h>

namespace kiosk::ui {

// Asks once which way the renderer can tell (EGL_EXT_buffer_age on an EGL surface, or a
// software surface that keeps its pixels), then answers per frame.
class BufferAge {
public:
    explicit BufferAge(SDL_Renderer* renderer);

    // The back buffer holds the frame presented this many presents ago; 0 when unknown (the
    // frame must then be drawn whole).
    int query() const;
    // "egl", "surface" or "unknown", for the log.
    const char* source() const;

private:
    enum class Source { Unknown, Surface, Egl };
    Source source_ = Source::Unknown;
    void* display_ = nullptr;
    void* getCurrentSurface_ = nullptr;
    void* querySurface_ = nullptr;
};

} // namespace kiosk::ui
