// The take-home text carries a lesson's title and reminders in the resident's language.
#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/lesson/take_home_text.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("the take-home text lists the lesson's reminders in the chosen language", "[lesson]") {
    auto catalog = loadLessonCatalog(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE(catalog);
    const Lesson& lesson = *catalog->find("vneid-activation-01");
    TakeHomeText vi = takeHomeText(lesson, Language::Vietnamese);
    CHECK(vi.title == lesson.title.vi);
    REQUIRE(vi.lines.size() == lesson.takeHome.size());
    CHECK(vi.lines[0] == lesson.takeHome[0].vi);
    TakeHomeText en = takeHomeText(lesson, Language::English);
    CHECK(en.title == lesson.title.en);
    CHECK(en.lines.back() == lesson.takeHome.back().en);
}
