// Frame-to-frame damage: compare draw lists, keep the recent changes, narrow clip rects.
#include "ui/platform/frame_damage.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk::ui {

namespace {

std::uint64_t textureGenerationCounter = 0;

bool sameVertex(const ImDrawVert& a, const ImDrawVert& b) {
    return std::memcmp(&a, &b, sizeof(ImDrawVert)) == 0;
}

bool sameCommand(const DrawCommandCopy& a, const DrawCommandCopy& b) {
    return a.clip.x == b.clip.x && a.clip.y == b.clip.y && a.clip.z == b.clip.z &&
           a.clip.w == b.clip.w && a.texture == b.texture && a.vertexOffset == b.vertexOffset &&
           a.indexOffset == b.indexOffset && a.elementCount == b.elementCount &&
           a.hasCallback == b.hasCallback;
}

// Each triangle that uses a changed vertex changes where it lies now and where it lay before.
bool addChangedTriangles(const DrawListCopy& before, const DrawListCopy& after, DamageRect& area) {
    std::vector<bool> changed(after.vertices.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < after.vertices.size(); ++i) {
        if (!sameVertex(before.vertices[i], after.vertices[i])) {
            changed[i] = true;
            any = true;
        }
    }
    if (!any) {
        return true;
    }
    for (const DrawCommandCopy& command : after.commands) {
        if (command.hasCallback) {
            return false; // a callback draws what the lists do not show
        }
        std::size_t end = std::min<std::size_t>(
            after.indices.size(), std::size_t{command.indexOffset} + command.elementCount);
        for (std::size_t i = command.indexOffset; i + 3 <= end; i += 3) {
            std::size_t corners[3] = {command.vertexOffset + after.indices[i],
                                      command.vertexOffset + after.indices[i + 1],
                                      command.vertexOffset + after.indices[i + 2]};
            bool touched = false;
            for (std::size_t corner : corners) {
                if (corner >= changed.size()) {
                    return false;
                }
                touched = touched || changed[corner];
            }
            if (!touched) {
                continue;
            }
            for (std::size_t corner : corners) {
                area.include(before.vertices[corner].pos);
                area.include(after.vertices[corner].pos);
            }
        }
    }
    return true;
}

} // namespace

void DamageRect::include(const DamageRect& other) {
    if (other.empty()) {
        return;
    }
    if (empty()) {
        *this = other;
        return;
    }
    x0 = std::min(x0, other.x0);
    y0 = std::min(y0, other.y0);
    x1 = std::max(x1, other.x1);
    y1 = std::max(y1, other.y1);
}

void DamageRect::include(const ImVec2& point) {
    // Pixels a triangle touches reach one past its corners (anti-aliased fringes, rounding).
    DamageRect pixel{std::floor(point.x) - 1, std::floor(point.y) - 1, std::ceil(point.x) + 1,
                     std::ceil(point.y) + 1};
    include(pixel);
}

DrawCopy copyOf(const ImDrawData& data, std::uint64_t textureGeneration) {
    DrawCopy copy;
    copy.textureGeneration = textureGeneration;
    copy.lists.reserve(static_cast<std::size_t>(data.CmdListsCount));
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        DrawListCopy& out = copy.lists.emplace_back();
        out.vertices.assign(list.VtxBuffer.Data, list.VtxBuffer.Data + list.VtxBuffer.Size);
        out.indices.assign(list.IdxBuffer.Data, list.IdxBuffer.Data + list.IdxBuffer.Size);
        out.commands.reserve(static_cast<std::size_t>(list.CmdBuffer.Size));
        for (const ImDrawCmd& command : list.CmdBuffer) {
            out.commands.push_back({command.ClipRect, command.GetTexID(), command.VtxOffset,
                                    command.IdxOffset, command.ElemCount,
                                    command.UserCallback != nullptr});
        }
    }
    return copy;
}

