// Test helper: fills every field of a procedure with synthetic, valid answers (no real person).
// The answers are the scripted resident's (kiosk/app/scripted_resident.hpp), shared with the demo.
#pragma once

#include "kiosk/app/scripted_resident.hpp"

namespace kiosk::testing {

inline FieldValues syntheticAnswers(const Procedure& procedure, const ProcedureCatalog& catalog,
                                    CivilDate today, int serial = 0) {
    return kiosk::syntheticAnswers(procedure, catalog, today, serial);
}

} // namespace kiosk::testing
