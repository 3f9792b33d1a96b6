// Reporting periods and the SVG bar chart of the dashboard: pure functions, no server.
#include "kiosk/programs/gateway/svg_chart.hpp"
#include "kiosk/programs/gateway/usage_period.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("usage periods are ISO weeks, calendar months and quarters around a day", "[dashboard]") {
    CivilDate tuesday{2026, 11, 10};
    UsagePeriod week = usagePeriod(PeriodKind::Week, tuesday);
    CHECK(week.first == CivilDate{2026, 11, 9}); // a Monday
    CHECK(week.last == CivilDate{2026, 11, 15});
    CHECK(week.previous == CivilDate{2026, 11, 8});
    CHECK(week.next == CivilDate{2026, 11, 16});
    CHECK(periodSlug(week) == "2026-W46");
    CHECK(periodLabelVi(week) == "Tuần 46/2026 (09/11–15/11)");

    // 1 January 2027 is a Friday: it belongs to the last ISO week of 2026.
    UsagePeriod newYear = usagePeriod(PeriodKind::Week, CivilDate{2027, 1, 1});
    CHECK(newYear.first == CivilDate{2026, 12, 28});
    CHECK(periodSlug(newYear) == "2026-W53");

    UsagePeriod february = usagePeriod(PeriodKind::Month, CivilDate{2028, 2, 14});
    CHECK(february.last == CivilDate{2028, 2, 29}); // a leap year
    CHECK(periodLabelVi(february) == "Tháng 2/2028");
    CHECK(periodSlug(february) == "2028-02");

    UsagePeriod quarter = usagePeriod(PeriodKind::Quarter, CivilDate{2026, 11, 15});
    CHECK(quarter.first == CivilDate{2026, 10, 1});
    CHECK(quarter.last == CivilDate{2026, 12, 31});
    CHECK(quarter.next == CivilDate{2027, 1, 1});
    CHECK(periodLabelEn(quarter) == "Quarter 4 of 2026");
    CHECK(periodKindFromName("quarter") == PeriodKind::Quarter);
    CHECK_FALSE(periodKindFromName("year").has_value());
}

TEST_CASE("bar charts scale to the largest value, escape labels and mark lower bounds",
          "[dashboard]") {
    std::string svg = barChartSvg("c", "Lượt <sử dụng>",
                                  {{"Thôn Đông", 100, false, false},
                                   {"<script>", 50, true, true},
                                   {"Thôn Bắc", 0, false, false}});
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
    CHECK(svg.find("width=\"380\"") != std::string::npos); // the largest bar fills the space
    CHECK(svg.find("width=\"190\"") != std::string::npos); // half of it
    CHECK(svg.find("≥ 50") != std::string::npos);
    CHECK(svg.find("#b00000") != std::string::npos); // the alarm bar is red
    CHECK(shortenUtf8("Nhà văn hóa", 3) == "Nhà…");
    CHECK(shortenUtf8("Nhà", 3) == "Nhà");
}
