// PIN shapes, scrypt hashes with stored params, and the doubling lockout.
#include "kiosk/assist/pin_hash.hpp"
#include "kiosk/assist/pin_lockout.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono;

namespace {
// Cheap parameters for tests; the default cost is checked once below.
const PinHashParams kFast{1 << 10, 8, 1};
} // namespace

TEST_CASE("PINs are digits only, 4-8 for volunteers and 6-12 for the maintainer", "[assist]") {
    CHECK(checkPinShape("1234", PinRole::Volunteer).ok());
    CHECK(checkPinShape("12345678", PinRole::Volunteer).ok());
    CHECK_FALSE(checkPinShape("123", PinRole::Volunteer).ok());
    CHECK_FALSE(checkPinShape("123456789", PinRole::Volunteer).ok());
    CHECK_FALSE(checkPinShape("12a4", PinRole::Volunteer).ok());
    CHECK_FALSE(checkPinShape("", PinRole::Volunteer).ok());
    CHECK_FALSE(checkPinShape("1234", PinRole::Maintainer).ok());
    CHECK(checkPinShape("123456", PinRole::Maintainer).ok());
    CHECK(checkPinShape("123456789012", PinRole::Maintainer).ok());
}

TEST_CASE("a PIN hash stores scrypt params and salt and verifies only its PIN", "[assist]") {
    auto hash = hashPin("48213579", kFast);
    REQUIRE(hash.ok());
    CHECK(hash->rfind("scrypt$1024$8$1$", 0) == 0);
    CHECK(hash->size() == std::string("scrypt$1024$8$1$").size() + 32 + 1 + 64);
    // Eight digits: a shorter PIN turns up by chance in 96 random hex digits (4 digits: 1 in 700).
    CHECK(hash->find("48213579") == std::string::npos);
    CHECK(*verifyPin("48213579", *hash) == PinMatch::Match);
    CHECK(*verifyPin("48213570", *hash) == PinMatch::NoMatch);
    CHECK(*verifyPin("", *hash) == PinMatch::NoMatch);
    auto again = hashPin("48213579", kFast);
    REQUIRE(again.ok());
    CHECK(*again != *hash); // fresh salt every time
}

TEST_CASE("the default PIN hash cost is scrypt N=2^15 and still verifies", "[assist]") {
    auto hash = hashPin("482193", PinHashParams{});
    REQUIRE(hash.ok());
    CHECK(hash->rfind("scrypt$32768$8$1$", 0) == 0);
    CHECK(*verifyPin("482193", *hash) == PinMatch::Match);
}

TEST_CASE("a stored hash in an unknown format is an error, not a match", "[assist]") {
    for (const char* bad : {"", "4821", "bcrypt$1$2$3$00$00", "scrypt$x$8$1$00$00",
                            "scrypt$1024$8$1$zz$00", "scrypt$1024$8$1$00$", "scrypt$1024$8$1"}) {
        INFO(bad);
        auto result = verifyPin("4821", bad);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "assist.bad_pin_hash");
    }
}

TEST_CASE("the lockout starts after five wrong PINs and doubles each time", "[assist]") {
    LockoutPolicy policy;
    for (int failures = 0; failures < 5; ++failures) {
        CHECK(lockoutAfter(failures, policy) == seconds(0));
    }
    CHECK(lockoutAfter(5, policy) == seconds(15));
    CHECK(lockoutAfter(6, policy) == seconds(30));
    CHECK(lockoutAfter(7, policy) == seconds(60));
    CHECK(lockoutAfter(10, policy) == seconds(480));
    CHECK(lockoutAfter(12, policy) == seconds(1920));
    CHECK(lockoutAfter(13, policy) == hours(1));
    CHECK(lockoutAfter(1000, policy) == hours(1));
}

TEST_CASE("PINs a stranger tries first count as easy", "[assist]") {
    for (std::string_view easy :
         {"0000", "1111", "1234", "0123", "4321", "9876", "123456", "1212", "9090", "12345678"}) {
        INFO(easy);
        CHECK(isEasyPin(easy));
        CHECK(checkNewPin(easy, PinRole::Volunteer).error().code == "assist.easy_pin");
    }
    for (std::string_view fine : {"2580", "1357", "8402", "1122", "2468", "1231"}) {
        INFO(fine);
        CHECK_FALSE(isEasyPin(fine));
        CHECK(checkNewPin(fine, PinRole::Volunteer).ok());
    }
    CHECK(checkNewPin("12a4", PinRole::Volunteer).error().code == "assist.bad_pin_shape");
}
