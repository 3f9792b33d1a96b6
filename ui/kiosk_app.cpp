// KioskApp: start-up, the event-driven loop, intents, and offscreen rendering for screenshots.
#include "ui/kiosk_app.hpp"

#include "kiosk/app/content_location.hpp"
#include "kiosk/health/health_check.hpp"
#include "kiosk/lesson/take_home.hpp"
#include "kiosk/lesson/take_home_text.hpp"
#include "ui/theme/palette.hpp"

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

// The file the kiosk read its configuration from (ui/app.cpp's choice), empty for defaults.
std::filesystem::path loadedConfigFile(const KioskOptions& options) {
    if (options.configPath) {
        return *options.configPath;
    }
    std::filesystem::path installed = "/etc/kiosk/kiosk.ini";
    return std::filesystem::exists(installed) ? installed : std::filesystem::path{};
}

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

KioskApp::KioskApp(const KioskOptions& options, Config config, Logger& logger,
                   Uint32 terminateEventType)
    : options_(options)
    , config_(std::move(config))
    , logger_(logger)
    , flow_(std::make_unique<Flow>(config_, logger_))
    , terminateEventType_(terminateEventType)
    , rotation_(rotationFromDegrees(config_.display.rotationDegrees).value_or(Rotation::None))
    , pointer_(rotation_, config_.display.touchCalibration)
    , screenPower_(config_.display.dimAfter, config_.display.blankAfter,
                   std::chrono::steady_clock::now()) {
    // Content is served only after the store has verified it: every file's hash, at start,
    // falling back to the previous version when the current one fails (issue 23). A development
    // run without a content folder serves the source tree and creates nothing.
    bool production = !options.simulatedDevices && options.mode == RunMode::Kiosk;
    std::error_code noFolder;
    if (production || std::filesystem::exists(config_.paths.contentDir, noFolder)) {
        if (auto store =
                ContentStore::open(config_.paths.contentDir, StartupCheck::FullHashes, &logger_)) {
            contentStore_ = std::move(*store);
        } else {
            logger_.log(LogEvent::ContentInvalid, {{"reason", SystemText{store.error().message}}});
        }
    }
    reloadContent();
    bool simulatedPrinter =
        options.simulatedDevices || config_.devices.printer == DeviceChoice::Simulated;
    bool simulatedReader =
        options.simulatedDevices || config_.devices.cardReader == DeviceChoice::Simulated;
    devices_.printerSimulated = simulatedPrinter;
    devices_.readerSimulated = simulatedReader;
    if (simulatedPrinter) {
        devices_.printer = PrinterState::Ready;
        logger_.log(LogEvent::DeviceSimulated, {{"device", LogToken("printer")}});
    }
    if (simulatedReader) {
        devices_.reader = ReaderState::NoCard;
        logger_.log(LogEvent::DeviceSimulated, {{"device", LogToken("card_reader")}});
    }
}

void KioskApp::reloadContent() {
    contentProblem_.clear();
    bool development = options_.simulatedDevices || options_.mode != RunMode::Kiosk;
    ContentChoice choice =
        chooseContentDir(contentStore_ ? &*contentStore_ : nullptr, config_,
                         development ? ContentMode::Development : ContentMode::Production);
    if (choice.dir.empty()) {
        contentProblem_ = choice.problem;
        logger_.log(LogEvent::ContentInvalid, {{"reason", SystemText{contentProblem_}}});
        return;
    }
    contentDir_ = choice.dir;
    const std::filesystem::path& contentDir = contentDir_;
    if (images_) {
        images_->setContentDir(contentDir);
    }
    auto catalog = loadProcedureCatalog(contentDir);
    if (catalog) {
        catalog_ = std::move(*catalog);
        flow_->setCatalog(&*catalog_);
        logger_.log(LogEvent::ContentLoaded,
                    {{"procedures", static_cast<int>(catalog_->procedures.size())},
                     {"dir", SystemText{contentDir.string()}}});
    } else {
        contentProblem_ = catalog.error().message;
        logger_.log(LogEvent::ContentInvalid, {{"reason", SystemText{contentProblem_}}});
    }
    // Lessons are optional: a pack with broken lessons still serves dossiers.
    if (auto lessons = loadLessonCatalog(contentDir)) {
        lessons_ = std::move(*lessons);
        flow_->setLessons(&*lessons_);
    } else {
        logger_.log(LogEvent::LessonContentInvalid,
                    {{"reason", SystemText{lessons.error().message}}});
    }
}

