// The sysfs backlight: levels per screen power state, written to a fake sysfs directory.
#include "kiosk/display/backlight.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace kiosk;

namespace {

std::filesystem::path fakeBacklight(const std::string& name, const std::string& maximum) {
    // The process id keeps parallel test runs (other worktrees) out of each other's way.
    auto dir = std::filesystem::temp_directory_path() /
               ("kiosk-backlight-test-" + std::to_string(getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "max_brightness") << maximum << "\n";
    std::ofstream(dir / "brightness") << maximum << "\n";
    return dir;
}

int brightness(const std::filesystem::path& dir) {
    std::ifstream file(dir / "brightness");
    int value = -1;
    file >> value;
    return value;
}

} // namespace

TEST_CASE("the backlight is full when on, a glow when dim and off when blank", "[backlight]") {
    CHECK(backlightLevel(ScreenPowerState::On, 255) == 255);
    CHECK(backlightLevel(ScreenPowerState::Dim, 255) == 51);
    CHECK(backlightLevel(ScreenPowerState::Blank, 255) == 0);
    // A backlight with few steps still glows when dim.
    CHECK(backlightLevel(ScreenPowerState::Dim, 1) == 1);
}

TEST_CASE("screen power changes are written to the sysfs brightness file", "[backlight]") {
    auto dir = fakeBacklight("ok", "255");
    auto backlight = Backlight::open(dir);
    REQUIRE(backlight);
    CHECK(backlight->maximum() == 255);
    REQUIRE(backlight->apply(ScreenPowerState::Dim));
    CHECK(brightness(dir) == 51);
    REQUIRE(backlight->apply(ScreenPowerState::Blank));
    CHECK(brightness(dir) == 0);
    REQUIRE(backlight->apply(ScreenPowerState::On));
    CHECK(brightness(dir) == 255);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a directory that is not a backlight is refused with the file named", "[backlight]") {
    auto dir = fakeBacklight("bad", "bright");
    auto backlight = Backlight::open(dir);
    REQUIRE_FALSE(backlight);
    CHECK(backlight.error().message.find("max_brightness") != std::string::npos);
    CHECK_FALSE(Backlight::open(dir / "missing"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("a brightness file that cannot be written is reported", "[backlight]") {
    auto dir = fakeBacklight("readonly", "100");
    auto backlight = Backlight::open(dir);
    REQUIRE(backlight);
    // A directory where the file should be: the write fails even when the tests run as root.
    std::filesystem::remove(dir / "brightness");
    std::filesystem::create_directory(dir / "brightness");
    auto status = backlight->apply(ScreenPowerState::Dim);
    REQUIRE_FALSE(status);
    CHECK(status.error().code == "backlight.write");
    std::filesystem::remove_all(dir);
}
