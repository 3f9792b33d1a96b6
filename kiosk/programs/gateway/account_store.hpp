// Commune staff accounts (viewer, officer, admin), sign-in with lockout, and web sessions.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/programs/gateway/gateway_store.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk {

// Viewer: fleet, usage and skills pages. Officer: also the inbox (personal data). Admin: also
// the village populations and the kiosk registry.
enum class Role { Viewer, Officer, Admin };
std::string_view roleName(Role role);
std::optional<Role> roleFromName(std::string_view name);

struct Account {
    std::string name;
    Role role = Role::Viewer;
    std::string office; // shown to residents in the access record, e.g. "Bộ phận một cửa xã"
};

struct WebSession {
    Account account;
    std::string csrfToken; // every form carries it; a POST without it is refused
    std::int64_t expiresAt = 0;
};

enum class SignIn { Accepted, Refused, LockedOut };
struct SignInResult {
    SignIn outcome = SignIn::Refused;
    std::string token; // the session cookie's value, only when Accepted
    std::int64_t lockedUntil = 0;
};

struct AccountPolicy {
    int maxFailures = 5;                    // wrong passwords in a row before the lockout
    std::int64_t lockoutSeconds = 900;      // 15 minutes: slow for a guesser, short for a clerk
    std::int64_t sessionSeconds = 8 * 3600; // one working day
};

class AccountStore {
public:
    AccountStore(GatewayStore& store, AccountPolicy policy = {});

    // Adds an account, or with `replace` sets a new password, role and office for it.
    Status addAccount(const Account& account, const std::string& password, bool replace);
    Result<std::vector<Account>> accounts();

    // Checks the password (scrypt), counts failures, and opens a session.
    Result<SignInResult> signIn(const std::string& name, const std::string& password,
                                std::int64_t now);
    Result<std::optional<WebSession>> session(const std::string& token, std::int64_t now);
    Status signOut(const std::string& token);

private:
    GatewayStore& store_;
    AccountPolicy policy_;
};

} // namespace kiosk
