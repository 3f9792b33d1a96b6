// Pre-filling a procedure's fields from what the chip ID card reader read.
#pragma once

#include "kiosk/idcard/card_holder.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/validation/field_validator.hpp"

namespace kiosk {

// The answers a resident does not have to type: every field whose `prefill` source
// ("card.full_name", "card.date_of_birth", "card.id_number", "card.sex",
// "card.place_of_residence", "card.ethnicity", "card.nationality", "card.place_of_origin") the
// card holds, in the field's form (dates dd/mm/yyyy, selects as picker item ids). A value that
// does not fit the field is left out, so the resident types it instead of fixing a wrong one.
FieldValues prefillFromCard(const Procedure& procedure, const CardHolder& card,
                            const ProcedureCatalog& catalog);

} // namespace kiosk
