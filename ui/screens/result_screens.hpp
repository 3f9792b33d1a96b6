// Sending and after: the wait, the result with code, receipt and rating, and dossier lookup.
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class SubmittingScreen : public ScreenView {
protected:
    Navigation navigation() const override { return Navigation::None; }
    void drawContent(const FrameContext& ctx) override;
};

class ResultScreen : public ScreenView {
protected:
    // "Done" is the only way on: Back cannot un-submit, and Start over would say the same.
    Navigation navigation() const override { return Navigation::None; }
    void drawContent(const FrameContext& ctx) override;
};

class LookupScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class LookupResultScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// The satisfaction faces on the configured scale ([usage] rating_scale: 3 or 5), best first.
void drawRating(const FrameContext& ctx, std::optional<int> rating);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry submittingScreenEntry();
ScreenEntry resultScreenEntry();
ScreenEntry lookupScreenEntry();
ScreenEntry lookupResultScreenEntry();

} // namespace kiosk::ui
