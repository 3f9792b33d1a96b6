// Test helper: a fresh gateway database per test, SQLite by default or PostgreSQL when the
// throwaway cluster of tests/gateway/postgres_cluster.sh is running (KIOSK_TEST_PG_URL_FILE).
#pragma once

#include "kiosk/outbox/sealed_box.hpp"
#include "kiosk/programs/gateway/sql_database.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace kiosk::testing {

// The URL of the running test cluster's maintenance database, or empty: the same tests then
// run on SQLite only. ctest sets the variable for its "on PostgreSQL" run.
inline std::string testPostgresUrl() {
    const char* file = std::getenv("KIOSK_TEST_PG_URL_FILE");
    if (file == nullptr) {
        return {};
    }
    std::ifstream in(file);
    std::string url;
    std::getline(in, url);
    REQUIRE_FALSE(url.empty()); // the variable is set, so the cluster must be up
    return url;
}

class TestDatabase {
public:
    // `file` is used when the engine is SQLite.
    explicit TestDatabase(const std::filesystem::path& file) {
        adminUrl_ = testPostgresUrl();
        if (adminUrl_.empty()) {
            location_ = file.string();
            return;
        }
        name_ = "kiosk_test_" + sha256Hex(randomBytes(16)).substr(0, 12);
        auto admin = openSqlDatabase(adminUrl_);
        REQUIRE(admin.ok());
        REQUIRE((*admin)->script("CREATE DATABASE " + name_).ok());
        location_ = adminUrl_.substr(0, adminUrl_.rfind('/') + 1) + name_;
    }
    ~TestDatabase() {
        if (name_.empty()) {
            return;
        }
        auto admin = openSqlDatabase(adminUrl_);
        if (admin) {
            (*admin)->script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        }
    }
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const std::string& location() const { return location_; }
    bool postgres() const { return !name_.empty(); }

private:
    std::string adminUrl_;
    std::string name_;
    std::string location_;
};

} // namespace kiosk::testing
