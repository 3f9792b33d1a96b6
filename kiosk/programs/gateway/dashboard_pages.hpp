// What the dashboard pages share: alert wording, the alerts box, place names and small helpers.
#pragma once

#include "kiosk/programs/gateway/fleet_store.hpp"
#include "kiosk/programs/gateway/web_context.hpp"

#include <cstdint>
#include <string>

namespace kiosk {

// "Nhà văn hóa thôn Đông" / "Thôn Đông cultural house"; the kiosk id when it has no village.
std::string culturalHouse(const std::string& village, const std::string& kioskId, Lang lang);
// "9:12" today, "9:12 03/12" on another day, in Vietnam time.
std::string sinceText(std::int64_t since, std::int64_t now);
// One alert as a sentence: "Nhà văn hóa thôn Đông: máy in hết giấy từ 9:12".
std::string alertText(const Alert& alert, std::int64_t now, Lang lang);
// The alerts for the request's commune, as the red box every dashboard page opens with.
std::string alertsBox(WebContext& context, const std::string& commune, Lang lang);
// "?commune=…" carried from page to page (empty = the whole province).
std::string communeParam(const std::string& commune, char lead);

} // namespace kiosk
