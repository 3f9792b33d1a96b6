// libFuzzer target: lesson files from a content pack.
#include "kiosk/lesson/lesson_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)kiosk::parseLesson(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json",
                             "/nonexistent");
    return 0;
}
