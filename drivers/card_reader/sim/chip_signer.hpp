// The chip's side of Active Authentication: signing the terminal's challenge as a real chip does.
#pragma once

#include "drivers/card_reader/icao/crypto.hpp"
#include "drivers/common/result.hpp"

#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace kiosk::sim {

// ICAO 9303-11 §6.1. RSA: ISO/IEC 9796-2 scheme 1, message representative
// 6A || M1 (random, filling the modulus) || SHA-1(M1 || challenge) || BC, raised to the private
// exponent. ECDSA: the plain r||s signature (BSI TR-03111) over the challenge hashed with
// `ecdsaDigest` (an OpenSSL digest name, as DG14's ActiveAuthenticationInfo announces it).
Result<Bytes> signActiveAuthChallenge(EVP_PKEY* key, icao::ByteView challenge,
                                      std::string_view ecdsaDigest);

} // namespace kiosk::sim
