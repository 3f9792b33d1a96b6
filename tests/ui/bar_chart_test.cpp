// Bar chart geometry: slots, proportional heights and the scale.
#include "ui/widgets/bar_chart.hpp"

#include <catch2/catch.hpp>

using namespace kiosk::ui;

TEST_CASE("bars share the width and grow from the baseline in proportion", "[maintainer]") {
    std::vector<std::int64_t> values{0, 5, 10, 2};
    BarLayout layout = layoutBars(values, 100, 50, 400, 200, 20);
    REQUIRE(layout.bars.size() == 4);
    CHECK(layout.scaleMax == 10);
    // Slots of 100 px with 10 px of gap each side of a bar.
    CHECK(layout.bars[0].x0 == Approx(110));
    CHECK(layout.bars[0].x1 == Approx(190));
    CHECK(layout.bars[3].x1 == Approx(490));
    for (const BarRect& bar : layout.bars) {
        CHECK(bar.y1 == Approx(250));
    }
    CHECK(layout.bars[0].y0 == Approx(250)); // zero: no height
    CHECK(layout.bars[1].y0 == Approx(150)); // half
    CHECK(layout.bars[2].y0 == Approx(50));  // full
    CHECK(layout.bars[3].y0 == Approx(210));
}

TEST_CASE("an all-zero series keeps a scale of one and flat bars", "[maintainer]") {
    std::vector<std::int64_t> values{0, 0, -3};
    BarLayout layout = layoutBars(values, 0, 0, 300, 100, 10);
    CHECK(layout.scaleMax == 1);
    REQUIRE(layout.bars.size() == 3);
    for (const BarRect& bar : layout.bars) {
        CHECK(bar.y0 == Approx(100));
    }
}

TEST_CASE("narrow slots keep half their width for the bar", "[maintainer]") {
    std::vector<std::int64_t> values(31, 1);
    BarLayout layout = layoutBars(values, 0, 0, 62, 10, 20);
    REQUIRE(layout.bars.size() == 31);
    CHECK(layout.bars[0].x1 - layout.bars[0].x0 == Approx(1.0));
    CHECK(layout.bars[30].x1 <= 62.0f + 1e-3f);
}

TEST_CASE("no values give no bars", "[maintainer]") {
    BarLayout layout = layoutBars({}, 0, 0, 100, 100, 4);
    CHECK(layout.bars.empty());
}
