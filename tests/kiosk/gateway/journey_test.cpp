// Scripted journeys at the model level: fill, validate, commit, deliver, decrypt, per procedure.
#include "kiosk/dossier/dossier.hpp"
#include "kiosk/dossier/working_calendar.hpp"
#include "tests/kiosk/dossier/synthetic_answers.hpp"
#include "tests/kiosk/gateway/gateway_rig.hpp"

using namespace kiosk;

TEST_CASE("every shipped procedure goes from answers to a decrypted dossier at the gateway",
          "[gateway][dossier]") {
    auto catalog = loadProcedureCatalog(std::filesystem::path(KIOSK_SOURCE_DIR) / "content");
    REQUIRE(catalog.ok());
    testing::GatewayRig rig;
    std::map<std::string, FieldValues> answersByReference;
    int serial = 1;
    for (const Procedure& procedure : catalog->procedures) {
        INFO(procedure.code);
        std::int64_t now = nowUnixSeconds();
        LocalDateTime received = vietnamTimeFromUnix(now);
        ValidationContext context{received.date, &*catalog};
        // Each screen validates on its own, as the UI will ask it to.
        FieldValues answers =
            testing::syntheticAnswers(procedure, *catalog, received.date, serial++);
        for (const FieldGroup& group : procedure.groups) {
            CHECK(validateGroup(group, answers, context).empty());
        }
        Dossier dossier{procedure.code, answers};
        CommitRequest request;
        request.procedureCode = procedure.code;
        request.now = now;
        request.appointmentAt =
            unixFromVietnamTime(computeAppointment(received, procedure.processing));
        request.buildPayload = [&](const std::string& reference) {
            return buildPayload(procedure, dossier, {testing::kKioskId, reference, received});
        };
        auto entry = rig.outbox->commit(request);
        REQUIRE(entry.ok());
        answersByReference[entry->localReference] = answers;
    }
    auto pass = rig.passNow();
    CHECK(pass.delivered == static_cast<int>(catalog->procedures.size()));

    auto arrived = rig.received();
    REQUIRE(arrived.size() == catalog->procedures.size());
    for (const OpenedDossier& dossier : arrived) {
        INFO(dossier.stored.procedureCode);
        REQUIRE(dossier.payload.has_value());
        const nlohmann::json& payload = *dossier.payload;
        CHECK(payload["MaTTHC"] == dossier.stored.procedureCode);
        CHECK(payload["SoThamChieu"] == dossier.stored.localReference);
        const Procedure& procedure = *catalog->findProcedure(dossier.stored.procedureCode);
        CHECK(payload["TenTTHC"] == procedure.name.vi);
        CHECK(payload["SoNgayXuLy"] == procedure.processing.workingDays);
        const FieldValues& answers = answersByReference.at(dossier.stored.localReference);
        CHECK(payload["DuLieuBieuMau"].size() == answers.size());
        for (const auto& [id, value] : answers) {
            CHECK(payload["DuLieuBieuMau"][id] == value);
        }
        CHECK(payload["ChuHoSo"] == answers.at(procedure.payloadFields.at("ChuHoSo")));
        // The gateway's appointment follows the same calendar rule.
        auto receivedAt = parseCompact(dossier.stored.receivedAt);
        REQUIRE(receivedAt);
        CHECK(dossier.stored.appointmentAt ==
              formatCompact(computeAppointment(*receivedAt, procedure.processing)));
    }
    // Nothing personal is left on the kiosk once delivered.
    auto rows = rig.outbox->list();
    REQUIRE(rows.ok());
    for (const OutboxEntry& entry : *rows) {
        CHECK(entry.state == OutboxState::Delivered);
    }
}
