// Where things were drawn in the last frame: text lines, the edited field and the main action,
// so scroll areas can keep lines whole and the layout test can check what a resident sees.
#pragma once

#include <imgui.h>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// CharacterKey: a key of the on-screen keyboard that types a character (the key size test).
// Picture: a content picture as drawn (the hand-off test measures its height in mm).
// Button: any touch target of the touch_button widgets: like a line, never cut by an edge.
enum class ProbeKind { TextLine, FocusedField, MainAction, CharacterKey, Picture, Button };

struct ProbeRect {
    ProbeKind kind;
    ImVec2 min;
    ImVec2 max;
    ImVec4 clip;         // the visible part of the window it was drawn in (x1, y1, x2, y2)
    int scrollArea = -1; // index into LayoutRecord::areas, or -1 outside any scroll area
    std::string what;    // the text, or a name for fields and actions
};

struct ScrollAreaRecord {
    ImVec4 visible; // the band of the area where lines are shown whole
    bool moreAbove = false;
    bool moreBelow = false;
    bool pagerShown = false; // the "Xem tiếp" / back buttons are on screen
};

// Filled while set as the active record (the layout test); nothing is kept otherwise.
struct LayoutRecord {
    int frame = -1; // ImGui frame the rectangles belong to: a new frame starts a new record
    ImVec2 viewport;
    std::vector<ProbeRect> rects;
    std::vector<ScrollAreaRecord> areas;
};

void setActiveLayoutRecord(LayoutRecord* record);

// A block of text that was just drawn as one ImGui item, `lineHeight` per line.
void noteTextLines(ImVec2 min, ImVec2 max, float lineHeight, std::string_view text);
// One line drawn straight onto a draw list; `clip` is the clip rectangle it was drawn with, if
// any (a field's box, a status bar section): a line cut by it counts as cut.
void noteTextLine(ImVec2 min, ImVec2 max, std::string_view text, const ImVec4* clip = nullptr);
// The field the resident is editing (label, value and problem together) and the main action.
void noteFocusedField(ImVec2 min, ImVec2 max, std::string_view what);
void noteMainAction(ImVec2 min, ImVec2 max, std::string_view what);
void noteCharacterKey(ImVec2 min, ImVec2 max, std::string_view label);
void notePicture(ImVec2 min, ImVec2 max, std::string_view what);
void noteButton(ImVec2 min, ImVec2 max, std::string_view id);

// Scroll areas (scroll_area.cpp): atoms are lines or buttons that must not be cut at an edge.
struct ScrollAtom {
    float top;
    float bottom;
};
void beginProbeScrollArea();
// The atoms of the innermost open area so far.
const std::vector<ScrollAtom>& probeScrollAtoms();
// Ends the innermost area and records its band (and its cues) for the test.
void endProbeScrollArea(ImVec4 visible, bool moreAbove, bool moreBelow, bool pagerShown);
// A touch target inside a scroll area: kept whole like a line.
void noteScrollAtom(ImVec2 min, ImVec2 max);

} // namespace kiosk::ui
