// Hex text <-> bytes, shared by key files, idempotency keys, PIN hashes and test vectors.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class LetterCase { Upper, Lower };

std::string toHex(std::span<const std::uint8_t> bytes, LetterCase letters = LetterCase::Upper);
// Strict: an even number of hex digits in either case, nothing else.
Result<std::vector<std::uint8_t>> parseHex(std::string_view text);

} // namespace kiosk
