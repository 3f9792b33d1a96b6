// The translation table for every fixed UI string; screens never hold string literals.
#pragma once

#include "kiosk/i18n/language.hpp"

#include <cstddef>
#include <span>
#include <string_view>

namespace kiosk {

// One id per UI string. Texts of procedures and lessons come from the content pack instead.
enum class Msg {
    CommuneTitlePrefix,
    HomeWelcome,
    HomeSubmitDossier,
    HomeSubmitDossierHint,
    HomeLookupDossier,
    HomeLookupDossierHint,
    HomeLearnSkill,
    HomeLearnSkillHint,
    HomeHelp,
    HomeHelpHint,
    HomeTextSize,
    HomeContrast,
    HomeLanguage,
    LanguageName,
    TextSizeNormal,
    TextSizeLarge,
    TextSizeLarger,
    TextSizeLargest,
    ContrastStandard,
    ContrastLight,
    ContrastDark,
    StatusPrinter,
    StatusReader,
    StatusNetwork,
    StatusReady,
    StatusNoPaper,
    StatusCoverOpen,
    StatusDisconnected,
    StatusError,
    StatusUnknown,
    StatusCardPresent,
    StatusOnline,
    StatusOffline,
    StatusSimulated,
    StatusQueued,
    NavBack,
    NavNext,
    NavHome,
    NavCancel,
    NavDone,
    StillThereTitle,
    StillThereBody,
    StillThereContinue,
    StillThereSeconds,
    MaintenanceTitle,
    MaintenanceBody,
    MaintenanceDetail,
    HelpTitle,
    HelpBody,
    HelpStepsTitle,
    HelpStep1,
    HelpStep2,
    HelpStep3,
    HelpAskVolunteer,
    HelpHotline,
    WeekdaySunday,
    WeekdayMonday,
    WeekdayTuesday,
    WeekdayWednesday,
    WeekdayThursday,
    WeekdayFriday,
    WeekdaySaturday,
    Count
};

struct MessageText {
    Msg id;
    std::string_view vietnamese;
    std::string_view english;
};

// The whole table, indexed by Msg; tests check every id has both texts.
std::span<const MessageText> messageTable();

std::string_view text(Msg id, Language language);

} // namespace kiosk
