// The privacy scan finds planted secrets in every disguise it promises, and nothing in clean data.
#include "kiosk/usage/privacy_scan.hpp"
#include "kiosk/usage/usage_log.hpp"
#include "tests/kiosk/usage/usage_test_support.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::testing;

namespace {

const std::vector<PrivacySecret> kSecrets{
    {"name", "Nguyễn Thị Ánh Tuyết"},
    {"id_number", "001190012345"},
    {"birth_date", "15/03/1990"},
    {"phone", "0912345678"},
};

bool found(const std::vector<PrivacyFinding>& findings, const std::string& label,
           const std::string& variant) {
    for (const PrivacyFinding& finding : findings) {
        if (finding.label == label && finding.variant == variant) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("the privacy scan finds a secret planted as it is", "[usage]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "logs");
    writeFile(dir / "logs" / "kiosk.log", "{\"event\":\"x\",\"who\":\"Nguyễn Thị Ánh Tuyết\"}\n");
    auto findings = scanForSecrets(dir.path(), kSecrets);
    REQUIRE_FALSE(findings.empty());
    CHECK(findings[0].file == dir / "logs" / "kiosk.log");
    CHECK(findings[0].label == "name");
    CHECK(findings[0].variant == "exact");
    CHECK(findings[0].offset == 20);
}

TEST_CASE("the privacy scan sees through common disguises", "[usage]") {
    CHECK(found(scanBytesForSecrets("NGUYỄN THỊ ÁNH TUYẾT", "f", kSecrets), "name", "folded"));
    CHECK(found(scanBytesForSecrets("nguyen thi anh tuyet", "f", kSecrets), "name", "folded"));
    CHECK(found(scanBytesForSecrets("NguyenThiAnhTuyet", "f", kSecrets), "name", "folded"));
    // NFD: "e" + combining circumflex + combining acute instead of "ế".
    CHECK(found(scanBytesForSecrets(
                    "Tuye\xcc\x82\xcc\x81t Nguye\xcc\x82\xcc\x83n Thi Anh Tuye\xcc\x82\xcc\x81t",
                    "f", kSecrets),
                "name", "folded"));
    std::string utf16;
    for (char c : std::string("001190012345")) {
        utf16 += c;
        utf16 += '\0';
    }
    CHECK(found(scanBytesForSecrets("\x01\x02" + utf16, "f", kSecrets), "id_number", "utf16le"));
    CHECK(found(scanBytesForSecrets("id=001 190 012 345;", "f", kSecrets), "id_number", "digits"));
    CHECK(found(scanBytesForSecrets("blob:303031313930303132333435", "f", kSecrets), "id_number",
                "hex"));
    CHECK(found(scanBytesForSecrets("dob 1990-03-15", "f", kSecrets), "birth_date", "date"));
    CHECK(found(scanBytesForSecrets("19900315", "f", kSecrets), "birth_date", "date"));
    CHECK(found(scanBytesForSecrets("15.03.1990", "f", kSecrets), "birth_date", "digits"));
    CHECK(found(scanBytesForSecrets("tel +84 912 345 678", "f", kSecrets), "phone", "phone"));
    CHECK(found(scanBytesForSecrets("0912.345.678", "f", kSecrets), "phone", "digits"));
}

TEST_CASE("the privacy scan finds nothing where nothing was written", "[usage]") {
    CHECK(scanBytesForSecrets("Xã Vĩnh Tường, 2026-11-25, 1.001193, vneid-01", "f", kSecrets)
              .empty());
    CHECK(foldVietnamese("Đặng Văn Ơn") == "dang van on");
}

TEST_CASE("a usage log of a whole session holds none of the resident's data", "[usage]") {
    TempDir dir;
    FakeWallClock clock(std::chrono::system_clock::now());
    {
        UsageLogOptions options;
        options.databasePath = dir / "usage.db";
        UsageLog log(options, nullptr, clock.function());
        UsageSession session{*newUsageSessionId(), Assisted::Yes, 0};
        auto code = *ProcedureCode::parse("1.001193");
        log.record(UsageEvent::sessionStarted(session, Language::Vietnamese));
        log.record(UsageEvent::procedureChosen(session, code));
        log.record(UsageEvent::cardRead(session, CardFailure::None));
        log.record(UsageEvent::dossier(session, code, DossierOutcome::Submitted));
        log.record(UsageEvent::sessionEnded(session, std::chrono::seconds(500)));
        log.flush();
        // While open, the -wal and -shm files are there to be scanned too.
        CHECK(scanForSecrets(dir.path(), kSecrets).empty());
    }
    CHECK(scanForSecrets(dir.path(), kSecrets).empty());
}
