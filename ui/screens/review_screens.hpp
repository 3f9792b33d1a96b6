// After the form: the documents checklist, the review of every answer, and consent.
#pragma once

#include "ui/screens/screen_entry.hpp"

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

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry documentsScreenEntry();
ScreenEntry reviewScreenEntry();
ScreenEntry consentScreenEntry();

} // namespace kiosk::ui