void KioskApp::startServices() {
    Uint32 wakeType = terminateEventType_ + 1;
    services_ =
        std::make_unique<KioskServices>(config_, logger_, options_.simulatedDevices, [wakeType] {
            SDL_Event event{};
            event.type = wakeType;
            SDL_PushEvent(&event); // thread-safe: the only way a worker touches the UI loop
        });
    devices_ = services_->status();
    usageLog_ = std::make_unique<UsageLog>(usageLogOptions(config_), &logger_,
                                           [] { return std::chrono::system_clock::now(); });
    usage_ = std::make_unique<UsageRecorder>(*usageLog_, config_.usage.ratingScale);
    media_ = std::make_unique<LessonMedia>(config_.audio, contentDir_, logger_);
    auto wall = [] { return std::chrono::system_clock::now(); };
    if (auto store = VolunteerStore::open(assistDatabasePath(config_.paths.dataDir),
                                          VolunteerStoreOptions{}, &logger_, wall)) {
        volunteers_ = std::move(*store);
    }
    AssistHooks hooks;
    hooks.toolsSnapshot = [this] {
        VolunteerToolsState tools;
        tools.loaded = true;
        tools.devices = services_->status();
        KioskServices::OutboxCounts counts = services_->outboxCounts();
        tools.outboxPending = counts.pending;
        tools.outboxDelivered = counts.delivered;
        tools.outboxNeedsAttention = counts.needsAttention;
        return tools;
    };
    // Called on an AssistServices worker, which waits while the services worker prints.
    hooks.printSummary = [this](const std::vector<SummaryLine>& lines, Language) {
        return services_->printReportSummary(lines).get();
    };
    // The answer arrives later as ReprintDone; the tools screen shows "printing" meanwhile.
    hooks.reprintLastReceipt = [this] {
        services_->reprintLastReceipt();
        return VolunteerToolsState::Reprint::Printing;
    };
    // The maintainer's health tab runs kioskctl doctor's checks on the file the kiosk loaded.
    hooks.checkHealth = [configFile = loadedConfigFile(options_)] {
        HealthContext context;
        context.configFile = configFile;
        context.listUsb = libusbInterfaceLister();
        return runHealthChecks(context);
    };
    assist_ = std::make_unique<AssistServices>(
        volunteers_.get(), contentStore_ ? &*contentStore_ : nullptr,
        AssistPaths{usageDatabasePath(config_.paths.dataDir),
                    config_.paths.contentTrustDir,
                    config_.paths.usbMountDir,
                    usbExportSpoolPath(config_.paths.dataDir),
                    {}},
        std::move(hooks));
}

