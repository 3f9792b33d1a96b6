// Vietnamese mobile numbers: 10 digits, 0 + a carrier prefix; "+84" and "84" forms accepted.
#pragma once

#include "kiosk/validation/field_problem.hpp"

#include <optional>
#include <string>

namespace kiosk {

// "+84 912 345 678" -> "0912345678"; spaces, dots and dashes dropped. Nothing if it cannot be
// a Vietnamese mobile number in any form.
std::optional<std::string> normalisePhone(const std::string& text);

std::optional<FieldProblem> checkPhone(const std::string& text);

} // namespace kiosk
