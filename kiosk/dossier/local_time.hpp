// Wall-clock time in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year) and the yyyyMMddHHmmss form.
#pragma once

#include "kiosk/validation/civil_date.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

struct LocalDateTime {
    CivilDate date;
    int hour = 0;
    int minute = 0;
    int second = 0;

    auto operator<=>(const LocalDateTime&) const = default;
};

// Vietnam has kept UTC+7 without daylight saving since 1975, so no time-zone database is
// needed (and a kiosk's tzdata may be stale or set to UTC).
constexpr std::int64_t kVietnamUtcOffsetSeconds = 7 * 3600;

LocalDateTime vietnamTimeFromUnix(std::int64_t unixSeconds);
std::int64_t unixFromVietnamTime(const LocalDateTime& time);
std::int64_t nowUnixSeconds();

// The portal's date form, "20261125143000" (DongBoHoSoMC dates).
std::string formatCompact(const LocalDateTime& time);
std::optional<LocalDateTime> parseCompact(const std::string& text);
// "14:30 ngày 25/11/2026" style pieces for receipts and screens.
std::string formatClock(const LocalDateTime& time); // "14:30"

} // namespace kiosk
