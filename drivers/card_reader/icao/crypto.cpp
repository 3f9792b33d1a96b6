// ICAO 9303-11 symmetric cryptography on OpenSSL EVP.
#include "drivers/card_reader/icao/crypto.hpp"

#include <bit>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

namespace kiosk::icao {
namespace {

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

// One EVP cipher pass without padding. Sizes here are multiples of the block size by
// construction, so an EVP failure is a programmer error and yields an empty result.
Bytes runCipher(const EVP_CIPHER* cipher, ByteView key, ByteView iv, ByteView data,
                Direction direction) {
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx(EVP_CIPHER_CTX_new());
    if (!ctx ||
        EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), iv.empty() ? nullptr : iv.data(),
                          direction == Direction::Encrypt ? 1 : 0) != 1) {
        return {};
    }
    EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
    Bytes out(data.size() + 32);
    int written = 0;
    int finalWritten = 0;
    if (EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(),
                         static_cast<int>(data.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), out.data() + written, &finalWritten) != 1) {
        return {};
    }
    out.resize(static_cast<std::size_t>(written + finalWritten));
    return out;
}

const EVP_CIPHER* aesCbcCipher(std::size_t keyLength) {
    return keyLength == 32   ? EVP_aes_256_cbc()
           : keyLength == 24 ? EVP_aes_192_cbc()
                             : EVP_aes_128_cbc();
}

Bytes digest(const EVP_MD* md, ByteView data) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    EVP_Digest(data.data(), data.size(), out.data(), &length, md, nullptr);
    out.resize(length);
    return out;
}

} // namespace

Bytes pad(ByteView data, std::size_t blockSize) {
    Bytes out(data.begin(), data.end());
    out.push_back(0x80);
    while (out.size() % blockSize != 0) {
        out.push_back(0x00);
    }
    return out;
}

bool unpad(Bytes& data) {
    while (!data.empty() && data.back() == 0x00) {
        data.pop_back();
    }
    if (data.empty() || data.back() != 0x80) {
        return false;
    }
    data.pop_back();
    return true;
}

Bytes tripleDesCbc(ByteView key16, ByteView data, Direction direction) {
    static constexpr std::uint8_t kZeroIv[8] = {};
    return runCipher(EVP_des_ede_cbc(), key16, kZeroIv, data, direction);
}

Bytes retailMac(ByteView key16, ByteView paddedData) {
    // Alg 3: single-DES CBC with Ka over every block, then D(Kb), E(Ka) on the last one. DES
    // with key Ka||Ka is single DES under Ka (EDE collapses), which keeps us off the legacy
    // provider; the final D(Kb)E(Ka) of the last CBC state equals 3DES-EDE(Ka,Kb) of its input.
    Bytes ka(key16.begin(), key16.begin() + 8);
    Bytes kaka = ka;
    kaka.insert(kaka.end(), ka.begin(), ka.end());
    Bytes state(8, 0);
    std::size_t blocks = paddedData.size() / 8;
    if (blocks == 0) {
        return {};
    }
    if (blocks > 1) {
        Bytes head = tripleDesCbc(kaka, paddedData.first((blocks - 1) * 8), Direction::Encrypt);
        state.assign(head.end() - 8, head.end());
    }
    Bytes last(8);
    for (std::size_t i = 0; i < 8; ++i) {
        last[i] = static_cast<std::uint8_t>(state[i] ^ paddedData[(blocks - 1) * 8 + i]);
    }
    Bytes mac = runCipher(EVP_des_ede_ecb(), key16, {}, last, Direction::Encrypt);
    wipeBytes(kaka);
    wipeBytes(ka);
    return mac;
}

Bytes aesCbc(ByteView key, ByteView iv, ByteView data, Direction direction) {
    return runCipher(aesCbcCipher(key.size()), key, iv, data, direction);
}

Bytes aesEcbEncryptBlock(ByteView key, ByteView block) {
    const EVP_CIPHER* cipher = key.size() == 32   ? EVP_aes_256_ecb()
                               : key.size() == 24 ? EVP_aes_192_ecb()
                                                  : EVP_aes_128_ecb();
    return runCipher(cipher, key, {}, block, Direction::Encrypt);
}

Bytes aesCmac(ByteView key, ByteView data) {
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
    if (mac == nullptr) {
        return {};
    }
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    const char* cipherName = key.size() == 32   ? "AES-256-CBC"
                             : key.size() == 24 ? "AES-192-CBC"
                                                : "AES-128-CBC";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(cipherName), 0),
        OSSL_PARAM_construct_end()};
    Bytes out(16);
    std::size_t length = 0;
    bool good = ctx != nullptr && EVP_MAC_init(ctx, key.data(), key.size(), params) == 1 &&
                EVP_MAC_update(ctx, data.data(), data.size()) == 1 &&
                EVP_MAC_final(ctx, out.data(), &length, out.size()) == 1;
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    if (!good) {
        return {};
    }
    out.resize(length);
    return out;
}

Bytes sha1(ByteView data) {
    return digest(EVP_sha1(), data);
}

Bytes sha256(ByteView data) {
    return digest(EVP_sha256(), data);
}

Bytes deriveKey(ByteView sharedSecret, KeyUse use, KeyAlgorithm algorithm) {
    Bytes input(sharedSecret.begin(), sharedSecret.end());
    auto counter = static_cast<std::uint32_t>(use);
    input.push_back(static_cast<std::uint8_t>(counter >> 24));
    input.push_back(static_cast<std::uint8_t>(counter >> 16));
    input.push_back(static_cast<std::uint8_t>(counter >> 8));
    input.push_back(static_cast<std::uint8_t>(counter));
    Bytes key;
    switch (algorithm) {
    case KeyAlgorithm::TripleDes:
        key = sha1(input);
        key.resize(16);
        adjustParity(key);
        break;
    case KeyAlgorithm::Aes128:
        key = sha1(input);
        key.resize(16);
        break;
    case KeyAlgorithm::Aes192:
        key = sha256(input);
        key.resize(24);
        break;
    case KeyAlgorithm::Aes256:
        key = sha256(input);
        break;
    }
    wipeBytes(input);
    return key;
}

void adjustParity(Bytes& key) {
    for (auto& byte : key) {
        int ones = std::popcount(static_cast<unsigned>(byte & 0xFE));
        byte = static_cast<std::uint8_t>((byte & 0xFE) | (ones % 2 == 0 ? 1 : 0));
    }
}

Bytes randomBytes(std::size_t count) {
    Bytes out(count);
    if (RAND_bytes(out.data(), static_cast<int>(count)) != 1) {
        return {};
    }
    return out;
}

void wipeBytes(Bytes& bytes) {
    // Spare capacity may still hold bytes from before a shrink: cover all of it.
    bytes.resize(bytes.capacity());
    if (!bytes.empty()) {
        OPENSSL_cleanse(bytes.data(), bytes.size());
    }
    bytes.clear();
}

void wipeText(std::string& text) {
    // Covers the small-string buffer too, which a move leaves behind without clearing it.
    text.resize(text.capacity());
    if (!text.empty()) {
        OPENSSL_cleanse(text.data(), text.size());
    }
    text.clear();
}

} // namespace kiosk::icao
