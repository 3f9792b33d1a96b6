// Everything a screen may read while drawing one frame, plus the list it appends intents to.
#pragma once

#include "kiosk/audio/screen_speech.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/devices/device_status.hpp"
#include "kiosk/flow/intent.hpp"
#include "kiosk/flow/session_state.hpp"
#include "kiosk/i18n/messages.hpp"
#include "kiosk/lesson/lesson_loader.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "ui/platform/image_textures.hpp"
#include "ui/platform/qr_textures.hpp"
#include "ui/platform/video_playback.hpp"
#include "ui/theme/fonts.hpp"
#include "ui/theme/metrics.hpp"
#include "ui/theme/palette.hpp"

#include <ctime>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct FrameContext {
    const SessionState& session;
    const DeviceStatus& devices;
    const Config& config;
    const Metrics& metrics;
    const FontSet& fonts;
    const Palette& colours;
    std::time_t wallClock = 0; // local time shown in the header
    int secondsUntilWipe = 0;  // > 0 while the "Are you still there?" countdown runs
    std::vector<Intent>& intents;
    const ProcedureCatalog* catalog = nullptr;
    const Procedure* procedure = nullptr; // the procedure of the dossier being filled in
    QrTextures* qrTextures = nullptr;
    const LessonCatalog* lessons = nullptr; // the lesson list; null when the pack has none
    const Lesson* lesson = nullptr;         // the lesson being followed
    const VideoPlayback* video = nullptr;   // the open lesson video (LessonMedia::video())
    ImageTextures* images = nullptr;        // pictures of the content pack; null: placeholders
    // What this frame's screen says, in drawing order (the "Nghe" button reads it). The text
    // helpers and buttons add to it; null in the chrome, which is not read. Resident input
    // (typed or read from the card) is never added: it is drawn with helpers that do not say.
    audio::ScreenSpeech* speech = nullptr;

    std::string_view tr(Msg id) const { return text(id, session.language); }
    std::string_view local(const LocalText& text) const {
        return session.language == Language::Vietnamese || text.en.empty() ? text.vi : text.en;
    }
    void emit(Intent intent) const { intents.push_back(std::move(intent)); }
    void say(audio::SpeechRole role, std::string_view text) const {
        if (speech != nullptr) {
            speech->add(role, text);
        }
    }
    // The same context for drawing what the resident typed or the card held: shown, not said.
    FrameContext unspoken() const {
        FrameContext copy = *this;
        copy.speech = nullptr;
        return copy;
    }
};

} // namespace kiosk::ui
