// Config keys of assisted mode and the usage log: values, ranges and their defaults.
#include "kiosk/config/config.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("assisted mode and usage keys have safe defaults", "[assist]") {
    auto config = parseConfig("", "empty.ini");
    REQUIRE(config.ok());
    CHECK(config->assisted.inactivitySignout == std::chrono::minutes(15));
    CHECK(config->assisted.sessionLimit == std::chrono::hours(4));
    CHECK_FALSE(config->assisted.countPerVolunteer);
    CHECK(config->usage.retentionDays == 90);
    CHECK(config->usage.ratingScale == 5);
}

TEST_CASE("assisted mode and usage keys are read", "[assist]") {
    auto config = parseConfig("[assisted]\n"
                              "inactivity_signout_s = 300\n"
                              "session_limit_s = 7200\n"
                              "count_per_volunteer = yes\n"
                              "[usage]\n"
                              "retention_days = 30\n"
                              "rating_scale = 3\n",
                              "kiosk.ini");
    REQUIRE(config.ok());
    CHECK(config->assisted.inactivitySignout == std::chrono::seconds(300));
    CHECK(config->assisted.sessionLimit == std::chrono::seconds(7200));
    CHECK(config->assisted.countPerVolunteer);
    CHECK(config->usage.retentionDays == 30);
    CHECK(config->usage.ratingScale == 3);
}

TEST_CASE("assisted mode and usage keys out of range are refused", "[assist]") {
    CHECK_FALSE(parseConfig("[assisted]\ninactivity_signout_s = 5\n", "k.ini").ok());
    CHECK_FALSE(parseConfig("[assisted]\nsession_limit_s = 99999\n", "k.ini").ok());
    CHECK_FALSE(parseConfig("[assisted]\ncount_per_volunteer = maybe\n", "k.ini").ok());
    CHECK_FALSE(parseConfig("[usage]\nretention_days = 1\n", "k.ini").ok());
    CHECK_FALSE(parseConfig("[usage]\nrating_scale = 11\n", "k.ini").ok());
    // The result screen has faces for 3 and 5 answers only.
    CHECK_FALSE(parseConfig("[usage]\nrating_scale = 4\n", "k.ini").ok());
    auto inverted =
        parseConfig("[assisted]\ninactivity_signout_s = 3600\nsession_limit_s = 600\n", "k.ini");
    REQUIRE_FALSE(inverted.ok());
    CHECK(inverted.error().message ==
          "k.ini: [assisted] session_limit_s must not be shorter than inactivity_signout_s");
}
