// The UI tests draw offscreen and play into SDL's dummy speaker however they are started
// (ctest, by hand, under a debugger): a test never opens the real screen or sound card.
#include <cstdlib>

namespace {

// Before main, so before any test initialises SDL. Catch2 v2's test discovery passes only the
// first ENVIRONMENT entry of a list on to ctest, which is how the speaker setting was lost.
const bool kUiTestEnvironmentSet = [] {
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 0);
    return true;
}();

} // namespace
