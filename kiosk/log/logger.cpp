// JSON-lines and journald writers for the structured logger.
#include "kiosk/log/logger.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <systemd/sd-journal.h>
#include <utility>
#include <vector>

namespace kiosk {
namespace {

std::string utcTimestamp() {
    using namespace std::chrono;
    auto now = system_clock::now();
    std::time_t seconds = system_clock::to_time_t(now);
    auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
                  parts.tm_min, parts.tm_sec, static_cast<int>(millis));
    return buffer;
}

int syslogPriority(LogLevel level) {
    switch (level) {
    case LogLevel::Debug:
        return 7;
    case LogLevel::Info:
        return 6;
    case LogLevel::Notice:
        return 5;
    case LogLevel::Warning:
        return 4;
    case LogLevel::Error:
        return 3;
    case LogLevel::Critical:
        return 2;
    }
    return 6;
}

std::string fieldText(const LogField& field) {
    return std::visit(
        [](const auto& value) -> std::string {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, bool>) {
                return value ? "true" : "false";
            } else if constexpr (std::is_same_v<T, LogToken>) {
                return std::string(value.text());
            } else if constexpr (std::is_same_v<T, SystemText>) {
                return value.text;
            } else {
                return std::to_string(value);
            }
        },
        field.value);
}

} // namespace

Logger::Logger(std::ostream& out, LogLevel minimum)
    : out_(out)
    , minimum_(minimum) {}

LogOutput Logger::detectOutput() {
    // systemd sets JOURNAL_STREAM to "device:inode" of the stream it connected to stdout.
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream == nullptr) {
        return LogOutput::JsonLines;
    }
    struct stat info {};
    if (fstat(STDOUT_FILENO, &info) != 0) {
        return LogOutput::JsonLines;
    }
    unsigned long device = 0;
    unsigned long inode = 0;
    if (std::sscanf(stream, "%lu:%lu", &device, &inode) != 2) {
        return LogOutput::JsonLines;
    }
    return (device == info.st_dev && inode == info.st_ino) ? LogOutput::Journal
                                                           : LogOutput::JsonLines;
}

std::vector<int> Logger::takeRecentErrorCodes() {
    std::lock_guard lock(mutex_);
    return std::exchange(recentErrors_, {});
}

void Logger::log(LogEvent event, std::initializer_list<LogField> fields) {
    const LogEventInfo& info = logEventInfo(event);
    std::lock_guard lock(mutex_);
    if (info.level >= LogLevel::Error && recentErrors_.size() < kRecentErrorCap &&
        std::find(recentErrors_.begin(), recentErrors_.end(), info.code) == recentErrors_.end()) {
        recentErrors_.push_back(info.code);
    }
    if (info.level < minimum_) {
        return;
    }
    if (output_ == LogOutput::Journal) {
        writeJournal(info, fields);
    } else {
        writeJson(info, fields);
    }
}

void Logger::writeJson(const LogEventInfo& info, std::initializer_list<LogField> fields) {
    nlohmann::ordered_json line;
    line["ts"] = utcTimestamp();
    line["level"] = logLevelName(info.level);
    line["code"] = "KIOSK-" + std::to_string(info.code);
    line["event"] = info.name;
    for (const LogField& field : fields) {
        std::visit(
            [&](const auto& value) {
                using T = std::decay_t<decltype(value)>;
                if constexpr (std::is_same_v<T, LogToken>) {
                    line[std::string(field.key)] = value.text();
                } else if constexpr (std::is_same_v<T, SystemText>) {
                    line[std::string(field.key)] = value.text;
                } else {
                    line[std::string(field.key)] = value;
                }
            },
            field.value);
    }
    // Invalid UTF-8 from a system string must never take the logger down.
    out_ << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    out_.flush();
}

void Logger::writeJournal(const LogEventInfo& info, std::initializer_list<LogField> fields) {
    std::vector<std::string> entries;
    entries.push_back("MESSAGE=" + std::string(info.name));
    entries.push_back("PRIORITY=" + std::to_string(syslogPriority(info.level)));
    entries.push_back("KIOSK_CODE=KIOSK-" + std::to_string(info.code));
    entries.push_back("KIOSK_EVENT=" + std::string(info.name));
    for (const LogField& field : fields) {
        std::string key = "KIOSK_";
        for (char c : field.key) {
            key += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
        entries.push_back(key + "=" + fieldText(field));
    }
    std::vector<iovec> vectors;
    vectors.reserve(entries.size());
    for (std::string& entry : entries) {
        vectors.push_back(iovec{entry.data(), entry.size()});
    }
    sd_journal_sendv(vectors.data(), static_cast<int>(vectors.size()));
}

} // namespace kiosk
