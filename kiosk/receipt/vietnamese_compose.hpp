// Composes decomposed (NFD) Vietnamese letters into the precomposed forms the fonts draw best.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// IME input is already NFC, but imported content (and some phones' text) is NFD: "ộ" as
// o + U+0323 + U+0302. Without a shaping engine stacked marks would collide, so the letters are
// composed here; marks in either order are accepted. Anything else passes through unchanged.
std::u32string composeVietnamese(std::u32string_view text);

} // namespace kiosk
