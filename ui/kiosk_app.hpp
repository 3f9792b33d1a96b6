// The window over a KioskRuntime: SDL, ImGui, fonts, the frame clock, the screen router and
// lesson media, and the event-driven main loop. The session and its services live in the runtime.
#pragma once

#include "kiosk/app/kiosk_options.hpp"
#include "kiosk/app/service_notifier.hpp"
#include "kiosk/display/backlight.hpp"
#include "kiosk/display/screen_power.hpp"
#include "kiosk/runtime/kiosk_runtime.hpp"
#include "ui/platform/display_power.hpp"
#include "ui/platform/frame_clock.hpp"
#include "ui/platform/frame_damage.hpp"
#include "ui/platform/frame_log.hpp"
#include "ui/platform/idle_wait.hpp"
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

class KioskApp : private MediaPlayer {
public:
    // Borrows the runtime, which must outlive the app. `terminateEventType` and the one after
    // it are the SDL user events of SIGTERM and of the runtime's wake-up.
    KioskApp(KioskRuntime& runtime, const KioskOptions& options, Uint32 terminateEventType);
    ~KioskApp() override;

    // Opens the display and ImGui. A failure is logged and returned.
    Status start(WindowMode mode, int width, int height);
    // The kiosk's main loop until SIGTERM (or the window is closed in windowed mode).
    int run();
    // Sleeps through `idle` instead of SDL's wait (drivers that cannot block); borrowed, may
    // be null.
    void useIdleWait(IdleWait* idle) { idleWait_ = idle; }

    Status writeScreenshot(const std::filesystem::path& file);
    // Re-derives metrics and fonts after a resize or text size change.
    void relayout(TextSize size);

    KioskRuntime& runtime() { return runtime_; }
    Flow& flow() { return runtime_.flow(); }
    // Starts over with a new flow (screenshots and demo steps that need a clean session).
    Flow& resetFlow();
    // Draws the live flow state without presenting or applying intents (screenshots).
    void renderLive(SteadyTime now);
    // Screenshots show one fixed moment, so dates on screen (header, appointments, "overdue")
    // agree with each other whenever the pass is run; 0 = the real clock.
    void fixWallClock(std::time_t wall) { fixedWallClock_ = wall; }
    // Draws the live flow state and applies the intents it returns (used by run and the demo).
    // False when the screen already showed that picture, so nothing was presented.
    bool frame(SteadyTime now);
    // Applies one intent as if a resident had tapped it.
    void apply(const Intent& intent, SteadyTime now);
    // Starts the runtime's devices and workers and the lesson media (not for screenshots).
    void startServices();
    // Shows the screen as dimmed or blank (screenshots of the idle states).
    void showScreenPower(ScreenPowerState state);
    ScreenPowerState screenPower() const { return screenPower_.state(); }
    // One SDL event through the loop's own handling (tests tap through it).
    void handleInput(const SDL_Event& event, SteadyTime now);
    // The UI's own (upright) size in pixels: the window's, turned by [display] rotation.
    Size uprightPixels() const;
    // What the last frame's screen says ("Nghe" reads it; tests check it).
    const audio::ScreenSpeech& screenSpeech() const { return frameSpeech_; }

private:
    // MediaPlayer: the runtime's sound and video effects, played on this window.
    void perform(const MediaEffect& effect) override;
    // Applies the runtime's results and timers; notes activity when the screen must redraw.
    void updateRuntime(SteadyTime now);
    // Draws a frame into the back buffer; with `onlyChanges`, only what differs from the frame
    // on screen (false: nothing differs, nothing was drawn).
    bool render(const SessionState& state, int secondsUntilWipe, std::vector<Intent>& intents,
                bool onlyChanges = false);
    void handleEvent(const SDL_Event& event, SteadyTime now, bool& quit);
    std::optional<SteadyTime> nextWake(SteadyTime now,
                                       std::optional<SteadyTime> nextVideoFrame) const;
    void syncAccessibility();
    // Screenshots: the current lesson step's video guide, when the flow is watching it.
    void openScreenshotVideo();
    // Dims, blanks or wakes: the picture, the backlight and the log.
    void screenPowerChanged(ScreenPowerState state);
    void presentBlack();
    // The panel off through DPMS while blank, on otherwise (kmsdrm only).
    void switchPanel(ScreenPowerState state);

    KioskRuntime& runtime_;
    const Config& config_; // the runtime's
    Logger& logger_;
    KioskOptions options_;
    std::unique_ptr<QrTextures> qrTextures_;
    std::unique_ptr<LessonMedia> media_;
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
    audio::ScreenSpeech frameSpeech_; // refilled by every frame's screen
    FrameClock frameClock_;
    std::time_t shownMinute_ = 0;
    int shownCountdown_ = 0;
    Uint32 terminateEventType_;
    std::unique_ptr<ImageTextures> images_; // content pictures; needs the window's renderer
    int imagesContentGeneration_ = 0;
    Rotation rotation_ = Rotation::None;
    std::unique_ptr<RotatedCanvas> canvas_;
    PointerInput pointer_;
    ScreenPower screenPower_;
    std::optional<Backlight> backlight_;
    IdleWait* idleWait_ = nullptr;
    std::optional<DisplayPower> displayPower_;
    bool panelOff_ = false;
    std::unique_ptr<FrameLog> frameLog_ = FrameLog::fromEnvironment();
    // An idle kiosk's minute clock repaints a few digits, not the whole screen: on a board
    // rendering in software a full frame costs a core for a noticeable time. KIOSK_REDRAW=whole
    // turns it off (for comparison in the benchmark).
    bool redrawChangesOnly_ = false;
    FrameDamage damage_;
    std::optional<DrawCopy> plannedCopy_;
    Repaint plannedRepaint_;
    std::string lastRepaint_;             // for the frame log
    std::optional<SDL_Rect> presentArea_; // of the frame drawn: what changed; none = everything
    FrameCost frameCost_{frameLog_ != nullptr};
};

} // namespace kiosk::ui
