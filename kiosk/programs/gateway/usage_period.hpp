// The reporting periods of the usage pages: an ISO week, a month or a quarter around a given day.
#pragma once

#include "kiosk/validation/civil_date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

enum class PeriodKind { Week, Month, Quarter };
std::string_view periodKindName(PeriodKind kind); // "week", "month", "quarter"
std::optional<PeriodKind> periodKindFromName(std::string_view name);

struct UsagePeriod {
    PeriodKind kind = PeriodKind::Month;
    CivilDate first; // both days included
    CivilDate last;
    // A day inside the period before and after, for the ← and → links.
    CivilDate previous;
    CivilDate next;
};

// The period of `kind` that contains `day`. Weeks run Monday to Sunday (ISO 8601), as the
// commune's weekly meetings count them.
UsagePeriod usagePeriod(PeriodKind kind, const CivilDate& day);

// "Tuần 48/2026 (23/11–29/11)", "Tháng 11/2026", "Quý 4/2026", and the English forms.
std::string periodLabelVi(const UsagePeriod& period);
std::string periodLabelEn(const UsagePeriod& period);
// For file names: "2026-W48", "2026-11", "2026-Q4".
std::string periodSlug(const UsagePeriod& period);

} // namespace kiosk
