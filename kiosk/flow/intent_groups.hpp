// The intents Flow hands to a handler of their own, as groups of Intent's alternatives: the
// flow's visit names each group once and still has no catch-all.
#pragma once

#include "kiosk/flow/intent.hpp"
#include "kiosk/flow/variant_group.hpp"

#include <variant>

namespace kiosk {

// Assisted mode and the maintainer screen (Flow::applyAssist handles each one).
using AssistIntent =
    std::variant<intent::OpenVolunteerSignIn, intent::ChooseVolunteer, intent::PinKey,
                 intent::OpenVolunteerTools, intent::ReprintLastReceipt, intent::RetryOutbox,
                 intent::SignOutVolunteer, intent::OpenMaintainer, intent::ChooseMaintainerTab,
                 intent::ChooseReportRange, intent::ShiftCustomRange, intent::ExportReport,
                 intent::PrintReportSummary, intent::SetVolunteerEnabled, intent::InstallFoundPack,
                 intent::RollbackContent, intent::StartAddVolunteer, intent::AddVolunteerKey,
                 intent::CancelAddVolunteer, intent::SetGuidanceVolume>;
// Digital-skills lessons (Flow::applyLesson handles each one).
using LessonIntent =
    std::variant<intent::ChooseLesson, intent::LessonNext, intent::PhoneKey, intent::PhoneSubmit,
                 intent::QuizAnswer, intent::PrintTakeHome, intent::ListenAloud, intent::WatchVideo,
                 intent::ControlVideo, intent::CloseVideo>;

} // namespace kiosk
