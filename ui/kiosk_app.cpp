// KioskApp: start-up, the event-driven loop, intents, and offscreen rendering for screenshots.
#include "ui/kiosk_app.hpp"

#include "ui/theme/palette.hpp"

#include <cstdlib>
#include <fstream>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <sstream>
#include <stb_image_write.h>
#include <unistd.h>
#include <vector>

namespace kiosk::ui {
namespace {

// Process age from the kernel's start time, so start-up cost before main() is counted too.
double millisecondsSinceProcessStart() {
    std::ifstream stat("/proc/self/stat");
    std::string text;
    std::getline(stat, text);
    // Field 22 (starttime, clock ticks since boot) follows the ")" that ends the command name.
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22 && fields >> field; ++i) {
    }
    double startedAtSeconds = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    std::ifstream uptimeFile("/proc/uptime");
    double uptimeSeconds = 0;
    uptimeFile >> uptimeSeconds;
    return (uptimeSeconds - startedAtSeconds) * 1000.0;
}

bool isInput(const SDL_Event& event) {
    switch (event.type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_MOUSEWHEEL:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
    case SDL_KEYDOWN:
    case SDL_TEXTINPUT:
        return true;
    default:
        return false;
    }
}

} // namespace

KioskApp::KioskApp(KioskRuntime& runtime, const KioskOptions& options, Uint32 terminateEventType)
    : runtime_(runtime)
    , config_(runtime.config())
    , logger_(runtime.logger())
    , options_(options)
    , terminateEventType_(terminateEventType)
    , rotation_(rotationFromDegrees(config_.display.rotationDegrees).value_or(Rotation::None))
    , pointer_(rotation_, config_.display.touchCalibration)
    , screenPower_(config_.display.dimAfter, config_.display.blankAfter,
                   std::chrono::steady_clock::now()) {}

void KioskApp::startServices() {
    runtime_.startServices();
    media_ = std::make_unique<LessonMedia>(config_.audio, runtime_.contentDir(), logger_,
                                           runtime_.wake());
    runtime_.setMediaPlayer(this);
}

void KioskApp::perform(const MediaEffect& effect) {
    if (media_) {
        media_->handle(effect, window_->renderer(), static_cast<int>(uprightPixels().width),
                       std::chrono::steady_clock::now());
    }
}

void KioskApp::updateRuntime(SteadyTime now) {
    if (media_ && media_->takeSpeechFinished()) {
        runtime_.apply(intent::ReadAloudFinished{}, now); // "Dừng" turns back into "Nghe"
        frameClock_.noteActivity();
    }
    if (runtime_.update(now)) {
        syncAccessibility();
        frameClock_.noteActivity();
    }
    if (images_ && imagesContentGeneration_ != runtime_.contentGeneration()) {
        images_->setContentDir(runtime_.contentDir());
        imagesContentGeneration_ = runtime_.contentGeneration();
    }
}

KioskApp::~KioskApp() {
    if (backlight_) {
        backlight_->apply(ScreenPowerState::On); // a maintainer at the console needs the light
    }
    switchPanel(ScreenPowerState::On);
    runtime_.setMediaPlayer(nullptr);
    media_.reset();
    qrTextures_.reset();
    images_.reset();
    canvas_.reset();
    if (imguiReady_) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    window_.reset();
}

