// libFuzzer target: DG1 (MRZ) parsing, and the MRZ text parser directly.
#include "drivers/card_reader/icao/mrz.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)kiosk::icao::parseDg1(std::span<const std::uint8_t>(data, size));
    (void)kiosk::icao::parseMrz(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
