// After the form: the documents checklist, the review of every answer, and consent.
#pragma once

#include "ui/screens/screen_view.hpp"

namespace kiosk::ui {

class DocumentsScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class ReviewScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class ConsentScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

} // namespace kiosk::ui