Status KioskApp::start(WindowMode mode, int width, int height) {
    auto window = Window::open(WindowOptions{mode, width, height});
    if (!window) {
        logger_.log(LogEvent::DisplayFailed, {{"reason", SystemText{window.error().message}}});
        return window.error();
    }
    window_ = std::move(*window);
    const char* redraw = std::getenv("KIOSK_REDRAW");
    // Screenshots draw each scene once, whole.
    redrawChangesOnly_ = options_.mode != RunMode::Screenshots &&
                         !(redraw != nullptr && std::string(redraw) == "whole");
    // A KMS buffer's surface keeps the last frame itself: no canvas unless the panel is turned.
    canvas_ = std::make_unique<RotatedCanvas>(window_->renderer(), rotation_,
                                              redrawChangesOnly_ && !window_->keepsPicture());
    logger_.log(
        LogEvent::DisplayOpened,
        {{"renderer", SystemText{window_->rendererName()}},
         {"accelerated", window_->accelerated()},
         {"present", window_->keepsPicture() ? LogToken("kms_buffer") : LogToken("renderer")},
         {"present_problem", SystemText{window_->presenterProblem()}},
         {"opengl", SystemText{window_->openGlName()}},
         {"width", window_->pixelWidth()},
         {"height", window_->pixelHeight()},
         {"rotation", rotationDegrees(rotation_)},
         {"redraw", redrawChangesOnly_ ? LogToken("changes") : LogToken("whole")}});
    if (!config_.display.backlightDir.empty()) {
        auto backlight = Backlight::open(config_.display.backlightDir);
        Status lit = backlight ? backlight->apply(ScreenPowerState::On) : backlight.error();
        if (lit) {
            // Lit at start: a kiosk restarted while blank must not stay dark.
            backlight_ = std::move(*backlight);
        } else {
            logger_.log(LogEvent::BacklightUnavailable,
                        {{"reason", SystemText{lit.error().message}}});
        }
    }
    if (auto power = DisplayPower::open(window_->sdlWindow())) {
        displayPower_ = *power;
    } else if (power.error().code != "display_power.driver") {
        logger_.log(LogEvent::DisplayPowerUnavailable,
                    {{"reason", SystemText{power.error().message}}});
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    // Touch panels report small jitters while a finger rests; don't treat them as drags.
    io.MouseDragThreshold = 12.0f;
    ImGui_ImplSDL2_InitForSDLRenderer(window_->sdlWindow());
    ImGui_ImplSDLRenderer_Init(window_->renderer());
    imguiReady_ = true;
    qrTextures_ = std::make_unique<QrTextures>(window_->renderer());
    images_ = std::make_unique<ImageTextures>(window_->renderer(), runtime_.contentDir(), logger_);
    imagesContentGeneration_ = runtime_.contentGeneration();
    layoutWidth_ = 0;
    relayout(TextSize::Normal);
    return ok();
}

Size KioskApp::uprightPixels() const {
    return logicalSize(
        {static_cast<double>(window_->pixelWidth()), static_cast<double>(window_->pixelHeight())},
        rotation_);
}

void KioskApp::relayout(TextSize size) {
    int width = static_cast<int>(uprightPixels().width);
    if (size == fontsFor_ && width == layoutWidth_ && fonts_.body != nullptr) {
        return;
    }
    // The panel's millimetres map onto the full drawable width, as the resident sees it: a
    // panel turned a quarter shows its native height across.
    Size panelMm =
        logicalSize({config_.display.panelWidthMm, config_.display.panelHeightMm}, rotation_);
    metrics_ = computeMetrics(width, panelMm.width, size);
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    fonts_ = buildFonts(FontFiles{config_.paths.fontRegular, config_.paths.fontBold}, metrics_);
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    noteTextureContentsChanged(); // the new atlas may sit where the old one was
    if (!fonts_.vietnameseCapable) {
        logger_.log(LogEvent::FontMissing,
                    {{"path", SystemText{config_.paths.fontRegular.string()}}});
    } else {
        logger_.log(LogEvent::FontLoaded, {{"body_px", static_cast<double>(metrics_.bodyFontPx)}});
    }
    fontsFor_ = size;
    layoutWidth_ = width;
    applyStyle(palette(styleFor_), metrics_.gapPx, metrics_.mm(1.5));
}

void KioskApp::syncAccessibility() {
    const Accessibility& wanted = runtime_.state().accessibility;
    if (wanted.contrast != styleFor_) {
        styleFor_ = wanted.contrast;
        applyStyle(palette(styleFor_), metrics_.gapPx, metrics_.mm(1.5));
    }
    relayout(wanted.textSize);
}

bool KioskApp::render(const SessionState& state, int secondsUntilWipe, std::vector<Intent>& intents,
                      bool onlyChanges) {
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // The backend sized ImGui to the window and read SDL's mouse, both unturned.
    ImGuiIO& io = ImGui::GetIO();
    int windowWidth = 0;
    int windowHeight = 0;
    SDL_GetWindowSize(window_->sdlWindow(), &windowWidth, &windowHeight);
    Size upright = logicalSize(
        {static_cast<double>(windowWidth), static_cast<double>(windowHeight)}, rotation_);
    io.DisplaySize = ImVec2(static_cast<float>(upright.width), static_cast<float>(upright.height));
    pointer_.feed(io);
    ImGui::NewFrame();
    FrameContext ctx{state,
                     runtime_.devices(),
                     config_,
                     metrics_,
                     fonts_,
                     palette(state.accessibility.contrast),
                     fixedWallClock_ != 0 ? fixedWallClock_ : std::time(nullptr),
                     secondsUntilWipe,
                     intents};
    ctx.catalog = runtime_.catalog();
    ctx.procedure = runtime_.flow().currentProcedure();
    ctx.qrTextures = qrTextures_.get();
    ctx.lessons = runtime_.lessons();
    ctx.lesson = runtime_.flow().currentLesson();
    ctx.video = media_ ? media_->video() : nullptr;
    ctx.images = images_.get();
    frameSpeech_.lines.clear();
    ctx.speech = &frameSpeech_;
    router_.draw(ctx);
    if (screenPower_.state() == ScreenPowerState::Dim) {
        // Dimmed but legible, so a passer-by still sees the kiosk is alive and what it offers.
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize,
                                                      IM_COL32(0, 0, 0, 150));
    }
    ImGui::Render();
    frameCost_.mark(FrameCost::Phase::Build);
    ImDrawData* data = ImGui::GetDrawData();
    Repaint repaint; // whole
    std::optional<DrawCopy> copy;
    bool pictureKept = (window_->keepsPicture() && rotation_ == Rotation::None) ||
                       canvas_->pictureKept(window_->pixelWidth(), window_->pixelHeight());
    presentArea_.reset();
    if (onlyChanges && pictureKept) {
        copy = copyOf(*data, textureContentsGeneration());
        repaint = damage_.plan(*copy, 1); // the canvas holds the last frame drawn
    } else if (onlyChanges) {
        copy = copyOf(*data, textureContentsGeneration()); // the first frame on a new canvas
        damage_.invalidate();
    } else {
        damage_.invalidate(); // drawn whole and maybe never presented: nothing to build on
    }
    frameCost_.mark(FrameCost::Phase::Compare);
    if (repaint.kind == Repaint::Kind::Nothing) {
        return false;
    }
    canvas_->begin(window_->pixelWidth(), window_->pixelHeight());
    const ImVec4& bg = palette(state.accessibility.contrast).background;
    SDL_SetRenderDrawColor(window_->renderer(), static_cast<Uint8>(bg.x * 255),
                           static_cast<Uint8>(bg.y * 255), static_cast<Uint8>(bg.z * 255), 255);
    if (repaint.kind == Repaint::Kind::Part) {
        // The rest of the canvas already shows this frame: repaint the changed area only.
        clipDrawData(*data, repaint.area);
        const ImVec2 scale = data->FramebufferScale;
        SDL_Rect area{static_cast<int>(repaint.area.x0 * scale.x),
                      static_cast<int>(repaint.area.y0 * scale.y),
                      static_cast<int>((repaint.area.x1 - repaint.area.x0) * scale.x),
                      static_cast<int>((repaint.area.y1 - repaint.area.y0) * scale.y)};
        SDL_RenderFillRect(window_->renderer(), &area);
        if (rotation_ == Rotation::None) {
            presentArea_ = area; // turned, the canvas is copied to the window whole
        }
    } else {
        SDL_RenderClear(window_->renderer());
    }
    ImGui_ImplSDLRenderer_RenderDrawData(data);
    canvas_->end();
    frameCost_.mark(FrameCost::Phase::Draw);
    if (copy) {
        plannedCopy_ = std::move(*copy);
        plannedRepaint_ = repaint;
    }
    lastRepaint_ = "whole";
    if (repaint.kind == Repaint::Kind::Part) {
        lastRepaint_ =
            "part=" + std::to_string(static_cast<int>(repaint.area.x1 - repaint.area.x0)) + "x" +
            std::to_string(static_cast<int>(repaint.area.y1 - repaint.area.y0));
    }
    return true;
}

