// Volunteers and the maintainer PIN in SQLite: pseudonymous ids, scrypt PINs, persistent lockout.
#pragma once

#include "kiosk/assist/pin_hash.hpp"
#include "kiosk/assist/pin_lockout.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/usage/usage_event.hpp"
#include "kiosk/usage/usage_sqlite.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class VolunteerState { Enabled, Disabled };

struct Volunteer {
    std::string id;          // pseudonymous "vol-xxxxxxxx": the only thing ever logged
    std::string displayName; // chosen by the maintainer; staff data, shown on screen, never logged
    VolunteerState state = VolunteerState::Enabled;
};

struct VolunteerStoreOptions {
    PinHashParams hashParams;
    LockoutPolicy lockout;
    // The boot id and boot clock lockouts are measured with (see LockoutInstant); tests that
    // move the wall clock pass one that moves with it.
    std::function<LockoutInstant()> bootClock = currentBootInstant;
};

// Where the kiosk keeps volunteers inside its data directory.
// The guidance volume (0-100) a volunteer chose; absent until one does ([audio] volume_percent).
inline constexpr std::string_view kGuidanceVolumeSetting = "audio.volume_percent";

std::filesystem::path assistDatabasePath(const std::filesystem::path& dataDir);

class VolunteerStore {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;

    // Opens or creates the database. The clock is wall time because lockouts must survive a
    // restart; `logger` is a nullable borrow.
    static Result<std::unique_ptr<VolunteerStore>> open(const std::filesystem::path& path,
                                                        VolunteerStoreOptions options,
                                                        Logger* logger, Clock clock);

    // Adds an enabled volunteer with a fresh pseudonymous id. The name is 1 to 40 characters
    // of printable text.
    Result<Volunteer> addVolunteer(std::string_view displayName, std::string_view pin);
    Status setVolunteerPin(std::string_view id, std::string_view pin);
    Status setVolunteerState(std::string_view id, VolunteerState state);
    // Enabled first, then by name.
    Result<std::vector<Volunteer>> listVolunteers() const;

    // Checks the PIN of an enabled volunteer. Errors: "assist.unknown_volunteer",
    // "assist.disabled", "assist.locked" (see lockedFor; the PIN is not even tried),
    // "assist.wrong_pin" (counted towards the lockout).
    Result<Volunteer> signIn(std::string_view id, std::string_view pin);

    Status setMaintainerPin(std::string_view pin);
    bool hasMaintainerPin() const;

    // Kiosk settings volunteers change on the tools screen (kGuidanceVolumeSetting); they
    // live here because this is the store those screens already write, and it survives updates.
    Status setSetting(std::string_view key, std::int64_t value);
    Result<std::optional<std::int64_t>> setting(std::string_view key) const;
    // Same errors as signIn, except the volunteer ones; "assist.no_maintainer_pin" if unset.
    Status checkMaintainerPin(std::string_view pin);

    // Time left on a lockout (zero when sign-in is open), for the volunteer id or "maintainer".
    std::chrono::seconds lockedFor(std::string_view principal) const;

private:
    VolunteerStore(usagedb::Database db, VolunteerStoreOptions options, Logger* logger, Clock clock)
        : db_(std::move(db))
        , options_(options)
        , logger_(logger)
        , clock_(std::move(clock)) {}

    Status checkPin(std::string_view principal, std::string_view pin, std::string_view hash);
    Status recordFailure(std::string_view principal);
    Status clearFailures(std::string_view principal);
    std::int64_t nowSeconds() const;
    LockoutInstant now() const;
    Status carryLockoutsAcrossBoot();

    usagedb::Database db_;
    VolunteerStoreOptions options_;
    Logger* logger_;
    Clock clock_;
};

} // namespace kiosk
