// The form: one group of fields per screen, and the editor for one field.
#pragma once

#include "ui/screens/screen_entry.hpp"
#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/row_pages.hpp"

namespace kiosk::ui {

class FormGroupScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;

private:
    // What the list was last scrolled for: the screen opens at the field to look at (the first
    // with a problem, else the next to fill in) once, then the resident's own scrolling holds.
    std::string scrolledFor_;
};

class FieldEditorScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;

private:
    void drawTextEditor(const FrameContext& ctx, std::string_view label);
    void drawPicker(const FrameContext& ctx, const Field& field);
    void drawDatePads(const FrameContext& ctx, std::string_view label);

    // Year on the number pad, then month and day pads; for form fields and the card's dates.
    void drawDate(const FrameContext& ctx, std::string_view label);

    HeldBackspace backspace_;
    RowPages pickerPages_; // a list's items on a short screen, a page at a time
};

// What a stored answer looks like to the resident: list labels instead of item ids.
std::string displayValue(const FrameContext& ctx, const Field& field, const std::string& value);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry formGroupScreenEntry();
ScreenEntry fieldEditorScreenEntry();

} // namespace kiosk::ui
