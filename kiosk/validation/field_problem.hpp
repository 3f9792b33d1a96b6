// What is wrong with one field, as data: a stable message id, its parameters and both texts.
#pragma once

#include "kiosk/procedure/procedure.hpp"

#include <map>
#include <string>

namespace kiosk {

struct FieldProblem {
    std::string fieldId;
    std::string messageId; // e.g. "id_number.province", for tests and usage counts
    std::map<std::string, std::string> params; // e.g. {"max", "100"}
    LocalText text;                            // ready to show under the field
};

} // namespace kiosk
