// The appointment text read back, and the lookup screen's overdue rule.
#include "kiosk/dossier/appointment_text.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("the on-screen appointment text is read back exactly", "[dossier][appointment]") {
    auto due = parseAppointmentText("16:00, 30/11/2026");
    REQUIRE(due);
    CHECK(due->date == CivilDate{2026, 11, 30});
    CHECK(due->hour == 16);
    CHECK_FALSE(parseAppointmentText("30/11/2026"));
    CHECK_FALSE(parseAppointmentText("16:00, 31/11/2026")); // no such day
    CHECK_FALSE(parseAppointmentText("16:00, 30/11/2026 extra"));
}

TEST_CASE("a past appointment of an open dossier shows as overdue", "[dossier][appointment]") {
    const LocalDateTime due{{2026, 11, 20}, 16, 0, 0};
    CHECK(appointmentOverdue(due, {2026, 11, 25}, DossierStatus::Processing));
    CHECK(appointmentOverdue(due, {2026, 11, 21}, std::nullopt));
    // The due day itself, and any day before it, is not overdue.
    CHECK_FALSE(appointmentOverdue(due, {2026, 11, 20}, DossierStatus::Processing));
    CHECK_FALSE(appointmentOverdue(due, {2026, 11, 19}, DossierStatus::Processing));
    // A dossier that is ready, done, denied or cancelled is not late.
    for (DossierStatus closed : {DossierStatus::Releasing, DossierStatus::Done,
                                 DossierStatus::Denied, DossierStatus::Cancelled}) {
        CHECK_FALSE(appointmentOverdue(due, {2026, 12, 25}, closed));
    }
}
