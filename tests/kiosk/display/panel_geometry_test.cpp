// Rotation geometry: corners and centre of the panel land where a turned picture puts them.
#include "kiosk/display/panel_geometry.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

// A 1280x800 landscape panel, as the Raspberry Pi's 10" kiosk panels are.
constexpr Size kNative{1280, 800};

void checkPoint(Point actual, Point expected) {
    CHECK(actual.x == Approx(expected.x));
    CHECK(actual.y == Approx(expected.y));
}

} // namespace

TEST_CASE("rotation degrees are read and written for the four orientations only", "[display]") {
    for (int degrees : {0, 90, 180, 270}) {
        auto rotation = rotationFromDegrees(degrees);
        REQUIRE(rotation);
        CHECK(rotationDegrees(*rotation) == degrees);
    }
    CHECK_FALSE(rotationFromDegrees(45));
    CHECK_FALSE(rotationFromDegrees(-90));
    CHECK_FALSE(rotationFromDegrees(360));
}

TEST_CASE("the upright size swaps width and height only at 90 and 270 degrees", "[display]") {
    CHECK(logicalSize(kNative, Rotation::None) == Size{1280, 800});
    CHECK(logicalSize(kNative, Rotation::Quarter) == Size{800, 1280});
    CHECK(logicalSize(kNative, Rotation::Half) == Size{1280, 800});
    CHECK(logicalSize(kNative, Rotation::ThreeQuarters) == Size{800, 1280});
}

TEST_CASE("the upright picture's top-left corner sits where a clockwise turn puts it",
          "[display]") {
    // Where the UI's top-left corner appears on the native panel, turned clockwise.
    SECTION("0 degrees: top-left") {
        checkPoint(logicalToNative({0, 0}, {1280, 800}, Rotation::None), {0, 0});
    }
    SECTION("90 degrees: top-right") {
        checkPoint(logicalToNative({0, 0}, {800, 1280}, Rotation::Quarter), {1280, 0});
    }
    SECTION("180 degrees: bottom-right") {
        checkPoint(logicalToNative({0, 0}, {1280, 800}, Rotation::Half), {1280, 800});
    }
    SECTION("270 degrees: bottom-left") {
        checkPoint(logicalToNative({0, 0}, {800, 1280}, Rotation::ThreeQuarters), {0, 800});
    }
}

TEST_CASE("every native corner and the centre map onto the upright picture's corners and centre",
          "[display]") {
    struct Case {
        Rotation rotation;
        Point topLeft, topRight, bottomRight, bottomLeft; // logical images of native corners
    };
    // At 90 degrees the native top-right corner shows the UI's top-left, and so on round.
    const Case cases[] = {
        {Rotation::None, {0, 0}, {1280, 0}, {1280, 800}, {0, 800}},
        {Rotation::Quarter, {0, 1280}, {0, 0}, {800, 0}, {800, 1280}},
        {Rotation::Half, {1280, 800}, {0, 800}, {0, 0}, {1280, 0}},
        {Rotation::ThreeQuarters, {800, 0}, {800, 1280}, {0, 1280}, {0, 0}},
    };
    for (const Case& c : cases) {
        INFO("rotation " << rotationDegrees(c.rotation));
        checkPoint(nativeToLogical({0, 0}, kNative, c.rotation), c.topLeft);
        checkPoint(nativeToLogical({1280, 0}, kNative, c.rotation), c.topRight);
        checkPoint(nativeToLogical({1280, 800}, kNative, c.rotation), c.bottomRight);
        checkPoint(nativeToLogical({0, 800}, kNative, c.rotation), c.bottomLeft);
        Size upright = logicalSize(kNative, c.rotation);
        checkPoint(nativeToLogical({640, 400}, kNative, c.rotation),
                   {upright.width / 2, upright.height / 2});
    }
}

TEST_CASE("native to upright and back returns the same point in every orientation", "[display]") {
    for (Rotation rotation :
         {Rotation::None, Rotation::Quarter, Rotation::Half, Rotation::ThreeQuarters}) {
        INFO("rotation " << rotationDegrees(rotation));
        Size upright = logicalSize(kNative, rotation);
        for (Point p : {Point{0, 0}, Point{100, 700}, Point{1279.5, 0.5}, Point{333, 222}}) {
            checkPoint(logicalToNative(nativeToLogical(p, kNative, rotation), upright, rotation),
                       p);
            checkPoint(nativeToLogical(logicalToNative(p, kNative, rotation), upright, rotation),
                       p);
        }
    }
}

TEST_CASE("a quarter-turned picture is placed centred so that it covers the panel", "[display]") {
    Placement upright = rotatedPlacement(1280, 800, Rotation::None);
    CHECK(upright.x == 0);
    CHECK(upright.y == 0);
    CHECK(upright.width == 1280);
    CHECK(upright.height == 800);
    CHECK(upright.angleDegrees == 0);

    Placement quarter = rotatedPlacement(1280, 800, Rotation::Quarter);
    CHECK(quarter.width == 800);
    CHECK(quarter.height == 1280);
    // Same centre as the panel: (240 + 400, -240 + 640) = (640, 400).
    CHECK(quarter.x == 240);
    CHECK(quarter.y == -240);
    CHECK(quarter.angleDegrees == 90);

    CHECK(rotatedPlacement(1280, 800, Rotation::Half).angleDegrees == 180);
    CHECK(rotatedPlacement(1280, 800, Rotation::ThreeQuarters).angleDegrees == 270);
}
