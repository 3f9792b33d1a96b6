// Stable screen names for logs and screenshot file names.
#include "kiosk/flow/screen.hpp"

namespace kiosk {

LogToken screenName(Screen screen) {
    switch (screen) {
    case Screen::Home:
        return "home";
    case Screen::Help:
        return "help";
    case Screen::ProcedureCategories:
        return "procedure_categories";
    case Screen::ProcedureList:
        return "procedure_list";
    case Screen::ProcedureInfo:
        return "procedure_info";
    case Screen::SubmitChannel:
        return "submit_channel";
    case Screen::PhoneHandOff:
        return "phone_hand_off";
    case Screen::Identity:
        return "identity";
    case Screen::CardRead:
        return "card_read";
    case Screen::FormGroup:
        return "form_group";
    case Screen::FieldEditor:
        return "field_editor";
    case Screen::Documents:
        return "documents";
    case Screen::Review:
        return "review";
    case Screen::Consent:
        return "consent";
    case Screen::Submitting:
        return "submitting";
    case Screen::Result:
        return "result";
    case Screen::Lookup:
        return "lookup";
    case Screen::LookupResult:
        return "lookup_result";
    case Screen::Lessons:
        return "lessons";
    case Screen::LessonStep:
        return "lesson_step";
    case Screen::LessonDone:
        return "lesson_done";
    case Screen::Maintenance:
        return "maintenance";
    case Screen::VolunteerSignIn:
        return "volunteer_sign_in";
    case Screen::PinEntry:
        return "pin_entry";
    case Screen::VolunteerTools:
        return "volunteer_tools";
    case Screen::Maintainer:
        return "maintainer";
    case Screen::ProcedureSearch:
        return "procedure_search";
    case Screen::CardDates:
        return "card_dates";
    }
    return "unknown";
}

} // namespace kiosk
