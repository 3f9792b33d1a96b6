// Screenshot scenes and the fixtures they share: each screen's file lists the scenes that show
// it (through its ScreenEntry), reached by a scripted resident on a fresh flow.
#pragma once

#include "kiosk/app/scripted_resident.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/dossier/working_calendar.hpp"
#include "kiosk/lesson/lesson_loader.hpp"

#include <ctime>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// Simulated printer and reader ready, network up: what a working kiosk shows.
DeviceStatus healthyDevices();

using SceneReach = std::function<void(Flow&, ScriptedResident&)>;

struct ScreenshotScene {
    std::string name; // file name without extension
    // Brings a fresh flow to the screen; the catalog is set, the language already chosen.
    SceneReach reach;
    DeviceStatus devices = healthyDevices();
    bool vietnameseOnly = false; // accessibility variants need not be doubled
};

// What a screen's scenes may draw on besides the procedure catalog of the flow.
struct SceneSources {
    const LessonCatalog* lessons = nullptr; // null: no lesson scenes
};

// The fixed moment every screenshot shows (Wednesday 25/11/2026, 14:05 local time).
std::time_t screenshotWallClock();

namespace scene {

// The birth registration walk-through is the busiest form; it shows every kind of field.
const Procedure& showcase(const Flow& flow);
void toFirstGroup(Flow& flow, ScriptedResident& resident);
// The first form screen of the showcase procedure, with the editor of its first `type` field open.
void openEditor(Flow& flow, ScriptedResident& resident, FieldType type);
void fillEverything(Flow& flow, ScriptedResident& resident);
void toConsent(Flow& flow, ScriptedResident& resident);
// The appointment text as KioskServices writes it for a dossier received at the screenshot moment.
std::string screenshotAppointment(const Procedure& procedure);
void submitted(Flow& flow, ScriptedResident& resident, SubmissionState state);
void submittedWith(Flow& flow, ScriptedResident& resident, SubmissionState state, bool printed,
                   std::string failureReason = {}, bool refused = false);
CardHolder syntheticCard();
void toCardRead(Flow& flow, ScriptedResident& resident);
// A card that offers only BAC (like the simulator's tran-van-duc profile) asks for two dates.
void toCardDates(Flow& flow, ScriptedResident& resident);
void enterCardDates(ScriptedResident& resident);
input::KeyDef layoutKey(input::LayoutKind target);
input::KeyDef methodKey();
input::KeyDef doneKey();
void lookedUp(ScriptedResident& resident, Flow& flow, std::string_view code, LookupState answer);
// Assisted mode and the maintainer screen: synthetic volunteers, a report and a pack.
void pressPin(ScriptedResident& resident, std::string_view digits, bool done);
void typeNewPin(ScriptedResident& resident, std::string_view digits, bool done);
// The new volunteer's name on the maintainer's keyboard: ASCII keys as typed (Telex), then Done.
void typeVolunteerName(ScriptedResident& resident, std::string_view keys, bool done);
void toVolunteerPin(Flow& flow, ScriptedResident& resident);
void volunteerSignedIn(Flow& flow, ScriptedResident& resident);
std::vector<HealthResult> syntheticHealth();
void maintainerUnlocked(Flow& flow, ScriptedResident& resident);
// The maintainer screen unlocked and on `tab`, its load request taken (the scene answers it).
void maintainerTab(Flow& flow, ScriptedResident& resident, MaintainerTab tab);
UsageReport syntheticReport();
ContentView syntheticContent();

// A scene at each of the larger text sizes (`name`_text_size_N), in both languages.
void addTextSizes(std::vector<ScreenshotScene>& scenes, const std::string& name,
                  const SceneReach& reach);
// A scene at the largest text, the larger one, and in both high-contrast themes, both languages.
void addLooks(std::vector<ScreenshotScene>& scenes, const std::string& name,
              const SceneReach& reach);

} // namespace scene
} // namespace kiosk::ui
