// The composition of window, ImGui, flow and devices, and the event-driven main loop.
#pragma once

#include "kiosk/app/assist_services.hpp"
#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/app/kiosk_services.hpp"
#include "kiosk/app/service_notifier.hpp"
#include "kiosk/app/usage_recorder.hpp"
#include "kiosk/assist/volunteer_store.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/content/content_store.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/display/backlight.hpp"
#include "kiosk/display/screen_power.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/log/logger.hpp"
#include "ui/platform/frame_clock.hpp"
#include "ui/platform/image_textures.hpp"
#include "ui/platform/lesson_media.hpp"
#include "ui/platform/pointer_input.hpp"
#include "ui/platform/qr_textures.hpp"
#include "ui/platform/rotated_canvas.hpp"
#include "ui/platform/window.hpp"
#include "ui/screens/screen_router.hpp"
#include "ui/theme/fonts.hpp"
#include "ui/theme/metrics.hpp"

#include <ctime>
#include <filesystem>
#include <memory>

namespace kiosk::ui {

class KioskApp {
public:
    KioskApp(const KioskOptions& options, Config config, Logger& logger, Uint32 terminateEventType);
    ~KioskApp();

    // Opens the display and ImGui. A failure is logged and returned.
    Status start(WindowMode mode, int width, int height);
    // The kiosk's main loop until SIGTERM (or the window is closed in windowed mode).
    int run();

    // Why the content could not be loaded; empty when it was.
    const std::string& contentProblem() const { return contentProblem_; }
    Status writeScreenshot(const std::filesystem::path& file);
    // Re-derives metrics and fonts after a resize or text size change.
    void relayout(TextSize size);

    Flow& flow() { return *flow_; }
    // Starts over with a new flow (screenshots and demo steps that need a clean session).
    Flow& resetFlow();
    const ProcedureCatalog* catalog() const { return catalog_ ? &*catalog_ : nullptr; }
    const LessonCatalog* lessons() const { return lessons_ ? &*lessons_ : nullptr; }
    // Draws the live flow state without presenting or applying intents (screenshots).
    void renderLive(SteadyTime now);
    const Config& config() const { return config_; }
    DeviceStatus& devices() { return devices_; }
    // Screenshots show one fixed moment, so dates on screen (header, appointments, "overdue")
    // agree with each other whenever the pass is run; 0 = the real clock.
    void fixWallClock(std::time_t wall) { fixedWallClock_ = wall; }
    // Draws the live flow state and applies the intents it returns (used by run and the demo).
    void frame(SteadyTime now);
    // Applies one intent as if a resident had tapped it.
    void apply(const Intent& intent, SteadyTime now);
    // Starts the devices and network worker (not used by the screenshot pass).
    void startServices();
    // Hands the flow's effects to the services and their results back to the flow.
    void exchangeWithServices();
    // Shows the screen as dimmed or blank (screenshots of the idle states).
    void showScreenPower(ScreenPowerState state);
    ScreenPowerState screenPower() const { return screenPower_.state(); }
    // One SDL event through the loop's own handling (tests tap through it).
    void handleInput(const SDL_Event& event, SteadyTime now);
    // The UI's own (upright) size in pixels: the window's, turned by [display] rotation.
    Size uprightPixels() const;

private:
    void render(const SessionState& state, int secondsUntilWipe, std::vector<Intent>& intents);
    void handleEvent(const SDL_Event& event, SteadyTime now, bool& quit);
    std::optional<SteadyTime> nextWake(SteadyTime now,
                                       std::optional<SteadyTime> nextVideoFrame) const;
    void syncAccessibility();
    // (Re)loads procedures and lessons from the active content (start-up, after an install).
    void reloadContent();
    // Dims, blanks or wakes: the picture, the backlight and the log.
    void screenPowerChanged(ScreenPowerState state);
    void presentBlack();

    KioskOptions options_;
    Config config_;
    Logger& logger_;
    std::optional<ProcedureCatalog> catalog_;
    std::optional<LessonCatalog> lessons_;
    std::string contentProblem_;
    std::filesystem::path contentDir_; // the verified content served (empty: none)
    std::unique_ptr<Flow> flow_;
    std::unique_ptr<QrTextures> qrTextures_;
    std::unique_ptr<KioskServices> services_;
    std::unique_ptr<UsageLog> usageLog_;
    std::unique_ptr<UsageRecorder> usage_;
    std::unique_ptr<LessonMedia> media_;
    std::unique_ptr<VolunteerStore> volunteers_;
    std::optional<ContentStore> contentStore_;
    std::unique_ptr<AssistServices> assist_;
    DeviceStatus devices_;
    std::time_t fixedWallClock_ = 0;
    ServiceNotifier notifier_;
    std::unique_ptr<Window> window_;
    bool imguiReady_ = false;
    Metrics metrics_;
    FontSet fonts_;
    TextSize fontsFor_ = TextSize::Normal;
    Contrast styleFor_ = Contrast::Standard;
    int layoutWidth_ = 0;
    ScreenRouter router_;
    FrameClock frameClock_;
    std::time_t shownMinute_ = 0;
    int shownCountdown_ = 0;
    Uint32 terminateEventType_;
    std::unique_ptr<ImageTextures> images_; // content pictures; needs the window's renderer
    Rotation rotation_ = Rotation::None;
    std::unique_ptr<RotatedCanvas> canvas_;
    PointerInput pointer_;
    ScreenPower screenPower_;
    std::optional<Backlight> backlight_;
};

} // namespace kiosk::ui
