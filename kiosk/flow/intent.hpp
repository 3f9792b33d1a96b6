// What a resident asked for on a screen; the UI returns intents, the flow applies them.
#pragma once

#include "kiosk/flow/screen.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/i18n/language.hpp"

#include <variant>

namespace kiosk::intent {

struct Open {
    Screen screen;
};
struct Back {};
struct StartOver {}; // wipe the session and return home
struct SetLanguage {
    Language language;
};
struct SetTextSize {
    TextSize size;
};
struct SetContrast {
    Contrast contrast;
};
struct StillHere {}; // answer to the inactivity countdown

} // namespace kiosk::intent

namespace kiosk {

using Intent = std::variant<intent::Open, intent::Back, intent::StartOver, intent::SetLanguage,
                            intent::SetTextSize, intent::SetContrast, intent::StillHere>;

} // namespace kiosk
