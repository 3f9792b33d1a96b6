// Assisted mode and maintainer screens as plain data: who is signed in, the PIN being typed,
// and the snapshots (outbox, devices, reports, content) the app fills in for the screens.
#pragma once

#include "kiosk/content/content_store.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/health/health_check.hpp"
#include "kiosk/input/keyboard_controller.hpp"
#include "kiosk/input/secure_buffer.hpp"
#include "kiosk/usage/report_export_spool.hpp"
#include "kiosk/usage/usage_report.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// A volunteer as the sign-in list shows them: pseudonymous id plus the name the maintainer gave.
struct VolunteerEntry {
    std::string id;
    std::string displayName;
    bool enabled = true;
};

enum class PinCheckOutcome { Ok, Wrong, Locked, Unavailable };

// What the app's PIN check (scrypt, off the UI thread) found.
struct PinCheckResult {
    PinCheckOutcome outcome = PinCheckOutcome::Unavailable;
    int triesLeft = 0;       // Wrong: free attempts left before the lockout starts (0: unknown)
    int lockedSeconds = 0;   // Locked: how long sign-in stays closed
    std::string displayName; // Ok (volunteer): shown on the banner
};

// Which PIN the pad is collecting.
enum class PinPurpose { Volunteer, Maintainer };

// The PIN pad: digits are kept in a buffer that is wiped when it is cleared or freed.
struct PinEntry {
    PinPurpose purpose = PinPurpose::Volunteer;
    std::string volunteerId; // whose PIN (Volunteer)
    std::string displayName;
    input::SecureString digits;
    input::KeyboardState pad{input::FieldKind::Number, input::LayoutKind::NumericPad,
                             input::ShiftState::Off};
    bool checking = false; // waiting for the app's answer
    std::optional<PinCheckResult> lastResult;

    void wipe() {
        input::wipeContainer(digits);
        checking = false;
    }
};

// Why the volunteer's shift ended, for the message on the home screen afterwards.
enum class AssistEnd { None, ByHand, Inactivity, SessionLimit };

// Outbox and device health, for the volunteer tools screen.
struct VolunteerToolsState {
    bool loaded = false;
    int outboxPending = 0;
    int outboxDelivered = 0;
    int outboxNeedsAttention = 0;
    DeviceStatus devices;
    bool retrying = false;
    enum class Reprint { None, Printing, Printed, Failed, NothingToPrint } reprint = Reprint::None;
};

enum class MaintainerTab { Reports, Volunteers, Content, Health };
enum class ReportRangeKind { Today, Week, Month, Custom };

// Outcome of an export to the USB stick or a printed summary.
enum class JobState { Idle, Running, Done, Failed };

struct ReportView {
    ReportRangeKind kind = ReportRangeKind::Today;
    std::optional<DateRange> range; // the range asked for, set by the app for the period kinds
    // The custom range: each end is moved by whole days on the date pads.
    std::optional<DateRange> custom;
    bool loading = false;
    std::optional<UsageReport> report;
    std::string failure; // why the report could not be built (system text, no personal data)
    JobState exportState = JobState::Idle;
    UsbExportOutcome exportOutcome = UsbExportOutcome::NoHelper; // once Done or Failed
    std::string exportDetail; // where it went on the stick, or the system reason it failed
    JobState printState = JobState::Idle;
};

struct FoundPackInfo {
    std::string path; // on the USB stick
    std::string packId;
    std::uint64_t sequence = 0;
    std::string displayVersion;
    std::uint64_t bytes = 0;
    PackDiff diff;
    bool newer = true; // above the accepted sequence (older packs are refused)
};

struct ContentView {
    bool loaded = false;
    std::optional<VersionSummary> current;
    std::optional<VersionSummary> previous;
    std::optional<FoundPackInfo> found; // a pack on the stick
    std::string inspectFailure;         // the stick's pack could not be read or verified
    JobState install = JobState::Idle;
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
    std::string installedVersion; // after Done: "you can remove the stick"
    std::string failure;          // install or rollback refusal reason
    JobState rollback = JobState::Idle;
    bool switchPending = false; // installed; residents get it after the current session
};

// Adding a volunteer on the Volunteers tab: the label is picked for them (no personal name is
// needed), then the volunteer types a new PIN twice on the pad, out of the maintainer's sight.
// Label: the maintainer types the volunteer's name on the keyboard (empty keeps "TNV n").
enum class EnrolStep { Closed, Label, FirstPin, SecondPin, Saving, Added, Failed };
enum class EnrolProblem { None, Mismatch, TooEasy };

struct VolunteerEnrolment {
    EnrolStep step = EnrolStep::Closed;
    std::string label;     // what the volunteer list will show; set when the Label step is done
    std::string autoLabel; // "TNV 3": the next free number, kept when nothing is typed
    // The name being typed at the Label step, on the same keyboard residents use for names.
    std::unique_ptr<input::VietnameseComposer> name;
    input::KeyboardState nameKeys;
    input::SecureString firstPin;
    input::SecureString digits; // the entry being typed
    input::KeyboardState pad{input::FieldKind::Number, input::LayoutKind::NumericPad,
                             input::ShiftState::Off};
    EnrolProblem problem = EnrolProblem::None;
    std::string failure; // Failed: system reason

    void wipe() {
        input::wipeContainer(firstPin);
        input::wipeContainer(digits);
        name.reset();
    }
};

struct VolunteerAdmin {
    std::vector<VolunteerEntry> all; // enabled and disabled, for the maintainer
    std::string failure;
    VolunteerEnrolment enrol;
};

// The box's health checks (the same as `kioskctl doctor`), run when the tab opens.
struct HealthView {
    bool loaded = false;
    std::vector<HealthResult> results;
};

// Everything of assisted mode. Unlike the rest of SessionState it survives the resident's
// wipe: it is the volunteer's shift, not the resident's session.
struct AssistState {
    bool signedIn = false;
    std::string volunteerId;
    std::string displayName;
    AssistEnd lastEnd = AssistEnd::None;

    std::vector<VolunteerEntry> volunteers; // enabled ones, for the sign-in list
    PinEntry pin;
    bool maintainerUnlocked = false;

    VolunteerToolsState tools;
    MaintainerTab tab = MaintainerTab::Reports;
    ReportView reports;
    ContentView content;
    VolunteerAdmin admin;
    HealthView health;
    // Loudness of all spoken guidance, 0-100: a kiosk setting the volunteers adjust to the
    // room; kept in the assist database across restarts (VolunteerStore settings).
    int guidanceVolumePercent = 80;
};

} // namespace kiosk
