// The settings a resident or volunteer picks for typing Vietnamese: method and tone style.
#pragma once

#include <cstdint>

namespace kiosk::input {

// Telex types marks with letters (aa -> â, s -> sắc), VNI with digits (a6 -> â, a1 -> á);
// Plain inserts keys as they are (emails, codes).
enum class InputMethod : std::uint8_t { Telex, Vni, Plain };

// Where the tone goes on open oa/oe/uy: Old = hòa, thủy (the default of the established
// engines and what most residents learnt at school); New = hoà, thuỷ (the 1980s reform).
enum class ToneStyle : std::uint8_t { Old, New };

} // namespace kiosk::input
