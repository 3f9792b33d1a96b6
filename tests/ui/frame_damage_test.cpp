// Partial redraws: what a frame changes, what a back buffer of a given age lacks, and that the
// kiosk's screens drawn that way are pixel for pixel the screens drawn whole.
#include "tests/ui/finger_event.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/platform/frame_damage.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <stb_image.h>
#include <unistd.h>
#include <vector>

using namespace kiosk;
using namespace kiosk::ui;
using namespace std::chrono_literals;

namespace {

ImDrawVert vertexAt(float x, float y, ImU32 colour = 0xffffffff) {
    ImDrawVert vertex{};
    vertex.pos = ImVec2(x, y);
    vertex.col = colour;
    return vertex;
}

// One list of `quads` squares 10 px wide, side by side along y = 0..10, one command.
DrawCopy squares(int quads) {
    DrawCopy copy;
    DrawListCopy& list = copy.lists.emplace_back();
    for (int q = 0; q < quads; ++q) {
        float x = static_cast<float>(q) * 20.0f;
        list.vertices.push_back(vertexAt(x, 0));
        list.vertices.push_back(vertexAt(x + 10, 0));
        list.vertices.push_back(vertexAt(x + 10, 10));
        list.vertices.push_back(vertexAt(x, 10));
        auto base = static_cast<ImDrawIdx>(q * 4);
        for (int corner : {0, 1, 2, 0, 2, 3}) {
            list.indices.push_back(static_cast<ImDrawIdx>(base + corner));
        }
    }
    list.commands.push_back({ImVec4(0, 0, 1000, 1000), nullptr, 0, 0,
                             static_cast<unsigned>(list.indices.size()), false});
    return copy;
}

} // namespace

TEST_CASE("a frame's change is the area of the triangles whose corners changed", "[damage]") {
    DrawCopy before = squares(3);
    SECTION("the same frame changes nothing") {
        auto area = changedArea(before, squares(3));
        REQUIRE(area);
        CHECK(area->empty());
    }
    SECTION("one corner's colour repaints its whole square, and only it") {
        DrawCopy after = before;
        after.lists[0].vertices[5].col = 0xff0000ff; // the second square's top right
        auto area = changedArea(before, after);
        REQUIRE(area);
        CHECK_FALSE(area->empty());
        CHECK(area->x0 <= 20);
        CHECK(area->x1 >= 30);
        CHECK(area->y0 <= 0);
        CHECK(area->y1 >= 10);
        CHECK(area->x0 > 10); // not the first square
        CHECK(area->x1 < 40); // not the third
    }
    SECTION("a moved square repaints where it was and where it is") {
        DrawCopy after = before;
        for (int corner = 8; corner < 12; ++corner) {
            after.lists[0].vertices[static_cast<std::size_t>(corner)].pos.y += 50;
        }
        auto area = changedArea(before, after);
        REQUIRE(area);
        CHECK(area->y0 <= 0);
        CHECK(area->y1 >= 60);
        CHECK(area->x0 >= 39);
    }
    SECTION("another shape, texture or clip rect repaints everything") {
        CHECK_FALSE(changedArea(before, squares(4)));
        DrawCopy texture = before;
        texture.lists[0].commands[0].texture = &texture;
        CHECK_FALSE(changedArea(before, texture));
        DrawCopy clip = before;
        clip.lists[0].commands[0].clip.w = 500;
        CHECK_FALSE(changedArea(before, clip));
        DrawCopy refilled = before;
        refilled.textureGeneration = before.textureGeneration + 1;
        CHECK_FALSE(changedArea(before, refilled));
    }
}

