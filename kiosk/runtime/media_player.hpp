// The seam for sound and video: the runtime hands MediaEffects to whoever plays them (the
// window's LessonMedia); a kiosk without a screen has no player and drops them on purpose.
#pragma once

#include "kiosk/flow/effect.hpp"

namespace kiosk {

class MediaPlayer {
public:
    virtual ~MediaPlayer() = default;
    virtual void perform(const MediaEffect& effect) = 0;
};

} // namespace kiosk
