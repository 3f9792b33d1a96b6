// Scripted residents walk every shipped lesson through the flow: forward, back, and away.
#include "kiosk/flow/flow.hpp"
#include "kiosk/lesson/lesson_loader.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <unistd.h>

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path kContent = std::filesystem::path(KIOSK_SOURCE_DIR) / "content";

const LessonCatalog& shippedLessons() {
    static const LessonCatalog catalog = [] {
        auto loaded = loadLessonCatalog(kContent);
        REQUIRE(loaded);
        return *loaded;
    }();
    return catalog;
}

struct Resident {
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    SteadyTime now = SteadyTime{} + 1000s;
    Flow flow{config, logger};
    std::vector<Effect> effects;

    Resident() { flow.setLessons(&shippedLessons()); }
    void tap(const Intent& intent) {
        now += 2s;
        flow.apply(intent, now);
        auto taken = flow.takeEffects();
        effects.insert(effects.end(), taken.begin(), taken.end());
    }
    void typeOnPhone(const std::string& digits) {
        for (char c : digits) {
            tap(intent::PhoneKey{c});
        }
    }
    const LessonSession& lesson() const { return flow.state().lesson; }
    template <class T> int count() const {
        return static_cast<int>(std::count_if(effects.begin(), effects.end(), [](const Effect& e) {
            return std::holds_alternative<T>(e);
        }));
    }

    // Does what the current step asks (rehearse, answer wrong then right) and presses Next.
    void finishStep(const Lesson& lesson) {
        const LessonStep& step = lesson.steps[this->lesson().step];
        if (step.kind == StepKind::PracticePhone) {
            tap(intent::LessonNext{});
            REQUIRE(flow.state().screen == Screen::LessonStep); // not before the rehearsal
            typeOnPhone(kPracticeIdNumber);
            tap(intent::PhoneSubmit{});
            tap(intent::PhoneSubmit{}); // open the SMS
            typeOnPhone(this->lesson().phone.otp);
            tap(intent::PhoneSubmit{});
            typeOnPhone("135790");
            tap(intent::PhoneSubmit{});
            typeOnPhone("135790");
            tap(intent::PhoneSubmit{});
            REQUIRE(this->lesson().phone.screen == PhoneScreen::Done);
        } else if (step.kind == StepKind::Quiz) {
            std::size_t wrong = step.quiz->correct == 0 ? 1 : 0;
            tap(intent::LessonNext{});
            REQUIRE(flow.state().screen == Screen::LessonStep); // not before an answer
            tap(intent::QuizAnswer{wrong});
            CHECK_FALSE(quizAnsweredRight(this->lesson(), lesson));
            tap(intent::QuizAnswer{step.quiz->correct});
            CHECK(quizAnsweredRight(this->lesson(), lesson));
        }
        tap(intent::LessonNext{});
    }

    void open(const Lesson& lesson) {
        tap(intent::Open{Screen::Lessons});
        tap(intent::ChooseLesson{lesson.id});
        REQUIRE(flow.state().screen == Screen::LessonStep);
    }
    void walkToLastStep(const Lesson& lesson) {
        open(lesson);
        while (this->lesson().step + 1 < lesson.steps.size()) {
            finishStep(lesson);
        }
    }
};

} // namespace

TEST_CASE("every shipped lesson can be walked to the end, once counted", "[lesson]") {
    for (const Lesson& lesson : shippedLessons().lessons) {
        DYNAMIC_SECTION(lesson.id) {
            Resident r;
            r.walkToLastStep(lesson);
            CHECK(r.count<effect::LessonCompleted>() == 0);
            r.finishStep(lesson);
            REQUIRE(r.flow.state().screen == Screen::LessonDone);
            REQUIRE(r.count<effect::LessonCompleted>() == 1);
            CHECK(std::get<effect::LessonCompleted>(r.effects.back()).lessonId == lesson.id);
            r.tap(intent::PrintTakeHome{});
            REQUIRE(r.count<effect::PrintTakeHomeSheet>() == 1);
            CHECK(std::get<effect::PrintTakeHomeSheet>(r.effects.back()).lessonId == lesson.id);
            // Back from the end shows the last step again; finishing again is not counted twice.
            r.tap(intent::Back{});
            CHECK(r.flow.state().screen == Screen::LessonStep);
            CHECK(r.lesson().step == lesson.steps.size() - 1);
            CHECK(canGoNext(r.lesson(), lesson)); // the step is shown as it was left
            r.tap(intent::LessonNext{});
            CHECK(r.flow.state().screen == Screen::LessonDone);
            CHECK(r.count<effect::LessonCompleted>() == 1);
            r.tap(intent::Finish{});
            CHECK(r.flow.state().screen == Screen::Home);
            CHECK_FALSE(r.lesson().active());
        }
    }
}

