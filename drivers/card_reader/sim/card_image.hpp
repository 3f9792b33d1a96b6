// CardImage: the files and keys of a personalised simulated chip ID card.
#pragma once

#include "drivers/card_reader/sim/card_profile.hpp"
#include "drivers/card_reader/sim/test_pki.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace kiosk::sim {

// What the simulated chip offers for PACE (EF.CardAccess holds one PACEInfo for it).
struct PaceSetup {
    Bytes protocol; // id-PACE-ECDH-GM-AES-CBC-CMAC-128 value bytes
    int parameterId = 12;
    std::string can; // last 6 digits of the ID number
};

struct CardImage {
    std::map<std::uint16_t, Bytes> files; // by file identifier (011E, 0101, ..., 011D)
    std::string mrzInformation;           // what BAC keys are derived from
    bool extendedLength = true;
    std::optional<PaceSetup> pace;
    // Active Authentication: the private key whose public half DG15 holds (null: no DG15), and
    // the hash of ECDSA signatures that DG14's ActiveAuthenticationInfo announces.
    std::shared_ptr<EVP_PKEY> activeAuthKey;
    std::string activeAuthDigest;
};

// Builds EF.COM, DG1 (TD1 MRZ), DG2 (placeholder), DG3 (EAC-protected), DG13, DG14, DG15 (unless
// the profile has no Active Authentication key) and an
// EF.SOD hashing every DG with SHA-256, signed by the PKI's document signer.
Result<CardImage> personalise(const CardProfile& profile, const TestPki& pki);

// The DG13 bytes alone (also used by tests and the fuzz corpus).
Bytes buildDg13(const CardProfile& profile);

} // namespace kiosk::sim
