// PACE elliptic-curve arithmetic on OpenSSL.
#include "drivers/card_reader/icao/pace_curve.hpp"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

namespace kiosk::icao {
namespace {

int curveNid(int parameterId) {
    // 9303-11 §9.5.1 Table 12, the elliptic-curve rows.
    switch (parameterId) {
    case 8:
        return NID_X9_62_prime192v1;
    case 9:
        return NID_brainpoolP192r1;
    case 10:
        return NID_secp224r1;
    case 11:
        return NID_brainpoolP224r1;
    case 12:
        return NID_X9_62_prime256v1;
    case 13:
        return NID_brainpoolP256r1;
    case 14:
        return NID_brainpoolP320r1;
    case 15:
        return NID_secp384r1;
    case 16:
        return NID_brainpoolP384r1;
    case 17:
        return NID_brainpoolP512r1;
    case 18:
        return NID_secp521r1;
    default:
        return NID_undef;
    }
}

struct BnFree {
    void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
struct PointFree {
    void operator()(EC_POINT* point) const { EC_POINT_clear_free(point); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;
using PointPtr = std::unique_ptr<EC_POINT, PointFree>;

BnPtr toBn(ByteView bytes) {
    return BnPtr(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

PointPtr decode(const EC_GROUP* group, ByteView octets, BN_CTX* ctx) {
    PointPtr point(EC_POINT_new(group));
    if (!point || octets.empty() ||
        EC_POINT_oct2point(group, point.get(), octets.data(), octets.size(), ctx) != 1) {
        return nullptr;
    }
    return point;
}

Result<Bytes> encode(const EC_GROUP* group, const EC_POINT* point, BN_CTX* ctx) {
    if (EC_POINT_is_at_infinity(group, point) == 1) {
        return makeError("pace.point", "point at infinity");
    }
    std::size_t length =
        EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, nullptr, 0, ctx);
    Bytes out(length);
    EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, out.data(), length, ctx);
    return out;
}

Error badPoint() {
    return makeError("pace.point", "public key is not a point on the curve");
}

} // namespace

std::unique_ptr<PaceCurve> PaceCurve::forParameterId(int parameterId) {
    int nid = curveNid(parameterId);
    EC_GROUP* group = nid == NID_undef ? nullptr : EC_GROUP_new_by_curve_name(nid);
    if (group == nullptr) {
        return nullptr;
    }
    std::size_t fieldSize = (static_cast<std::size_t>(EC_GROUP_get_degree(group)) + 7) / 8;
    return std::unique_ptr<PaceCurve>(new PaceCurve(group, fieldSize));
}

PaceCurve::PaceCurve(EC_GROUP* group, std::size_t fieldSize)
    : group_(group)
    , ctx_(BN_CTX_new())
    , fieldSize_(fieldSize) {}

PaceCurve::~PaceCurve() {
    BN_CTX_free(ctx_);
    EC_GROUP_free(group_);
}

Bytes PaceCurve::randomScalar() const {
    BnPtr scalar(BN_new());
    const BIGNUM* order = EC_GROUP_get0_order(group_);
    do {
        BN_priv_rand_range(scalar.get(), order);
    } while (BN_is_zero(scalar.get()));
    Bytes out(static_cast<std::size_t>(BN_num_bytes(order)));
    BN_bn2binpad(scalar.get(), out.data(), static_cast<int>(out.size()));
    return out;
}

Result<Bytes> PaceCurve::multiplyGenerator(ByteView scalar, ByteView generator) const {
    BnPtr k = toBn(scalar);
    PointPtr result(EC_POINT_new(group_));
    if (generator.empty()) {
        EC_POINT_mul(group_, result.get(), k.get(), nullptr, nullptr, ctx_);
        return encode(group_, result.get(), ctx_);
    }
    PointPtr g = decode(group_, generator, ctx_);
    if (!g) {
        return badPoint();
    }
    EC_POINT_mul(group_, result.get(), nullptr, g.get(), k.get(), ctx_);
    return encode(group_, result.get(), ctx_);
}

Result<Bytes> PaceCurve::multiply(ByteView scalar, ByteView point) const {
    if (point.empty()) {
        return badPoint();
    }
    return multiplyGenerator(scalar, point);
}

Result<Bytes> PaceCurve::mapGeneric(ByteView nonce, ByteView sharedPoint) const {
    PointPtr h = decode(group_, sharedPoint, ctx_);
    if (!h) {
        return badPoint();
    }
    BnPtr s = toBn(nonce);
    BnPtr one(BN_new());
    BN_one(one.get());
    PointPtr mapped(EC_POINT_new(group_));
    // EC_POINT_mul computes s*G + one*H in one call.
    EC_POINT_mul(group_, mapped.get(), s.get(), h.get(), one.get(), ctx_);
    return encode(group_, mapped.get(), ctx_);
}

Bytes PaceCurve::xCoordinate(ByteView point) const {
    if (point.size() != 1 + 2 * fieldSize_ || point[0] != 0x04) {
        return {};
    }
    return Bytes(point.begin() + 1, point.begin() + 1 + static_cast<std::ptrdiff_t>(fieldSize_));
}

} // namespace kiosk::icao
