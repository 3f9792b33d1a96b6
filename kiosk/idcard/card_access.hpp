// The key the kiosk opens a chip ID card with: the ID number alone, or with the two dates.
#pragma once

#include "drivers/card_reader/icao/id_card_reader.hpp"

#include <string_view>

namespace kiosk {

// PACE with the CAN (the last 6 digits of the 12-digit ID number) when no dates are given;
// with the date of birth and the date of expiry (YYMMDD) the key also holds the MRZ
// information, so a card that offers only BAC opens too (chip-id.md §2).
icao::AccessKey cardAccessKey(std::string_view idNumber, std::string_view dateOfBirth,
                              std::string_view dateOfExpiry);

} // namespace kiosk
