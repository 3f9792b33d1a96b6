// Volunteer sign-in list, the PIN pad and the volunteer tools screen.
#include "ui/screens/assist_screens.hpp"

#include "ui/widgets/keyboard.hpp"
#include "ui/widgets/scroll_area.hpp"
#include "ui/widgets/volume_control.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

std::string printerWords(const FrameContext& ctx, const DeviceStatus& devices) {
    Msg state = Msg::StatusUnknown;
    switch (devices.printer) {
    case PrinterState::Ready:
        state = Msg::StatusReady;
        break;
    case PrinterState::NoPaper:
        state = Msg::StatusNoPaper;
        break;
    case PrinterState::CoverOpen:
        state = Msg::StatusCoverOpen;
        break;
    case PrinterState::Offline:
    case PrinterState::Error:
        state = Msg::StatusError;
        break;
    case PrinterState::Disconnected:
        state = Msg::StatusDisconnected;
        break;
    default:
        break;
    }
    std::string words = std::string(ctx.tr(state));
    if (devices.printerSimulated) {
        words += " (" + std::string(ctx.tr(Msg::StatusSimulated)) + ")";
    }
    return words;
}

std::string readerWords(const FrameContext& ctx, const DeviceStatus& devices) {
    Msg state = Msg::StatusUnknown;
    switch (devices.reader) {
    case ReaderState::NoCard:
        state = Msg::StatusReady;
        break;
    case ReaderState::CardPresent:
        state = Msg::StatusCardPresent;
        break;
    case ReaderState::Error:
        state = Msg::StatusError;
        break;
    case ReaderState::Disconnected:
        state = Msg::StatusDisconnected;
        break;
    default:
        break;
    }
    std::string words = std::string(ctx.tr(state));
    if (devices.readerSimulated) {
        words += " (" + std::string(ctx.tr(Msg::StatusSimulated)) + ")";
    }
    return words;
}

namespace {

// The data partition (free space, a read-only remount) and the outbox's storage faults, for
// the volunteer and the maintainer (docs/storage.md).
void drawStorageState(const FrameContext& ctx, const StorageStatus& storage) {
    Msg words = Msg::ToolsPartitionOk;
    switch (storage.partition) {
    case PartitionState::Ok:
        break;
    case PartitionState::LowSpace:
        words = Msg::ToolsPartitionLow;
        break;
    case PartitionState::Full:
        words = Msg::ToolsPartitionFull;
        break;
    case PartitionState::ReadOnly:
        words = Msg::ToolsPartitionReadOnly;
        break;
    case PartitionState::Missing:
        words = Msg::ToolsPartitionMissing;
        break;
    }
    std::string line = std::string(ctx.tr(Msg::ToolsStorage)) + ": " + std::string(ctx.tr(words));
    if (storage.freeMegabytes >= 0) {
        line += " (" + std::to_string(storage.freeMegabytes) + " MB)";
    }
    if (storage.partition == PartitionState::Ok) {
        bodyText(ctx, line);
    } else {
        problemText(ctx, line);
    }
    if (!storage.acceptsDossiers || storage.outbox != StoreFault::None) {
        problemText(ctx, std::string(ctx.tr(Msg::ToolsOutboxStorageFault)) + " (" +
                             std::string(storeFaultName(storage.outbox)) + ")");
    }
    if (storage.lostDossiers > 0) {
        problemText(ctx, std::string(ctx.tr(Msg::ToolsDossiersLost)) + ": " +
                             std::to_string(storage.lostDossiers));
    }
}

} // namespace

std::string networkWords(const FrameContext& ctx, const DeviceStatus& devices) {
    switch (devices.network) {
    case NetworkState::Online:
        return std::string(ctx.tr(Msg::StatusOnline));
    case NetworkState::Offline:
        return std::string(ctx.tr(Msg::StatusOffline));
    case NetworkState::Unknown:
        break;
    }
    return std::string(ctx.tr(Msg::StatusUnknown));
}

