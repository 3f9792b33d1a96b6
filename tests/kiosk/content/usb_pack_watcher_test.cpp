// USB pack watcher: reports new *.kpack files once, ignores other files, survives the mount place
// appearing late.
#include "kiosk/content/usb_pack_watcher.hpp"
#include "kiosk/log/logger.hpp"
#include "tests/kiosk/content/pack_test_support.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

// Polls until something is reported or the generous deadline passes (no timing asserted).
std::vector<FoundPack> pollFor(UsbPackWatcher& watcher) {
    for (int i = 0; i < 50; ++i) {
        auto found = watcher.poll(100ms);
        if (!found.empty()) {
            return found;
        }
    }
    return {};
}

} // namespace

TEST_CASE("usb watcher reports packs already on the stick at the first poll", "[pack]") {
    TempDir temp;
    std::filesystem::path mount = temp.path() / "kiosk-usb";
    writeText(mount / "vinh-tuong-12.kpack", "pack");
    writeText(mount / "notes.txt", "ignored");
    std::ostringstream logged;
    Logger logger(logged);
    auto watcher = UsbPackWatcher::create(mount, temp.path() / "no-mountinfo", &logger);
    REQUIRE(watcher);
    auto found = watcher->poll();
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].path.filename() == "vinh-tuong-12.kpack");
    REQUIRE(found[0].size == 4);
    REQUIRE(logged.str().find("usb_pack_found") != std::string::npos);
    REQUIRE(watcher->poll().empty());
}

TEST_CASE("usb watcher reports a pack copied in later, once", "[pack]") {
    TempDir temp;
    std::filesystem::path mount = temp.path() / "kiosk-usb";
    std::filesystem::create_directories(mount);
    auto watcher = UsbPackWatcher::create(mount, temp.path() / "no-mountinfo");
    REQUIRE(watcher->poll().empty());
    writeText(mount / "readme.txt", "not a pack");
    writeText(mount / "sub" / "deep.kpack", "not top level");
    writeText(mount / "vinh-tuong-13.kpack", "pack13");
    auto found = pollFor(*watcher);
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].path == mount / "vinh-tuong-13.kpack");
    REQUIRE(watcher->poll(50ms).empty());
    REQUIRE(watcher->scan().size() == 1);
}

TEST_CASE("usb watcher notices the mount place when it is created after start", "[pack]") {
    TempDir temp;
    std::filesystem::path mount = temp.path() / "kiosk-usb";
    auto watcher = UsbPackWatcher::create(mount, temp.path() / "no-mountinfo");
    REQUIRE(watcher->poll().empty());
    std::filesystem::create_directories(mount);
    watcher->poll(100ms); // the watch is re-armed on the new folder
    writeText(mount / "late.kpack", "late");
    auto found = pollFor(*watcher);
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].path.filename() == "late.kpack");
}
