// Elliptic-curve arithmetic PACE needs (9303-11 §4.4.3.3), on OpenSSL EC_GROUP/EC_POINT.
#pragma once

#include "drivers/card_reader/icao/crypto.hpp"
#include "drivers/common/result.hpp"

#include <memory>

typedef struct ec_group_st EC_GROUP;
typedef struct bignum_ctx BN_CTX;

namespace kiosk::icao {

// One standardized domain parameter set (9303-11 §9.5.1 Table 12). Points travel as uncompressed
// octet strings (04 || x || y); scalars as big-endian bytes.
class PaceCurve {
public:
    // nullptr for a parameter ID that is not an elliptic curve OpenSSL knows.
    static std::unique_ptr<PaceCurve> forParameterId(int parameterId);
    ~PaceCurve();
    PaceCurve(const PaceCurve&) = delete;
    PaceCurve& operator=(const PaceCurve&) = delete;

    std::size_t fieldSize() const { return fieldSize_; }
    // A uniformly random private scalar in [1, order - 1].
    Bytes randomScalar() const;
    // scalar * generator, where an empty generator means the curve's own G.
    Result<Bytes> multiplyGenerator(ByteView scalar, ByteView generator = {}) const;
    // scalar * point; the point must lie on the curve (OpenSSL checks when decoding).
    Result<Bytes> multiply(ByteView scalar, ByteView point) const;
    // Generic mapping: G~ = s * G + H (§4.4.3.3.1).
    Result<Bytes> mapGeneric(ByteView nonce, ByteView sharedPoint) const;
    // The x-coordinate of a point, fieldSize bytes (the ECDH shared secret, §4.4.3.4).
    Bytes xCoordinate(ByteView point) const;

private:
    PaceCurve(EC_GROUP* group, std::size_t fieldSize);
    EC_GROUP* group_;
    BN_CTX* ctx_;
    std::size_t fieldSize_;
};

} // namespace kiosk::icao
