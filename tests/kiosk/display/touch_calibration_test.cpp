// Touch calibration: parsing with clear refusals, and calibration applied before rotation.
#include "kiosk/display/touch_calibration.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("a calibration is six numbers, identity when it changes nothing", "[display]") {
    auto identity = parseTouchCalibration("1 0 0 0 1 0");
    REQUIRE(identity);
    CHECK(identity->isIdentity());

    auto mirrored = parseTouchCalibration("  -1 0 1\t0 1 0 ");
    REQUIRE(mirrored);
    CHECK_FALSE(mirrored->isIdentity());
    CHECK(mirrored->matrix == std::array<double, 6>{-1, 0, 1, 0, 1, 0});

    auto scaled = parseTouchCalibration("1.05 0 -0.025 0 1.1 -0.05");
    REQUIRE(scaled);
    CHECK(scaled->matrix[5] == Approx(-0.05));
}

TEST_CASE("a calibration with the wrong count, a word or a squashing matrix is refused",
          "[display]") {
    auto five = parseTouchCalibration("1 0 0 0 1");
    REQUIRE_FALSE(five);
    CHECK(five.error().message ==
          "must be six numbers a b c d e f (identity: 1 0 0 0 1 0); found 5");

    auto word = parseTouchCalibration("1 0 0 zero 1 0");
    REQUIRE_FALSE(word);
    CHECK(word.error().message.find("\"zero\" is not a number") != std::string::npos);

    CHECK_FALSE(parseTouchCalibration(""));
    CHECK_FALSE(parseTouchCalibration("1 0 0 0 1 0 0"));
    CHECK_FALSE(parseTouchCalibration("1 0 0 0 1 nan"));
    CHECK_FALSE(parseTouchCalibration("1 0 0 0 1 inf"));
    CHECK_FALSE(parseTouchCalibration("100 0 0 0 1 0"));

    // Every touch would fall on one line: the kiosk could never be used again.
    auto line = parseTouchCalibration("1 1 0 1 1 0");
    REQUIRE_FALSE(line);
    CHECK(line.error().code == "calibration.degenerate");
}

TEST_CASE("the calibration is applied on the native panel, before the rotation", "[display]") {
    // The touch layer is wired mirrored left-right on a panel turned a quarter clockwise.
    TouchCalibration mirror{{-1, 0, 1, 0, 1, 0}};
    Size upright{800, 1280};
    // The finger is at the native top-left; the mirrored layer reports the native top-right.
    Point reported{1, 0};
    Point corrected = mirror.apply(reported);
    CHECK(corrected.x == Approx(0));
    CHECK(corrected.y == Approx(0));
    // The native top-left is the UI's bottom-left at 90 degrees.
    Point logical = touchToLogical(reported, mirror, Rotation::Quarter, upright);
    CHECK(logical.x == Approx(0));
    CHECK(logical.y == Approx(1280));
}

TEST_CASE("an uncalibrated touch lands on the upright UI in all four orientations", "[display]") {
    TouchCalibration none;
    // A finger at the native panel's top-right corner (normalised 1, 0).
    CHECK(touchToLogical({1, 0}, none, Rotation::None, {1280, 800}).x == Approx(1280));
    Point quarter = touchToLogical({1, 0}, none, Rotation::Quarter, {800, 1280});
    CHECK(quarter.x == Approx(0));
    CHECK(quarter.y == Approx(0));
    Point half = touchToLogical({1, 0}, none, Rotation::Half, {1280, 800});
    CHECK(half.x == Approx(0));
    CHECK(half.y == Approx(800));
    Point threeQuarters = touchToLogical({1, 0}, none, Rotation::ThreeQuarters, {800, 1280});
    CHECK(threeQuarters.x == Approx(800));
    CHECK(threeQuarters.y == Approx(1280));
    // The centre stays the centre whatever the turn.
    Point centre = touchToLogical({0.5, 0.5}, none, Rotation::ThreeQuarters, {800, 1280});
    CHECK(centre.x == Approx(400));
    CHECK(centre.y == Approx(640));
}
