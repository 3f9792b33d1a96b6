// Two-way choices: how to submit (kiosk or own phone), and how to give identity (card or typing).
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class SubmitChannelScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

class IdentityScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// Two big cards filling the content area under a heading.
struct TwoWayChoice {
    Icon icon;
    Msg title;
    Msg hint;
};
// Returns 0 or 1 for the card pressed, -1 for none.
int drawTwoWayChoice(const FrameContext& ctx, Msg heading, const TwoWayChoice& first,
                     const TwoWayChoice& second);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry submitChannelScreenEntry();
ScreenEntry identityScreenEntry();

} // namespace kiosk::ui
