// Helpers for the usage and assisted-mode tests: a temp directory, a settable clock, row counts.
#pragma once

#include "kiosk/usage/usage_log.hpp"
#include "kiosk/usage/usage_sqlite.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace kiosk::testing {

// A wall clock the test sets; safe to read from the usage writer thread.
class FakeWallClock {
public:
    explicit FakeWallClock(std::chrono::system_clock::time_point start)
        : seconds_(
              std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count()) {}
    std::chrono::system_clock::time_point now() const {
        return std::chrono::system_clock::time_point(std::chrono::seconds(seconds_.load()));
    }
    void set(std::chrono::system_clock::time_point time) {
        seconds_ =
            std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
    }
    void advance(std::chrono::seconds by) { seconds_ += by.count(); }
    WallClock function() const {
        return [this] { return now(); };
    }

private:
    std::atomic<std::int64_t> seconds_;
};

// A kiosk-local (UTC+7) time on a calendar date, as the usage log's clock would report it.
inline std::chrono::system_clock::time_point localTime(std::chrono::sys_days date, int hour,
                                                       int minute = 0, int second = 0) {
    using namespace std::chrono;
    return date + hours(hour) + minutes(minute) + seconds(second) - hours(7);
}

// Runs one integer query on a separate connection, as an outside reader would.
inline std::int64_t queryCount(const std::filesystem::path& database, const std::string& sql) {
    auto db = usagedb::openDatabase(database, usagedb::OpenMode::ReadOnly);
    if (!db) {
        return -1;
    }
    auto text = usagedb::queryText(db->get(), sql.c_str());
    if (!text || text->empty()) {
        return -1;
    }
    return std::stoll(*text);
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

inline std::string readFile(const std::filesystem::path& path) {
    std::error_code error;
    auto size = std::filesystem::file_size(path, error);
    if (error) {
        return {};
    }
    std::string bytes(size, '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    return bytes;
}

} // namespace kiosk::testing
