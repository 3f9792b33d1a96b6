// The content pack paths in the kiosk configuration.
#include "kiosk/config/config.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("content store, trust store and USB mount place are configurable", "[pack]") {
    auto defaults = parseConfig("", "empty.ini");
    REQUIRE(defaults->paths.contentDir == "/var/lib/kiosk/content");
    REQUIRE(defaults->paths.contentTrustDir == "/etc/kiosk/content-keys");
    REQUIRE(defaults->paths.usbMountDir == "/media/kiosk-usb");
    auto config = parseConfig("[paths]\n"
                              "content_dir = /srv/kiosk/content\n"
                              "content_trust_dir = /srv/kiosk/keys\n",
                              "kiosk.ini");
    REQUIRE(config);
    REQUIRE(config->paths.contentDir == "/srv/kiosk/content");
    REQUIRE(config->paths.contentTrustDir == "/srv/kiosk/keys");
}
