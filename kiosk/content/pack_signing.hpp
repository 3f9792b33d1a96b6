// Ed25519 keys for content packs: key generation, PEM key files, signing and the trust store.
#pragma once

#include "drivers/common/result.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

struct evp_pkey_st;

namespace kiosk {

// One Ed25519 key (private or public) held by OpenSSL.
class Ed25519Key {
public:
    Ed25519Key() = default;
    explicit Ed25519Key(evp_pkey_st* key)
        : key_(key) {}
    evp_pkey_st* get() const { return key_.get(); }
    explicit operator bool() const { return key_ != nullptr; }

private:
    struct Free {
        void operator()(evp_pkey_st* key) const;
    };
    std::unique_ptr<evp_pkey_st, Free> key_;
};

// An Ed25519 signature is always 64 bytes (RFC 8032 §5.1.6).
inline constexpr std::size_t kEd25519SignatureBytes = 64;

// Writes a new private key to `privatePath` (PEM PKCS#8, mode 0600, never overwriting) and its
// public key to `privatePath.pub` (PEM SubjectPublicKeyInfo, readable by `openssl pkey`).
Status generateKeyPair(const std::filesystem::path& privatePath);

Result<Ed25519Key> loadPrivateKey(const std::filesystem::path& path);
Result<Ed25519Key> loadPublicKey(const std::filesystem::path& path);

Result<std::vector<std::uint8_t>> signMessage(const Ed25519Key& privateKey,
                                              std::span<const std::uint8_t> message);

// True only when `signature` is a valid Ed25519 signature of exactly `message`.
bool verifySignature(const Ed25519Key& publicKey, std::span<const std::uint8_t> message,
                     std::span<const std::uint8_t> signature);

struct TrustedKey {
    std::string name; // file name in the trust store, shown to maintainers
    Ed25519Key key;
};

// Every `*.pub` in `dir`. A key file that cannot be read is an error, not silently skipped,
// so a maintainer notices a broken trust store.
Result<std::vector<TrustedKey>> loadTrustStore(const std::filesystem::path& dir);

} // namespace kiosk