TEST_CASE("a back buffer is repainted with every change it has not seen", "[damage]") {
    FrameDamage damage;
    DrawCopy first = squares(3);
    CHECK(damage.plan(first, 1).kind == Repaint::Kind::Whole); // nothing presented yet
    damage.presented(first, damage.plan(first, 1));

    CHECK(damage.plan(first, 1).kind == Repaint::Kind::Nothing);
    CHECK(damage.plan(first, 0).kind == Repaint::Kind::Nothing); // the screen shows it already

    DrawCopy second = first;
    second.lists[0].vertices[0].col = 1; // the first square
    Repaint toSecond = damage.plan(second, 1);
    REQUIRE(toSecond.kind == Repaint::Kind::Part);
    CHECK(toSecond.area.x1 < 20);
    CHECK(damage.plan(second, 0).kind == Repaint::Kind::Whole); // an unknown age
    damage.presented(second, toSecond);

    DrawCopy third = second;
    third.lists[0].vertices[8].col = 1; // the third square
    // Age 1: the buffer shows the second frame. Age 2 (double buffering): the first, which
    // lacks the first square's change too. Older than the history: whole.
    Repaint fromSecond = damage.plan(third, 1);
    REQUIRE(fromSecond.kind == Repaint::Kind::Part);
    CHECK(fromSecond.area.x0 >= 39);
    Repaint fromFirst = damage.plan(third, 2);
    REQUIRE(fromFirst.kind == Repaint::Kind::Part);
    CHECK(fromFirst.area.x0 < 1);
    CHECK(fromFirst.area.x1 >= 50);
    REQUIRE(fromFirst.change);
    CHECK(fromFirst.change->x0 >= 39);
    CHECK(damage.plan(third, 3).kind == Repaint::Kind::Whole); // nothing known before the first
    CHECK(damage.plan(third, 9).kind == Repaint::Kind::Whole);

    damage.invalidate();
    CHECK(damage.plan(third, 1).kind == Repaint::Kind::Whole);
}

TEST_CASE("a frame drawn whole for a new buffer still counts what it changed", "[damage]") {
    // Frames drawn whole for another reason than a change (a picture of unknown age) showed the
    // same picture, so the next frame into a picture 3 presents old repaints a part.
    FrameDamage damage;
    DrawCopy picture = squares(3);
    damage.presented(picture, damage.plan(picture, 0));
    for (int warm = 0; warm < 2; ++warm) {
        Repaint again = damage.plan(picture, 0);
        CHECK(again.kind == Repaint::Kind::Nothing);
        again.kind = Repaint::Kind::Whole; // drawn anyway
        damage.presented(picture, again);
    }
    DrawCopy minute = picture;
    minute.lists[0].vertices[4].col = 1;
    Repaint clock = damage.plan(minute, 3);
    REQUIRE(clock.kind == Repaint::Kind::Part);
    CHECK(clock.area.x0 > 10);
    CHECK(clock.area.x1 < 40);
    CHECK(damage.plan(minute, 4).kind == Repaint::Kind::Whole); // the first frame's buffer
}

TEST_CASE("a part repaint sends only the triangles that reach its area", "[damage]") {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(400, 300);
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    ImGui::NewFrame();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(ImVec2(10, 10), ImVec2(50, 50), IM_COL32(255, 0, 0, 255));
    draw->AddRectFilled(ImVec2(200, 200), ImVec2(250, 250), IM_COL32(0, 255, 0, 255));
    ImGui::Render();
    ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data->CmdListsCount == 1);
    ImDrawList& list = *data->CmdLists[0];
    REQUIRE(list.CmdBuffer.Size == 1);
    CHECK(list.CmdBuffer[0].ElemCount == 12); // two quads
    std::vector<ImDrawIdx> original(list.IdxBuffer.begin(), list.IdxBuffer.end());
    ImDrawCmd originalCommand = list.CmdBuffer[0];

    clipDrawData(*data, DamageRect{100, 100, 120, 120}); // between them: nothing to draw
    CHECK(list.CmdBuffer[0].ElemCount == 0);
    CHECK(list.CmdBuffer[0].ClipRect.z <= list.CmdBuffer[0].ClipRect.x);
    std::copy(original.begin(), original.end(), list.IdxBuffer.begin());
    list.CmdBuffer[0] = originalCommand;

    clipDrawData(*data, DamageRect{190, 190, 260, 260});
    const ImDrawCmd& command = list.CmdBuffer[0];
    CHECK(command.ElemCount == 6); // the second quad only
    CHECK(command.ClipRect.x == 190);
    CHECK(command.ClipRect.w == 260);
    for (unsigned i = 0; i < command.ElemCount; ++i) {
        CHECK(list.VtxBuffer[list.IdxBuffer[command.IdxOffset + i] + command.VtxOffset].pos.x >=
              200);
    }
    clipDrawData(*data, DamageRect{100, 100, 120, 120}); // neither: skipped by its clip rect
    CHECK(list.CmdBuffer[0].ClipRect.z <= list.CmdBuffer[0].ClipRect.x);
    ImGui::DestroyContext(context);
}

