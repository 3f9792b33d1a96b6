// Config parsing: defaults, every kind of value, and errors that name file, line and key.
#include "kiosk/config/config.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("an empty config gives the built-in defaults", "[config]") {
    auto config = parseConfig("", "empty.ini");
    REQUIRE(config.ok());
    CHECK(config->language == Language::Vietnamese);
    CHECK(config->session.inactivityTimeout == std::chrono::seconds(120));
    CHECK(config->display.fullscreen);
}

TEST_CASE("config values of every kind are read", "[config]") {
    auto config = parseConfig("[kiosk]\n"
                              "commune_name = Xã Thổ Tang\n"
                              "language = en\n"
                              "[display]\n"
                              "fullscreen = false\n"
                              "panel_width_mm = 344.2\n"
                              "rotation = 270\n"
                              "[session]\n"
                              "inactivity_timeout_s = 60\n"
                              "[devices]\n"
                              "printer = sim\n"
                              "card_reader = none\n",
                              "kiosk.ini");
    REQUIRE(config.ok());
    CHECK(config->communeName == "Xã Thổ Tang");
    CHECK(config->language == Language::English);
    CHECK_FALSE(config->display.fullscreen);
    CHECK(config->display.panelWidthMm == Approx(344.2));
    CHECK(config->display.rotationDegrees == 270);
    CHECK(config->session.inactivityTimeout == std::chrono::seconds(60));
    CHECK(config->devices.printer == DeviceChoice::Simulated);
    CHECK(config->devices.cardReader == DeviceChoice::None);
}

TEST_CASE("a config typo names the file, the line and the key", "[config]") {
    auto config = parseConfig("[kiosk]\ncommune_name = X\n[session]\ninactivty_timeout_s = 60\n",
                              "/etc/kiosk.ini");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message == "/etc/kiosk.ini:4: unknown key [session] inactivty_timeout_s");
}

TEST_CASE("a bad value says what is allowed", "[config]") {
    auto config = parseConfig("[display]\nrotation = 45\n", "k.ini");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message == "k.ini:2: [display] rotation must be 0, 90, 180 or 270");

    auto seconds = parseConfig("[session]\ninactivity_timeout_s = soon\n", "k.ini");
    REQUIRE_FALSE(seconds.ok());
    CHECK(seconds.error().message.find(
              "k.ini:2: [session] inactivity_timeout_s must be a whole number") == 0);

    auto language = parseConfig("[kiosk]\nlanguage = fr\n", "k.ini");
    REQUIRE_FALSE(language.ok());
    CHECK(language.error().message == "k.ini:2: [kiosk] language must be vi or en");
}

TEST_CASE("a line that is not key = value is reported with its number", "[config]") {
    auto config = parseConfig("[kiosk]\n\njust some words\n", "k.ini");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message.find("k.ini:3:") == 0);
}

TEST_CASE("the first of several errors is the one reported", "[config]") {
    auto config = parseConfig("[devices]\nprinter = maybe\nreader = x\n", "k.ini");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message == "k.ini:2: [devices] printer must be auto, sim or none");
}

TEST_CASE("an unreadable config file is reported by path", "[config]") {
    auto config = loadConfig("/nonexistent/kiosk.ini");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().code == "config.unreadable");
    CHECK(config.error().message.find("/nonexistent/kiosk.ini") == 0);
}

TEST_CASE("blanking before dimming is refused", "[config]") {
    auto config = parseConfig("[display]\ndim_after_s = 600\nblank_after_s = 60\n", "k.ini");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message.find("blank_after_s") != std::string::npos);
}

TEST_CASE("the CSCA trust store directory for ID cards is configurable", "[config][card]") {
    auto defaults = parseConfig("", "k.ini");
    REQUIRE(defaults.ok());
    CHECK(defaults->devices.cscaDir == "/etc/kiosk/csca");
    auto config = parseConfig("[devices]\ncsca_dir = /var/lib/kiosk/csca\n", "k.ini");
    REQUIRE(config.ok());
    CHECK(config->devices.cscaDir == "/var/lib/kiosk/csca");
}
