// libFuzzer target: DLE EOT status replies and the IEEE 1284 device ID, both read from the printer.
#include "drivers/printer/escpos_status.hpp"
#include "drivers/printer/ieee1284_device_id.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    kiosk::escpos::StatusReplies replies;
    if (size >= 4) {
        replies = {data[0], data[1], data[2], data[3]};
    }
    (void)kiosk::escpos::stateFromStatus(replies);
    (void)kiosk::escpos::statusByteFrom(bytes);
    if (auto id = kiosk::parseIeee1284DeviceId(bytes)) {
        (void)id->model();
        (void)id->speaksEscPos();
    }
    return 0;
}
