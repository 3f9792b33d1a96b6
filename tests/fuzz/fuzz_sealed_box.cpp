// libFuzzer target: opening a sealed dossier received from the network (gateway side).
#include "kiosk/outbox/sealed_box.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    kiosk::X25519Key key{};
    key.fill(0x42);
    (void)kiosk::openSealed(key, std::span<const std::uint8_t>(data, size));
    return 0;
}
