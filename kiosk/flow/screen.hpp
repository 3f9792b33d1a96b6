// Every screen the kiosk can show; the UI picks what to draw with one switch over this.
#pragma once

#include "kiosk/log/log_token.hpp"

namespace kiosk {

enum class Screen {
    Home,
    Help,
    // Guided dossier submission, in the order a resident meets them.
    ProcedureCategories,
    ProcedureList,
    ProcedureInfo,
    SubmitChannel, // at this kiosk, or on my own phone
    PhoneHandOff,
    Identity, // read my chip ID card, or type it in
    CardRead,
    FormGroup,
    FieldEditor, // keyboard, number pad, list or date picker for one field
    Documents,
    Review,
    Consent,
    Submitting,
    Result,
    // Dossier lookup by code.
    Lookup,
    LookupResult,
    // Digital-skills lessons.
    Lessons, // the list of lessons
    LessonStep,
    LessonDone,
    // Shown instead of everything else when the kiosk cannot serve (bad config, no content).
    Maintenance,
    // Assisted mode and upkeep, for volunteers and the maintainer (behind PINs).
    VolunteerSignIn,
    PinEntry,
    VolunteerTools,
    Maintainer,
    // Guided submission, added later: finding a procedure by typing, and the two dates a
    // BAC-only chip card needs.
    ProcedureSearch,
    CardDates,
};

LogToken screenName(Screen screen);

} // namespace kiosk
