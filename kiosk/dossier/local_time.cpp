// Conversions between Unix time and Vietnam wall-clock time.
#include "kiosk/dossier/local_time.hpp"

#include <chrono>
#include <cstdio>
#include <regex>

namespace kiosk {

LocalDateTime vietnamTimeFromUnix(std::int64_t unixSeconds) {
    std::int64_t local = unixSeconds + kVietnamUtcOffsetSeconds;
    std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    std::int64_t rest = local - days * 86400;
    LocalDateTime time;
    time.date = dateFromDays(static_cast<long>(days));
    time.hour = static_cast<int>(rest / 3600);
    time.minute = static_cast<int>(rest % 3600 / 60);
    time.second = static_cast<int>(rest % 60);
    return time;
}

std::int64_t unixFromVietnamTime(const LocalDateTime& time) {
    return static_cast<std::int64_t>(daysSinceEpoch(time.date)) * 86400 + time.hour * 3600 +
           time.minute * 60 + time.second - kVietnamUtcOffsetSeconds;
}

std::int64_t nowUnixSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string formatCompact(const LocalDateTime& time) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02d%02d%02d%02d", time.date.year,
                  time.date.month, time.date.day, time.hour, time.minute, time.second);
    return buffer;
}

std::optional<LocalDateTime> parseCompact(const std::string& text) {
    static const std::regex kCompact(R"((\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2}))");
    std::smatch m;
    if (!std::regex_match(text, m, kCompact)) {
        return std::nullopt;
    }
    LocalDateTime time{{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])},
                       std::stoi(m[4]),
                       std::stoi(m[5]),
                       std::stoi(m[6])};
    if (!isRealDate(time.date.year, time.date.month, time.date.day) || time.hour > 23 ||
        time.minute > 59 || time.second > 59) {
        return std::nullopt;
    }
    return time;
}

std::string formatClock(const LocalDateTime& time) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", time.hour, time.minute);
    return buffer;
}

} // namespace kiosk
