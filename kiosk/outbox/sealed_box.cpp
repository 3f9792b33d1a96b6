// X25519 + HKDF-SHA256 + ChaCha20-Poly1305 through OpenSSL EVP, plus encoding helpers.
#include "kiosk/outbox/sealed_box.hpp"

#include <fcntl.h>
#include <fstream>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

constexpr std::uint8_t kVersion = 0x01;
constexpr std::size_t kKeySize = 32;
constexpr std::size_t kNonceSize = 12;
constexpr std::size_t kTagSize = 16;
constexpr std::size_t kHeaderSize = 1 + kKeySize;
constexpr std::string_view kInfo = "kiosk-dossier-v1";

struct PkeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

Error cryptoError(const char* what) {
    return makeError("crypto_failed", std::string("OpenSSL failed: ") + what);
}

Result<X25519Key> sharedSecret(const X25519Key& privateKey, const X25519Key& peerPublic) {
    Pkey own(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.data(), kKeySize));
    Pkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peerPublic.data(), kKeySize));
    if (!own || !peer) {
        return cryptoError("X25519 key import");
    }
    PkeyCtx ctx(EVP_PKEY_CTX_new(own.get(), nullptr));
    X25519Key secret{};
    std::size_t length = secret.size();
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(ctx.get(), secret.data(), &length) != 1 || length != secret.size()) {
        // Also reached for an all-zero (low-order) peer key.
        return cryptoError("X25519 derive");
    }
    return secret;
}

Result<X25519Key> deriveKey(const X25519Key& secret, const X25519Key& ephemeralPublic,
                            const X25519Key& recipientPublic) {
    std::uint8_t salt[2 * kKeySize];
    std::copy(ephemeralPublic.begin(), ephemeralPublic.end(), salt);
    std::copy(recipientPublic.begin(), recipientPublic.end(), salt + kKeySize);
    PkeyCtx ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    X25519Key key{};
    std::size_t length = key.size();
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), salt, sizeof salt) != 1 ||
        EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), secret.data(), static_cast<int>(secret.size())) !=
            1 ||
        EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), reinterpret_cast<const unsigned char*>(kInfo.data()),
                                    static_cast<int>(kInfo.size())) != 1 ||
        EVP_PKEY_derive(ctx.get(), key.data(), &length) != 1) {
        return cryptoError("HKDF");
    }
    return key;
}

} // namespace

Result<X25519KeyPair> generateX25519KeyPair() {
    X25519KeyPair pair;
    if (RAND_bytes(pair.privateKey.data(), static_cast<int>(pair.privateKey.size())) != 1) {
        return cryptoError("random bytes");
    }
    auto publicKey = x25519PublicFromPrivate(pair.privateKey);
    if (!publicKey) {
        return publicKey.error();
    }
    pair.publicKey = *publicKey;
    return pair;
}

Result<X25519Key> x25519PublicFromPrivate(const X25519Key& privateKey) {
    Pkey key(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, privateKey.data(), kKeySize));
    X25519Key publicKey{};
    std::size_t length = publicKey.size();
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), publicKey.data(), &length) != 1) {
        return cryptoError("X25519 public key");
    }
    return publicKey;
}

Result<Bytes> sealToPublicKey(const X25519Key& recipientPublic,
                              std::span<const std::uint8_t> plain) {
    auto ephemeral = generateX25519KeyPair();
    if (!ephemeral) {
        return ephemeral.error();
    }
    auto secret = sharedSecret(ephemeral->privateKey, recipientPublic);
    OPENSSL_cleanse(ephemeral->privateKey.data(), ephemeral->privateKey.size());
    if (!secret) {
        return secret.error();
    }
    auto key = deriveKey(*secret, ephemeral->publicKey, recipientPublic);
    OPENSSL_cleanse(secret->data(), secret->size());
    if (!key) {
        return key.error();
    }
    Bytes out(kHeaderSize + kNonceSize + plain.size() + kTagSize);
    out[0] = kVersion;
    std::copy(ephemeral->publicKey.begin(), ephemeral->publicKey.end(), out.begin() + 1);
    std::uint8_t* nonce = out.data() + kHeaderSize;
    if (RAND_bytes(nonce, kNonceSize) != 1) {
        return cryptoError("random nonce");
    }
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    std::uint8_t* cipherText = nonce + kNonceSize;
    bool done =
        ctx &&
        EVP_EncryptInit_ex(ctx.get(), EVP_chacha20_poly1305(), nullptr, key->data(), nonce) == 1 &&
        EVP_EncryptUpdate(ctx.get(), nullptr, &length, out.data(), kHeaderSize) == 1 &&
        EVP_EncryptUpdate(ctx.get(), cipherText, &length, plain.data(),
                          static_cast<int>(plain.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx.get(), cipherText + length, &length) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kTagSize,
                            cipherText + plain.size()) == 1;
    OPENSSL_cleanse(key->data(), key->size());
    if (!done) {
        return cryptoError("ChaCha20-Poly1305 encrypt");
    }
    return out;
}