void backButton(const FrameContext& ctx, float width) {
    if (touchButton(ctx, "own-back", ctx.tr(Msg::NavBack), ImVec2(width, ctx.metrics.targetPx),
                    ButtonKind::Secondary, Icon::Back)) {
        ctx.emit(intent::Back{});
    }
}

void VolunteerSignInScreen::drawContent(const FrameContext& ctx) {
    // On a short screen the title gives way (the chrome's size) to the names.
    const bool shortScreen = shortOfHeight(ctx);
    screenTitle(ctx, ctx.tr(Msg::VolunteerSignInTitle), TitleWhenShort::Compact);
    const auto& volunteers = ctx.session.assist.volunteers;
    if (volunteers.empty()) {
        bodyText(ctx, ctx.tr(Msg::VolunteerNone));
        return;
    }
    bodyText(ctx, ctx.tr(Msg::VolunteerChooseName));
    if (!shortScreen) {
        ImGui::Dummy(ImVec2(0, ctx.metrics.gapPx * 0.5f));
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ctx.metrics.targetPx;
    RowPages::Range range = pages_.begin("volunteers", volunteers.size(), height);
    for (std::size_t i = range.first; i < range.last; ++i) {
        const VolunteerEntry& volunteer = volunteers[i];
        if (touchButton(ctx, volunteer.id, volunteer.displayName, ImVec2(width, height))) {
            ctx.emit(intent::ChooseVolunteer{volunteer.id});
        }
    }
    pages_.end(ctx);
}

// The digits typed so far as large dots in a box: the PIN itself is never drawn.
void drawPinDots(const FrameContext& ctx, std::size_t count, std::size_t longest, float width) {
    const Metrics& m = ctx.metrics;
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float height = m.targetPx;
    d->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height),
                     ImGui::GetColorU32(p.surface), m.mm(1.2));
    d->AddRect(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(p.primary),
               m.mm(1.2), 0, 4.0f);
    float radius = m.mm(2.2);
    float step = radius * 3.2f;
    float startX = origin.x + (width - step * static_cast<float>(longest) + step) * 0.5f;
    for (std::size_t i = 0; i < longest; ++i) {
        ImVec2 centre(startX + step * static_cast<float>(i), origin.y + height * 0.5f);
        if (i < count) {
            d->AddCircleFilled(centre, radius, ImGui::GetColorU32(p.text));
        } else {
            d->AddCircle(centre, radius, ImGui::GetColorU32(p.border), 0, 2.0f);
        }
    }
    ImGui::Dummy(ImVec2(width, height));
}

