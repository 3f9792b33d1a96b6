// The kiosk's card access key: the CAN first, the MRZ information once the resident gave it.
#include "kiosk/idcard/card_access.hpp"

namespace kiosk {

icao::AccessKey cardAccessKey(std::string_view idNumber, std::string_view dateOfBirth,
                              std::string_view dateOfExpiry) {
    if (!dateOfBirth.empty() && !dateOfExpiry.empty() && idNumber.size() == 12) {
        return icao::AccessKey::forCccd(idNumber, dateOfBirth, dateOfExpiry);
    }
    // The CAN is the last 6 digits of the ID number (PACE, ICAO 9303-11 §4.4).
    return icao::AccessKey::fromCan(idNumber.size() >= 6 ? idNumber.substr(idNumber.size() - 6)
                                                         : idNumber);
}

} // namespace kiosk
