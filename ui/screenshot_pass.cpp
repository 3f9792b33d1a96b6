// The screenshot pass: builds session states directly and renders them offscreen.
#include "ui/screenshot_pass.hpp"

#include "ui/kiosk_app.hpp"

namespace kiosk::ui {
namespace {

SessionState base(Language language, Screen screen) {
    SessionState state;
    state.language = language;
    state.screen = screen;
    state.active = screen != Screen::Home;
    if (screen != Screen::Home) {
        state.history.push_back(Screen::Home);
    }
    return state;
}

} // namespace

DeviceStatus healthyDevices() {
    DeviceStatus devices;
    devices.printer = PrinterState::Ready;
    devices.printerSimulated = true;
    devices.reader = ReaderState::NoCard;
    devices.readerSimulated = true;
    devices.network = NetworkState::Online;
    return devices;
}

std::vector<Resolution> screenshotResolutions() {
    // 10.1" 16:10 (217 mm wide) and 15.6" 16:9 (344 mm wide) are the common kiosk panels.
    return {{1280, 800, 217.0}, {1920, 1080, 344.0}};
}

std::vector<ScreenshotCase> screenshotCases(Language language,
                                            const std::string& maintenanceReason) {
    std::vector<ScreenshotCase> cases;
    cases.push_back({"home", base(language, Screen::Home)});
    cases.push_back({"help", base(language, Screen::Help)});
    SessionState countdown = base(language, Screen::Help);
    countdown.wipeAt = SteadyTime{};
    cases.push_back({"still_there", countdown, 27});
    SessionState maintenance = base(language, Screen::Maintenance);
    maintenance.history.clear();
    maintenance.maintenanceReason = maintenanceReason;
    cases.push_back({"maintenance", maintenance});
    if (language == Language::Vietnamese) {
        for (TextSize size : {TextSize::Large, TextSize::Larger, TextSize::Largest}) {
            SessionState state = base(language, Screen::Home);
            state.accessibility.textSize = size;
            cases.push_back({"home_text_size_" + std::to_string(static_cast<int>(size)), state});
            SessionState help = base(language, Screen::Help);
            help.accessibility.textSize = size;
            cases.push_back({"help_text_size_" + std::to_string(static_cast<int>(size)), help});
        }
        ScreenshotCase trouble{"home_devices_trouble", base(language, Screen::Home)};
        trouble.devices.printer = PrinterState::NoPaper;
        trouble.devices.reader = ReaderState::Disconnected;
        trouble.devices.readerSimulated = false;
        trouble.devices.network = NetworkState::Offline;
        trouble.devices.queuedDossiers = 3;
        cases.push_back(trouble);
        for (Contrast contrast : {Contrast::HighLight, Contrast::HighDark}) {
            SessionState state = base(language, Screen::Home);
            state.accessibility.contrast = contrast;
            cases.push_back({"home_contrast_" + std::to_string(static_cast<int>(contrast)), state});
        }
    }
    return cases;
}

int runScreenshotPass(const KioskOptions& options, const Config& config, Logger& logger,
                      Uint32 terminateType, const std::filesystem::path& dir) {
    const std::string reason = "/etc/kiosk/kiosk.ini:12: unknown key [session] inactivty_timeout_s";
    int written = 0;
    for (const Resolution& resolution : screenshotResolutions()) {
        Config panel = config;
        panel.display.panelWidthMm = resolution.panelWidthMm;
        panel.display.panelHeightMm =
            resolution.panelWidthMm * resolution.height / resolution.width;
        KioskApp app(options, panel, logger, terminateType);
        if (!app.start(WindowMode::Offscreen, resolution.width, resolution.height)) {
            return 1;
        }
        std::string folder =
            std::to_string(resolution.width) + "x" + std::to_string(resolution.height);
        for (Language language : {Language::Vietnamese, Language::English}) {
            for (const ScreenshotCase& shot : screenshotCases(language, reason)) {
                app.devices() = shot.devices;
                app.renderState(shot.state, shot.secondsUntilWipe);
                auto file =
                    dir / folder / std::string(languageCode(language)) / (shot.name + ".png");
                if (auto status = app.writeScreenshot(file); !status) {
                    logger.log(LogEvent::DisplayFailed,
                               {{"reason", SystemText{status.error().message}}});
                    return 1;
                }
                ++written;
            }
        }
    }
    return written > 0 ? 0 : 1;
}

} // namespace kiosk::ui
