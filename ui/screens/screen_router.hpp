// Owns one view per screen and picks the one to draw with a single switch on the flow state.
#pragma once

#include "ui/screens/assist_screens.hpp"
#include "ui/screens/card_read_screen.hpp"
#include "ui/screens/choice_screens.hpp"
#include "ui/screens/form_screens.hpp"
#include "ui/screens/help_screen.hpp"
#include "ui/screens/home_screen.hpp"
#include "ui/screens/lesson_screens.hpp"
#include "ui/screens/maintainer_screens.hpp"
#include "ui/screens/maintenance_screen.hpp"
#include "ui/screens/phone_handoff_screen.hpp"
#include "ui/screens/procedure_screens.hpp"
#include "ui/screens/result_screens.hpp"
#include "ui/screens/review_screens.hpp"

namespace kiosk::ui {

class ScreenRouter {
public:
    // Draws the current screen and, when the countdown runs, the overlay above it.
    void draw(const FrameContext& ctx);

private:
    ScreenView& viewFor(Screen screen);

    HomeScreen home_;
    HelpScreen help_;
    ProcedureCategoriesScreen categories_;
    ProcedureListScreen procedures_;
    ProcedureInfoScreen procedureInfo_;
    ProcedureSearchScreen procedureSearch_;
    CardDatesScreen cardDates_;
    SubmitChannelScreen channel_;
    PhoneHandOffScreen phoneHandOff_;
    IdentityScreen identity_;
    CardReadScreen cardRead_;
    FormGroupScreen formGroup_;
    FieldEditorScreen fieldEditor_;
    DocumentsScreen documents_;
    ReviewScreen review_;
    ConsentScreen consent_;
    SubmittingScreen submitting_;
    ResultScreen result_;
    LookupScreen lookup_;
    LookupResultScreen lookupResult_;
    MaintenanceScreen maintenance_;
    VolunteerSignInScreen volunteerSignIn_;
    PinEntryScreen pinEntry_;
    VolunteerToolsScreen volunteerTools_;
    MaintainerScreen maintainer_;
    LessonListScreen lessonList_;
    LessonStepScreen lessonStep_;
    LessonDoneScreen lessonDone_;
};

} // namespace kiosk::ui
