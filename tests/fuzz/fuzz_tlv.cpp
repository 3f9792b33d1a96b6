// libFuzzer target: BER-TLV parsing, recursively into constructed objects.
#include "drivers/card_reader/icao/tlv.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

namespace {
void walk(std::span<const std::uint8_t> bytes, int depth) {
    auto list = kiosk::icao::parseTlvList(bytes);
    if (!list || depth > 16) {
        return;
    }
    for (const auto& tlv : *list) {
        if (tlv.constructed()) {
            walk(tlv.value, depth + 1);
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    walk(std::span<const std::uint8_t>(data, size), 0);
    return 0;
}
