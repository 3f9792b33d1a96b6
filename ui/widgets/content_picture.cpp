// Content pictures through the frame's texture cache, with a placeholder that never alarms.
#include "ui/widgets/content_picture.hpp"

#include "ui/widgets/layout_probe.hpp"

#include <algorithm>

namespace kiosk::ui {

ImVec2 fitPicture(int width, int height, ImVec2 box) {
    if (width <= 0 || height <= 0 || box.x <= 0 || box.y <= 0) {
        return ImVec2(0, 0);
    }
    float scale = std::min(box.x / static_cast<float>(width), box.y / static_cast<float>(height));
    return ImVec2(width * scale, height * scale);
}

namespace {

// A grey card with a sun and a hill: "a picture belongs here", without an error a resident
// could think is theirs.
void placeholder(const FrameContext& ctx, ImVec2 min, ImVec2 size) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 max(min.x + size.x, min.y + size.y);
    ImU32 fill = ImGui::GetColorU32(ctx.colours.surface);
    ImU32 ink = ImGui::GetColorU32(ctx.colours.border);
    draw->AddRectFilled(min, max, fill, ctx.metrics.mm(2));
    draw->AddRect(min, max, ink, ctx.metrics.mm(2), 0, ctx.metrics.mm(0.5));
    float unit = std::min(size.x, size.y) * 0.12f;
    ImVec2 centre(min.x + size.x * 0.5f, min.y + size.y * 0.5f);
    draw->AddCircleFilled(ImVec2(centre.x + unit * 1.2f, centre.y - unit * 0.9f), unit * 0.6f, ink);
    draw->AddTriangleFilled(ImVec2(centre.x - unit * 2.2f, centre.y + unit * 1.6f),
                            ImVec2(centre.x - unit * 0.4f, centre.y - unit * 0.6f),
                            ImVec2(centre.x + unit * 1.4f, centre.y + unit * 1.6f), ink);
}

} // namespace

void contentPicture(const FrameContext& ctx, const std::string& path, ImVec2 box) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImageTexture picture = ctx.images != nullptr ? ctx.images->get(path) : ImageTexture{};
    if (picture.texture == nullptr) {
        // The placeholder keeps the shape the shipped pictures have (3:4), so text does not jump.
        ImVec2 size = fitPicture(3, 4, box);
        ImVec2 min(at.x + (box.x - size.x) * 0.5f, at.y);
        placeholder(ctx, min, size);
        notePicture(min, ImVec2(min.x + size.x, min.y + size.y), path);
    } else {
        ImVec2 size = fitPicture(picture.width, picture.height, box);
        ImVec2 min(at.x + (box.x - size.x) * 0.5f, at.y);
        ImVec2 max(min.x + size.x, min.y + size.y);
        ImGui::GetWindowDrawList()->AddImage(picture.texture, min, max);
        notePicture(min, max, path);
    }
    ImGui::Dummy(box);
}

} // namespace kiosk::ui
