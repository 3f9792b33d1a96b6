// Every screen the kiosk can show; the UI picks what to draw with one switch over this.
#pragma once

#include "kiosk/log/log_token.hpp"

namespace kiosk {

enum class Screen {
    Home,
    Help,
    // Dossier submission (issue: guided dossier submission).
    ProcedureCategories,
    ProcedureList,
    ProcedureInfo,
    // Dossier lookup by code.
    Lookup,
    // Digital-skills lessons.
    Lessons,
    // Shown instead of everything else when the kiosk cannot serve (bad config, no content).
    Maintenance,
};

LogToken screenName(Screen screen);

} // namespace kiosk