void KioskApp::presentBlack() {
    SDL_SetRenderDrawColor(window_->renderer(), 0, 0, 0, 255);
    SDL_RenderClear(window_->renderer());
    window_->present();
    damage_.invalidate();
}

void KioskApp::showScreenPower(ScreenPowerState state) {
    // Only screenshots call this: their flows run on a scripted clock, not the real one.
    auto now = std::chrono::steady_clock::now();
    screenPower_ = ScreenPower(config_.display.dimAfter, config_.display.blankAfter, now);
    if (state != ScreenPowerState::On) {
        screenPower_.update(now + (state == ScreenPowerState::Dim ? config_.display.dimAfter
                                                                  : config_.display.blankAfter),
                            SessionActivity::Idle);
    }
}

void KioskApp::screenPowerChanged(ScreenPowerState state) {
    switch (state) {
    case ScreenPowerState::On:
        logger_.log(LogEvent::ScreenWoke);
        break;
    case ScreenPowerState::Dim:
        logger_.log(LogEvent::ScreenDimmed,
                    {{"after_s", static_cast<int>(config_.display.dimAfter.count())}});
        break;
    case ScreenPowerState::Blank:
        logger_.log(LogEvent::ScreenBlanked,
                    {{"after_s", static_cast<int>(config_.display.blankAfter.count())}});
        presentBlack();
        break;
    }
    switchPanel(state);
    if (backlight_) {
        if (auto status = backlight_->apply(state); !status) {
            logger_.log(LogEvent::BacklightUnavailable,
                        {{"reason", SystemText{status.error().message}}});
            backlight_.reset(); // once is enough in the log; the picture still dims
        }
    }
    frameClock_.noteActivity();
}

