// Which part of the screen a frame changes, so a redraw repaints only that part (or nothing).
#pragma once

#include <cstdint>
#include <deque>
#include <imgui.h>
#include <optional>
#include <vector>

namespace kiosk::ui {

// A rectangle in ImGui's coordinates; empty when x1 <= x0 or y1 <= y0.
struct DamageRect {
    float x0 = 0;
    float y0 = 0;
    float x1 = 0;
    float y1 = 0;

    bool empty() const { return x1 <= x0 || y1 <= y0; }
    void include(const DamageRect& other);
    void include(const ImVec2& point);
};

struct DrawCommandCopy {
    ImVec4 clip;
    ImTextureID texture = nullptr;
    unsigned vertexOffset = 0;
    unsigned indexOffset = 0;
    unsigned elementCount = 0;
    bool hasCallback = false;
};

struct DrawListCopy {
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
    std::vector<DrawCommandCopy> commands;
};

// Everything a frame's draw data would put on the screen, kept to compare with the next frame.
struct DrawCopy {
    std::vector<DrawListCopy> lists;
    // Texture contents are not in the draw data: a texture refilled or made anew (a video frame,
    // a new QR code that may reuse a freed texture's address) must repaint everything.
    std::uint64_t textureGeneration = 0;
};

DrawCopy copyOf(const ImDrawData& data, std::uint64_t textureGeneration);

// The area two frames differ in: an empty rect when they look the same, nothing (repaint all)
// when their draw lists differ in shape (counts, textures, clip rects), which a screen change or
// a line of text of another length makes.
std::optional<DamageRect> changedArea(const DrawCopy& before, const DrawCopy& after);

// Called by whoever refills or replaces a texture the UI draws (main thread only).
void noteTextureContentsChanged();
std::uint64_t textureContentsGeneration();

struct Repaint {
    enum class Kind { Nothing, Part, Whole };
    Kind kind = Kind::Whole;
    DamageRect area; // Part: what to repaint in the back buffer
    // How the new frame differs from the one on screen, when that is known (also for a frame
    // drawn whole only because its buffer was too old or new).
    std::optional<DamageRect> change;
};

// Remembers what was presented so the next frame repaints only what it changes. The picture
// drawn into holds the frame presented `bufferAge` frames ago (the kiosk's canvas keeps the last
// one: 1; a double-buffered window would be 2; 0 when unknown), so the area is this frame's change
// plus the changes that picture has not seen.
class FrameDamage {
public:
    static constexpr int kHistory = 4;

    Repaint plan(const DrawCopy& next, int bufferAge) const;
    void presented(DrawCopy frame, const Repaint& repaint);
    // Something other than a planned frame reached the screen (a black frame, a new window).
    void invalidate();

private:
    std::optional<DrawCopy> last_;
    // The change each presented frame made over its predecessor, newest first; nothing when
    // that is unknown (another screen, a refilled texture).
    std::deque<std::optional<DamageRect>> history_;
};

// Narrows every command's clip rect to `area` and drops the triangles wholly outside it; a
// command wholly outside then draws nothing. Changes `data` in place (ImGui refills it each
// frame).
void clipDrawData(ImDrawData& data, const DamageRect& area);

} // namespace kiosk::ui
