// The symmetric cryptography of ICAO 9303-11 on OpenSSL EVP: 3DES, retail MAC, AES, CMAC, KDF.
#pragma once

#include "drivers/usb/usb_transport.hpp"

#include <span>
#include <string>

namespace kiosk::icao {

using ByteView = std::span<const std::uint8_t>;

enum class Direction { Encrypt, Decrypt };

// ISO/IEC 9797-1 padding method 2 (ISO 7816-4): 0x80 then zeros up to a block boundary.
Bytes pad(ByteView data, std::size_t blockSize);
// Removes method-2 padding; an empty result with `ok == false` means the padding was bad.
bool unpad(Bytes& data);

// Two-key 3DES (K1 = K3) in CBC mode with a zero IV and no padding (9303-11 §9.8.6.1).
Bytes tripleDesCbc(ByteView key16, ByteView data, Direction direction);
// ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES, over already padded data (§9.8.6.2).
Bytes retailMac(ByteView key16, ByteView paddedData);

// AES-CBC with the given IV, no padding; AES-ECB of one block; AES-CMAC (RFC 4493), all 8 bytes
// are kept by the caller where 9303 truncates.
Bytes aesCbc(ByteView key, ByteView iv, ByteView data, Direction direction);
Bytes aesEcbEncryptBlock(ByteView key, ByteView block);
Bytes aesCmac(ByteView key, ByteView data);

Bytes sha1(ByteView data);
Bytes sha256(ByteView data);

// 9303-11 §9.7.1 key derivation: Hash(K || c) with c = 1 (ENC), 2 (MAC), 3 (PACE password).
enum class KeyUse : std::uint32_t { Enc = 1, Mac = 2, Pace = 3 };
enum class KeyAlgorithm { TripleDes, Aes128, Aes192, Aes256 };
Bytes deriveKey(ByteView sharedSecret, KeyUse use, KeyAlgorithm algorithm);

// Sets the DES parity bit (lowest bit) of each byte so each has odd weight.
void adjustParity(Bytes& key);

// Cryptographically random bytes (RAND_bytes).
Bytes randomBytes(std::size_t count);

// Overwrite secrets and personal data (whole capacity) before their memory is released.
void wipeBytes(Bytes& bytes);
void wipeText(std::string& text);

} // namespace kiosk::icao
