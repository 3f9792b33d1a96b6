// libFuzzer target: secure messaging responses (DO'87'/DO'99'/DO'8E') under fixed session keys.
#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/icao/secure_messaging.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    // The ICAO 9303-11 Appendix D session keys; the first byte picks 3DES or AES.
    icao::SessionKeys keys;
    bool aes = size > 0 && (data[0] & 1) != 0;
    keys.cipher = aes ? icao::SmCipher::Aes : icao::SmCipher::TripleDes;
    keys.kEnc = {0x97, 0x9E, 0xC1, 0x3B, 0x1C, 0xBF, 0xE9, 0xDC,
                 0xD0, 0x1A, 0xB0, 0xFE, 0xD3, 0x07, 0xEA, 0xE5};
    keys.kMac = {0xF1, 0xCB, 0x1F, 0x1F, 0xB5, 0xAD, 0xF2, 0x08,
                 0x80, 0x6B, 0x89, 0xDC, 0x57, 0x9D, 0xC1, 0xF8};
    keys.ssc.assign(aes ? 16 : 8, 0);
    icao::SecureMessaging sm(std::move(keys));
    auto response = parseResponseApdu(std::span<const std::uint8_t>(data, size));
    if (response) {
        (void)sm.unprotect(*response);
    }
    return 0;
}
