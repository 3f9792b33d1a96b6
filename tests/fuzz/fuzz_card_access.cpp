// libFuzzer target: EF.CardAccess SecurityInfos (PACEInfo selection).
#include "drivers/card_reader/icao/pace.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)kiosk::icao::parseCardAccess(std::span<const std::uint8_t>(data, size));
    return 0;
}