void KioskApp::switchPanel(ScreenPowerState state) {
    bool off = state == ScreenPowerState::Blank;
    if (!displayPower_ || off == panelOff_) {
        return;
    }
    if (auto status = displayPower_->apply(state); !status) {
        logger_.log(LogEvent::DisplayPowerUnavailable,
                    {{"reason", SystemText{status.error().message}}});
        displayPower_.reset(); // once is enough in the log; the picture is still black
        return;
    }
    panelOff_ = off;
    logger_.log(LogEvent::DisplayPowerSet, {{"state", off ? LogToken("off") : LogToken("on")}});
}

Flow& KioskApp::resetFlow() {
    if (qrTextures_) {
        qrTextures_->clear();
    }
    return runtime_.resetFlow();
}

void KioskApp::openScreenshotVideo() {
    const Flow& flow = runtime_.flow();
    const Lesson* lesson = flow.currentLesson();
    const LessonSession& session = flow.state().lesson;
    if (!session.watchingVideo || lesson == nullptr || session.step >= lesson->steps.size() ||
        !lesson->steps[session.step].video) {
        return;
    }
    if (!media_) {
        media_ = std::make_unique<LessonMedia>(config_.audio, runtime_.contentDir(), logger_);
    }
    // Opened and started: the first frame is on the texture, the player shows "Pause".
    perform(effect::OpenVideo{*lesson->steps[session.step].video});
}

