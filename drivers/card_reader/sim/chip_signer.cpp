// Active Authentication signatures of the simulated chip, made with OpenSSL.
#include "drivers/card_reader/sim/chip_signer.hpp"

#include <memory>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <string>

namespace kiosk::sim {
namespace {

struct SignerPkeyCtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct SignerMdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

Result<Bytes> signRsa(EVP_PKEY* key, icao::ByteView challenge) {
    // 9303-11 §6.1.2 with SHA-1: the trailer is the single byte BC (option 1).
    auto size = static_cast<std::size_t>(EVP_PKEY_get_size(key));
    constexpr std::size_t kSha1Length = 20;
    if (size < 2 + kSha1Length + 1) {
        return makeError("aa.key", "RSA key too small for ISO/IEC 9796-2");
    }
    Bytes m1 = icao::randomBytes(size - 2 - kSha1Length);
    Bytes m = m1;
    m.insert(m.end(), challenge.begin(), challenge.end());
    Bytes digest = icao::sha1(m);
    Bytes f{0x6A};
    f.insert(f.end(), m1.begin(), m1.end());
    f.insert(f.end(), digest.begin(), digest.end());
    f.push_back(0xBC);
    std::unique_ptr<EVP_PKEY_CTX, SignerPkeyCtxFree> ctx(EVP_PKEY_CTX_new(key, nullptr));
    Bytes signature(size);
    std::size_t length = signature.size();
    if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
        EVP_PKEY_sign(ctx.get(), signature.data(), &length, f.data(), f.size()) != 1) {
        ERR_clear_error();
        return makeError("aa.sign", "RSA signing failed");
    }
    signature.resize(length);
    return signature;
}

Result<Bytes> signEcdsa(EVP_PKEY* key, icao::ByteView challenge, std::string_view ecdsaDigest) {
    const EVP_MD* md = EVP_get_digestbyname(std::string(ecdsaDigest).c_str());
    std::unique_ptr<EVP_MD_CTX, SignerMdCtxFree> ctx(EVP_MD_CTX_new());
    std::size_t derLength = 0;
    if (md == nullptr || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &derLength, challenge.data(), challenge.size()) != 1) {
        ERR_clear_error();
        return makeError("aa.sign", "ECDSA signing failed");
    }
    Bytes der(derLength);
    if (EVP_DigestSign(ctx.get(), der.data(), &derLength, challenge.data(), challenge.size()) !=
        1) {
        ERR_clear_error();
        return makeError("aa.sign", "ECDSA signing failed");
    }
    const unsigned char* p = der.data();
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(derLength));
    if (sig == nullptr) {
        ERR_clear_error();
        return makeError("aa.sign", "ECDSA signature does not decode");
    }
    // Plain format: r and s each left-padded to the size of the group order.
    auto half = (EVP_PKEY_get_bits(key) + 7) / 8;
    Bytes plain(static_cast<std::size_t>(2 * half));
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), plain.data(), half);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), plain.data() + half, half);
    ECDSA_SIG_free(sig);
    return plain;
}

} // namespace

Result<Bytes> signActiveAuthChallenge(EVP_PKEY* key, icao::ByteView challenge,
                                      std::string_view ecdsaDigest) {
    if (key == nullptr) {
        return makeError("aa.key", "the chip has no Active Authentication key");
    }
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) {
        return signRsa(key, challenge);
    }
    return signEcdsa(key, challenge, ecdsaDigest);
}

} // namespace kiosk::sim
