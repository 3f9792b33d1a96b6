// Logging a chip ID card read: outcome, protocol and cost only, never the card's contents.
#pragma once

#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "kiosk/log/logger.hpp"

namespace kiosk {

void logCardRead(Logger& logger, const Result<icao::CardData>& result,
                 const icao::ReadStats& stats);

} // namespace kiosk
