// ICAO 9303-11 §4.3 Basic Access Control: document keys, mutual authentication, session keys.
#pragma once

#include "drivers/card_reader/card_reader.hpp"
#include "drivers/card_reader/icao/secure_messaging.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace kiosk::icao {

namespace bac_error {
inline constexpr const char* kRefused = "bac.refused"; // card rejected our cryptogram: wrong key
inline constexpr const char* kCardCryptogram = "bac.card_cryptogram"; // card's answer is wrong
} // namespace bac_error

// Source of RND.IFD and K.IFD; tests inject the worked example's values.
using RandomSource = std::function<Bytes(std::size_t)>;

struct BacKeys {
    Bytes kEnc;
    Bytes kMac;
    ~BacKeys();
};

// §9.7.2: K_seed = first 16 bytes of SHA-1(MRZ_information), where MRZ_information is
// document number + check digit + date of birth + check digit + date of expiry + check digit.
Bytes bacKeySeed(std::string_view mrzInformation);
BacKeys deriveBacKeys(std::string_view mrzInformation);

// §4.3.4.1 step 3: E.IFD || M.IFD for EXTERNAL AUTHENTICATE from S = RND.IFD || RND.IC || K.IFD.
Bytes bacAuthenticationData(const BacKeys& keys, ByteView rndIc, ByteView rndIfd, ByteView kIfd);
// §4.3.4.1 steps 5-6 and §9.7.4: checks E.IC || M.IC from the card and derives the session keys
// and the SSC.
Result<SessionKeys> bacSessionKeys(const BacKeys& keys, ByteView rndIc, ByteView rndIfd,
                                   ByteView kIfd, ByteView cardAnswer);

// Runs GET CHALLENGE and EXTERNAL AUTHENTICATE with the card in `reader` (the eMRTD
// application must already be selected).
Result<SessionKeys> performBac(CardReader& reader, std::string_view mrzInformation,
                               const RandomSource& random);

} // namespace kiosk::icao
