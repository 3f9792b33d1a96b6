// libFuzzer target: EF.SOD (CMS via OpenSSL, then the LDS security object) and passive auth.
#include "drivers/card_reader/icao/sod.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    (void)kiosk::icao::parseSod(bytes);
    (void)kiosk::icao::parseLdsSecurityObject(bytes);
    std::vector<kiosk::icao::DataGroupFile> files{{1, 0x0101, kiosk::Bytes{0x61, 0x00}}};
    (void)kiosk::icao::verifyPassiveAuth(bytes, files, {});
    return 0;
}
