// Pre-filling a procedure's fields from what the chip ID card reader read.
#pragma once

#include "kiosk/idcard/card_holder.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/validation/field_validator.hpp"

#include <set>
#include <string>

namespace kiosk {

// The answers a resident does not have to type: every field whose `prefill` source
// ("card.full_name", "card.date_of_birth", "card.year_of_birth", "card.id_number", "card.sex",
// "card.place_of_residence", "card.ethnicity", "card.nationality", "card.place_of_origin") the
// card holds, in the field's form (dates dd/mm/yyyy, selects as picker item ids). A value that
// does not fit the field is left out, so the resident types it instead of fixing a wrong one.
// A field with `prefill_when` is filled only when its condition holds for `answers` together
// with the unconditional card values.
FieldValues prefillFromCard(const Procedure& procedure, const CardHolder& card,
                            const ProcedureCatalog& catalog, const FieldValues& answers = {});

// Whether a field's `prefill_when` holds for these answers (true without one).
bool prefillConditionHolds(const Field& field, const FieldValues& answers);

// After an answer changed: fills the conditional fields whose condition now holds and that are
// still empty, and empties those filled from the card whose condition no longer holds (the
// applicant turned out to be the father, not the mother). A value the resident typed or
// changed is never touched: `prefilled` holds only fields still as the card gave them.
// Returns whether anything changed.
bool refreshConditionalPrefill(const Procedure& procedure, const CardHolder& card,
                               const ProcedureCatalog& catalog, FieldValues& values,
                               std::set<std::string>& prefilled);

} // namespace kiosk
