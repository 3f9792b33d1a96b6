// ICAO 9303-11 §4.4 PACE with ECDH generic mapping and AES (EF.CardAccess, protocol run).
#pragma once

#include "drivers/card_reader/card_reader.hpp"
#include "drivers/card_reader/icao/bac.hpp"
#include "drivers/card_reader/icao/secure_messaging.hpp"

#include <optional>
#include <span>
#include <vector>

namespace kiosk::icao {

namespace pace_error {
inline constexpr const char* kRefused = "pace.refused";     // wrong password (CAN or MRZ)
inline constexpr const char* kFailed = "pace.failed";       // card refused a step: try BAC
inline constexpr const char* kMalformed = "pace.malformed"; // answers do not make sense
} // namespace pace_error

// 9303-11 §9.2.1 PACEInfo: protocol OID (value bytes), version, parameter ID.
struct PaceInfo {
    Bytes protocol;
    int version = 0;
    int parameterId = -1;
    KeyAlgorithm keyAlgorithm = KeyAlgorithm::Aes128;
};

// id-PACE-ECDH-GM-AES-CBC-CMAC-128 / -192 / -256 (0.4.0.127.0.7.2.2.4.2.{2,3,4}).
Bytes paceProtocolOid(KeyAlgorithm algorithm);

// The PACEInfos of EF.CardAccess this code can run (ECDH generic mapping with AES on a curve
// OpenSSL knows), in the card's order. Other SecurityInfos are skipped.
Result<std::vector<PaceInfo>> parseCardAccess(std::span<const std::uint8_t> cardAccess);

// 9303-11 §4.4.4.1 password references.
enum class PacePassword : std::uint8_t { Mrz = 1, Can = 2 };
// K = SHA-1(MRZ information) for the MRZ, the ASCII digits for the CAN (§9.7.3).
Bytes pacePasswordKey(PacePassword kind, std::string_view secret);

// Authentication token: CMAC(KSmac, 7F49 { 06 OID, 86 public point }) truncated to 8 bytes.
Bytes paceAuthenticationToken(ByteView ksMac, ByteView protocol, ByteView publicPoint);

// Runs MSE:Set AT and the four GENERAL AUTHENTICATE steps. `scalars` provides the terminal's
// two private scalars (mapping, then agreement); tests inject the worked example's.
// `sendParameterId`: add DO'84' (the domain parameter id), which §4.4.4.1 requires only when
// the card's domain parameters are ambiguous; the Appendix G.1 example sends none.
Result<SessionKeys> performPace(CardReader& reader, const PaceInfo& info, PacePassword kind,
                                ByteView passwordKey, const RandomSource& scalars = {},
                                bool sendParameterId = false);

// True when EF.CardAccess offers more than one set of domain parameters, so MSE:Set AT must
// name the one chosen (DO'84').
bool paceParametersAmbiguous(const std::vector<PaceInfo>& infos);

} // namespace kiosk::icao
