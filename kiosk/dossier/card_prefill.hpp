// Pre-filling a procedure's fields from what the chip ID card reader read.
#pragma once

#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/validation/field_validator.hpp"

#include <map>
#include <string>

namespace kiosk {

// Card data by source name: "card.full_name", "card.date_of_birth", "card.id_number",
// "card.sex", "card.place_of_residence", "card.ethnicity", "card.nationality",
// "card.place_of_origin". Values as the card holds them (sex "Nam"/"Nữ", dates dd/mm/yyyy or
// ddmmyyyy, ethnicity by name).
using CardFields = std::map<std::string, std::string>;

// The answers a resident does not have to type: every field whose `prefill` source is on the
// card, converted to the field's form (dates dd/mm/yyyy, selects as picker item ids). A value
// that cannot be converted is left out, so the resident types it instead of fixing a wrong one.
FieldValues prefillFromCard(const Procedure& procedure, const CardFields& card,
                            const ProcedureCatalog& catalog);

} // namespace kiosk
