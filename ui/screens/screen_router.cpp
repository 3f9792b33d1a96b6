// The one switch from flow state to screen view.
#include "ui/screens/screen_router.hpp"

#include "ui/screens/still_there_overlay.hpp"

namespace kiosk::ui {

ScreenView& ScreenRouter::viewFor(Screen screen) {
    switch (screen) {
    case Screen::Home:
        return home_;
    case Screen::Help:
        return help_;
    case Screen::ProcedureCategories:
        return categories_;
    case Screen::ProcedureList:
        return procedures_;
    case Screen::ProcedureInfo:
        return procedureInfo_;
    case Screen::SubmitChannel:
        return channel_;
    case Screen::PhoneHandOff:
        return phoneHandOff_;
    case Screen::Identity:
        return identity_;
    case Screen::CardRead:
        return cardRead_;
    case Screen::FormGroup:
        return formGroup_;
    case Screen::FieldEditor:
        return fieldEditor_;
    case Screen::Documents:
        return documents_;
    case Screen::Review:
        return review_;
    case Screen::Consent:
        return consent_;
    case Screen::Submitting:
        return submitting_;
    case Screen::Result:
        return result_;
    case Screen::Lookup:
        return lookup_;
    case Screen::LookupResult:
        return lookupResult_;
    case Screen::Lessons:
        return lessonList_;
    case Screen::LessonStep:
        return lessonStep_;
    case Screen::LessonDone:
        return lessonDone_;
    case Screen::Maintenance:
        return maintenance_;
    case Screen::VolunteerSignIn:
        return volunteerSignIn_;
    case Screen::PinEntry:
        return pinEntry_;
    case Screen::VolunteerTools:
        return volunteerTools_;
    case Screen::Maintainer:
        return maintainer_;
    case Screen::ProcedureSearch:
        return procedureSearch_;
    case Screen::CardDates:
        return cardDates_;
    }
    return home_;
}

void ScreenRouter::draw(const FrameContext& ctx) {
    viewFor(ctx.session.screen).draw(ctx);
    if (ctx.secondsUntilWipe > 0) {
        drawStillThereOverlay(ctx);
    }
    // Pictures the screen did not ask for this frame are freed: a screen change evicts them.
    if (ctx.images != nullptr) {
        ctx.images->endFrame();
    }
}

} // namespace kiosk::ui
