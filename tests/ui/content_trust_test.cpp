// The kiosk as installed serves only verified content: with nothing verified it starts on the
// maintenance screen instead of the source tree or an unsigned folder (issue 23 item 3).
#include "tests/kiosk/outbox/temp_dir.hpp"
#include "ui/kiosk_app.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace kiosk;
using namespace kiosk::ui;

TEST_CASE("a production kiosk with no verified content does not serve the source tree", "[trust]") {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    testing::TempDir dir;
    // An unsigned procedures folder where the packs go: it used to be served as it was.
    std::filesystem::create_directories(dir / "content" / "procedures");
    std::ofstream(dir / "content" / "procedures" / "forged.json") << "{}";
    Config config;
    config.paths.contentDir = dir / "content";
    config.paths.dataDir = dir / "data";
    std::ostringstream logs;
    Logger logger(logs, LogLevel::Debug);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    {
        KioskOptions production; // RunMode::Kiosk, real devices
        KioskRuntime runtime(config, logger, runtimeOptions(production));
        CHECK_THAT(runtime.contentProblem(), Catch::Contains("no content pack is installed"));
        CHECK(runtime.catalog() == nullptr);
    }
    {
        KioskOptions simulated;
        simulated.simulatedDevices = true;
        KioskRuntime runtime(config, logger, runtimeOptions(simulated));
        CHECK(runtime.contentProblem().find("no content pack") == std::string::npos);
    }
    SDL_Quit();
    CHECK(logs.str().find("content_invalid") != std::string::npos);
}
