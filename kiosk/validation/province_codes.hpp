// Birth-registration place codes that open a personal ID number (TT 07/2016/TT-BCA table).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace kiosk {

struct ProvinceCode {
    std::string_view code; // three digits
    std::string_view name; // the former province (before the 2025 merger)
};

// All 63 codes, 001 to 096, of the provinces as they were when the table was issued. Numbers
// issued before the 2025 merger keep them forever (a Vĩnh Tường resident born there carries
// 026 Vĩnh Phúc, not 025 Phú Thọ), so none may be treated as obsolete.
std::span<const ProvinceCode> provinceCodes();
std::optional<ProvinceCode> findProvinceCode(std::string_view code);

} // namespace kiosk
