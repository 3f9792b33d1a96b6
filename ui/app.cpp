// runKiosk: options, config, signals, SDL start-up, then the kiosk loop, screenshots or demo.
#include "ui/app.hpp"

#include "kiosk/config/startup_config.hpp"
#include "ui/demo_script.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/screenshot_pass.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <pthread.h>
#include <thread>

namespace kiosk::ui {
namespace {

constexpr const char* kDefaultConfig = "/etc/kiosk/kiosk.ini";

bool haveDisplay() {
    return std::getenv("DISPLAY") != nullptr || std::getenv("WAYLAND_DISPLAY") != nullptr;
}

// Blocks SIGTERM/SIGINT in every thread and turns them into an SDL event from one thread, so
// the loop shuts down cleanly instead of dying mid-write.
void startSignalThread(Uint32 terminateType) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals, terminateType]() {
        int received = 0;
        sigwait(&signals, &received);
        SDL_Event event{};
        event.type = terminateType;
        SDL_PushEvent(&event);
    }).detach();
}

StartupConfig loadConfiguration(const KioskOptions& options, Logger& logger) {
    std::filesystem::path path;
    if (options.configPath) {
        path = *options.configPath;
    } else if (std::filesystem::exists(kDefaultConfig)) {
        path = kDefaultConfig;
    }
    bool production = options.mode == RunMode::Kiosk && !options.simulatedDevices;
    return loadStartupConfig(
        path, production ? StartupFileCheck::Always : StartupFileCheck::WhenConfigured, logger);
}

} // namespace

int runKiosk(int argc, char** argv) {
    auto parsed =
        parseKioskOptions(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
    if (const int* exitStatus = std::get_if<int>(&parsed)) {
        return *exitStatus; // --help, --version or a usage error
    }
    auto* options = &std::get<KioskOptions>(parsed);
    Logger logger(std::cout);
    logger.setOutput(Logger::detectOutput());
    logger.log(LogEvent::KioskStarted, {{"version", LogToken(KIOSK_VERSION)}});

    StartupConfig loaded = loadConfiguration(*options, logger);
    bool headless = options->mode != RunMode::Kiosk;
    if (headless && std::getenv("SDL_VIDEODRIVER") == nullptr &&
        (options->mode == RunMode::Screenshots || !haveDisplay())) {
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
    }
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    // A kiosk never minimises itself when focus moves (e.g. a USB keyboard's hotkey).
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        logger.log(LogEvent::DisplayFailed, {{"reason", SystemText{SDL_GetError()}}});
        return 1;
    }
    // Two user events: terminate (signal thread) and wake (services worker), in that order.
    Uint32 terminateType = SDL_RegisterEvents(2);
    startSignalThread(terminateType);

    int status = 0;
    if (options->mode == RunMode::Screenshots) {
        status = runScreenshotPass(*options, loaded.config, logger, terminateType,
                                   options->screenshotDir);
        SDL_Quit();
        return status;
    }
    {
        KioskApp app(*options, loaded.config, logger, terminateType);
        if (!loaded.problem.empty()) {
            app.flow().enterMaintenance(loaded.problem);
        } else if (!app.contentProblem().empty()) {
            app.flow().enterMaintenance(app.contentProblem());
        }
        switch (options->mode) {
        case RunMode::Screenshots:
        case RunMode::Demo: {
            bool visible = haveDisplay() && std::string(std::getenv("SDL_VIDEODRIVER")
                                                            ? std::getenv("SDL_VIDEODRIVER")
                                                            : "") != "offscreen";
            auto started =
                app.start(visible ? WindowMode::Windowed : WindowMode::Offscreen, 1280, 800);
            if (started) {
                app.startServices();
            }
            status =
                started ? runDemo(app, std::cout, visible ? DemoPace::Visible : DemoPace::Fast) : 1;
            break;
        }
        case RunMode::Kiosk: {
            auto started = app.start(
                options->windowed ? WindowMode::Windowed : WindowMode::FullScreen, 1280, 800);
            if (started) {
                app.startServices();
            }
            status = started ? app.run() : 1;
            break;
        }
        }
    }
    SDL_Quit();
    return status;
}

} // namespace kiosk::ui