void KioskApp::renderLive(SteadyTime now) {
    if (options_.mode == RunMode::Screenshots) {
        // A scene reaches the video by intents on the flow alone; its OpenVideo effect has no
        // media player to go to, so the decoder is opened here as the live loop's player would.
        openScreenshotVideo();
    }
    syncAccessibility();
    std::vector<Intent> ignored;
    const Flow& flow = runtime_.flow();
    // As many frames as the live loop draws after an event: a window that sizes itself to its
    // content (the "still there?" card) takes that long to settle when it was last drawn at
    // another text size.
    for (int i = 0; i < FrameClock::kFramesAfterActivity; ++i) {
        render(flow.state(), flow.secondsUntilWipe(now), ignored);
    }
}

void KioskApp::apply(const Intent& intent, SteadyTime now) {
    runtime_.apply(intent, now);
    syncAccessibility();
    frameClock_.noteActivity();
}

bool KioskApp::frame(SteadyTime now) {
    std::vector<Intent> intents;
    const Flow& flow = runtime_.flow();
    frameCost_.start();
    bool drawn = render(flow.state(), flow.secondsUntilWipe(now), intents, redrawChangesOnly_);
    if (drawn) {
        window_->present(presentArea_ ? &*presentArea_ : nullptr);
        frameCost_.mark(FrameCost::Phase::Present);
        if (plannedCopy_) {
            damage_.presented(std::move(*plannedCopy_), plannedRepaint_);
            plannedCopy_.reset();
        }
    }
    for (const Intent& intent : intents) {
        apply(intent, now);
    }
    updateRuntime(now);
    return drawn;
}

Status KioskApp::writeScreenshot(const std::filesystem::path& file) {
    int w = window_->pixelWidth();
    int h = window_->pixelHeight();
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    if (SDL_RenderReadPixels(window_->renderer(), nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(),
                             w * 4) != 0) {
        return makeError("screenshot.read", std::string("cannot read pixels: ") + SDL_GetError());
    }
    std::filesystem::create_directories(file.parent_path());
    if (stbi_write_png(file.c_str(), w, h, 4, pixels.data(), w * 4) == 0) {
        return makeError("screenshot.write", "cannot write " + file.string());
    }
    logger_.log(LogEvent::ScreenshotWritten, {{"file", SystemText{file.string()}}});
    return ok();
}

void KioskApp::handleEvent(const SDL_Event& event, SteadyTime now, bool& quit) {
    if (event.type == terminateEventType_) {
        quit = true;
        return;
    }
    if (event.type == SDL_QUIT) {
        // Kiosk mode ignores window-close and every key combination; only SIGTERM stops it.
        if (options_.windowed) {
            quit = true;
        }
        return;
    }
    if (event.type == SDL_KEYDOWN && !options_.windowed) {
        return; // no keyboard shortcuts on a public kiosk
    }
    ScreenPowerState before = screenPower_.state();
    int windowWidth = 0;
    int windowHeight = 0;
    SDL_GetWindowSize(window_->sdlWindow(), &windowWidth, &windowHeight);
    PointerOutcome pointer = pointer_.handle(
        event, {static_cast<double>(windowWidth), static_cast<double>(windowHeight)}, screenPower_,
        now);
    if (screenPower_.state() != before) {
        screenPowerChanged(screenPower_.state());
    }
    if (pointer == PointerOutcome::NotPointer) {
        ImGui_ImplSDL2_ProcessEvent(&event);
    }
    if (frameLog_ && (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_FINGERDOWN)) {
        frameLog_->notePress();
    }
    // A swallowed waking touch is not a resident's input: it pressed nothing.
    if (isInput(event) &&
        (pointer == PointerOutcome::NotPointer || pointer == PointerOutcome::Delivered)) {
        runtime_.noteInput(now);
    }
    if (event.type == SDL_WINDOWEVENT) {
        // Resized, exposed or shown again: the buffers may hold anything now.
        damage_.invalidate();
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            relayout(fontsFor_);
        }
    }
    frameClock_.noteActivity();
}

