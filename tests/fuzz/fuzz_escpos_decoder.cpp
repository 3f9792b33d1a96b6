// libFuzzer target: the ESC/POS decoder (the simulated printer parses whatever a driver sends).
#include "drivers/printer/escpos_decoder.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    (void)kiosk::escpos::decodeEscPos(bytes, 384);
    // The same bytes in small slices exercise the "command not complete yet" paths.
    kiosk::escpos::EscPosDecoder decoder(576);
    for (std::size_t offset = 0; offset < size; offset += 5) {
        (void)decoder.feed(bytes.subspan(offset, std::min<std::size_t>(5, size - offset)));
    }
    (void)decoder.takeFinishedPages();
    (void)decoder.takeStatusRequests();
    return 0;
}
