// ICAO 9303-11 §9.8 secure messaging: protecting command APDUs and checking response APDUs.
#pragma once

#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/icao/crypto.hpp"

namespace kiosk::icao {

// Error codes of secure messaging.
namespace sm_error {
inline constexpr const char* kMac = "sm.mac";             // response MAC does not verify
inline constexpr const char* kMalformed = "sm.malformed"; // response objects missing or broken
} // namespace sm_error

enum class SmCipher { TripleDes, Aes };

struct SessionKeys {
    SmCipher cipher = SmCipher::TripleDes;
    Bytes kEnc;
    Bytes kMac;
    Bytes ssc; // send sequence counter: 8 bytes (3DES) or 16 bytes (AES)
};

class SecureMessaging {
public:
    explicit SecureMessaging(SessionKeys keys);
    ~SecureMessaging();
    SecureMessaging(SecureMessaging&&) noexcept = default;
    SecureMessaging& operator=(SecureMessaging&&) noexcept = default;
    SecureMessaging(const SecureMessaging&) = delete;
    SecureMessaging& operator=(const SecureMessaging&) = delete;

    // Increments the SSC and returns the protected form: DO'87' (encrypted data), DO'97' (Le),
    // DO'8E' (MAC) (§9.8.4). Extended length when the plain command or the result needs it.
    CommandApdu protect(const CommandApdu& plain);
    // Increments the SSC, verifies DO'8E' over DO'87' and DO'99', decrypts DO'87' and returns the
    // plain response with the status word from DO'99' (§9.8.5). A plain error status without
    // data (the card closed the session) is passed through unchanged.
    Result<ResponseApdu> unprotect(const ResponseApdu& response);

    const Bytes& ssc() const { return keys_.ssc; }
    std::size_t blockSize() const { return keys_.cipher == SmCipher::Aes ? 16 : 8; }

private:
    void incrementSsc();
    Bytes mac(ByteView data) const;
    Bytes encrypt(ByteView padded) const;
    Bytes decrypt(ByteView cipherText) const;

    SessionKeys keys_;
};

// The largest READ BINARY length whose protected answer still fits `maxResponseData` bytes of
// response data (DO'87' + DO'99' + DO'8E').
std::size_t maxProtectedReadLength(std::size_t maxResponseData, std::size_t blockSize);

} // namespace kiosk::icao
