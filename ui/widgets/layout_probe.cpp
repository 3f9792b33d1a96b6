// The probe keeps scroll-area atoms always (scroll areas need them every frame) and the full
// record only while a layout test has set one.
#include "ui/widgets/layout_probe.hpp"

#include <algorithm>
#include <imgui_internal.h>

namespace kiosk::ui {
namespace {

struct OpenScrollArea {
    std::vector<ScrollAtom> atoms;
    std::size_t firstRect = 0;
};

LayoutRecord* gActiveRecord = nullptr;
std::vector<OpenScrollArea> gOpenAreas;

LayoutRecord* currentRecord() {
    if (gActiveRecord == nullptr || ImGui::GetCurrentContext() == nullptr) {
        return nullptr;
    }
    int frame = ImGui::GetFrameCount();
    if (gActiveRecord->frame != frame) {
        gActiveRecord->frame = frame;
        gActiveRecord->viewport = ImGui::GetMainViewport()->Size;
        gActiveRecord->rects.clear();
        gActiveRecord->areas.clear();
    }
    return gActiveRecord;
}

void record(ProbeKind kind, ImVec2 min, ImVec2 max, std::string_view what,
            const ImVec4* drawClip = nullptr) {
    LayoutRecord* out = currentRecord();
    if (out == nullptr) {
        return;
    }
    const ImRect& window = ImGui::GetCurrentWindow()->ClipRect;
    ImVec4 clip(window.Min.x, window.Min.y, window.Max.x, window.Max.y);
    if (drawClip != nullptr) {
        clip = ImVec4(std::max(clip.x, drawClip->x), std::max(clip.y, drawClip->y),
                      std::min(clip.z, drawClip->z), std::min(clip.w, drawClip->w));
    }
    out->rects.push_back({kind, min, max, clip, -1, std::string(what)});
}

} // namespace

void setActiveLayoutRecord(LayoutRecord* record) {
    gActiveRecord = record;
}

void noteScrollAtom(ImVec2 min, ImVec2 max) {
    if (!gOpenAreas.empty()) {
        gOpenAreas.back().atoms.push_back({min.y, max.y});
    }
}

void noteTextLines(ImVec2 min, ImVec2 max, float lineHeight, std::string_view text) {
    if (lineHeight <= 0) {
        return;
    }
    int lines = std::max(1, static_cast<int>((max.y - min.y) / lineHeight + 0.5f));
    for (int i = 0; i < lines; ++i) {
        ImVec2 lineMin(min.x, min.y + lineHeight * i);
        ImVec2 lineMax(max.x, lineMin.y + lineHeight);
        noteScrollAtom(lineMin, lineMax);
        record(ProbeKind::TextLine, lineMin, lineMax, text);
    }
}

void noteTextLine(ImVec2 min, ImVec2 max, std::string_view text, const ImVec4* clip) {
    noteScrollAtom(min, max);
    record(ProbeKind::TextLine, min, max, text, clip);
}

void noteFocusedField(ImVec2 min, ImVec2 max, std::string_view what) {
    record(ProbeKind::FocusedField, min, max, what);
}

void noteMainAction(ImVec2 min, ImVec2 max, std::string_view what) {
    record(ProbeKind::MainAction, min, max, what);
}

void noteCharacterKey(ImVec2 min, ImVec2 max, std::string_view label) {
    record(ProbeKind::CharacterKey, min, max, label);
}

void notePicture(ImVec2 min, ImVec2 max, std::string_view what) {
    record(ProbeKind::Picture, min, max, what);
}

void noteButton(ImVec2 min, ImVec2 max, std::string_view id) {
    record(ProbeKind::Button, min, max, id);
}

void beginProbeScrollArea() {
    LayoutRecord* out = currentRecord();
    gOpenAreas.push_back({{}, out ? out->rects.size() : 0});
}

const std::vector<ScrollAtom>& probeScrollAtoms() {
    static const std::vector<ScrollAtom> kNone;
    return gOpenAreas.empty() ? kNone : gOpenAreas.back().atoms;
}

void endProbeScrollArea(ImVec4 visible, bool moreAbove, bool moreBelow, bool pagerShown) {
    if (gOpenAreas.empty()) {
        return;
    }
    OpenScrollArea area = std::move(gOpenAreas.back());
    gOpenAreas.pop_back();
    if (LayoutRecord* out = currentRecord()) {
        int index = static_cast<int>(out->areas.size());
        out->areas.push_back({visible, moreAbove, moreBelow, pagerShown});
        for (std::size_t i = area.firstRect; i < out->rects.size(); ++i) {
            if (out->rects[i].scrollArea < 0) {
                out->rects[i].scrollArea = index;
            }
        }
    }
}

} // namespace kiosk::ui
