// Test helper: a fresh, uniquely named directory under /tmp, removed at the end of the test.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kiosk::testing {

class TempDir {
public:
    // mkdtemp, not a fixed name: two checkouts (or CI jobs) may run the same test at once.
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "kiosk-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(std::string_view name) const {
        return path_ / std::filesystem::path(name);
    }

private:
    std::filesystem::path path_;
};

} // namespace kiosk::testing