void KioskApp::exchangeWithServices() {
    if (!services_) {
        return;
    }
    for (const Effect& effect : flow_->takeEffects()) {
        if (assist_->perform(effect, *flow_) ||
            media_->handle(effect, window_->renderer(), static_cast<int>(uprightPixels().width),
                           std::chrono::steady_clock::now())) {
            continue;
        }
        std::visit(
            [&](const auto& e) {
                using T = std::decay_t<decltype(e)>;
                if constexpr (std::is_same_v<T, effect::PrintTakeHomeSheet>) {
                    if (const Lesson* lesson = lessons() ? lessons()->find(e.lessonId) : nullptr) {
                        services_->printTakeHome(
                            buildTakeHomeSheet(takeHomeText(*lesson, e.language), e.language,
                                               config_.communeName + " · " + config_.hotline));
                    }
                } else if constexpr (std::is_same_v<T, effect::LessonCompleted>) {
                    usage_->lessonCompleted(e.lessonId);
                } else if constexpr (std::is_same_v<T, effect::SubmitDossier>) {
                    if (const Procedure* procedure = flow_->currentProcedure()) {
                        services_->submit(*procedure, flow_->state().dossier.values,
                                          flow_->state().language);
                    }
                } else if constexpr (std::is_same_v<T, effect::PrintReceipt>) {
                    services_->printReceipt();
                } else if constexpr (std::is_same_v<T, effect::ReadCard>) {
                    services_->readCard(e.idNumber, e.dateOfBirth, e.dateOfExpiry);
                } else if constexpr (std::is_same_v<T, effect::LookupDossier>) {
                    services_->lookup(e.code);
                }
            },
            effect);
    }
    for (ServiceResult& result : services_->takeResults()) {
        std::visit(
            [&](auto& r) {
                using T = std::decay_t<decltype(r)>;
                if constexpr (std::is_same_v<T, service::CardReadDone>) {
                    if (r.failure.empty()) {
                        flow_->cardRead(r.fields);
                    } else {
                        flow_->cardReadFailed(r.failure);
                    }
                } else if constexpr (std::is_same_v<T, service::SubmitDone>) {
                    flow_->submissionFinished(std::move(r.outcome));
                } else if constexpr (std::is_same_v<T, service::PrintDone>) {
                    flow_->receiptPrinted(r.printed);
                } else if constexpr (std::is_same_v<T, service::LookupDone>) {
                    flow_->lookupFinished(std::move(r.result));
                } else if constexpr (std::is_same_v<T, service::ReprintDone>) {
                    using Outcome = service::ReprintDone::Outcome;
                    flow_->reprintFinished(r.outcome == Outcome::Printed
                                               ? VolunteerToolsState::Reprint::Printed
                                           : r.outcome == Outcome::NothingToPrint
                                               ? VolunteerToolsState::Reprint::NothingToPrint
                                               : VolunteerToolsState::Reprint::Failed);
                }
            },
            result);
        frameClock_.noteActivity();
    }
    // A result may have asked for more work (a submission asks for the receipt).
    for (const Effect& effect : flow_->takeEffects()) {
        if (std::holds_alternative<effect::PrintReceipt>(effect)) {
            services_->printReceipt();
        }
    }
    usage_->observe(flow_->state(), std::chrono::steady_clock::now());
    if (assist_->poll(*flow_) || assist_->busy()) {
        frameClock_.noteActivity();
    }
    if (!flow_->state().active && assist_->activatePendingContent(*flow_)) {
        reloadContent();
    }
    DeviceStatus latest = services_->status();
    if (!(latest == devices_)) {
        devices_ = latest;
        frameClock_.noteActivity();
    }
}

KioskApp::~KioskApp() {
    if (backlight_) {
        backlight_->apply(ScreenPowerState::On); // a maintainer at the console needs the light
    }
    services_.reset();
    usage_.reset();
    if (usageLog_) {
        usageLog_->flush();
    }
    usageLog_.reset();
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
    canvas_ = std::make_unique<RotatedCanvas>(window_->renderer(), rotation_);
    logger_.log(LogEvent::DisplayOpened, {{"renderer", SystemText{window_->rendererName()}},
                                          {"accelerated", window_->accelerated()},
                                          {"width", window_->pixelWidth()},
                                          {"height", window_->pixelHeight()},
                                          {"rotation", rotationDegrees(rotation_)}});
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
    images_ = std::make_unique<ImageTextures>(window_->renderer(), contentDir_, logger_);
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
    const Accessibility& wanted = flow_->state().accessibility;
    if (wanted.contrast != styleFor_) {
        styleFor_ = wanted.contrast;
        applyStyle(palette(styleFor_), metrics_.gapPx, metrics_.mm(1.5));
    }
    relayout(wanted.textSize);
}

void KioskApp::render(const SessionState& state, int secondsUntilWipe,
                      std::vector<Intent>& intents) {
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
                     devices_,
                     config_,
                     metrics_,
                     fonts_,
                     palette(state.accessibility.contrast),
                     fixedWallClock_ != 0 ? fixedWallClock_ : std::time(nullptr),
                     secondsUntilWipe,
                     intents};
    ctx.catalog = catalog();
    ctx.procedure = flow_->currentProcedure();
    ctx.qrTextures = qrTextures_.get();
    ctx.lessons = lessons();
    ctx.lesson = flow_->currentLesson();
    ctx.video = media_ ? media_->video() : nullptr;
    ctx.images = images_.get();
    router_.draw(ctx);
    if (screenPower_.state() == ScreenPowerState::Dim) {
        // Dimmed but legible, so a passer-by still sees the kiosk is alive and what it offers.
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize,
                                                      IM_COL32(0, 0, 0, 150));
    }
    ImGui::Render();
    canvas_->begin(window_->pixelWidth(), window_->pixelHeight());
    const ImVec4& bg = palette(state.accessibility.contrast).background;
    SDL_SetRenderDrawColor(window_->renderer(), static_cast<Uint8>(bg.x * 255),
                           static_cast<Uint8>(bg.y * 255), static_cast<Uint8>(bg.z * 255), 255);
    SDL_RenderClear(window_->renderer());
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    canvas_->end();
}

