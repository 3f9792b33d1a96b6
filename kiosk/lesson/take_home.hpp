// The printed take-home sheet of a lesson, for printTakeHomeSheet (receipt_printing.hpp).
#pragma once

#include "kiosk/lesson/take_home_text.hpp"
#include "kiosk/receipt/receipt.hpp"

#include <string>

namespace kiosk {

// Use as buildTakeHomeSheet(takeHomeText(lesson, language), language, footer); `footer` names
// the access point and its hotline (from the config).
TakeHomeSheet buildTakeHomeSheet(TakeHomeText text, Language language, std::string footer);

} // namespace kiosk
