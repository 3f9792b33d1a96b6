// libFuzzer target: CCID bulk-IN frames, class descriptors and slot-change notifications.
#include "drivers/card_reader/ccid_message.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    if (auto response = kiosk::ccid::parseResponse(bytes)) {
        (void)response->iccStatus();
        (void)response->commandStatus();
    }
    if (auto descriptor = kiosk::ccid::parseClassDescriptor(bytes)) {
        (void)descriptor->exchangeLevel();
    }
    (void)kiosk::ccid::parseNotifySlotChange(bytes, size > 0 ? data[0] : 0);
    return 0;
}
