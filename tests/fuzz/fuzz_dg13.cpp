// libFuzzer target: the Vietnamese DG13 personal data parser and EF.COM.
#include "drivers/card_reader/icao/lds.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    if (auto personal = kiosk::icao::parseDg13(bytes)) {
        personal->wipe();
    }
    (void)kiosk::icao::parseCom(bytes);
    return 0;
}
