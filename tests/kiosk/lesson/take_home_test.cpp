// The take-home sheet carries a lesson's title and reminders in the resident's language.
#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/lesson/take_home.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("the take-home sheet lists the lesson's reminders in the chosen language", "[lesson]") {
    auto catalog = loadLessonCatalog(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE(catalog);
    const Lesson& lesson = *catalog->find("vneid-activation-01");
    TakeHomeSheet vi = buildTakeHomeSheet(lesson, Language::Vietnamese, "Điểm truy cập Vĩnh Tường");
    CHECK(vi.title == lesson.title.vi);
    REQUIRE(vi.steps.size() == lesson.takeHome.size());
    CHECK(vi.steps[0] == lesson.takeHome[0].vi);
    CHECK(vi.footer == "Điểm truy cập Vĩnh Tường");
    TakeHomeSheet en = buildTakeHomeSheet(lesson, Language::English, "");
    CHECK(en.language == Language::English);
    CHECK(en.title == lesson.title.en);
    CHECK(en.steps.back() == lesson.takeHome.back().en);
}
