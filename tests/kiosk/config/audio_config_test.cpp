// The [audio] section: guidance volume and whether texts without a clip are synthesised.
#include "kiosk/config/config.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("audio guidance volume and speech synthesis are configurable", "[audio]") {
    auto config = parseConfig("[audio]\nvolume_percent = 35\nspeech_synthesis = off\n", "k.ini");
    REQUIRE(config.ok());
    CHECK(config->audio.volumePercent == 35);
    CHECK_FALSE(config->audio.speechSynthesis);
    Config defaults;
    CHECK(defaults.audio.volumePercent == 80);
    CHECK(defaults.audio.speechSynthesis);
}

TEST_CASE("an audio volume outside 0-100 is refused", "[audio]") {
    auto config = parseConfig("[audio]\nvolume_percent = 150\n", "k.ini");
    REQUIRE_FALSE(config.ok());
    CHECK_THAT(config.error().message, Catch::Contains("volume_percent"));
    CHECK_FALSE(parseConfig("[audio]\nspeech_synthesis = sometimes\n", "k.ini").ok());
}
