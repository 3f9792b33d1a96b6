// Active Authentication on OpenSSL: DG15/DG14 parsing and the chip's signature check.
#include "drivers/card_reader/icao/active_auth.hpp"

#include "drivers/card_reader/icao/tlv.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace kiosk::icao {
namespace {

struct AaPkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct AaPkeyCtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct AaMdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct AaBnFree {
    void operator()(BIGNUM* bn) const { BN_free(bn); }
};
using AaPkey = std::unique_ptr<EVP_PKEY, AaPkeyFree>;
using AaBn = std::unique_ptr<BIGNUM, AaBnFree>;

// id-icao-mrtd-security-aaProtocolObject 2.23.136.1.1.5, OID value bytes.
constexpr std::uint8_t kAaInfoOid[] = {0x67, 0x81, 0x08, 0x01, 0x01, 0x05};
// BSI TR-03111 ecdsa-plain-signatures 0.4.0.127.0.7.1.1.4.1; the last arc names the hash.
constexpr std::uint8_t kEcdsaPlainPrefix[] = {0x04, 0x00, 0x7F, 0x00, 0x07, 0x01, 0x01, 0x04, 0x01};

AaPkey loadPublicKey(ByteView publicKeyInfo) {
    const unsigned char* p = publicKeyInfo.data();
    AaPkey key(d2i_PUBKEY(nullptr, &p, static_cast<long>(publicKeyInfo.size())));
    ERR_clear_error();
    return key;
}

Bytes digestOf(const EVP_MD* md, ByteView first, ByteView second) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    std::unique_ptr<EVP_MD_CTX, AaMdCtxFree> ctx(EVP_MD_CTX_new());
    EVP_DigestInit_ex(ctx.get(), md, nullptr);
    EVP_DigestUpdate(ctx.get(), first.data(), first.size());
    EVP_DigestUpdate(ctx.get(), second.data(), second.size());
    EVP_DigestFinal_ex(ctx.get(), out.data(), &length);
    out.resize(length);
    return out;
}

// ISO/IEC 9796-2 hash identifiers in the two-byte trailer (xx CC).
const EVP_MD* trailerDigest(std::uint8_t identifier) {
    switch (identifier) {
    case 0x31:
        return EVP_get_digestbyname("RIPEMD160");
    case 0x33:
        return EVP_sha1();
    case 0x34:
        return EVP_sha256();
    case 0x35:
        return EVP_sha512();
    case 0x36:
        return EVP_sha384();
    case 0x38:
        return EVP_sha224();
    default:
        return nullptr;
    }
}

ActiveAuthCheck invalid(std::string algorithm, std::string reason) {
    return ActiveAuthCheck{false, std::move(algorithm), std::move(reason)};
}

// s^e mod n, as many bytes as the modulus; with the 9796-2 rule that the representative may
// also be n - J (when J does not end in the nibble C of a trailer).
Result<Bytes> rsaRecover(EVP_PKEY* key, ByteView signature) {
    auto size = static_cast<std::size_t>(EVP_PKEY_get_size(key));
    std::unique_ptr<EVP_PKEY_CTX, AaPkeyCtxFree> ctx(EVP_PKEY_CTX_new(key, nullptr));
    Bytes recovered(size);
    std::size_t length = recovered.size();
    if (!ctx || EVP_PKEY_verify_recover_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
        EVP_PKEY_verify_recover(ctx.get(), recovered.data(), &length, signature.data(),
                                signature.size()) != 1) {
        ERR_clear_error();
        return makeError("aa.signature", "the RSA signature does not decode under the DG15 key");
    }
    recovered.resize(length);
    if (recovered.size() < size) {
        recovered.insert(recovered.begin(), size - recovered.size(), 0x00);
    }
    if (!recovered.empty() && (recovered.back() & 0x0F) != 0x0C) {
        BIGNUM* modulus = nullptr;
        if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &modulus) == 1) {
            AaBn n(modulus);
            AaBn j(BN_bin2bn(recovered.data(), static_cast<int>(recovered.size()), nullptr));
            AaBn other(BN_new());
            if (j && other && BN_sub(other.get(), n.get(), j.get()) == 1) {
                BN_bn2binpad(other.get(), recovered.data(), static_cast<int>(recovered.size()));
            }
        }
        ERR_clear_error();
    }
    return recovered;
}