std::optional<DamageRect> changedArea(const DrawCopy& before, const DrawCopy& after) {
    if (before.textureGeneration != after.textureGeneration ||
        before.lists.size() != after.lists.size()) {
        return std::nullopt;
    }
    DamageRect area;
    for (std::size_t n = 0; n < after.lists.size(); ++n) {
        const DrawListCopy& a = before.lists[n];
        const DrawListCopy& b = after.lists[n];
        if (a.vertices.size() != b.vertices.size() || a.indices.size() != b.indices.size() ||
            a.commands.size() != b.commands.size() || a.indices != b.indices) {
            return std::nullopt;
        }
        for (std::size_t c = 0; c < b.commands.size(); ++c) {
            if (!sameCommand(a.commands[c], b.commands[c])) {
                return std::nullopt;
            }
        }
        if (!addChangedTriangles(a, b, area)) {
            return std::nullopt;
        }
    }
    return area;
}

void noteTextureContentsChanged() {
    ++textureGenerationCounter;
}

std::uint64_t textureContentsGeneration() {
    return textureGenerationCounter;
}

Repaint FrameDamage::plan(const DrawCopy& next, int bufferAge) const {
    Repaint repaint; // whole
    if (!last_) {
        return repaint;
    }
    repaint.change = changedArea(*last_, next);
    if (!repaint.change) {
        return repaint;
    }
    if (repaint.change->empty()) {
        repaint.kind = Repaint::Kind::Nothing; // the screen already shows this frame
        return repaint;
    }
    // The back buffer is `bufferAge` presents old: it lacks the last bufferAge - 1 changes too.
    if (bufferAge < 1 || static_cast<std::size_t>(bufferAge - 1) > history_.size()) {
        return repaint;
    }
    DamageRect area = *repaint.change;
    for (int i = 0; i < bufferAge - 1; ++i) {
        const std::optional<DamageRect>& earlier = history_[static_cast<std::size_t>(i)];
        if (!earlier) {
            return repaint;
        }
        area.include(*earlier);
    }
    repaint.kind = Repaint::Kind::Part;
    repaint.area = area;
    return repaint;
}

void FrameDamage::presented(DrawCopy frame, const Repaint& repaint) {
    if (repaint.kind == Repaint::Kind::Nothing) {
        return; // nothing reached the screen
    }
    last_ = std::move(frame);
    history_.push_front(repaint.change);
    while (history_.size() > kHistory) {
        history_.pop_back();
    }
}

void FrameDamage::invalidate() {
    last_.reset();
    history_.clear();
}

void clipDrawData(ImDrawData& data, const DamageRect& area) {
    for (int n = 0; n < data.CmdListsCount; ++n) {
        ImDrawList& list = *data.CmdLists[n];
        for (ImDrawCmd& command : list.CmdBuffer) {
            ImVec4& clip = command.ClipRect;
            clip.x = std::max(clip.x, area.x0);
            clip.y = std::max(clip.y, area.y0);
            clip.z = std::min(clip.z, area.x1);
            clip.w = std::min(clip.w, area.y1);
            if (command.UserCallback != nullptr || clip.z <= clip.x || clip.w <= clip.y) {
                continue; // the backend skips it whole
            }
            // Triangles wholly outside the area are dropped, not just clipped: the renderer
            // would still transform and bin every one of them, which for a screen of text is
            // most of a small repaint's cost.
            ImDrawIdx* indices = list.IdxBuffer.Data + command.IdxOffset;
            const ImDrawVert* vertices = list.VtxBuffer.Data + command.VtxOffset;
            unsigned kept = 0;
            for (unsigned i = 0; i + 3 <= command.ElemCount; i += 3) {
                const ImVec2& a = vertices[indices[i]].pos;
                const ImVec2& b = vertices[indices[i + 1]].pos;
                const ImVec2& c = vertices[indices[i + 2]].pos;
                if (std::max({a.x, b.x, c.x}) < clip.x || std::min({a.x, b.x, c.x}) > clip.z ||
                    std::max({a.y, b.y, c.y}) < clip.y || std::min({a.y, b.y, c.y}) > clip.w) {
                    continue;
                }
                indices[kept] = indices[i];
                indices[kept + 1] = indices[i + 1];
                indices[kept + 2] = indices[i + 2];
                kept += 3;
            }
            command.ElemCount = kept;
            if (kept == 0) {
                clip.z = clip.x; // nothing left: the backend skips it
            }
        }
    }
}

} // namespace kiosk::ui