Result<Bytes> openSealed(const X25519Key& recipientPrivate, std::span<const std::uint8_t> sealed) {
    if (sealed.size() < kHeaderSize + kNonceSize + kTagSize || sealed[0] != kVersion) {
        return makeError("sealed_malformed", "not a version-1 sealed dossier");
    }
    X25519Key ephemeralPublic{};
    std::copy(sealed.begin() + 1, sealed.begin() + kHeaderSize, ephemeralPublic.begin());
    auto recipientPublic = x25519PublicFromPrivate(recipientPrivate);
    if (!recipientPublic) {
        return recipientPublic.error();
    }
    auto secret = sharedSecret(recipientPrivate, ephemeralPublic);
    if (!secret) {
        return makeError("sealed_malformed", "the sealed dossier's ephemeral key is invalid");
    }
    auto key = deriveKey(*secret, ephemeralPublic, *recipientPublic);
    OPENSSL_cleanse(secret->data(), secret->size());
    if (!key) {
        return key.error();
    }
    const std::uint8_t* nonce = sealed.data() + kHeaderSize;
    const std::uint8_t* cipherText = nonce + kNonceSize;
    std::size_t cipherSize = sealed.size() - kHeaderSize - kNonceSize - kTagSize;
    Bytes plain(cipherSize);
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    std::uint8_t tag[kTagSize];
    std::copy(cipherText + cipherSize, cipherText + cipherSize + kTagSize, tag);
    bool done =
        ctx &&
        EVP_DecryptInit_ex(ctx.get(), EVP_chacha20_poly1305(), nullptr, key->data(), nonce) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &length, sealed.data(), kHeaderSize) == 1 &&
        EVP_DecryptUpdate(ctx.get(), plain.data(), &length, cipherText,
                          static_cast<int>(cipherSize)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kTagSize, tag) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), plain.data() + length, &length) == 1;
    OPENSSL_cleanse(key->data(), key->size());
    if (!done) {
        return makeError("sealed_tampered",
                         "the sealed dossier does not open with this key (wrong key or damaged)");
    }
    return plain;
}

std::string toBase64(std::span<const std::uint8_t> bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(),
                                 static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

Result<Bytes> fromBase64(const std::string& text) {
    if (text.size() % 4 != 0) {
        return makeError("base64_invalid", "base64 text length is not a multiple of 4");
    }
    Bytes out(text.size() / 4 * 3);
    int length = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                                 static_cast<int>(text.size()));
    if (length < 0) {
        return makeError("base64_invalid", "text is not base64");
    }
    // EVP_DecodeBlock counts the padding as data; drop it.
    std::size_t padding = 0;
    if (!text.empty() && text.back() == '=') {
        padding = text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
    }
    out.resize(static_cast<std::size_t>(length) - padding);
    return out;
}

Bytes randomBytes(std::size_t count) {
    Bytes out(count);
    if (RAND_bytes(out.data(), static_cast<int>(count)) != 1) {
        // The kernel's random source failing is not something the kiosk can recover from.
        std::abort();
    }
    return out;
}

std::string sha256Hex(std::span<const std::uint8_t> bytes) {
    std::uint8_t digest[SHA256_DIGEST_LENGTH];
    SHA256(bytes.data(), bytes.size(), digest);
    return toHex(digest, LetterCase::Lower);
}

std::string hmacSha256Hex(const std::string& key, const std::string& message) {
    std::uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &length);
    return toHex(std::span<const std::uint8_t>(digest, length), LetterCase::Lower);
}

bool equalSecrets(const std::string& a, const std::string& b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<X25519Key> readKeyFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        return makeError("key_unreadable", path.string() + ": cannot be read");
    }
    std::string text;
    in >> text;
    auto bytes = parseHex(text);
    if (!bytes || bytes->size() != kKeySize) {
        return makeError("key_invalid", path.string() + ": must hold 64 hex characters");
    }
    X25519Key key{};
    std::copy(bytes->begin(), bytes->end(), key.begin());
    return key;
}

Status writeKeyFile(const std::filesystem::path& path, const X25519Key& key, bool secret) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, secret ? 0600 : 0644);
    if (fd < 0) {
        return makeError("key_unwritable", path.string() + ": cannot be written");
    }
    std::string text = toHex(key, LetterCase::Lower) + "\n";
    bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!written || !synced) {
        return makeError("key_unwritable", path.string() + ": write failed");
    }
    return ok();
}

} // namespace kiosk