void KioskApp::presentBlack() {
    SDL_SetRenderDrawColor(window_->renderer(), 0, 0, 0, 255);
    SDL_RenderClear(window_->renderer());
    SDL_RenderPresent(window_->renderer());
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
    if (backlight_) {
        if (auto status = backlight_->apply(state); !status) {
            logger_.log(LogEvent::BacklightUnavailable,
                        {{"reason", SystemText{status.error().message}}});
            backlight_.reset(); // once is enough in the log; the picture still dims
        }
    }
    frameClock_.noteActivity();
}

Flow& KioskApp::resetFlow() {
    flow_ = std::make_unique<Flow>(config_, logger_);
    flow_->setCatalog(catalog());
    flow_->setLessons(lessons());
    if (qrTextures_) {
        qrTextures_->clear();
    }
    return *flow_;
}

void KioskApp::renderLive(SteadyTime now) {
    syncAccessibility();
    std::vector<Intent> ignored;
    render(flow_->state(), flow_->secondsUntilWipe(now), ignored);
    render(flow_->state(), flow_->secondsUntilWipe(now), ignored);
}

void KioskApp::apply(const Intent& intent, SteadyTime now) {
    flow_->apply(intent, now);
    syncAccessibility();
    frameClock_.noteActivity();
}

void KioskApp::frame(SteadyTime now) {
    std::vector<Intent> intents;
    render(flow_->state(), flow_->secondsUntilWipe(now), intents);
    SDL_RenderPresent(window_->renderer());
    for (const Intent& intent : intents) {
        apply(intent, now);
    }
    exchangeWithServices();
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
    // A swallowed waking touch is not a resident's input: it pressed nothing.
    if (isInput(event) &&
        (pointer == PointerOutcome::NotPointer || pointer == PointerOutcome::Delivered)) {
        flow_->noteInput(now);
    }
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        relayout(fontsFor_);
    }
    frameClock_.noteActivity();
}

void KioskApp::handleInput(const SDL_Event& event, SteadyTime now) {
    bool quit = false;
    handleEvent(event, now, quit);
}

std::optional<SteadyTime> KioskApp::nextWake(SteadyTime now,
                                             std::optional<SteadyTime> nextVideoFrame) const {
    std::optional<SteadyTime> wake = flow_->nextDeadline();
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
    if (flow_->state().wipeAt) {
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
        if (SDL_WaitEventTimeout(&event, wait) != 0) {
            now = std::chrono::steady_clock::now();
            handleEvent(event, now, quit);
            while (SDL_PollEvent(&event) != 0) {
                handleEvent(event, now, quit);
            }
        }
        now = std::chrono::steady_clock::now();
        exchangeWithServices();
        if (flow_->tick(now)) {
            if (usage_) {
                usage_->observe(flow_->state(), now);
            }
            syncAccessibility();
            frameClock_.noteActivity();
        }
        if (auto changed = screenPower_.update(
                now, flow_->state().active ? SessionActivity::InProgress : SessionActivity::Idle)) {
            screenPowerChanged(*changed);
        }
        std::time_t minute = std::time(nullptr) / 60;
        int countdown = flow_->secondsUntilWipe(now);
        if (minute != shownMinute_ || countdown != shownCountdown_) {
            shownMinute_ = minute;
            shownCountdown_ = countdown;
            frameClock_.noteActivity();
        }
        if (screenPower_.state() == ScreenPowerState::Blank) {
            // Black since it blanked; owed frames are dropped so the loop sleeps until a touch.
            while (frameClock_.wantsFrame()) {
                frameClock_.frameRendered();
            }
        } else if (frameClock_.wantsFrame()) {
            frame(now);
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