namespace {

struct Picture {
    std::vector<unsigned char> rgb;
    bool operator==(const Picture&) const = default;
};

Picture shot(KioskApp& app, const std::string& name) {
    auto file = std::filesystem::temp_directory_path() /
                ("kiosk-damage-test-" + std::to_string(getpid()) + "-" + name + ".png");
    REQUIRE(app.writeScreenshot(file));
    int width = 0;
    int height = 0;
    int channels = 0;
    unsigned char* data = stbi_load(file.c_str(), &width, &height, &channels, 3);
    REQUIRE(data != nullptr);
    Picture picture;
    picture.rgb.assign(data, data + static_cast<std::size_t>(width) * height * 3);
    stbi_image_free(data);
    std::filesystem::remove(file);
    return picture;
}

// The screen after each step of an idle minute, a tap and a countdown, drawn with
// KIOSK_REDRAW as given; also how many of the frames were presented at all.
std::vector<Picture> runSteps(const char* redraw, int degrees, int& presented) {
    setenv("KIOSK_REDRAW", redraw, 1);
    std::ostringstream logs;
    Logger logger(logs);
    KioskOptions options; // the live kiosk, not screenshots
    Config config;
    config.display.rotationDegrees = degrees;
    std::vector<Picture> pictures;
    presented = 0;
    {
        KioskRuntime runtime(config, logger, RuntimeOptions{});
        KioskApp app(runtime, options, SDL_RegisterEvents(1));
        REQUIRE(app.start(WindowMode::Offscreen, 1280, 800));
        std::time_t wall = 1'796'000'000; // a fixed minute, so both runs show the same clock
        app.fixWallClock(wall);
        auto now = std::chrono::steady_clock::now();
        auto frames = [&](int count) {
            for (int i = 0; i < count; ++i) {
                presented += app.frame(now) ? 1 : 0;
            }
        };
        frames(3);
        pictures.push_back(shot(app, "home"));
        app.fixWallClock(wall + 60); // the header clock's minute turns
        frames(1);
        pictures.push_back(shot(app, "minute"));
        // A press and release on the "Nộp hồ sơ" tile: the press shows, then the next screen.
        // Upright, the tile is the top-left quarter; turned a quarter, the native top right.
        float x = degrees == 90 ? 0.75f : 0.25f;
        float y = degrees == 90 ? 0.25f : 0.35f;
        app.handleInput(testing::finger(SDL_FINGERDOWN, x, y), now);
        frames(1);
        pictures.push_back(shot(app, "pressed"));
        app.handleInput(testing::finger(SDL_FINGERUP, x, y), now);
        frames(3);
        pictures.push_back(shot(app, "opened"));
        app.fixWallClock(wall + 120);
        frames(3);
        pictures.push_back(shot(app, "later"));
        CHECK(logs.str().find(std::string("\"redraw\":\"") + redraw + "\"") != std::string::npos);
    }
    unsetenv("KIOSK_REDRAW");
    return pictures;
}

} // namespace

TEST_CASE("screens repainted in part are pixel for pixel the screens drawn whole", "[damage]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    int degrees = GENERATE(0, 90);
    INFO("panel turned " << degrees << " degrees");
    int presentedWhole = 0;
    int presentedPart = 0;
    std::vector<Picture> whole = runSteps("whole", degrees, presentedWhole);
    std::vector<Picture> part = runSteps("changes", degrees, presentedPart);
    SDL_Quit();
    REQUIRE(whole.size() == part.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        INFO("step " << i);
        CHECK(whole[i] == part[i]);
    }
    CHECK(whole[0] != whole[1]); // the minute did show
    CHECK(whole[2] != whole[3]); // and the tap opened a screen
    // Drawn whole, every frame is presented; in part, frames that change nothing are not.
    CHECK(presentedWhole == 11);
    CHECK(presentedPart < presentedWhole);
}