void PinEntryScreen::drawContent(const FrameContext& ctx) {
    const PinEntry& pin = ctx.session.assist.pin;
    const Metrics& m = ctx.metrics;
    bool volunteer = pin.purpose == PinPurpose::Volunteer;
    ImVec2 avail = ImGui::GetContentRegionAvail();
    // The pad on the right half, the name and messages on the left: big keys, short reach.
    float padWidth = std::min(avail.x * 0.5f, m.mm(120));
    float leftWidth = avail.x - padWidth - m.gapPx * 2;

    ImGui::BeginChild("pin-left", ImVec2(leftWidth, avail.y), false, ImGuiWindowFlags_NoScrollbar);
    // At the larger text sizes the name and a message do not fit beside the pad: they page.
    beginScrollArea(ctx, "pin-left-scroll");
    headingText(ctx, ctx.tr(volunteer ? Msg::PinTitle : Msg::PinMaintainerTitle));
    if (volunteer) {
        boldText(ctx, pin.displayName);
    }
    ImGui::Dummy(ImVec2(0, m.gapPx));
    drawPinDots(ctx, pin.digits.size(), pin.purpose == PinPurpose::Volunteer ? 8 : 12,
                ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, m.gapPx));
    if (pin.checking) {
        boldText(ctx, ctx.tr(Msg::PinChecking));
    } else if (pin.lastResult) {
        const PinCheckResult& result = *pin.lastResult;
        switch (result.outcome) {
        case PinCheckOutcome::Wrong: {
            problemText(ctx, ctx.tr(Msg::PinWrong));
            if (result.triesLeft > 0) {
                bodyText(ctx, std::string(ctx.tr(Msg::PinTriesLeft)) + ": " +
                                  std::to_string(result.triesLeft));
            }
            break;
        }
        case PinCheckOutcome::Locked:
            problemText(ctx, std::string(ctx.tr(Msg::PinLocked)) + ": " +
                                 std::to_string(result.lockedSeconds));
            break;
        case PinCheckOutcome::Unavailable:
            problemText(ctx, ctx.tr(Msg::PinUnavailable));
            break;
        case PinCheckOutcome::Ok:
            break;
        }
    } else {
        mutedText(ctx, ctx.tr(Msg::PinHint));
    }
    endScrollArea(ctx);
    ImGui::EndChild();

    ImGui::SameLine(0, m.gapPx * 2);
    ImGui::BeginChild("pin-pad", ImVec2(padWidth, avail.y), false, ImGuiWindowFlags_NoScrollbar);
    if (auto key =
            drawKeyboard(ctx, pin.pad, input::InputMethod::Plain, ImGui::GetContentRegionAvail())) {
        ctx.emit(intent::PinKey{*key});
    }
    ImGui::EndChild();
}

namespace {

void figureRow(const FrameContext& ctx, std::string_view label, std::string_view value,
               float valueX) {
    ImGui::PushFont(ctx.fonts.body);
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopFont();
    ImGui::SameLine(valueX);
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    ImGui::PopFont();
}

} // namespace

