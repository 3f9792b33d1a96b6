// The kiosk as installed serves only verified content: with nothing verified it starts on the
// maintenance screen instead of the source tree or an unsigned folder (issue 23 item 3).
#include "kiosk/runtime/kiosk_runtime.hpp"
#include "tests/kiosk/outbox/temp_dir.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace kiosk;

TEST_CASE("a production kiosk with no verified content does not serve the source tree", "[trust]") {
    testing::TempDir dir;
    // An unsigned procedures folder where the packs go: it used to be served as it was.
    std::filesystem::create_directories(dir / "content" / "procedures");
    std::ofstream(dir / "content" / "procedures" / "forged.json") << "{}";
    Config config;
    config.paths.contentDir = dir / "content";
    config.paths.dataDir = dir / "data";
    std::ostringstream logs;
    Logger logger(logs, LogLevel::Debug);
    {
        RuntimeOptions production;
        production.content = ContentMode::Production;
        KioskRuntime runtime(config, logger, production);
        CHECK_THAT(runtime.contentProblem(), Catch::Contains("no content pack is installed"));
    }
    {
        RuntimeOptions development; // --sim: the unsigned folder may be tried
        KioskRuntime runtime(config, logger, development);
        CHECK(runtime.contentProblem().find("no content pack") == std::string::npos);
    }
    CHECK(logs.str().find("content_invalid") != std::string::npos);
}
