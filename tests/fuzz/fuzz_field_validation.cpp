// libFuzzer target: what a resident types (or a card reports) into dates, phones and ID numbers.
#include "kiosk/dossier/local_time.hpp"
#include "kiosk/validation/civil_date.hpp"
#include "kiosk/validation/id_number.hpp"
#include "kiosk/validation/phone_number.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto date = kiosk::parseDate(text);
    (void)kiosk::checkIdNumber(text, date, kiosk::Sex::Female);
    (void)kiosk::checkPhone(text);
    (void)kiosk::parseCompact(text);
    return 0;
}
