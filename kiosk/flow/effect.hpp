// Work the flow asks the app to do with devices and services; results come back as calls.
#pragma once

#include <string>
#include <variant>

namespace kiosk::effect {

struct SubmitDossier {}; // commit state().dossier to the outbox, then send
struct PrintReceipt {};  // print the receipt of the submitted dossier
struct ReadCard {        // read the chip ID card; the number opens it (PACE CAN / BAC)
    std::string idNumber;
};
struct LookupDossier {   // ask the gateway for a dossier's status
    std::string code;
};

} // namespace kiosk::effect

namespace kiosk {

using Effect = std::variant<effect::SubmitDossier, effect::PrintReceipt, effect::ReadCard, effect::LookupDossier>;

} // namespace kiosk
