// Checks of what a kiosk sends the gateway beyond the JSON shape: the timestamp header, the
// local reference and the payload's processing time.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace kiosk {

// Local references are short ("VT-20261125-0007"); anything longer is not a kiosk's.
constexpr std::size_t kMaxLocalReferenceBytes = 40;
// The procedure format allows 0 to 60 working days (docs/procedure-format.md).
constexpr int kMaxProcessingWorkingDays = 60;

// X-Kiosk-Timestamp: Unix seconds as 1 to 12 decimal digits and nothing else, so "<now>junk",
// "+<now>", " <now>" and "1e9" are refused instead of read up to the first stray character.
std::optional<std::int64_t> parseKioskTimestamp(std::string_view text);

// A local reference is stored and shown to officers: letters, digits and hyphens only,
// starting with a letter, at most kMaxLocalReferenceBytes. No path separators, dots, spaces,
// quotes or control characters.
bool isValidLocalReference(std::string_view reference);

// SoNgayXuLy of a decrypted payload: a whole number from 0 to kMaxProcessingWorkingDays.
// Error code invalid_payload.
Result<int> processingWorkingDays(const nlohmann::json& payload);

} // namespace kiosk
