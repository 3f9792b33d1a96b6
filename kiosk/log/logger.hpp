// Structured logging: one JSON line per event on stdout, or native journald fields under systemd.
#pragma once

#include "kiosk/log/log_catalog.hpp"
#include "kiosk/log/log_token.hpp"

#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk {

// Text produced by the system itself (a file path, a library's error string), never by a
// resident. Constructing one is an explicit promise at the call site.
struct SystemText {
    std::string text;
};

struct LogField {
    std::string_view key;
    std::variant<std::int64_t, double, bool, LogToken, SystemText> value;

    LogField(std::string_view k, int v)
        : key(k)
        , value(std::int64_t{v}) {}
    LogField(std::string_view k, std::int64_t v)
        : key(k)
        , value(v) {}
    LogField(std::string_view k, double v)
        : key(k)
        , value(v) {}
    LogField(std::string_view k, bool v)
        : key(k)
        , value(v) {}
    LogField(std::string_view k, LogToken v)
        : key(k)
        , value(v) {}
    LogField(std::string_view k, SystemText v)
        : key(k)
        , value(std::move(v)) {}
};

enum class LogOutput { JsonLines, Journal };

class Logger {
public:
    // JSON lines to `out` (stdout in production, a string stream in tests).
    explicit Logger(std::ostream& out, LogLevel minimum = LogLevel::Info);

    // Chooses the journal when stdout is connected to it (JOURNAL_STREAM), else JSON lines.
    static LogOutput detectOutput();
    void setOutput(LogOutput output) { output_ = output; }
    void setMinimumLevel(LogLevel level) { minimum_ = level; }

    void log(LogEvent event, std::initializer_list<LogField> fields = {});

    // The catalog codes of error-level events logged since the last call (each once, at most
    // 64): what the heartbeat tells the commune, without any field of the events.
    std::vector<int> takeRecentErrorCodes();

private:
    void writeJson(const LogEventInfo& info, std::initializer_list<LogField> fields);
    void writeJournal(const LogEventInfo& info, std::initializer_list<LogField> fields);

    std::ostream& out_;
    LogLevel minimum_;
    LogOutput output_ = LogOutput::JsonLines;
    std::mutex mutex_;
    static constexpr std::size_t kRecentErrorCap = 64;
    std::vector<int> recentErrors_;
};

} // namespace kiosk
