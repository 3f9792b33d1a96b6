// runKiosk: options, config, signals, SDL start-up, then the kiosk loop, screenshots or demo.
#include "ui/app.hpp"

#include "kiosk/config/startup_config.hpp"
#include "kiosk/runtime/demo_script.hpp"
#include "ui/kiosk_app.hpp"
#include "ui/platform/idle_wait.hpp"
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
void startSignalThread(Uint32 terminateType, IdleWait* idle) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread([signals, terminateType, idle]() {
        int received = 0;
        sigwait(&signals, &received);
        SDL_Event event{};
        event.type = terminateType;
        SDL_PushEvent(&event);
        if (idle != nullptr) {
            idle->wake();
        }
    }).detach();
}

// The loop's own sleep when SDL's video driver cannot block (null when it can). The idle
// wait lives as long as the process: the detached signal thread may wake it at any time.
// KIOSK_IDLE_WAIT=sdl forces SDL's own wait, to measure it (tests/bench/bench_display_path).
IdleWait* openIdleWait(Logger& logger) {
    const char* driver = SDL_GetCurrentVideoDriver();
    IdleMode mode = idleModeFor(driver != nullptr ? driver : "");
    const char* forced = std::getenv("KIOSK_IDLE_WAIT");
    if (forced != nullptr && std::string_view(forced) == "sdl") {
        mode = IdleMode::SdlWait;
    }
    IdleWait* idle = nullptr;
    if (mode == IdleMode::PollInput) {
        auto opened = IdleWait::open("/dev/input");
        if (opened) {
            idle = opened->release();
        } else {
            mode = IdleMode::SdlWait; // still correct, only busier
        }
    }
    logger.log(LogEvent::DisplayIdleWait,
               {{"driver", SystemText{driver != nullptr ? driver : ""}},
                {"mode", mode == IdleMode::SdlWait ? LogToken("sdl_wait") : LogToken("poll_input")},
                {"input_devices", static_cast<int>(idle != nullptr ? idle->inputDevices() : 0)}});
    return idle;
}

// The file the kiosk reads its configuration from, empty for the built-in defaults.
std::filesystem::path configFile(const KioskOptions& options) {
    if (options.configPath) {
        return *options.configPath;
    }
    return std::filesystem::exists(kDefaultConfig) ? std::filesystem::path(kDefaultConfig)
                                                   : std::filesystem::path{};
}

StartupConfig loadConfiguration(const KioskOptions& options, Logger& logger) {
    std::filesystem::path path = configFile(options);
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
    bool visibleDemo = options->mode == RunMode::Demo && haveDisplay() &&
                       std::string(std::getenv("SDL_VIDEODRIVER") ? std::getenv("SDL_VIDEODRIVER")
                                                                  : "") != "offscreen";
    if (options->mode == RunMode::Demo && !visibleDemo) {
        // No display: the demo drives the runtime alone, without SDL.
        KioskRuntime runtime(loaded.config, logger, runtimeOptions(*options, configFile(*options)));
        if (!loaded.problem.empty()) {
            runtime.flow().enterMaintenance(loaded.problem);
        } else if (!runtime.contentProblem().empty()) {
            runtime.flow().enterMaintenance(runtime.contentProblem());
        }
        runtime.startServices();
        return runDemo(runtime, std::cout, DemoPace::Fast);
    }
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
    IdleWait* idle = options->mode == RunMode::Kiosk ? openIdleWait(logger) : nullptr;
    startSignalThread(terminateType, idle);

    int status = 0;
    if (options->mode == RunMode::Screenshots) {
        status = runScreenshotPass(*options, loaded.config, logger, terminateType,
                                   options->screenshotDir);
        SDL_Quit();
        return status;
    }
    {
        // Wakes the loop from the runtime's workers; thread-safe, the only way they touch it.
        KioskRuntime runtime(loaded.config, logger, runtimeOptions(*options, configFile(*options)),
                             [wakeType = terminateType + 1, idle] {
                                 SDL_Event event{};
                                 event.type = wakeType;
                                 SDL_PushEvent(&event);
                                 if (idle != nullptr) {
                                     idle->wake();
                                 }
                             });
        if (!loaded.problem.empty()) {
            runtime.flow().enterMaintenance(loaded.problem);
        } else if (!runtime.contentProblem().empty()) {
            runtime.flow().enterMaintenance(runtime.contentProblem());
        }
        KioskApp app(runtime, *options, terminateType);
        app.useIdleWait(idle);
        switch (options->mode) {
        case RunMode::Screenshots:
        case RunMode::Demo: {
            // A visible demo: the runtime does the work, the window shows each step.
            auto started = app.start(WindowMode::Windowed, 1280, 800);
            if (started) {
                app.startServices();
            }
            status = started ? runDemo(runtime, std::cout, DemoPace::Visible,
                                       [&app] {
                                           SDL_Event event;
                                           while (SDL_PollEvent(&event) != 0) {
                                           }
                                           app.frame(std::chrono::steady_clock::now());
                                       })
                             : 1;
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