TEST_CASE("Back walks every shipped lesson back step by step to the list", "[lesson]") {
    for (const Lesson& lesson : shippedLessons().lessons) {
        DYNAMIC_SECTION(lesson.id) {
            Resident r;
            r.walkToLastStep(lesson);
            std::size_t expected = lesson.steps.size() - 1;
            while (r.flow.state().screen == Screen::LessonStep) {
                std::size_t before = r.lesson().step;
                bool onPhone = lesson.steps[before].kind == StepKind::PracticePhone &&
                               r.lesson().phone.screen != PhoneScreen::EnterId;
                r.tap(intent::Back{});
                if (r.flow.state().screen != Screen::LessonStep) {
                    break;
                }
                if (!onPhone) {
                    CHECK(r.lesson().step == before - 1);
                    CHECK_FALSE(r.lesson().quizChoice);
                    expected = r.lesson().step;
                }
            }
            CHECK(expected == 0);
            CHECK(r.flow.state().screen == Screen::Lessons);
            CHECK_FALSE(r.lesson().active());
            CHECK(r.count<effect::LessonCompleted>() == 0);
        }
    }
}

TEST_CASE("leaving any shipped lesson midway wipes it and stops the speech", "[lesson]") {
    for (const Lesson& lesson : shippedLessons().lessons) {
        DYNAMIC_SECTION(lesson.id) {
            Resident r;
            r.open(lesson);
            r.finishStep(lesson);
            r.tap(intent::ListenAloud{});
            REQUIRE(r.count<effect::PlayAudio>() == 1);
            r.effects.clear();
            r.tap(intent::StartOver{});
            CHECK(r.flow.state().screen == Screen::Home);
            CHECK_FALSE(r.lesson().active());
            CHECK(r.lesson().step == 0);
            CHECK(r.count<effect::StopAudio>() == 1);
            CHECK(r.count<effect::LessonCompleted>() == 0);
        }
    }
}

TEST_CASE("leaving in the middle of the phone rehearsal wipes its digits", "[lesson]") {
    Resident r;
    const Lesson& lesson = *shippedLessons().find("vneid-activation-01");
    r.open(lesson);
    while (lesson.steps[r.lesson().step].kind != StepKind::PracticePhone) {
        r.finishStep(lesson);
    }
    r.typeOnPhone(kPracticeIdNumber);
    r.tap(intent::PhoneSubmit{});
    REQUIRE_FALSE(r.lesson().phone.otp.empty());
    r.tap(intent::StartOver{});
    CHECK(r.lesson().phone.otp.empty());
    CHECK(r.lesson().phone.screen == PhoneScreen::EnterId);
}

TEST_CASE("Listen reads the current step in the session language", "[lesson]") {
    Resident r;
    const Lesson& lesson = shippedLessons().lessons.front();
    r.tap(intent::SetLanguage{Language::English});
    r.open(lesson);
    r.finishStep(lesson);
    r.tap(intent::ListenAloud{});
    REQUIRE(r.count<effect::PlayAudio>() == 1);
    const auto& play = std::get<effect::PlayAudio>(r.effects.back());
    CHECK(play.textKey == lesson.id + ".step02");
    CHECK(play.language == Language::English);
    CHECK(play.text.rfind(lesson.steps[1].text.en, 0) == 0);
    // Moving on stops it.
    r.effects.clear();
    r.tap(intent::Back{});
    CHECK(r.count<effect::StopAudio>() == 1);
}

