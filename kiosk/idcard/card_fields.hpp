// What a chip card read hands to the dossier: the fields to pre-fill and the verdict, or why not.
#pragma once

#include "drivers/card_reader/icao/card_data.hpp"

#include <map>
#include <string>

namespace kiosk {

struct CardFieldsOutcome {
    std::map<std::string, std::string> fields; // "card.full_name" -> value; empty on failure
    std::string failure;                       // reason id for the screen, empty on success
};

// Data that does not match its signed hash is not what the issuer wrote: it never reaches a
// form (failure "data_altered"). Otherwise the personal fields, the data groups that could not
// be read ("card.unread_groups") and "card.verification", the cardAuthenticityName of the read:
// "genuine" only when the chip passed Active Authentication.
CardFieldsOutcome cardFieldsFromRead(const icao::CardData& card);

} // namespace kiosk
