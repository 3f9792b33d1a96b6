// Accounts and sessions: only hashes are stored (scrypt for passwords, SHA-256 for session tokens).
#include "kiosk/programs/gateway/account_store.hpp"

#include "kiosk/programs/gateway/password_hash.hpp"

#include <array>

namespace kiosk {
namespace {

constexpr std::array<std::pair<std::string_view, Role>, 3> kRoles{{
    {"viewer", Role::Viewer},
    {"officer", Role::Officer},
    {"admin", Role::Admin},
}};

std::string tokenHash(const std::string& token) {
    return sha256Hex(std::span(reinterpret_cast<const std::uint8_t*>(token.data()), token.size()));
}

// Compared against when the name is unknown, so a wrong name costs the same time as a wrong
// password and the answer does not reveal which accounts exist.
const std::string& decoyHash() {
    static const std::string hash = hashPassword("decoy password, never valid");
    return hash;
}

} // namespace

std::string_view roleName(Role role) {
    for (const auto& [name, value] : kRoles) {
        if (value == role) {
            return name;
        }
    }
    return "viewer";
}

std::optional<Role> roleFromName(std::string_view name) {
    for (const auto& [text, value] : kRoles) {
        if (text == name) {
            return value;
        }
    }
    return std::nullopt;
}

AccountStore::AccountStore(GatewayStore& store, AccountPolicy policy)
    : store_(store)
    , policy_(policy) {}

Status AccountStore::addAccount(const Account& account, const std::string& password, bool replace) {
    if (account.name.empty() || password.size() < 10) {
        return makeError("weak_password", "a name and a password of at least 10 characters");
    }
    std::string hash = hashPassword(password);
    auto lock = store_.lock();
    std::string sql = "INSERT INTO accounts(name, role, office, password_hash, created_at) "
                      "VALUES(?, ?, ?, ?, ?)";
    if (replace) {
        sql += " ON CONFLICT(name) DO UPDATE SET role = excluded.role, office = excluded.office, "
               "password_hash = excluded.password_hash, failures = 0, locked_until = 0";
    }
    auto done = store_.database().query(sql, {account.name, std::string(roleName(account.role)),
                                              account.office, hash, std::int64_t{0}});
    if (!done) {
        return makeError("account_exists",
                         "cannot add " + account.name + " (it exists already? use --replace)");
    }
    return ok();
}

Result<std::vector<Account>> AccountStore::accounts() {
    auto lock = store_.lock();
    auto rows = store_.database().query("SELECT name, role, office FROM accounts ORDER BY name");
    if (!rows) {
        return rows.error();
    }
    std::vector<Account> out;
    for (const SqlRow& row : *rows) {
        out.push_back({row.text(0), roleFromName(row.text(1)).value_or(Role::Viewer), row.text(2)});
    }
    return out;
}

Result<SignInResult> AccountStore::signIn(const std::string& name, const std::string& password,
                                          std::int64_t now) {
    std::optional<SqlRow> found;
    {
        auto lock = store_.lock();
        auto rows = store_.database().query(
            "SELECT password_hash, failures, locked_until FROM accounts WHERE name = ?", {name});
        if (!rows) {
            return rows.error();
        }
        if (!rows->empty()) {
            found = rows->front();
        }
    }
    if (!found) {
        verifyPassword(password, decoyHash());
        return SignInResult{SignIn::Refused, "", 0};
    }
    if (found->integer(2) > now) {
        return SignInResult{SignIn::LockedOut, "", found->integer(2)};
    }
    // scrypt runs outside the lock: a tenth of a second must not hold up the kiosks' API.
    bool good = verifyPassword(password, found->text(0));
    auto lock = store_.lock();
    SqlDatabase& db = store_.database();
    if (!good) {
        std::int64_t failures = found->integer(1) + 1;
        std::int64_t lockedUntil =
            failures >= policy_.maxFailures ? now + policy_.lockoutSeconds : 0;
        auto counted = db.query("UPDATE accounts SET failures = ?, locked_until = ? WHERE name = ?",
                                {lockedUntil > 0 ? std::int64_t{0} : failures, lockedUntil, name});
        if (!counted) {
            return counted.error();
        }
        return SignInResult{lockedUntil > 0 ? SignIn::LockedOut : SignIn::Refused, "", lockedUntil};
    }
    std::string token = sha256Hex(randomBytes(32));
    std::string csrf = sha256Hex(randomBytes(32));
    auto reset =
        db.query("UPDATE accounts SET failures = 0, locked_until = 0 WHERE name = ?", {name});
    db.query("DELETE FROM web_sessions WHERE expires_at < ?", {now});
    auto opened = db.query(
        "INSERT INTO web_sessions(token_hash, account, csrf_token, expires_at) VALUES(?,?,?,?)",
        {tokenHash(token), name, csrf, now + policy_.sessionSeconds});
    if (!reset || !opened) {
        return makeError("gateway_storage", "cannot open a session");
    }
    return SignInResult{SignIn::Accepted, token, 0};
}

Result<std::optional<WebSession>> AccountStore::session(const std::string& token,
                                                        std::int64_t now) {
    if (token.empty()) {
        return std::optional<WebSession>();
    }
    auto lock = store_.lock();
    auto rows = store_.database().query(
        "SELECT a.name, a.role, a.office, s.csrf_token, s.expires_at FROM web_sessions s "
        "JOIN accounts a ON a.name = s.account WHERE s.token_hash = ? AND s.expires_at > ?",
        {tokenHash(token), now});
    if (!rows) {
        return rows.error();
    }
    if (rows->empty()) {
        return std::optional<WebSession>();
    }
    const SqlRow& row = rows->front();
    return std::optional<WebSession>(
        WebSession{{row.text(0), roleFromName(row.text(1)).value_or(Role::Viewer), row.text(2)},
                   row.text(3),
                   row.integer(4)});
}

Status AccountStore::signOut(const std::string& token) {
    auto lock = store_.lock();
    auto done = store_.database().query("DELETE FROM web_sessions WHERE token_hash = ?",
                                        {tokenHash(token)});
    if (!done) {
        return done.error();
    }
    return ok();
}

} // namespace kiosk
