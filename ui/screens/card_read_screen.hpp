// Reading the chip ID card: place it, wait, confirm what was read, or learn what went wrong;
// the two dates a BAC-only card needs.
#pragma once

#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

class CardReadScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;

private:
    void drawPlaceCard(const FrameContext& ctx);
    void drawRead(const FrameContext& ctx);
    void drawFailed(const FrameContext& ctx);
};

// A card that offers only BAC: the date of birth and the card's expiry date, on the date pads.
class CardDatesScreen : public ScreenView {
protected:
    void drawContent(const FrameContext& ctx) override;
};

// What the resident reads for why the card could not be read.
Msg cardFailureMessage(std::optional<CardReadFailure> failure);

// This file's screens, for the registry (screen_registry.cpp).
ScreenEntry cardReadScreenEntry();
ScreenEntry cardDatesScreenEntry();

} // namespace kiosk::ui
