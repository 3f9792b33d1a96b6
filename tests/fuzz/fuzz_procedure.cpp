// libFuzzer target: procedure, picker-list and category files are outside bytes (content packs).
#include "kiosk/procedure/procedure_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    (void)kiosk::parseProcedure(text, "fuzz.json");
    (void)kiosk::parsePickerList(text, "fuzz.json");
    (void)kiosk::parseCategories(text, "fuzz.json");
    return 0;
}
