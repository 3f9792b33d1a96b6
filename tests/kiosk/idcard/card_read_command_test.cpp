// `kioskctl card read --sim`: every file and field printed, no personal value without --show.
#include "drivers/card_reader/sim/card_profile.hpp"
#include "kiosk/idcard/card_read_command.hpp"
#include "tests/kiosk/cli/kioskctl_test_support.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;

namespace {
sim::CardProfile profileNamed(const std::string& name) {
    auto profile =
        sim::loadCardProfile(std::string(KIOSK_SOURCE_DIR) + "/content/cards/" + name + ".json");
    REQUIRE(profile);
    return *profile;
}

int cardRead(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return testing::kioskctl({"card", "read"}, args, out, err);
}
} // namespace

TEST_CASE("card read on the simulator masks every personal value", "[card]") {
    auto profile = profileNamed("nguyen-thi-anh-tuyet");
    std::ostringstream out;
    std::ostringstream err;
    REQUIRE(cardRead({"--sim", "nguyen-thi-anh-tuyet"}, out, err) == 0);
    std::string text = out.str();
    for (const std::string& secret :
         {profile.idNumber, profile.fullName, profile.dateOfBirth, profile.placeOfResidence,
          profile.fatherName, profile.motherName, profile.spouseName, profile.oldIdNumber,
          profile.mrzSurname, profile.idNumber.substr(3), sim::mrzDate(profile.dateOfBirth)}) {
        INFO(secret);
        CHECK(text.find(secret) == std::string::npos);
    }
    CHECK(text.find("read DG13    (010D)") != std::string::npos);
    CHECK(text.find("read EF.SOD  (011D)") != std::string::npos);
    CHECK(text.find("Passive authentication: VERIFIED") != std::string::npos);
    CHECK(text.find("APDUs") != std::string::npos);
}

TEST_CASE("card read --show prints the values", "[card]") {
    auto profile = profileNamed("tran-van-duc");
    std::ostringstream out;
    std::ostringstream err;
    REQUIRE(cardRead({"--sim", "tran-van-duc", "--show"}, out, err) == 0);
    CHECK(out.str().find(profile.fullName) != std::string::npos);
    CHECK(out.str().find(profile.placeOfOrigin) != std::string::npos);
}

TEST_CASE("card read without a reader opener or key explains itself", "[card]") {
    std::ostringstream out;
    std::ostringstream err;
    CHECK(cardRead({}, out, err) == 2);
    CHECK(cardRead({"--id", "001099012345", "--dob", "990101", "--doe", "390101"}, out, err) == 1);
    CHECK(err.str().find("no USB support") != std::string::npos);
}

TEST_CASE("masking keeps the shape of Vietnamese text", "[card]") {
    CHECK(maskPersonal("Nguyễn Thị Ánh Tuyết") == "****** *** *** *****");
    CHECK(maskPersonal("14/03/1968") == "**/**/****");
}
