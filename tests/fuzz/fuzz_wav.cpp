// libFuzzer target: WAV clips from a content pack (RIFF chunk walk, fmt and data chunks).
#include "kiosk/audio/pcm.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)kiosk::audio::decodeWav(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
