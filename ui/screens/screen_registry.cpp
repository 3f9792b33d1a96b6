// The one table of screens: each line is a screen's entry, defined in the screen's own file.
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
#include "ui/screens/screen_entry.hpp"

namespace kiosk::ui {

std::vector<ScreenEntry> screenEntries() {
    return {
        homeScreenEntry(),
        helpScreenEntry(),
        procedureCategoriesScreenEntry(),
        procedureListScreenEntry(),
        procedureInfoScreenEntry(),
        submitChannelScreenEntry(),
        phoneHandOffScreenEntry(),
        identityScreenEntry(),
        cardReadScreenEntry(),
        formGroupScreenEntry(),
        fieldEditorScreenEntry(),
        documentsScreenEntry(),
        reviewScreenEntry(),
        consentScreenEntry(),
        submittingScreenEntry(),
        resultScreenEntry(),
        lookupScreenEntry(),
        lookupResultScreenEntry(),
        lessonListScreenEntry(),
        lessonStepScreenEntry(),
        lessonDoneScreenEntry(),
        maintenanceScreenEntry(),
        volunteerSignInScreenEntry(),
        pinEntryScreenEntry(),
        volunteerToolsScreenEntry(),
        maintainerScreenEntry(),
        procedureSearchScreenEntry(),
        cardDatesScreenEntry(),
    };
}

} // namespace kiosk::ui