void KioskApp::handleInput(const SDL_Event& event, SteadyTime now) {
    bool quit = false;
    handleEvent(event, now, quit);
}

std::optional<SteadyTime> KioskApp::nextWake(SteadyTime now,
                                             std::optional<SteadyTime> nextVideoFrame) const {
    std::optional<SteadyTime> wake = runtime_.nextDeadline();
    auto earliest = [&](std::optional<SteadyTime> t) {
        if (t && (!wake || *t < *wake)) {
            wake = t;
        }
    };
    earliest(screenPower_.nextDeadline());
    earliest(notifier_.nextPing()); // the watchdog must hear from a blank kiosk too
    if (screenPower_.state() == ScreenPowerState::Blank) {
        return wake; // nothing is drawn: no clock to tick, no video to show
    }
    // The header clock shows minutes: wake at the next minute boundary, not every second.
    std::time_t wall = std::time(nullptr);
    earliest(now + std::chrono::seconds(60 - wall % 60));
    if (runtime_.state().wipeAt) {
        earliest(now + std::chrono::seconds(1)); // the countdown's number changes each second
    }
    earliest(nextVideoFrame);
    return wake;
}

int KioskApp::run() {
    bool quit = false;
    bool announced = false;
    SDL_EventState(SDL_DROPFILE, SDL_DISABLE);
    while (!quit) {
        SteadyTime now = std::chrono::steady_clock::now();
        SDL_Event event;
        // Advances a playing video guide; it answers when its next frame is due.
        std::optional<SteadyTime> nextVideoFrame;
        if (media_ && screenPower_.state() != ScreenPowerState::Blank) {
            nextVideoFrame = media_->update(now);
        }
        int wait = frameClock_.waitMilliseconds(now, nextWake(now, nextVideoFrame));
        if (waitForSdlEvent(idleWait_, event, wait)) {
            now = std::chrono::steady_clock::now();
            handleEvent(event, now, quit);
            while (SDL_PollEvent(&event) != 0) {
                handleEvent(event, now, quit);
            }
        }
        now = std::chrono::steady_clock::now();
        updateRuntime(now);
        if (auto changed =
                screenPower_.update(now, runtime_.state().active ? SessionActivity::InProgress
                                                                 : SessionActivity::Idle)) {
            screenPowerChanged(*changed);
        }
        std::time_t minute = std::time(nullptr) / 60;
        int countdown = runtime_.flow().secondsUntilWipe(now);
        if (countdown != shownCountdown_) {
            shownCountdown_ = countdown;
            frameClock_.noteActivity();
        }
        if (minute != shownMinute_) {
            shownMinute_ = minute;
            frameClock_.noteRedraw(); // the idle home screen's one frame a minute
        }
        if (screenPower_.state() == ScreenPowerState::Blank) {
            // Black since it blanked; owed frames are dropped so the loop sleeps until a touch.
            while (frameClock_.wantsFrame()) {
                frameClock_.frameRendered();
            }
        } else if (frameClock_.wantsFrame()) {
            if (frame(now) && frameLog_) {
                frameLog_->presented(lastRepaint_ + " " + frameCost_.describe());
            }
            frameClock_.frameRendered();
            if (!announced) {
                notifier_.ready();
                logger_.log(LogEvent::FirstFrame,
                            {{"since_start_ms", millisecondsSinceProcessStart()}});
                announced = true;
            }
        }
        notifier_.keepAlive(now);
    }
    notifier_.stopping();
    logger_.log(LogEvent::KioskStopping);
    return 0;
}

} // namespace kiosk::ui