Result<ActiveAuthCheck> verifyRsa(EVP_PKEY* key, ByteView challenge, ByteView signature) {
    std::string algorithm = "RSA-" + std::to_string(EVP_PKEY_get_bits(key)) + " ISO/IEC 9796-2";
    if (signature.size() != static_cast<std::size_t>(EVP_PKEY_get_size(key))) {
        return invalid(algorithm, "the signature is not as long as the modulus");
    }
    auto recovered = rsaRecover(key, signature);
    if (!recovered) {
        return invalid(algorithm, recovered.error().message);
    }
    const Bytes& f = *recovered;
    // Trailer: BC = SHA-1 implied (option 1), xx CC = hash xx (option 2).
    const EVP_MD* md = nullptr;
    std::size_t trailer = 0;
    if (f.back() == 0xBC) {
        md = EVP_sha1();
        trailer = 1;
    } else if (f.back() == 0xCC && f.size() >= 2) {
        md = trailerDigest(f[f.size() - 2]);
        trailer = 2;
    }
    if (md == nullptr) {
        return invalid(algorithm, "the recovered message has no known ISO/IEC 9796-2 trailer");
    }
    algorithm += std::string(" ") + EVP_MD_get0_name(md);
    auto hashLength = static_cast<std::size_t>(EVP_MD_get_size(md));
    // Header: bits 01, then 1 for partial recovery (M2, the challenge, is not in the message),
    // then padding nibbles B..BA before M1 (none when M1 fills the space: header 6A).
    if (f.size() < 2 + hashLength + trailer || (f[0] & 0xC0) != 0x40 || (f[0] & 0x20) == 0) {
        return invalid(algorithm, "the recovered message has no ISO/IEC 9796-2 partial header");
    }
    std::size_t start = 0;
    if ((f[0] & 0x0F) == 0x0A) {
        start = 1;
    } else if ((f[0] & 0x0F) == 0x0B) {
        std::size_t i = 1;
        while (i < f.size() && f[i] == 0xBB) {
            ++i;
        }
        if (i >= f.size() || f[i] != 0xBA) {
            return invalid(algorithm, "the recovered message's padding is malformed");
        }
        start = i + 1;
    } else {
        return invalid(algorithm, "the recovered message's padding is malformed");
    }
    std::size_t digestAt = f.size() - trailer - hashLength;
    if (start > digestAt) {
        return invalid(algorithm, "the recovered message is too short");
    }
    ByteView m1(f.data() + start, digestAt - start);
    Bytes expected = digestOf(md, m1, challenge);
    if (CRYPTO_memcmp(expected.data(), f.data() + digestAt, hashLength) != 0) {
        return invalid(algorithm, "the chip's signature does not cover this challenge");
    }
    return ActiveAuthCheck{true, algorithm, {}};
}

std::string curveName(EVP_PKEY* key) {
    char name[64] = {};
    std::size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name,
                                       &length) != 1) {
        ERR_clear_error();
        return "?";
    }
    return name;
}

Result<ActiveAuthCheck> verifyEcdsa(EVP_PKEY* key, ByteView challenge, ByteView signature,
                                    std::string_view ecdsaDigest) {
    std::string algorithm = "ECDSA " + curveName(key);
    // Plain format: r || s, each as long as the group order.
    auto half = static_cast<std::size_t>((EVP_PKEY_get_bits(key) + 7) / 8);
    if (signature.size() != 2 * half) {
        return invalid(algorithm, "the signature is not r||s of the curve's size");
    }
    ECDSA_SIG* sig = ECDSA_SIG_new();
    BIGNUM* r = BN_bin2bn(signature.data(), static_cast<int>(half), nullptr);
    BIGNUM* s = BN_bin2bn(signature.data() + half, static_cast<int>(half), nullptr);
    if (sig == nullptr || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return makeError(aa_error::kUnsupported, "cannot hold an ECDSA signature");
    }
    int derLength = i2d_ECDSA_SIG(sig, nullptr);
    Bytes der(static_cast<std::size_t>(std::max(derLength, 0)));
    unsigned char* out = der.data();
    i2d_ECDSA_SIG(sig, &out);
    ECDSA_SIG_free(sig);

    std::vector<std::string> digests;
    if (!ecdsaDigest.empty()) {
        digests.emplace_back(ecdsaDigest);
    } else {
        digests = {"SHA256", "SHA1", "SHA384", "SHA512", "SHA224"};
    }
    for (const auto& name : digests) {
        const EVP_MD* md = EVP_get_digestbyname(name.c_str());
        if (md == nullptr) {
            continue;
        }
        std::unique_ptr<EVP_MD_CTX, AaMdCtxFree> ctx(EVP_MD_CTX_new());
        bool good = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key) == 1 &&
                    EVP_DigestVerify(ctx.get(), der.data(), der.size(), challenge.data(),
                                     challenge.size()) == 1;
        ERR_clear_error();
        if (good) {
            return ActiveAuthCheck{true, algorithm + " " + name, {}};
        }
    }
    if (!ecdsaDigest.empty()) {
        algorithm += " " + std::string(ecdsaDigest);
    }
    return invalid(algorithm, "the chip's signature does not cover this challenge");
}

} // namespace