TEST_CASE("an unknown lesson id opens nothing", "[lesson]") {
    Resident r;
    r.tap(intent::Open{Screen::Lessons});
    r.tap(intent::ChooseLesson{"no-such-lesson-01"});
    CHECK(r.flow.state().screen == Screen::Lessons);
    CHECK_FALSE(r.lesson().active());
}

TEST_CASE("lesson intents outside a lesson change nothing", "[lesson]") {
    Resident r;
    r.tap(intent::Open{Screen::Lessons});
    r.tap(intent::PhoneKey{'1'});
    r.tap(intent::QuizAnswer{0});
    r.tap(intent::PrintTakeHome{});
    r.tap(intent::LessonNext{});
    CHECK(r.flow.state().screen == Screen::Lessons);
    CHECK(r.effects.empty());
}

TEST_CASE("the phone rehearsal completes without any connection to the gateway", "[lesson]") {
    // A listening socket stands in for the gateway: any attempt to reach it would queue a
    // connection we can accept afterwards.
    int server = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(server >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(getsockname(server, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    REQUIRE(listen(server, 8) == 0);
    fcntl(server, F_SETFL, O_NONBLOCK);

    Resident r;
    r.config.gateway.url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    const Lesson& lesson = *shippedLessons().find("vneid-activation-01");
    r.walkToLastStep(lesson);
    r.finishStep(lesson);
    REQUIRE(r.flow.state().screen == Screen::LessonDone);

    int connection = accept(server, nullptr, nullptr);
    bool connected = connection >= 0;
    if (connected) {
        close(connection);
    }
    close(server);
    CHECK_FALSE(connected);
    // Nor did the lesson ask the app for network work.
    CHECK(r.count<effect::SubmitDossier>() == 0);
    CHECK(r.count<effect::LookupDossier>() == 0);
}

TEST_CASE("a step's video opens full screen, is controlled, and Back closes it", "[lesson]") {
    auto dir = std::filesystem::temp_directory_path() / "lesson-video-flow";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "lessons");
    std::filesystem::create_directories(dir / "video");
    std::filesystem::copy_file(std::filesystem::path(KIOSK_TEST_FIXTURES) / "video" /
                                   "testsrc-160x120-10fps-2s.mp4",
                               dir / "video" / "guide.mp4");
    std::ofstream(dir / "lessons" / "video-guide-01.json") << R"({
  "format": 1, "id": "video-guide-01", "order": 1,
  "title": {"vi": "Video", "en": "Video"}, "summary": {"vi": "Xem", "en": "Watch"},
  "steps": [
    {"kind": "read", "text": {"vi": "Một.", "en": "One."}},
    {"kind": "read", "text": {"vi": "Hai.", "en": "Two."}, "video": "video/guide.mp4"}
  ],
  "take_home": [{"vi": "Nhớ.", "en": "Remember."}]
})";
    auto catalog = loadLessonCatalog(dir);
    REQUIRE(catalog);
    Resident r;
    r.flow.setLessons(&*catalog);
    r.open(catalog->lessons.front());
    r.tap(intent::WatchVideo{});
    CHECK_FALSE(r.lesson().watchingVideo); // the first step has no video
    r.tap(intent::LessonNext{});
    r.tap(intent::WatchVideo{});
    REQUIRE(r.lesson().watchingVideo);
    REQUIRE(r.count<effect::OpenVideo>() == 1);
    CHECK(std::get<effect::OpenVideo>(r.effects.back()).path == "video/guide.mp4");
    r.tap(intent::ControlVideo{VideoCommand::Pause});
    REQUIRE(r.count<effect::ControlVideo>() == 1);
    CHECK(std::get<effect::ControlVideo>(r.effects.back()).command == VideoCommand::Pause);
    r.tap(intent::Back{});
    CHECK_FALSE(r.lesson().watchingVideo);
    CHECK(r.lesson().step == 1); // Back closed the video, not the step
    CHECK(r.count<effect::CloseVideo>() == 1);
    r.tap(intent::WatchVideo{});
    r.tap(intent::StartOver{});
    CHECK(r.count<effect::CloseVideo>() == 2); // leaving the lesson closes it too
    r.flow.setLessons(nullptr);
    std::filesystem::remove_all(dir);
}
