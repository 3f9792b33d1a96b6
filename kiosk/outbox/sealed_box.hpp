// Encryption of stored dossiers to the gateway's X25519 public key, so the kiosk cannot read them.
#pragma once

#include "drivers/common/hex.hpp"
#include "drivers/common/result.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace kiosk {

using Bytes = std::vector<std::uint8_t>;
using X25519Key = std::array<std::uint8_t, 32>;

struct X25519KeyPair {
    X25519Key privateKey;
    X25519Key publicKey;
};

Result<X25519KeyPair> generateX25519KeyPair();
Result<X25519Key> x25519PublicFromPrivate(const X25519Key& privateKey);

// Sealed box, format version 1 (all fields fixed size except the ciphertext):
//   0x01 | ephemeral public key (32) | nonce (12) | ChaCha20-Poly1305 ciphertext | tag (16)
// key = HKDF-SHA256(ikm = X25519(ephemeral, recipient), salt = ephemeral pub | recipient pub,
//                   info = "kiosk-dossier-v1"); the version byte and ephemeral key are the AAD.
// A fresh ephemeral key per message means the kiosk keeps no secret that could open it.
Result<Bytes> sealToPublicKey(const X25519Key& recipientPublic,
                              std::span<const std::uint8_t> plain);
Result<Bytes> openSealed(const X25519Key& recipientPrivate, std::span<const std::uint8_t> sealed);

std::string toBase64(std::span<const std::uint8_t> bytes);
Result<Bytes> fromBase64(const std::string& text);
Bytes randomBytes(std::size_t count);
std::string sha256Hex(std::span<const std::uint8_t> bytes);
std::string hmacSha256Hex(const std::string& key, const std::string& message);
// Constant-time comparison of two signatures.
bool equalSecrets(const std::string& a, const std::string& b);

// Key files hold 64 hex characters (and an optional trailing newline).
Result<X25519Key> readKeyFile(const std::filesystem::path& path);
// Writes with mode 0600 when `secret` is true.
Status writeKeyFile(const std::filesystem::path& path, const X25519Key& key, bool secret);

inline std::span<const std::uint8_t> asBytes(const std::string& text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

} // namespace kiosk
