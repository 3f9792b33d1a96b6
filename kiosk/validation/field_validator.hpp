// Checks a resident's answers against a procedure's field rules; problems come back per field.
#pragma once

#include "kiosk/procedure/procedure.hpp"
#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/validation/civil_date.hpp"
#include "kiosk/validation/field_problem.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Field id -> the text the resident entered (dates as dd/mm/yyyy, selects as the item id).
using FieldValues = std::map<std::string, std::string>;

struct ValidationContext {
    CivilDate today;                           // in Asia/Ho_Chi_Minh
    const ProcedureCatalog* catalog = nullptr; // picker lists; selects are not checked without it
};

// One field; `values` gives access to the cross-checked fields (date of birth, sex).
std::optional<FieldProblem> validateField(const Field& field, const std::string& value,
                                          const FieldValues& values,
                                          const ValidationContext& context);

// One screen: every problem of the group, in field order.
std::vector<FieldProblem> validateGroup(const FieldGroup& group, const FieldValues& values,
                                        const ValidationContext& context);

// The whole dossier, before it is committed.
std::vector<FieldProblem> validateProcedure(const Procedure& procedure, const FieldValues& values,
                                            const ValidationContext& context);

// Number of Unicode code points in UTF-8 text (length limits count letters, not bytes).
std::size_t countCodePoints(const std::string& text);

} // namespace kiosk