void VolunteerToolsScreen::drawContent(const FrameContext& ctx) {
    const AssistState& assist = ctx.session.assist;
    const VolunteerToolsState& tools = assist.tools;
    const Metrics& m = ctx.metrics;
    // At the larger text sizes the title gives way (the assisted banner above already says
    // where this is), and so does it to a resident's call.
    const float titleHeight = ctx.fonts.heading->FontSize + ImGui::GetStyle().ItemSpacing.y;
    const bool roomy =
        ImGui::GetContentRegionAvail().y - titleHeight - m.chromeTargetPx - m.gapPx * 2 >=
        m.targetPx * 4;
    // The resident pressed "Gọi tình nguyện viên" on the Help screen (the kiosk also chimed):
    // the call is the first thing under the banner, in the list itself when room is short.
    if (ctx.session.volunteerCalled && roomy) {
        ctx.say(audio::SpeechRole::Heading, ctx.tr(Msg::ToolsTitle));
        problemText(ctx, ctx.tr(Msg::ToolsResidentCalling));
    } else if (roomy) {
        headingText(ctx, ctx.tr(Msg::ToolsTitle));
    } else {
        ctx.say(audio::SpeechRole::Heading, ctx.tr(Msg::ToolsTitle));
    }
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float leftWidth = (avail.x - m.gapPx * 2) * 0.46f;
    float rightWidth = avail.x - m.gapPx * 2 - leftWidth;
    float columnHeight = avail.y - m.chromeTargetPx - m.gapPx * 2;

    // What a volunteer does most, as big buttons with their outcome beside them; at the chrome's
    // size when the resident's large text leaves the list short, so a button fits whole.
    ImFont* actionFont = roomy ? nullptr : ctx.fonts.chromeBold;
    const float actionHeight = roomy ? m.targetPx : m.chromeTargetPx;
    auto drawActions = [&] {
        float actionWidth = ImGui::GetContentRegionAvail().x; // inside the page buttons' margin
        if (touchButton(ctx, "reprint", ctx.tr(Msg::ToolsReprint),
                        ImVec2(actionWidth, actionHeight), ButtonKind::Secondary, Icon::Printer,
                        actionFont)) {
            ctx.emit(intent::ReprintLastReceipt{});
        }
        // Which slip it is, so the volunteer hands it to the right resident: only this session's.
        const SubmissionOutcome& submitted = ctx.session.dossier.outcome;
        if (submitted.state == SubmissionState::Accepted ||
            submitted.state == SubmissionState::Queued) {
            bool code = !submitted.dossierCode.empty();
            mutedText(ctx, std::string(ctx.tr(code ? Msg::ResultCode : Msg::ResultLocalReference)) +
                               ": " + (code ? submitted.dossierCode : submitted.localReference));
        }
        switch (tools.reprint) {
        case VolunteerToolsState::Reprint::Printing:
            bodyText(ctx, ctx.tr(Msg::ToolsReprinting));
            break;
        case VolunteerToolsState::Reprint::Printed:
            boldText(ctx, ctx.tr(Msg::ToolsReprinted));
            break;
        case VolunteerToolsState::Reprint::Failed:
            problemText(ctx, ctx.tr(Msg::ToolsReprintFailed));
            break;
        case VolunteerToolsState::Reprint::NothingToPrint:
            mutedText(ctx, ctx.tr(Msg::ToolsNothingToPrint));
            break;
        case VolunteerToolsState::Reprint::None:
            break;
        }
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        if (touchButton(ctx, "retry", ctx.tr(tools.retrying ? Msg::ToolsRetrying : Msg::ToolsRetry),
                        ImVec2(actionWidth, actionHeight), ButtonKind::Secondary, Icon::Network,
                        actionFont)) {
            ctx.emit(intent::RetryOutbox{});
        }
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        volumeControl(ctx, actionWidth);
    };
    // The outbox and the devices.
    auto drawState = [&] {
        float valueX = 0;
        for (Msg label : {Msg::ToolsPending, Msg::ToolsDelivered, Msg::ToolsNeedsAttention}) {
            std::string_view text = ctx.tr(label);
            valueX = std::max(valueX, ctx.fonts.body
                                          ->CalcTextSizeA(ctx.fonts.body->FontSize, FLT_MAX, 0,
                                                          text.data(), text.data() + text.size())
                                          .x);
        }
        valueX += m.gapPx * 3;
        boldText(ctx, ctx.tr(Msg::ToolsOutbox));
        if (tools.loaded) {
            figureRow(ctx, ctx.tr(Msg::ToolsPending), std::to_string(tools.outboxPending), valueX);
            figureRow(ctx, ctx.tr(Msg::ToolsDelivered), std::to_string(tools.outboxDelivered),
                      valueX);
            if (tools.outboxNeedsAttention > 0) {
                ImGui::PushStyleColor(ImGuiCol_Text, ctx.colours.danger);
            }
            figureRow(ctx, ctx.tr(Msg::ToolsNeedsAttention),
                      std::to_string(tools.outboxNeedsAttention), valueX);
            if (tools.outboxNeedsAttention > 0) {
                ImGui::PopStyleColor();
            }
        } else {
            mutedText(ctx, ctx.tr(Msg::JobRunning));
        }
        ImGui::Dummy(ImVec2(0, m.gapPx * 0.5f));
        boldText(ctx, ctx.tr(Msg::ToolsDevices));
        // The status bar's own DeviceStatus, not a copy taken when the tools opened: one source
        // of truth, so the two can never say "online" and "offline" side by side.
        const DeviceStatus& devices = ctx.devices;
        bodyText(ctx, std::string(ctx.tr(Msg::StatusPrinter)) + ": " + printerWords(ctx, devices));
        bodyText(ctx, std::string(ctx.tr(Msg::StatusReader)) + ": " + readerWords(ctx, devices));
        bodyText(ctx, std::string(ctx.tr(Msg::StatusNetwork)) + ": " + networkWords(ctx, devices));
        drawStorageState(ctx, devices.storage);
    };
    if (!roomy || columnHeight < m.targetPx * 4) {
        // The larger text sizes leave two columns no room for a line under their page buttons:
        // one list, the actions first, that pages as a whole.
        beginScrollArea(ctx, "tools-scroll", columnHeight);
        if (ctx.session.volunteerCalled) {
            problemText(ctx, ctx.tr(Msg::ToolsResidentCalling));
        }
        drawActions();
        ImGui::Dummy(ImVec2(0, m.gapPx));
        drawState();
        endScrollArea(ctx);
    } else {
        // Left: the actions; right: the outbox and devices, each paging on its own.
        ImGui::BeginChild("tools-actions", ImVec2(leftWidth, columnHeight), false,
                          ImGuiWindowFlags_NoScrollbar);
        beginScrollArea(ctx, "tools-actions-scroll");
        drawActions();
        endScrollArea(ctx);
        ImGui::EndChild();
        ImGui::SameLine(0, m.gapPx * 2);
        ImGui::BeginChild("tools-state", ImVec2(rightWidth, columnHeight), false,
                          ImGuiWindowFlags_NoScrollbar);
        beginScrollArea(ctx, "tools-state-scroll");
        drawState();
        endScrollArea(ctx);
        ImGui::EndChild();
    }

    // Back, Maintenance ... End assistance, in one row.
    ImVec2 regionMin = ImGui::GetWindowContentRegionMin();
    ImVec2 regionMax = ImGui::GetWindowContentRegionMax();
    float buttonWidth = (regionMax.x - regionMin.x - m.gapPx * 2) / 3.0f;
    // Navigation, so chrome-sized: it gives way first at the larger text sizes.
    const ImVec2 navSize(buttonWidth, m.chromeTargetPx);
    ImGui::SetCursorPos(ImVec2(regionMin.x, regionMax.y - m.chromeTargetPx));
    if (touchButton(ctx, "own-back", ctx.tr(Msg::NavBack), navSize, ButtonKind::Secondary,
                    Icon::Back, ctx.fonts.chromeBold)) {
        ctx.emit(intent::Back{});
    }
    ImGui::SameLine(0, m.gapPx);
    if (touchButton(ctx, "maintenance", ctx.tr(Msg::ToolsMaintenance), navSize,
                    ButtonKind::Secondary, std::nullopt, ctx.fonts.chromeBold)) {
        ctx.emit(intent::OpenMaintainer{});
    }
    ImGui::SameLine(0, m.gapPx);
    if (touchButton(ctx, "sign-out", ctx.tr(Msg::ToolsSignOut), navSize, ButtonKind::Danger,
                    std::nullopt, ctx.fonts.chromeBold)) {
        ctx.emit(intent::SignOutVolunteer{});
    }
}

