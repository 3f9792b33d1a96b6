// The ESC/POS control bytes both the encoder and the decoder speak (Epson ESC/POS command
// reference).
#pragma once

#include <cstdint>

namespace kiosk::escpos {

inline constexpr std::uint8_t LF = 0x0A;
inline constexpr std::uint8_t ESC = 0x1B;
inline constexpr std::uint8_t GS = 0x1D;
inline constexpr std::uint8_t DLE = 0x10;
inline constexpr std::uint8_t EOT = 0x04;

} // namespace kiosk::escpos
