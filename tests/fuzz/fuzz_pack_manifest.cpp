// libFuzzer target: the content pack manifest parser, entry path checks and version comparison.
#include "kiosk/content/pack_manifest.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    kiosk::PackLimits limits;
    limits.maxFiles = 1000;
    auto manifest = kiosk::parseManifest(bytes, limits);
    if (manifest) {
        // Whatever parses must re-serialize to something that parses the same way.
        auto again = kiosk::parseManifest(kiosk::serializeManifest(*manifest), limits);
        if (!again || again->files.size() != manifest->files.size() ||
            again->sequence != manifest->sequence) {
            __builtin_trap();
        }
        for (const auto& file : manifest->files) {
            if (!kiosk::checkEntryPath(file.path)) {
                __builtin_trap();
            }
        }
    }
    (void)kiosk::checkEntryPath(bytes);
    std::size_t half = size / 2;
    (void)kiosk::compareVersions(bytes.substr(0, half), bytes.substr(half));
    return 0;
}