// The screenshot scenes that end on this file's screens (listed through their entries).
namespace {

std::vector<ScreenshotScene> volunteerSignInScenes(const SceneSources&) {
    using namespace scene;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("volunteer_sign_in", toVolunteerPin);
    return scenes;
}

std::vector<ScreenshotScene> pinEntryScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    add("volunteer_pin", [](Flow& flow, R& r) {
        toVolunteerPin(flow, r);
        r.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
        pressPin(r, "24", false);
    });
    add("volunteer_pin_wrong", [](Flow& flow, R& r) {
        toVolunteerPin(flow, r);
        r.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
        pressPin(r, "1111", true);
        flow.takeEffects();
        flow.volunteerPinChecked({PinCheckOutcome::Wrong, 3, 0, {}});
    });
    add("volunteer_pin_locked", [](Flow& flow, R& r) {
        toVolunteerPin(flow, r);
        r.tap(intent::ChooseVolunteer{"vol-0a1b2c3d"});
        pressPin(r, "1111", true);
        flow.takeEffects();
        flow.volunteerPinChecked({PinCheckOutcome::Locked, 0, 60, {}});
    });
    add("maintainer_pin", [](Flow&, R& r) {
        r.tap(intent::OpenMaintainer{});
        pressPin(r, "135", false);
    });
    return scenes;
}

