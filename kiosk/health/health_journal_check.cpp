// Health check of the kiosk service's history in the journal: its last crash or watchdog kill.
#include "kiosk/health/health_check.hpp"

#include <cstring>
#include <ctime>
#include <systemd/sd-journal.h>

namespace kiosk {
namespace {

std::string field(sd_journal* journal, const char* name) {
    const void* data = nullptr;
    std::size_t length = 0;
    if (sd_journal_get_data(journal, name, &data, &length) < 0) {
        return {};
    }
    std::string text(static_cast<const char*>(data), length);
    auto equals = text.find('=');
    return equals == std::string::npos ? std::string{} : text.substr(equals + 1);
}

// What PID 1 and systemd-coredump write when the service dies badly.
const char* kindOf(const std::string& message, const std::string& coredumpUnit) {
    if (!coredumpUnit.empty() || message.find("code=dumped") != std::string::npos) {
        return "crash";
    }
    if (message.find("Watchdog timeout") != std::string::npos) {
        return "watchdog restart";
    }
    if (message.find("code=killed") != std::string::npos) {
        return "killed";
    }
    return nullptr;
}

} // namespace

HealthResult checkJournal(const std::filesystem::path& journalDirectory,
                          std::chrono::system_clock::time_point now, const HealthLimits& limits) {
    const char* title = "Crashes";
    sd_journal* journal = nullptr;
    int opened = journalDirectory.empty()
                     ? sd_journal_open(&journal, SD_JOURNAL_LOCAL_ONLY | SD_JOURNAL_SYSTEM)
                     : sd_journal_open_directory(&journal, journalDirectory.c_str(), 0);
    if (opened < 0) {
        return {"journal", title, HealthLevel::Warn,
                std::string("cannot open the journal: ") + std::strerror(-opened),
                "run as root or a member of group systemd-journal"};
    }
    // An empty journal (no journald on this box, or no permission to read it) proves nothing.
    if (sd_journal_seek_head(journal) < 0 || sd_journal_next(journal) <= 0) {
        sd_journal_close(journal);
        return {"journal", title, HealthLevel::Warn, "no journal entries readable here",
                "run as root or a member of group systemd-journal; keep the journal "
                "(Storage=persistent)"};
    }
    sd_journal_add_match(journal, "UNIT=kiosk.service", 0);
    sd_journal_add_disjunction(journal);
    sd_journal_add_match(journal, "COREDUMP_UNIT=kiosk.service", 0);
    sd_journal_seek_tail(journal);
    auto oldest = now - limits.journalLookBack;
    HealthResult found{"journal", title, HealthLevel::Ok,
                       "no crash or watchdog restart of kiosk.service in " +
                           std::to_string(limits.journalLookBack.count() / 24) + " days",
                       ""};
    while (sd_journal_previous(journal) > 0) {
        std::uint64_t microseconds = 0;
        if (sd_journal_get_realtime_usec(journal, &microseconds) < 0) {
            continue;
        }
        auto when = std::chrono::system_clock::time_point(std::chrono::microseconds(microseconds));
        if (when < oldest) {
            break;
        }
        const char* kind = kindOf(field(journal, "MESSAGE"), field(journal, "COREDUMP_UNIT"));
        if (kind == nullptr) {
            continue;
        }
        std::time_t seconds = std::chrono::system_clock::to_time_t(when);
        std::tm local{};
        localtime_r(&seconds, &local);
        char text[32];
        std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
        auto hours = std::chrono::duration_cast<std::chrono::hours>(now - when).count();
        found = {"journal", title, HealthLevel::Warn,
                 std::string("last ") + kind + " of kiosk.service at " + text + " (" +
                     std::to_string(hours) + " h ago)",
                 "journalctl -u kiosk.service --since '" + std::string(text) +
                     "' and look up its KIOSK-codes in docs/log-events.md"};
        break;
    }
    sd_journal_close(journal);
    return found;
}

} // namespace kiosk
