// libFuzzer target for the text the usage and assist code parses: report dates from the command
// line, codes from content packs, stored PIN hashes, and any file bytes the privacy scan reads.
#include "kiosk/assist/pin_hash.hpp"
#include "kiosk/usage/privacy_scan.hpp"
#include "kiosk/usage/usage_event.hpp"
#include "kiosk/usage/usage_report.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (auto date = kiosk::parseIsoDate(text)) {
        // Whatever parses must print back the same.
        if (kiosk::formatIsoDate(*date) != text) {
            __builtin_trap();
        }
    }
    if (kiosk::ProcedureCode::parse(text).ok() && text.size() != 8) {
        __builtin_trap();
    }
    (void)kiosk::LessonId::parse(text);
    (void)kiosk::VolunteerCode::parse(text);
    // Only hashes with tiny costs are tried: the stored params are trusted to be sane, and a
    // fuzzer-chosen N would just measure scrypt.
    if (text.rfind("scrypt$1024$8$1$", 0) == 0) {
        (void)kiosk::verifyPin("1234", text);
    }
    (void)kiosk::foldVietnamese(text);
    (void)kiosk::scanBytesForSecrets(
        text, "fuzz",
        {{"name", "Nguyễn Thị Ánh Tuyết"}, {"phone", "0912345678"}, {"birth_date", "15/03/1990"}});
    return 0;
}
