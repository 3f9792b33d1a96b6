// Builds FieldProblems from the validation message table (Vietnamese and English).
#pragma once

#include "kiosk/validation/field_problem.hpp"

#include <map>
#include <string>

namespace kiosk {

// `params` fill {name} placeholders in both texts.
FieldProblem makeFieldProblem(const std::string& messageId,
                              std::map<std::string, std::string> params = {});

} // namespace kiosk
