// Assisted mode and the maintainer screen: volunteer sign-in with a PIN pad, the volunteer's
// tools, and the maintainer's reports, volunteers and content pages. All work goes out as
// effects; PIN checks (scrypt) in particular never run on the UI thread.
#include "drivers/common/overloaded.hpp"
#include "kiosk/assist/pin_hash.hpp"
#include "kiosk/flow/flow.hpp"
#include "kiosk/i18n/messages.hpp"

#include <algorithm>
#include <type_traits>

namespace kiosk {

namespace {

// Vietnam is UTC+7 all year; reports use the same calendar as the usage log's daily counts.
constexpr std::chrono::minutes kKioskUtcOffset{7 * 60};

// A volunteer PIN is 4 to 8 digits, the maintainer's 6 to 12 (kiosk/assist/pin_hash.hpp).
std::size_t shortestPin(PinPurpose purpose) {
    return purpose == PinPurpose::Volunteer ? 4 : 6;
}
std::size_t longestPin(PinPurpose purpose) {
    return purpose == PinPurpose::Volunteer ? 8 : 12;
}

LogToken usbExportOutcomeToken(UsbExportOutcome outcome) {
    switch (outcome) {
    case UsbExportOutcome::Saved:
        return LogToken("saved");
    case UsbExportOutcome::NoStick:
        return LogToken("no_stick");
    case UsbExportOutcome::StickFull:
        return LogToken("stick_full");
    case UsbExportOutcome::WriteFailed:
        return LogToken("write_failed");
    case UsbExportOutcome::BadRequest:
        return LogToken("bad_request");
    case UsbExportOutcome::ReportFailed:
        return LogToken("report_failed");
    case UsbExportOutcome::NoHelper:
        break;
    }
    return LogToken("no_helper");
}

// The volunteer store takes names of 1 to 40 characters (kiosk/assist/volunteer_store.cpp).
constexpr std::size_t kVolunteerLabelMaxCharacters = 40;

// "TNV 3": TNV (tình nguyện viên, volunteer) and the first number no volunteer label uses.
std::string nextVolunteerLabel(const std::vector<VolunteerEntry>& volunteers) {
    for (int number = 1;; ++number) {
        std::string label = "TNV " + std::to_string(number);
        if (std::none_of(volunteers.begin(), volunteers.end(),
                         [&](const VolunteerEntry& entry) { return entry.displayName == label; })) {
            return label;
        }
    }
}

bool isAssistScreen(Screen screen) {
    return screen == Screen::VolunteerSignIn || screen == Screen::PinEntry ||
           screen == Screen::VolunteerTools || screen == Screen::Maintainer;
}

} // namespace

void Flow::applyAssist(const AssistIntent& intent, SteadyTime now) {
    AssistState& assist = state_.assist;
    bool maintainer = assist.maintainerUnlocked;
    std::visit(
        Overloaded{
            [&](const intent::OpenVolunteerSignIn&) {
                assist.pin.wipe();
                assist.pin.lastResult.reset();
                effects_.push_back(effect::LoadVolunteers{});
                open(Screen::VolunteerSignIn, now);
            },
            [&](const intent::ChooseVolunteer& choose) {
                auto found = std::find_if(assist.volunteers.begin(), assist.volunteers.end(),
                                          [&](const VolunteerEntry& entry) {
                                              return entry.id == choose.id && entry.enabled;
                                          });
                if (found == assist.volunteers.end()) {
                    return;
                }
                assist.pin.wipe();
                assist.pin.lastResult.reset();
                assist.pin.purpose = PinPurpose::Volunteer;
                assist.pin.volunteerId = found->id;
                assist.pin.displayName = found->displayName;
                open(Screen::PinEntry, now);
            },
            [&](const intent::PinKey& press) { pinKey(press.key); },
            [&](const intent::OpenVolunteerTools&) {
                if (!assist.signedIn) {
                    return;
                }
                assist.tools.reprint = VolunteerToolsState::Reprint::None;
                effects_.push_back(effect::LoadVolunteerTools{});
                open(Screen::VolunteerTools, now);
            },
            [&](const intent::ReprintLastReceipt&) {
                // A second tap while printing would print the slip twice.
                if ((!assist.signedIn && !maintainer) ||
                    assist.tools.reprint == VolunteerToolsState::Reprint::Printing) {
                    return;
                }
                // Only the receipt of the resident at the kiosk now: the one before may have
                // left, and their dossier code is theirs. The app's copy outlives the session.
                SubmissionState submitted = state_.dossier.outcome.state;
                if (submitted != SubmissionState::Accepted &&
                    submitted != SubmissionState::Queued) {
                    assist.tools.reprint = VolunteerToolsState::Reprint::NothingToPrint;
                    return;
                }
                assist.tools.reprint = VolunteerToolsState::Reprint::Printing;
                effects_.push_back(effect::ReprintLastReceipt{});
            },
            [&](const intent::RetryOutbox&) {
                if (!assist.signedIn && !maintainer) {
                    return;
                }
                assist.tools.retrying = true;
                effects_.push_back(effect::RetryOutbox{});
            },
            [&](const intent::SignOutVolunteer&) {
                assist_.signOut(SignOutReason::ByHand);
                endAssist(AssistEnd::ByHand);
            },
            [&](const intent::OpenMaintainer&) { openMaintainer(now); },
            [&](const intent::ChooseMaintainerTab& choose) {
                if (maintainer) {
                    chooseTab(choose.tab);
                }
            },
            [&](const intent::ChooseReportRange& choose) {
                if (!maintainer) {
                    return;
                }
                assist.reports.kind = choose.kind;
                if (choose.kind == ReportRangeKind::Custom && !assist.reports.custom) {
                    UsageDate today = kioskToday(
                        std::chrono::system_clock::time_point(std::chrono::seconds(unixNow_())),
                        kKioskUtcOffset);
                    assist.reports.custom = DateRange{today - std::chrono::days(6), today};
                }
                requestReport();
            },
            [&](const intent::ShiftCustomRange& shift) {
                if (!maintainer || !assist.reports.custom) {
                    return;
                }
                UsageDate today = kioskToday(
                    std::chrono::system_clock::time_point(std::chrono::seconds(unixNow_())),
                    kKioskUtcOffset);
                DateRange& range = *assist.reports.custom;
                UsageDate& end = shift.end == intent::RangeEnd::From ? range.from : range.to;
                end += std::chrono::days(shift.days);
                // Keep a real range that ends no later than today.
                range.to = std::min(range.to, today);
                range.from = std::min(range.from, range.to);
                assist.reports.kind = ReportRangeKind::Custom;
                requestReport();
            },
            [&](const intent::ExportReport&) {
                // Not while a pack is read from the stick: the helper remounts it read-write.
                if (!maintainer || assist.reports.exportState == JobState::Running ||
                    assist.content.install == JobState::Running) {
                    return;
                }
                assist.reports.exportState = JobState::Running;
                assist.reports.exportDetail.clear();
                effects_.push_back(effect::ExportReport{currentRange()});
            },
            [&](const intent::PrintReportSummary&) {
                if (!maintainer || assist.reports.printState == JobState::Running) {
                    return;
                }
                assist.reports.printState = JobState::Running;
                effects_.push_back(effect::PrintReportSummary{currentRange()});
            },
            [&](const intent::SetGuidanceVolume& set) {
                if (!assist.signedIn && !maintainer) {
                    return; // a kiosk setting: volunteers only
                }
                assist.guidanceVolumePercent = std::clamp(set.percent, 0, 100);
                effects_.push_back(effect::SaveGuidanceVolume{assist.guidanceVolumePercent});
                // A sample at the new level, so the volunteer hears what residents will hear.
                effect::PlayAudio sample;
                sample.textKey = "tools.volume_sample";
                sample.language = state_.language;
                sample.text = std::string(text(Msg::ToolsVolumeSample, state_.language));
                sample.volumePercent = assist.guidanceVolumePercent;
                state_.readAloud = ReadAloudState::Silent;
                effects_.push_back(effect::StopAudio{});
                effects_.push_back(std::move(sample));
            },
            [&](const intent::SetVolunteerEnabled& set) {
                if (maintainer) {
                    effects_.push_back(effect::SetVolunteerEnabled{set.id, set.enabled});
                }
            },
            [&](const intent::StartAddVolunteer&) {
                VolunteerEnrolment& enrol = assist.admin.enrol;
                if (!maintainer || enrol.step == EnrolStep::Saving) {
                    return;
                }
                enrol.wipe();
                enrol.step = EnrolStep::Label;
                enrol.autoLabel = nextVolunteerLabel(assist.admin.all);
                enrol.label = enrol.autoLabel;
                // Free text on the residents' keyboard (Telex): a name or a label with a number.
                enrol.name = std::make_unique<input::VietnameseComposer>();
                enrol.nameKeys = input::openKeyboard(input::FieldKind::Text, *enrol.name);
                enrol.name->setMaxLength(kVolunteerLabelMaxCharacters);
                enrol.problem = EnrolProblem::None;
                enrol.failure.clear();
            },
            [&](const intent::AddVolunteerKey& press) {
                if (!maintainer) {
                    return;
                }
                if (assist.admin.enrol.step == EnrolStep::Label) {
                    enrolLabelKey(press.key);
                } else {
                    enrolKey(press.key);
                }
            },
            [&](const intent::CancelAddVolunteer&) {
                VolunteerEnrolment& enrol = assist.admin.enrol;
                if (enrol.step != EnrolStep::Saving) {
                    enrol.wipe();
                    enrol.step = EnrolStep::Closed;
                }
            },
            [&](const intent::InstallFoundPack&) {
                ContentView& content = assist.content;
                // The pack is read from the stick: not while a report is being saved on it.
                if (!maintainer || !content.found || !content.found->newer ||
                    content.install == JobState::Running || content.rollback == JobState::Running ||
                    assist.reports.exportState == JobState::Running) {
                    return;
                }
                content.install = JobState::Running;
                content.bytesDone = 0;
                content.bytesTotal = content.found->bytes;
                content.failure.clear();
                effects_.push_back(effect::InstallPack{content.found->path});
            },
            [&](const intent::RollbackContent&) {
                ContentView& content = assist.content;
                if (!maintainer || !content.previous || content.install == JobState::Running ||
                    content.rollback == JobState::Running) {
                    return;
                }
                content.rollback = JobState::Running;
                content.failure.clear();
                effects_.push_back(effect::RollbackContent{});
            },
        },
        intent);
}

void Flow::pinKey(const input::KeyDef& key) {
    PinEntry& pin = state_.assist.pin;
    if (state_.screen != Screen::PinEntry || pin.checking) {
        return;
    }
    switch (key.action) {
    case input::KeyAction::Char:
        if (key.character >= U'0' && key.character <= U'9' &&
            pin.digits.size() < longestPin(pin.purpose)) {
            pin.digits.push_back(static_cast<char>(key.character));
            pin.lastResult.reset();
        }
        return;
    case input::KeyAction::Backspace:
        if (!pin.digits.empty()) {
            pin.digits.back() = '\0';
            pin.digits.pop_back();
        }
        return;
    case input::KeyAction::Done:
        if (pin.digits.size() < shortestPin(pin.purpose)) {
            return;
        }
        pin.checking = true;
        if (pin.purpose == PinPurpose::Volunteer) {
            effects_.push_back(effect::CheckVolunteerPin{pin.volunteerId, pin.digits});
        } else {
            effects_.push_back(effect::CheckMaintainerPin{pin.digits});
        }
        // The flow keeps no copy while the app checks it.
        input::wipeContainer(pin.digits);
        return;
    default:
        return;
    }
}

// The Label step: keys go to the name's composer; Done keeps the typed name (trimmed) or, when
// nothing was typed, the automatic "TNV n", and moves on to the PIN.
void Flow::enrolLabelKey(const input::KeyDef& key) {
    VolunteerEnrolment& enrol = state_.assist.admin.enrol;
    if (state_.screen != Screen::Maintainer || state_.assist.tab != MaintainerTab::Volunteers ||
        enrol.step != EnrolStep::Label || !enrol.name) {
        return;
    }
    if (input::pressKey(enrol.nameKeys, key, *enrol.name) != input::KeyPressOutcome::Done) {
        return;
    }
    enrol.name->commitWord();
    std::string_view typed = enrol.name->text();
    while (!typed.empty() && typed.front() == ' ') {
        typed.remove_prefix(1);
    }
    while (!typed.empty() && typed.back() == ' ') {
        typed.remove_suffix(1);
    }
    enrol.label = typed.empty() ? enrol.autoLabel : std::string(typed);
    enrol.name.reset();
    enrol.step = EnrolStep::FirstPin;
}

void Flow::enrolKey(const input::KeyDef& key) {
    VolunteerEnrolment& enrol = state_.assist.admin.enrol;
    if (state_.screen != Screen::Maintainer || state_.assist.tab != MaintainerTab::Volunteers ||
        (enrol.step != EnrolStep::FirstPin && enrol.step != EnrolStep::SecondPin)) {
        return;
    }
    switch (key.action) {
    case input::KeyAction::Char:
        if (key.character >= U'0' && key.character <= U'9' &&
            enrol.digits.size() < longestPin(PinPurpose::Volunteer)) {
            // The problem stays on screen while the PIN is typed again.
            enrol.digits.push_back(static_cast<char>(key.character));
        }
        return;
    case input::KeyAction::Backspace:
        if (!enrol.digits.empty()) {
            enrol.digits.back() = '\0';
            enrol.digits.pop_back();
        }
        return;
    case input::KeyAction::Done:
        break;
    default:
        return;
    }
    std::string_view typed(enrol.digits.data(), enrol.digits.size());
    if (enrol.digits.size() < shortestPin(PinPurpose::Volunteer)) {
        return;
    }
    if (enrol.step == EnrolStep::FirstPin) {
        if (auto fresh = checkNewPin(typed, PinRole::Volunteer); !fresh) {
            enrol.problem = EnrolProblem::TooEasy;
            input::wipeContainer(enrol.digits);
            return;
        }
        input::wipeContainer(enrol.firstPin);
        enrol.firstPin.assign(enrol.digits.begin(), enrol.digits.end());
        input::wipeContainer(enrol.digits);
        enrol.problem = EnrolProblem::None;
        enrol.step = EnrolStep::SecondPin;
        return;
    }
    bool same = enrol.digits.size() == enrol.firstPin.size() &&
                std::equal(enrol.digits.begin(), enrol.digits.end(), enrol.firstPin.begin());
    if (!same) {
        // Both typed again: which of the two was the slip is unknown.
        enrol.wipe();
        enrol.problem = EnrolProblem::Mismatch;
        enrol.step = EnrolStep::FirstPin;
        return;
    }
    effects_.push_back(effect::AddVolunteer{enrol.label, enrol.firstPin});
    enrol.wipe();
    enrol.step = EnrolStep::Saving;
}

void Flow::volunteerAdded(bool added, std::string failure) {
    VolunteerEnrolment& enrol = state_.assist.admin.enrol;
    if (enrol.step != EnrolStep::Saving) {
        return;
    }
    enrol.step = added ? EnrolStep::Added : EnrolStep::Failed;
    enrol.failure = std::move(failure);
}

void Flow::openMaintainer(SteadyTime now) {
    AssistState& assist = state_.assist;
    if (assist.maintainerUnlocked) {
        open(Screen::Maintainer, now);
        chooseTab(assist.tab);
        return;
    }
    assist.pin.wipe();
    assist.pin.lastResult.reset();
    assist.pin.purpose = PinPurpose::Maintainer;
    assist.pin.volunteerId.clear();
    assist.pin.displayName.clear();
    open(Screen::PinEntry, now);
}

void Flow::chooseTab(MaintainerTab tab) {
    state_.assist.tab = tab;
    // Half-typed PINs do not wait behind another tab.
    VolunteerEnrolment& enrol = state_.assist.admin.enrol;
    if (enrol.step != EnrolStep::Saving) {
        enrol.wipe();
        enrol.step = EnrolStep::Closed;
    }
    switch (tab) {
    case MaintainerTab::Reports:
        requestReport();
        return;
    case MaintainerTab::Volunteers:
        effects_.push_back(effect::LoadVolunteers{});
        return;
    case MaintainerTab::Content:
        effects_.push_back(effect::InspectContent{});
        return;
    case MaintainerTab::Health:
        state_.assist.health = HealthView{};
        effects_.push_back(effect::CheckHealth{});
        return;
    }
}

DateRange Flow::currentRange() const {
    const ReportView& reports = state_.assist.reports;
    UsageDate today = kioskToday(
        std::chrono::system_clock::time_point(std::chrono::seconds(unixNow_())), kKioskUtcOffset);
    switch (reports.kind) {
    case ReportRangeKind::Today:
        return dateRangeFor(ReportPeriod::Today, today);
    case ReportRangeKind::Week:
        return dateRangeFor(ReportPeriod::ThisWeek, today);
    case ReportRangeKind::Month:
        return dateRangeFor(ReportPeriod::ThisMonth, today);
    case ReportRangeKind::Custom:
        break;
    }
    return reports.custom ? *reports.custom : dateRangeFor(ReportPeriod::Today, today);
}

void Flow::requestReport() {
    ReportView& reports = state_.assist.reports;
    DateRange range = currentRange();
    reports.range = range;
    reports.loading = true;
    reports.report.reset();
    reports.failure.clear();
    reports.exportState = JobState::Idle;
    reports.printState = JobState::Idle;
    effects_.push_back(effect::BuildReport{range});
}

bool Flow::tickAssist(SteadyTime now) {
    // A maintainer watching an install is not idle.
    if (state_.assist.content.install == JobState::Running && state_.active) {
        state_.lastInput = now;
        state_.wipeAt.reset();
    }
    auto reason = assist_.tick(now);
    if (!reason) {
        return false;
    }
    endAssist(*reason == SignOutReason::SessionLimit ? AssistEnd::SessionLimit
                                                     : AssistEnd::Inactivity);
    return true;
}

void Flow::endAssist(AssistEnd why) {
    AssistState& assist = state_.assist;
    bool wasSignedIn = assist.signedIn;
    assist.signedIn = false;
    assist.volunteerId.clear();
    assist.displayName.clear();
    assist.tools = VolunteerToolsState{};
    if (wasSignedIn) {
        assist.lastEnd = why;
    }
    if (state_.screen == Screen::VolunteerTools) {
        back();
    }
}

void Flow::restoreAfterWipe(AssistState assist, std::string maintenanceReason) {
    assist.pin.wipe();
    assist.pin.lastResult.reset();
    assist.maintainerUnlocked = false;
    assist.reports = ReportView{};
    assist.admin = VolunteerAdmin{};
    state_.assist = std::move(assist);
    if (!maintenanceReason.empty()) {
        state_.screen = Screen::Maintenance;
        state_.maintenanceReason = std::move(maintenanceReason);
    }
}

void Flow::guidanceVolumeLoaded(int percent) {
    state_.assist.guidanceVolumePercent = std::clamp(percent, 0, 100);
}

void Flow::guidanceVolumeSaved(int percent, bool saved) {
    logger_.log(LogEvent::GuidanceVolumeChanged, {{"percent", percent}, {"saved", saved}});
}

void Flow::volunteersLoaded(std::vector<VolunteerEntry> volunteers) {
    AssistState& assist = state_.assist;
    assist.volunteers.clear();
    for (const VolunteerEntry& entry : volunteers) {
        if (entry.enabled) {
            assist.volunteers.push_back(entry);
        }
    }
    assist.admin.all = std::move(volunteers);
    assist.admin.failure.clear();
}

void Flow::volunteerPinChecked(const PinCheckResult& result) {
    AssistState& assist = state_.assist;
    PinEntry& pin = assist.pin;
    if (!pin.checking || pin.purpose != PinPurpose::Volunteer) {
        return; // the pad was left meanwhile
    }
    pin.wipe();
    pin.lastResult = result;
    if (result.outcome != PinCheckOutcome::Ok) {
        return;
    }
    Volunteer volunteer{pin.volunteerId,
                        result.displayName.empty() ? pin.displayName : result.displayName,
                        VolunteerState::Enabled};
    if (!assist_.signIn(volunteer, state_.lastInput)) {
        pin.lastResult = PinCheckResult{PinCheckOutcome::Unavailable, 0, 0, {}};
        return;
    }
    assist.signedIn = true;
    assist.volunteerId = volunteer.id;
    assist.displayName = volunteer.displayName;
    assist.lastEnd = AssistEnd::None;
    pin.lastResult.reset();
    if (state_.active) {
        // The resident in front of the kiosk now has help: the session counts as assisted.
        state_.assisted = true;
        state_.assistedBy = volunteer.id;
    }
    // Back to where the volunteer came from, with the banner showing.
    while (isAssistScreen(state_.screen) && !state_.history.empty()) {
        back();
    }
}

void Flow::maintainerPinChecked(const PinCheckResult& result) {
    AssistState& assist = state_.assist;
    PinEntry& pin = assist.pin;
    if (!pin.checking || pin.purpose != PinPurpose::Maintainer) {
        return;
    }
    pin.wipe();
    pin.lastResult = result;
    if (result.outcome != PinCheckOutcome::Ok || state_.screen != Screen::PinEntry) {
        return;
    }
    pin.lastResult.reset();
    assist.maintainerUnlocked = true;
    // The pad gives way to the maintainer screen: Back leads to where the PIN was asked for.
    state_.screen = Screen::Maintainer;
    logger_.log(LogEvent::ScreenChanged, {{"screen", screenName(state_.screen)}});
    chooseTab(assist.tab);
}

void Flow::volunteerToolsLoaded(const VolunteerToolsState& tools) {
    VolunteerToolsState& shown = state_.assist.tools;
    auto reprint = shown.reprint;
    shown = tools;
    shown.loaded = true;
    shown.retrying = false;
    shown.reprint = reprint;
}

void Flow::reprintFinished(VolunteerToolsState::Reprint result) {
    state_.assist.tools.reprint = result;
}

void Flow::reportBuilt(UsageReport report) {
    ReportView& reports = state_.assist.reports;
    if (!reports.loading) {
        return;
    }
    reports.loading = false;
    reports.report = std::move(report);
}

void Flow::reportFailed(std::string reason) {
    ReportView& reports = state_.assist.reports;
    reports.loading = false;
    reports.failure = std::move(reason);
}

void Flow::reportExported(UsbExportOutcome outcome, std::string detail) {
    ReportView& reports = state_.assist.reports;
    bool saved = outcome == UsbExportOutcome::Saved;
    reports.exportState = saved ? JobState::Done : JobState::Failed;
    reports.exportOutcome = outcome;
    reports.exportDetail = std::move(detail);
    if (saved) {
        logger_.log(LogEvent::UsbExportSaved);
    } else {
        logger_.log(LogEvent::UsbExportFailed, {{"outcome", usbExportOutcomeToken(outcome)}});
    }
}

void Flow::reportPrinted(bool printed) {
    state_.assist.reports.printState = printed ? JobState::Done : JobState::Failed;
}

void Flow::contentInspected(ContentView view) {
    ContentView& content = state_.assist.content;
    content.loaded = true;
    content.current = std::move(view.current);
    content.previous = std::move(view.previous);
    content.found = std::move(view.found);
    content.inspectFailure = std::move(view.inspectFailure);
    content.switchPending = content.switchPending || view.switchPending;
}

void Flow::healthChecked(std::vector<HealthResult> results) {
    state_.assist.health.loaded = true;
    state_.assist.health.results = std::move(results);
}

void Flow::installProgress(std::uint64_t bytesDone, std::uint64_t bytesTotal) {
    ContentView& content = state_.assist.content;
    if (content.install != JobState::Running) {
        return;
    }
    content.bytesDone = bytesDone;
    content.bytesTotal = bytesTotal;
}

void Flow::installFinished(bool installed, std::string versionOrReason) {
    ContentView& content = state_.assist.content;
    content.install = installed ? JobState::Done : JobState::Failed;
    if (installed) {
        content.bytesDone = content.bytesTotal;
        content.installedVersion = std::move(versionOrReason);
        content.switchPending = true;
        effects_.push_back(effect::InspectContent{});
    } else {
        content.failure = std::move(versionOrReason);
    }
}

void Flow::rollbackFinished(bool rolledBack, std::string versionOrReason) {
    ContentView& content = state_.assist.content;
    content.rollback = rolledBack ? JobState::Done : JobState::Failed;
    if (rolledBack) {
        content.installedVersion = std::move(versionOrReason);
        content.switchPending = true;
        effects_.push_back(effect::InspectContent{});
    } else {
        content.failure = std::move(versionOrReason);
    }
}

void Flow::contentActivated() {
    state_.assist.content.switchPending = false;
}

} // namespace kiosk