std::vector<ScreenshotScene> volunteerToolsScenes(const SceneSources&) {
    using namespace scene;
    using R = ScriptedResident;
    std::vector<ScreenshotScene> scenes;
    auto add = [&](std::string name, SceneReach reach) {
        scenes.push_back({std::move(name), std::move(reach)});
    };
    ScreenshotScene toolsScene{"volunteer_tools", [](Flow& flow, R& r) {
                                   // Reprint offers only the receipt of the resident at the kiosk:
                                   // one has just submitted.
                                   submitted(flow, r, SubmissionState::Queued);
                                   volunteerSignedIn(flow, r);
                                   r.tap(intent::OpenVolunteerTools{});
                                   flow.takeEffects();
                                   VolunteerToolsState tools;
                                   tools.outboxPending = 2;
                                   tools.outboxDelivered = 37;
                                   tools.outboxNeedsAttention = 1;
                                   tools.devices = healthyDevices();
                                   tools.devices.network = NetworkState::Offline;
                                   flow.volunteerToolsLoaded(tools);
                                   r.tap(intent::ReprintLastReceipt{});
                                   flow.takeEffects();
                                   flow.reprintFinished(VolunteerToolsState::Reprint::Printed);
                               }};
    toolsScene.devices.network = NetworkState::Offline; // the status bar and the tools agree
    toolsScene.devices.queuedDossiers = 2;
    scenes.push_back(std::move(toolsScene));
    ScreenshotScene reprintFailed{"volunteer_tools_reprint_failed", [](Flow& flow, R& r) {
                                      submitted(flow, r, SubmissionState::Queued);
                                      volunteerSignedIn(flow, r);
                                      r.tap(intent::OpenVolunteerTools{});
                                      flow.takeEffects();
                                      VolunteerToolsState tools;
                                      tools.devices = healthyDevices();
                                      tools.devices.printer = PrinterState::NoPaper;
                                      flow.volunteerToolsLoaded(tools);
                                      r.tap(intent::ReprintLastReceipt{});
                                      flow.takeEffects();
                                      flow.reprintFinished(VolunteerToolsState::Reprint::Failed);
                                  }};
    reprintFailed.devices.printer = PrinterState::NoPaper;
    scenes.push_back(std::move(reprintFailed));
    add("volunteer_tools_called", [](Flow& flow, R& r) {
        r.tap(intent::Open{Screen::Help});
        r.tap(intent::CallVolunteer{});
        volunteerSignedIn(flow, r);
        r.tap(intent::OpenVolunteerTools{});
        flow.takeEffects();
        VolunteerToolsState tools;
        tools.outboxDelivered = 37;
        flow.volunteerToolsLoaded(tools);
    });
    scenes.push_back({"volunteer_tools_storage_fault", [](Flow& flow, R& r) {
                          volunteerSignedIn(flow, r);
                          r.tap(intent::OpenVolunteerTools{});
                          flow.takeEffects();
                          VolunteerToolsState tools;
                          tools.outboxPending = 2;
                          tools.devices = healthyDevices();
                          tools.devices.storage.partition = PartitionState::ReadOnly;
                          tools.devices.storage.freeMegabytes = 11873;
                          tools.devices.storage.outbox = StoreFault::IoError;
                          tools.devices.storage.acceptsDossiers = false;
                          tools.devices.storage.lostDossiers = 2;
                          flow.volunteerToolsLoaded(tools);
                      }});
    return scenes;
}

} // namespace

ScreenEntry volunteerSignInScreenEntry() {
    return screenEntry<VolunteerSignInScreen>(Screen::VolunteerSignIn, volunteerSignInScenes);
}

ScreenEntry pinEntryScreenEntry() {
    return screenEntry<PinEntryScreen>(Screen::PinEntry, pinEntryScenes);
}

ScreenEntry volunteerToolsScreenEntry() {
    return screenEntry<VolunteerToolsScreen>(Screen::VolunteerTools, volunteerToolsScenes);
}

} // namespace kiosk::ui
