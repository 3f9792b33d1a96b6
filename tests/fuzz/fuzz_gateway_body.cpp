// libFuzzer target: gateway request and reply bodies (both ends parse the other's bytes).
#include "kiosk/outbox/gateway_protocol.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    (void)kiosk::parseSubmitBody(text);
    (void)kiosk::parseSubmitReceipt(text);
    (void)kiosk::parseStatusReply(text);
    (void)kiosk::fromBase64(text);
    return 0;
}