Result<Bytes> activeAuthPublicKey(ByteView dg15) {
    auto outer = parseTlv(dg15);
    if (!outer || outer->tag != 0x6F) {
        return makeError(aa_error::kMalformed, "DG15 does not start with tag 6F");
    }
    Bytes info(outer->value.begin(), outer->value.end());
    if (!loadPublicKey(info)) {
        return makeError(aa_error::kMalformed, "DG15 holds no public key OpenSSL can read");
    }
    return info;
}

std::string activeAuthDigestFromDg14(ByteView dg14) {
    auto outer = parseTlv(dg14);
    auto set =
        outer && outer->tag == 0x6E ? parseTlv(outer->value) : Result<Tlv>(makeError("", ""));
    auto infos = set && set->tag == 0x31 ? parseTlvList(set->value)
                                         : Result<std::vector<Tlv>>(makeError("", ""));
    if (!infos) {
        return {};
    }
    static constexpr std::array<const char*, 6> kDigests = {"SHA1",   "SHA224", "SHA256",
                                                            "SHA384", "SHA512", "RIPEMD160"};
    for (const Tlv& info : *infos) {
        auto parts = info.tag == 0x30 ? parseTlvList(info.value)
                                      : Result<std::vector<Tlv>>(makeError("", ""));
        // ActiveAuthenticationInfo ::= SEQUENCE { protocol, version INTEGER (1),
        // signatureAlgorithm OBJECT IDENTIFIER }
        if (!parts || parts->size() < 3 || (*parts)[0].tag != 0x06 ||
            !std::equal((*parts)[0].value.begin(), (*parts)[0].value.end(), std::begin(kAaInfoOid),
                        std::end(kAaInfoOid)) ||
            (*parts)[2].tag != 0x06) {
            continue;
        }
        ByteView algorithm = (*parts)[2].value;
        if (algorithm.size() == sizeof kEcdsaPlainPrefix + 1 &&
            std::equal(std::begin(kEcdsaPlainPrefix), std::end(kEcdsaPlainPrefix),
                       algorithm.begin())) {
            std::uint8_t arc = algorithm.back();
            if (arc >= 1 && arc <= kDigests.size()) {
                return kDigests[arc - 1];
            }
        }
    }
    return {};
}

CommandApdu internalAuthenticate(ByteView challenge) {
    return CommandApdu{0x00,       0x88, 0x00, 0x00, Bytes(challenge.begin(), challenge.end()),
                       kLeMaxShort};
}

Result<ActiveAuthCheck> verifyActiveAuthSignature(ByteView publicKeyInfo, ByteView challenge,
                                                  ByteView signature,
                                                  std::string_view ecdsaDigest) {
    AaPkey key = loadPublicKey(publicKeyInfo);
    if (!key) {
        return makeError(aa_error::kMalformed, "DG15 holds no public key OpenSSL can read");
    }
    if (signature.empty()) {
        return invalid("", "the chip gave no signature");
    }
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA:
        return verifyRsa(key.get(), challenge, signature);
    case EVP_PKEY_EC:
        return verifyEcdsa(key.get(), challenge, signature, ecdsaDigest);
    default:
        return makeError(aa_error::kUnsupported,
                         "DG15 holds a key type Active Authentication does not use");
    }
}

} // namespace kiosk::icao
