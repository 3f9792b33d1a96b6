// The [display] keys for touch calibration and the backlight: read, defaulted and refused.
#include "kiosk/config/config.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("touch calibration and backlight default to identity and none", "[config]") {
    auto config = parseConfig("", "k.ini");
    REQUIRE(config);
    CHECK(config->display.touchCalibration.isIdentity());
    CHECK(config->display.backlightDir.empty());
}

TEST_CASE("touch calibration and backlight directory are read from the display section",
          "[config]") {
    auto config = parseConfig("[display]\n"
                              "touch_calibration = 0 -1 1 1 0 0\n"
                              "backlight_dir = /sys/class/backlight/rpi_backlight\n",
                              "k.ini");
    REQUIRE(config);
    CHECK(config->display.touchCalibration.matrix == std::array<double, 6>{0, -1, 1, 1, 0, 0});
    CHECK(config->display.backlightDir == "/sys/class/backlight/rpi_backlight");
}

TEST_CASE("a bad touch calibration names the file, line and key", "[config]") {
    auto config = parseConfig("[display]\nrotation = 90\ntouch_calibration = 1 0 0 0 1\n", "k.ini");
    REQUIRE_FALSE(config);
    CHECK(config.error().message == "k.ini:3: [display] touch_calibration must be six numbers a b "
                                    "c d e f (identity: 1 0 0 0 1 0); found 5");
}
