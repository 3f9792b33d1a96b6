// ICAO 9303-11 §6.1 Active Authentication: the chip proves it holds the private key of DG15.
#pragma once

#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/icao/crypto.hpp"

#include <string>
#include <string_view>

namespace kiosk::icao {

namespace aa_error {
inline constexpr const char* kMalformed = "aa.malformed";     // DG15 holds no usable key
inline constexpr const char* kUnsupported = "aa.unsupported"; // a key type we cannot check
} // namespace aa_error

// §6.1: the terminal's challenge RND.IFD is 8 bytes.
inline constexpr std::size_t kActiveAuthChallengeLength = 8;

// DG15 (tag 6F) holds the chip's Active Authentication public key as a SubjectPublicKeyInfo;
// returns that DER once OpenSSL accepts it as a key.
Result<Bytes> activeAuthPublicKey(ByteView dg15);

// The hash an ECDSA chip signs with, from the ActiveAuthenticationInfo in DG14 (9303-11 §9.2,
// OID 2.23.136.1.1.5 with an ecdsa-plain-* signature algorithm from BSI TR-03111), as an
// OpenSSL digest name ("SHA256"); empty when DG14 has no such entry or does not parse.
std::string activeAuthDigestFromDg14(ByteView dg14);

// INTERNAL AUTHENTICATE (ISO 7816-4 §11.5.2): 00 88 00 00 08 RND.IFD 00.
CommandApdu internalAuthenticate(ByteView challenge);

// What the chip's answer proved. `valid` false with a reason is a wrong signature (a cloned chip
// or a broken answer); an Error is a key this code cannot check at all.
struct ActiveAuthCheck {
    bool valid = false;
    std::string algorithm; // e.g. "RSA-1024 ISO/IEC 9796-2 SHA1", "ECDSA P-256 SHA256"
    std::string reason;    // why it is not valid; system text
};

// RSA: ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery; the recovered
// M1 followed by the challenge (M2) must hash to the digest D in the signature, with the hash
// the trailer names (BC: SHA-1; xx CC: xx identifies the hash). ECDSA: the plain r||s format
// (BSI TR-03111) over the challenge, hashed with `ecdsaDigest` (from DG14; empty: the usual
// SHA-2 sizes and SHA-1 are each tried, which is no weaker: every one binds the challenge).
Result<ActiveAuthCheck> verifyActiveAuthSignature(ByteView publicKeyInfo, ByteView challenge,
                                                  ByteView signature, std::string_view ecdsaDigest);

} // namespace kiosk::icao
