// Test helper: a fresh directory under /tmp, removed at the end of the test.
#pragma once

#include "kiosk/outbox/sealed_box.hpp"

#include <filesystem>

namespace kiosk::testing {

class TempDir {
public:
    TempDir()
        : path_(std::filesystem::temp_directory_path() /
                ("kiosk-test-" + toHex(randomBytes(6), LetterCase::Lower))) {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const char* name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

} // namespace kiosk::testing
