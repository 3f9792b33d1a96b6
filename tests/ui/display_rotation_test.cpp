// The turned display end to end: pointer upright in ImGui, waking taps swallowed, exact turn.
#include "tests/ui/finger_event.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/platform/pointer_input.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <imgui.h>
#include <sstream>
#include <stb_image.h>
#include <unistd.h>
#include <vector>

using namespace kiosk;
using namespace kiosk::ui;
using namespace std::chrono_literals;

namespace {

using Time = ScreenPower::Clock::time_point;
const Time kStart = Time{} + 1h;

// A bare ImGui context with one full-screen button, standing in for any screen's buttons.
class ButtonScreen {
public:
    explicit ButtonScreen(Size upright)
        : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize =
            ImVec2(static_cast<float>(upright.width), static_cast<float>(upright.height));
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~ButtonScreen() { ImGui::DestroyContext(context_); }
    ButtonScreen(const ButtonScreen&) = delete;
    ButtonScreen& operator=(const ButtonScreen&) = delete;

    // One frame; true when the button reported a press.
    bool frame(PointerInput& pointer) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        pointer.feed(io);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
        bool pressed = ImGui::Button("press", ImVec2(-1, -1));
        ImGui::End();
        ImGui::EndFrame();
        return pressed;
    }

    // The frames the frame clock renders after an event.
    bool frames(PointerInput& pointer) {
        bool pressed = false;
        for (int i = 0; i < 3; ++i) {
            pressed = frame(pointer) || pressed;
        }
        return pressed;
    }

private:
    ImGuiContext* context_;
};

SDL_Event mouseButton(Uint32 type, int x, int y, Uint32 which = 0) {
    SDL_Event event{};
    event.type = type;
    event.button.which = which;
    event.button.button = SDL_BUTTON_LEFT;
    event.button.x = x;
    event.button.y = y;
    return event;
}

// Down, a small slide and up, all between two frames, the way a quick tap arrives.
std::vector<PointerOutcome> tap(PointerInput& pointer, ScreenPower& power, Time at) {
    const Size window{1280, 800};
    return {pointer.handle(testing::finger(SDL_FINGERDOWN, 0.5f, 0.5f), window, power, at),
            pointer.handle(testing::finger(SDL_FINGERMOTION, 0.51f, 0.5f), window, power, at),
            pointer.handle(testing::finger(SDL_FINGERUP, 0.51f, 0.5f), window, power, at)};
}

} // namespace

TEST_CASE("a tap on a dimmed screen wakes it without pressing the button under the finger",
          "[display]") {
    PointerInput pointer(Rotation::Quarter, TouchCalibration{});
    ScreenPower power(300s, 900s, kStart);
    ButtonScreen screen({800, 1280});
    screen.frames(pointer);
    REQUIRE(power.update(kStart + 301s, SessionActivity::Idle) == ScreenPowerState::Dim);

    auto outcomes = tap(pointer, power, kStart + 302s);
    CHECK(outcomes == std::vector<PointerOutcome>(3, PointerOutcome::Swallowed));
    CHECK(power.state() == ScreenPowerState::On);
    CHECK_FALSE(screen.frames(pointer));
    CHECK_FALSE(ImGui::GetIO().MouseDown[0]);

    // Awake now: the same tap presses the button.
    CHECK(tap(pointer, power, kStart + 303s) ==
          std::vector<PointerOutcome>(3, PointerOutcome::Delivered));
    CHECK(screen.frames(pointer));
}

TEST_CASE("a tap that starts and ends between two frames still presses", "[display]") {
    PointerInput pointer(Rotation::None, TouchCalibration{});
    ScreenPower power(300s, 900s, kStart);
    ButtonScreen screen({1280, 800});
    screen.frames(pointer);
    tap(pointer, power, kStart + 1s);
    CHECK(screen.frames(pointer));
}

TEST_CASE("touches and mouse clicks reach ImGui turned upright with the panel", "[display]") {
    ScreenPower power(300s, 900s, kStart);
    const Size window{1280, 800};

    SECTION("a finger at the native top-right is the UI's top-left at 90 degrees") {
        PointerInput pointer(Rotation::Quarter, TouchCalibration{});
        ButtonScreen screen({800, 1280});
        pointer.handle(testing::finger(SDL_FINGERDOWN, 1.0f, 0.0f), window, power, kStart);
        screen.frame(pointer);
        CHECK(ImGui::GetIO().MousePos.x == Approx(0).margin(0.01));
        CHECK(ImGui::GetIO().MousePos.y == Approx(0).margin(0.01));
        CHECK(ImGui::GetIO().MouseDown[0]);
    }
    SECTION("a mouse click at the native top-left is the UI's top-right at 270 degrees") {
        PointerInput pointer(Rotation::ThreeQuarters, TouchCalibration{});
        ButtonScreen screen({800, 1280});
        pointer.handle(mouseButton(SDL_MOUSEBUTTONDOWN, 0, 0), window, power, kStart);
        screen.frame(pointer);
        CHECK(ImGui::GetIO().MousePos.x == Approx(800));
        CHECK(ImGui::GetIO().MousePos.y == Approx(0));
    }
    SECTION("the calibration corrects a mirrored touch layer before the turn") {
        PointerInput pointer(Rotation::Half, TouchCalibration{{-1, 0, 1, 0, 1, 0}});
        ButtonScreen screen({1280, 800});
        // Reported at the native top-left, really at the top-right: the UI's bottom-left.
        pointer.handle(testing::finger(SDL_FINGERDOWN, 0.0f, 0.0f), window, power, kStart);
        screen.frame(pointer);
        CHECK(ImGui::GetIO().MousePos.x == Approx(0).margin(0.01));
        CHECK(ImGui::GetIO().MousePos.y == Approx(800));
    }
    SECTION("SDL's mouse copy of a touch and a second finger are left out") {
        PointerInput pointer(Rotation::None, TouchCalibration{});
        CHECK(pointer.handle(mouseButton(SDL_MOUSEBUTTONDOWN, 5, 5, SDL_TOUCH_MOUSEID), window,
                             power, kStart) == PointerOutcome::Ignored);
        CHECK(pointer.handle(testing::finger(SDL_FINGERDOWN, 0.2f, 0.2f, 1), window, power,
                             kStart) == PointerOutcome::Delivered);
        CHECK(pointer.handle(testing::finger(SDL_FINGERDOWN, 0.8f, 0.8f, 2), window, power,
                             kStart) == PointerOutcome::Ignored);
        SDL_Event key{};
        key.type = SDL_KEYDOWN;
        CHECK(pointer.handle(key, window, power, kStart) == PointerOutcome::NotPointer);
    }
}

