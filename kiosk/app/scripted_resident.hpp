// A synthetic resident (nobody real) who taps through the flow: the demo, the screenshot pass
// and journey tests all drive the kiosk through the same intents a finger would produce.
#pragma once

#include "kiosk/flow/flow.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace kiosk {

// Valid answers to every field of `procedure` for a made-up resident born in Vĩnh Phúc
// (ID numbers start 026); `serial` varies the ID number's random part.
FieldValues syntheticAnswers(const Procedure& procedure, const ProcedureCatalog& catalog,
                             CivilDate today, int serial = 0);

// What the resident's fingers did: keys of the on-screen keyboard apart from every other tap.
struct TapTally {
    int taps = 0;       // buttons, list rows, pickers, Continue...
    int keystrokes = 0; // keys of the on-screen keyboard (PressKey)
};

class ScriptedResident {
public:
    // `afterTap` runs after every intent (the demo renders a frame there).
    ScriptedResident(Flow& flow, SteadyTime start, std::function<void()> afterTap = {});

    void tap(Intent intent);
    // Types UTF-8 text key by key on the on-screen keyboard.
    void type(std::string_view text);
    // Opens the field, enters `value` the way its editor asks for it, and closes the editor.
    void answer(const Field& field, const std::string& value);
    // Answers every field of the current form group.
    void fillCurrentGroup(const Procedure& procedure, const FieldValues& answers);
    // From home to the first form group of `code`, choosing to type (not read the card).
    void startProcedure(const Procedure& procedure,
                        IdentitySource identity = IdentitySource::Typed);

    SteadyTime now() const { return now_; }
    const TapTally& tally() const { return tally_; }

private:
    Flow& flow_;
    SteadyTime now_;
    std::function<void()> afterTap_;
    TapTally tally_;
};

} // namespace kiosk