namespace {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;
    const unsigned char* at(int x, int y) const {
        return &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
    }
};

// Renders the home screen on a window of native size with the given rotation and panel.
Image renderHome(int width, int height, int degrees, double panelWidthMm, double panelHeightMm) {
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options;
    options.mode = RunMode::Screenshots;
    Config config;
    config.display.rotationDegrees = degrees;
    config.display.panelWidthMm = panelWidthMm;
    config.display.panelHeightMm = panelHeightMm;
    auto file = std::filesystem::temp_directory_path() /
                ("kiosk-rotation-test-" + std::to_string(getpid()) + "-" + std::to_string(degrees) +
                 ".png");
    {
        KioskRuntime runtime(config, logger, RuntimeOptions{});
        KioskApp app(runtime, options, SDL_RegisterEvents(1));
        REQUIRE(app.start(WindowMode::Offscreen, width, height));
        app.resetFlow();
        app.renderLive(SteadyTime{} + 1h);
        REQUIRE(app.writeScreenshot(file));
    }
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(file.c_str(), &image.width, &image.height, &channels, 3);
    REQUIRE(data != nullptr);
    image.rgb.assign(data, data + static_cast<std::size_t>(image.width) * image.height * 3);
    stbi_image_free(data);
    std::filesystem::remove(file);
    return image;
}

} // namespace

TEST_CASE("a quarter-turned home screen is the portrait home screen turned clockwise",
          "[display]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    // The same 136 x 217 mm of glass seen upright: once as a portrait window, once as a
    // landscape panel mounted a quarter turn clockwise.
    Image portrait = renderHome(800, 1280, 0, 136.0, 217.0);
    Image turned = renderHome(1280, 800, 90, 217.0, 136.0);
    SDL_Quit();
    REQUIRE(portrait.width == 800);
    REQUIRE(turned.width == 1280);
    REQUIRE(turned.height == 800);

    std::size_t differing = 0;
    for (int y = 0; y < turned.height; ++y) {
        for (int x = 0; x < turned.width; ++x) {
            // Native pixel (x, y) shows upright pixel (y, width - 1 - x) at 90 degrees.
            const unsigned char* a = turned.at(x, y);
            const unsigned char* b = portrait.at(y, turned.width - 1 - x);
            if (a[0] != b[0] || a[1] != b[1] || a[2] != b[2]) {
                ++differing;
            }
        }
    }
    // Only the header clock may differ, if the minute turned between the two renders.
    CHECK(differing < static_cast<std::size_t>(turned.width * turned.height) / 100);
}

TEST_CASE("a tap on the dimmed home screen wakes the kiosk and starts nothing", "[display]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    {
        std::ostringstream logs;
        Logger logger(logs);
        KioskOptions options;
        Config config;
        config.display.rotationDegrees = 90;
        KioskRuntime runtime(config, logger, RuntimeOptions{});
        KioskApp app(runtime, options, SDL_RegisterEvents(1));
        REQUIRE(app.start(WindowMode::Offscreen, 1280, 800));
        auto now = std::chrono::steady_clock::now();
        app.frame(now);
        app.showScreenPower(ScreenPowerState::Dim);

        // The "Nộp hồ sơ" tile: upright top-left quarter, on the native panel's top-right.
        auto tapTile = [&] {
            app.handleInput(testing::finger(SDL_FINGERDOWN, 0.75f, 0.25f), now);
            app.handleInput(testing::finger(SDL_FINGERUP, 0.75f, 0.25f), now);
            for (int i = 0; i < 3; ++i) {
                app.frame(now);
            }
        };
        tapTile();
        CHECK(app.screenPower() == ScreenPowerState::On);
        CHECK(app.flow().state().screen == Screen::Home);
        CHECK_FALSE(app.flow().state().active);
        CHECK(logs.str().find("screen_woke") != std::string::npos);

        // Awake, the same tap opens the tile.
        tapTile();
        CHECK(app.flow().state().screen != Screen::Home);
        CHECK(app.flow().state().active);
    }
    SDL_Quit();
}
